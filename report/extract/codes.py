"""Thematic codes: every body sentence gets the (theme, sub-code) pairs whose terms occur in it."""

from __future__ import annotations

from functools import cache

import pandas as pd
from spacy.matcher import Matcher

from .. import codebook
from ..nlp import pipeline
from .common import body_paragraphs

CODE_COLUMNS = ["source_id", "paragraph", "sentence", "theme", "code", "matched", "term"]


def term_pattern(term: str) -> list[dict]:
    """A Matcher pattern for one codebook term (see themes.yml for the syntax)."""
    exact = not any(ch.islower() for ch in term)
    out = []
    for token in pipeline().make_doc(term.rstrip("*")):
        out.append({"ORTH": token.text} if exact else {"LOWER": token.text.lower()})
    if term.endswith("*"):
        out[-1] = {"LOWER": {"REGEX": "^" + out[-1]["LOWER"]}} if not exact else {"TEXT": {"REGEX": "^" + out[-1]["ORTH"]}}
    return out


@cache
def themes() -> dict:
    """theme -> {"label": ..., "codes": {code: [terms]}}, in codebook order."""
    return codebook.load("themes")["themes"]


@cache
def matcher() -> tuple[Matcher, dict]:
    """The Matcher over every term, and the (theme, code, term) of each match id."""
    m = Matcher(pipeline().vocab, validate=True)
    keys = {}
    for theme, spec in themes().items():
        for code, terms in spec["codes"].items():
            for term in terms:
                key = f"{theme}|{code}|{term}"
                m.add(key, [term_pattern(term)])
                keys[pipeline().vocab.strings[key]] = (theme, code, term)
    return m, keys


def codes_table(corpus) -> pd.DataFrame:
    """One row per (body sentence, theme, code) with the first term that fired in it.

    Columns: source_id, paragraph, sentence, theme, code, matched (as written), term (from the codebook).
    """
    m, keys = matcher()
    rows = {}
    for para in body_paragraphs(corpus):
        for match_id, start, end in sorted(m(para.doc), key=lambda x: (x[1], x[2])):
            theme, code, term = keys[match_id]
            span = para.doc[start:end]
            sentence = para.sentence_at(span.start_char)
            key = (para.source_id, para.paragraph, sentence, theme, code)
            rows.setdefault(key, {"source_id": para.source_id, "paragraph": para.paragraph, "sentence": sentence,
                                  "theme": theme, "code": code, "matched": span.text, "term": term})
    return pd.DataFrame(list(rows.values()), columns=CODE_COLUMNS)
