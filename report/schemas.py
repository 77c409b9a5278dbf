"""pandera schemas: each base table's columns, types and checks, declared once."""

from __future__ import annotations

import pandera.pandas as pa

from . import codebook
from .gazetteer import TYPES
from .manifest import EXPERTISE, ID_RE, KINDS, LICENCES, ORIGINS, SOURCING

_ID = pa.Column(str, pa.Check.str_matches(ID_RE.pattern))
_POS = pa.Check.ge(1)
_OFFSET = pa.Check.ge(0)


def _spans(df):
    return (df["char_end"] > df["char_start"]).all()


SOURCES = pa.DataFrameSchema(
    {
        "source_id": _ID,
        "file": pa.Column(str),
        "title": pa.Column(str),
        "outlet": pa.Column(str),
        "author": pa.Column(str, nullable=True),
        "published": pa.Column(str, pa.Check.str_matches(r"^\d{4}(-\d{2}(-\d{2})?)?$")),
        "published_precision": pa.Column(str, pa.Check.isin(["year", "month", "day"])),
        "published_note": pa.Column(str, nullable=True),
        "url": pa.Column(str, pa.Check.str_startswith("https://"), nullable=True),
        "accessed": pa.Column(str, pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$"), nullable=True),
        "kind": pa.Column(str, pa.Check.isin(list(KINDS))),
        "publisher": pa.Column(str, nullable=True),
        "expertise": pa.Column(str, pa.Check.isin(list(EXPERTISE)), nullable=True),
        "sourcing": pa.Column(str, pa.Check.isin(list(SOURCING)), nullable=True),
        "origin": pa.Column(str, pa.Check.isin(list(ORIGINS)), nullable=True),
        "based_on": pa.Column(str, nullable=True),
        "licence": pa.Column(str, pa.Check.isin(list(LICENCES)), nullable=True),
        "licence_note": pa.Column(str, nullable=True),
        "words": pa.Column(int, _OFFSET),
        "paragraphs": pa.Column(int, _POS),
        "boilerplate_paragraphs": pa.Column(int, _OFFSET),
        "sentences": pa.Column(int, _OFFSET),
    },
    strict=True, ordered=True, unique=["source_id"],
)

PARAGRAPHS = pa.DataFrameSchema(
    {
        "source_id": _ID,
        "paragraph": pa.Column(int, _POS),
        "char_start": pa.Column(int, _OFFSET),
        "char_end": pa.Column(int, _OFFSET),
        "text": pa.Column(str, pa.Check.str_length(min_value=1)),
        "boilerplate": pa.Column(bool),
        "boilerplate_rule": pa.Column(str),
    },
    checks=[pa.Check(_spans, error="char_end must exceed char_start")],
    strict=True, ordered=True, unique=["source_id", "paragraph"],
)

SENTENCES = pa.DataFrameSchema(
    {
        "source_id": _ID,
        "paragraph": pa.Column(int, _POS),
        "sentence": pa.Column(int, _POS),
        "char_start": pa.Column(int, _OFFSET),
        "char_end": pa.Column(int, _OFFSET),
        "text": pa.Column(str, pa.Check.str_length(min_value=1)),
    },
    checks=[pa.Check(_spans, error="char_end must exceed char_start")],
    strict=True, ordered=True, unique=["source_id", "paragraph", "sentence"],
)


def _evidence(columns: dict, key: list[str]) -> pa.DataFrameSchema:
    base = {"source_id": _ID, "paragraph": pa.Column(int, _POS), "sentence": pa.Column(int, _POS)}
    return pa.DataFrameSchema({**base, **columns}, strict=True, ordered=True, unique=key)


_ISO = pa.Check.str_matches(r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")
_SPAN = {"char_start": pa.Column(int, _OFFSET), "char_end": pa.Column(int, _OFFSET)}

EVENTS = _evidence({
    **_SPAN, "date_text": pa.Column(str), "date": pa.Column(str, _ISO), "date_end": pa.Column(str, _ISO),
    "precision": pa.Column(str, pa.Check.isin(["day", "month", "year", ""])),
    "kind": pa.Column(str, pa.Check.isin(["day", "month", "year", "range", "decade", "weekday", "relative"])),
    "resolved": pa.Column(bool), "text": pa.Column(str),
}, ["source_id", "paragraph", "sentence", "char_start"])

QUOTES = _evidence({
    **_SPAN, "quote": pa.Column(str), "speaker": pa.Column(str), "speaker_id": pa.Column(str),
    "kind": pa.Column(str, pa.Check.isin(["direct", "partial", "block", "term"])), "rule": pa.Column(str),
    "unclosed": pa.Column(bool),
}, ["source_id", "paragraph", "char_start"])

NUMBERS = _evidence({
    **_SPAN, "text": pa.Column(str), "value": pa.Column(float), "unit": pa.Column(str),
    "qualifier": pa.Column(str),
}, ["source_id", "paragraph", "char_start"])

MENTIONS = _evidence({
    **_SPAN, "text": pa.Column(str), "actor_id": pa.Column(str), "actor": pa.Column(str),
    "type": pa.Column(str, pa.Check.isin(list(TYPES))),
    "rule": pa.Column(str, pa.Check.isin(["alias", "surname", "metonym", "place"])),
}, ["source_id", "paragraph", "sentence", "char_start"])

CODES = _evidence({
    "theme": pa.Column(str), "code": pa.Column(str), "matched": pa.Column(str), "term": pa.Column(str),
}, ["source_id", "paragraph", "sentence", "theme", "code"])

ACTS = list(codebook.load("acts")["acts"])  # the acts and polarities of codebook/acts.yml
POLARITIES = list(codebook.load("acts")["polarities"])

# The book's statements and claims (book/data/) add what review says of each row: `coded` (reviewed, or
# machine for a row of a source no one has coded), `machine_found` (whether the machine reader found a
# reviewed row too) and, for claims, `stance`; the machine reader's own tables lack these columns.
_REVIEW = {"coded": pa.Column(str, pa.Check.isin(["reviewed", "machine"]), required=False),
           "machine_found": pa.Column(bool, required=False)}

STATEMENTS = _evidence({
    **_SPAN, "actor_id": pa.Column(str), "actor": pa.Column(str), "act": pa.Column(str, pa.Check.isin(ACTS)),
    "polarity": pa.Column(str, pa.Check.isin(POLARITIES)), "as_of": pa.Column(str, _ISO), "trigger": pa.Column(str),
    "text": pa.Column(str), **_REVIEW,
}, ["source_id", "paragraph", "sentence", "actor_id", "act", "polarity"])

CLAIMS = _evidence({
    "kind": pa.Column(str, pa.Check.isin(["motive", "risk", "assessment", "aim"])), "category": pa.Column(str), **_SPAN,
    "who": pa.Column(str), "speaker_id": pa.Column(str), "marker": pa.Column(str), "cue": pa.Column(str),
    "text": pa.Column(str), **_REVIEW,
    "stance": pa.Column(str, pa.Check.isin(["affirmed", "denied"]), required=False),
}, ["source_id", "paragraph", "sentence", "kind", "category"])
