"""Agreement between the two blind codings of each source (codings/blind/): Krippendorff's alpha per
field, nominal, with the `krippendorff` package.

The units are the sentences of the coded sources: for each sentence a coder's value is what they coded
in it (the statements as "actor act", or the categories of one kind of claim, joined; "none" when they
coded nothing there), so that agreeing that a sentence holds nothing counts as agreement. The attributes
(a statement's polarity, a claim's stance, a quotation's speaker and attribution) are compared on the
items both coders coded: the same actor and act, or kind and category, in the same sentence; quotations
whose spans overlap.
"""

from __future__ import annotations

import re
from functools import cache

import krippendorff
import numpy as np
import pandas as pd

from .codings import Coding
from .corpus import Corpus
from .gazetteer import actors

KEY = ["source_id", "paragraph", "sentence"]
NONE = "none"
KINDS = ("motive", "risk", "assessment")


def alpha(values: list[tuple[str | None, str | None]]) -> float:
    """Krippendorff's alpha (nominal) for two coders' values of each unit (None: the unit not coded by
    that coder); NaN when it is undefined (fewer than two values in all, or no unit both coded)."""
    pairs = [(a, b) for a, b in values if a is not None and b is not None]
    domain = sorted({v for pair in values for v in pair if v is not None})
    if not pairs or len(domain) < 2:
        return float("nan")
    index = {v: i for i, v in enumerate(domain)}
    data = np.array([[np.nan if a is None else index[a] for a, _ in values],
                     [np.nan if b is None else index[b] for _, b in values]], dtype=float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def _sentence_values(a: pd.DataFrame, b: pd.DataFrame, units: pd.DataFrame, label) -> list[tuple[str, str]]:
    """Per unit sentence, each coder's coded items in it (labels joined, sorted), or NONE."""
    def per_sentence(rows: pd.DataFrame) -> dict:
        if rows.empty:
            return {}
        labelled = rows.assign(_v=label(rows))
        return labelled.groupby(KEY)["_v"].agg(lambda v: "+".join(sorted(set(v)))).to_dict()

    va, vb = per_sentence(a), per_sentence(b)
    keys = list(zip(units.source_id, units.paragraph, units.sentence))
    return [(va.get(k, NONE), vb.get(k, NONE)) for k in keys]


def _shared(a: pd.DataFrame, b: pd.DataFrame, on: list[str], attribute: str) -> list[tuple[str, str]]:
    """(a's value, b's value) of `attribute` for the items both coded (the same `on` in the same sentence)."""
    both = a.drop_duplicates(KEY + on).merge(b.drop_duplicates(KEY + on), on=KEY + on, suffixes=("_a", "_b"))
    return list(zip(both[f"{attribute}_a"], both[f"{attribute}_b"]))


@cache
def _people() -> dict[str, str]:
    """A name or alias of a person of the gazetteer (and their surname), lowercased -> the person's id."""
    out: dict[str, str] = {}
    for a in actors().values():
        if a.type == "person":
            for n in (a.name, *a.aliases):
                out[n.lower()] = a.id
                out.setdefault(n.split()[-1].lower(), a.id)
    return out


def speaker_key(name: str) -> str:
    """A speaker as the two coders can be compared on: the gazetteer's person when the name (or its
    surname) is one of theirs ("Lavrov", "Sergei Lavrov"), else the name lowercased without its article."""
    plain = re.sub(r"^(?:a|an|the)\s+", "", str(name).strip().lower())
    people = _people()
    return people.get(plain) or people.get(plain.split()[-1] if plain else "", plain) if plain else ""


def _matched_quotes(a: pd.DataFrame, b: pd.DataFrame) -> list[tuple[pd.Series, pd.Series]]:
    """Quotations of the two coders whose spans overlap, one to one, in text order."""
    used, out = set(), []
    for ra in a.sort_values("char_start").itertuples():
        for rb in b.sort_values("char_start").itertuples():
            if rb.Index not in used and ra.source_id == rb.source_id and ra.char_start < rb.char_end \
                    and rb.char_start < ra.char_end:
                used.add(rb.Index)
                out.append((ra, rb))
                break
    return out


def field_values(corpus: Corpus, a: Coding, b: Coding) -> dict[str, list[tuple[str, str]]]:
    """The two codings' values of every field, by field: a list of (a's value, b's value) per unit."""
    units = corpus.sentences[corpus.sentences.source_id == a.source_id][KEY]
    sa, sb = a.rows["statements"], b.rows["statements"]
    ca, cb = a.rows["claims"], b.rows["claims"]
    qa, qb = a.rows["quotes"], b.rows["quotes"]
    out = {"statements: who does what": _sentence_values(sa, sb, units, lambda r: r.actor_id + " " + r.act),
           "statements: polarity": _shared(sa, sb, ["actor_id", "act"], "polarity")}
    for kind in KINDS:
        out[f"claims: {kind} categories"] = _sentence_values(ca[ca.kind == kind], cb[cb.kind == kind], units,
                                                             lambda r: r.category)
    out["claims: stance"] = _shared(ca, cb, ["kind", "category"], "stance")
    out["claims: who"] = [(("author" if x == "author" else "speaker"), ("author" if y == "author" else "speaker"))
                          for x, y in _shared(ca, cb, ["kind", "category"], "who")]
    out["quotes: found"] = _sentence_values(qa, qb, units, lambda r: pd.Series("quotation", index=r.index))
    matched = _matched_quotes(qa, qb)
    out["quotes: speaker"] = [(speaker_key(x.speaker), speaker_key(y.speaker)) for x, y in matched]
    out["quotes: attribution"] = [(x.attribution, y.attribution) for x, y in matched]
    return out


def reliability(corpus: Corpus, pairs: list[tuple[Coding, Coding]]) -> pd.DataFrame:
    """Agreement of the blind codings, per field, over every coded source.

    Index: field (in the order of `field_values`). Columns: units (how many were compared), agreement
    (share of units with the same value, %), alpha (Krippendorff's, nominal; NaN where undefined).
    """
    values: dict[str, list] = {}
    for a, b in pairs:
        for field, vs in field_values(corpus, a, b).items():
            values.setdefault(field, []).extend(vs)
    rows = {field: {"units": len(vs), "agreement": round(100 * sum(x == y for x, y in vs) / len(vs)) if vs else 0,
                    "alpha": round(alpha(vs), 2) if vs else float("nan")} for field, vs in values.items()}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("field")


def lead_reliability(pairs: list[tuple[Coding, Coding]]) -> pd.DataFrame:
    """Agreement on each source's lead motives (`leads`, codings/GUIDE.md): one unit per source, a coder's
    value being the motive categories they coded as its lead, joined ("none" when they coded none).

    Index: field ("leads: lead motives"). Columns as `reliability`'s."""
    def value(c: Coding) -> str:
        return "+".join(sorted(set(c.rows["leads"].category))) or NONE
    vs = [(value(a), value(b)) for a, b in pairs]
    row = {"units": len(vs), "agreement": round(100 * sum(x == y for x, y in vs) / len(vs)) if vs else 0,
           "alpha": round(alpha(vs), 2) if vs else float("nan")}
    return pd.DataFrame.from_dict({"leads: lead motives": row}, orient="index").rename_axis("field")


def aim_reliability(corpus: Corpus, pairs: list[tuple[Coding, Coding]]) -> pd.DataFrame:
    """Agreement on the Taliban's aims (claims of kind `aim`, coded in a round of their own), over the sentences
    of every coded source, as `reliability`. Index: field ("claims: aim categories")."""
    vs: list = []
    for a, b in pairs:
        units = corpus.sentences[corpus.sentences.source_id == a.source_id][KEY]
        ca, cb = a.rows["claims"], b.rows["claims"]
        vs += _sentence_values(ca[ca.kind == "aim"], cb[cb.kind == "aim"], units, lambda r: r.category)
    row = {"units": len(vs), "agreement": round(100 * sum(x == y for x, y in vs) / len(vs)) if vs else 0,
           "alpha": round(alpha(vs), 2) if vs else float("nan")}
    return pd.DataFrame.from_dict({"claims: aim categories": row}, orient="index").rename_axis("field")
