"""The codebook appendix (notebooks/appendix_codebook): the codebook and gazetteer as tables."""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus


def codebook_themes() -> pd.DataFrame:
    """The themes codebook as a table. Columns: theme, label, code, terms."""
    from ..extract.codes import themes

    return pd.DataFrame([{"theme": t, "label": s["label"], "code": c, "terms": ", ".join(terms)}
                         for t, s in themes().items() for c, terms in s["codes"].items()])


def gazetteer_table() -> pd.DataFrame:
    """The gazetteer as a table. Columns: id, name, type, aliases, role, government_of, represents."""
    from ..gazetteer import actors

    return pd.DataFrame([{"id": a.id, "name": a.name, "type": a.type, "aliases": ", ".join(a.aliases),
                          "role": a.role or "", "government_of": a.government_of or "",
                          "represents": a.represents or ""} for a in actors().values()])


def codebook_acts() -> pd.DataFrame:
    """The acts of codebook/acts.yml, one row per act. Columns: act, label, verbs, nouns, objects."""
    from ..extract.statements import vocab

    return pd.DataFrame([{"act": act, "label": spec["label"], "verbs": ", ".join(spec["verbs"]),
                          "nouns": ", ".join(spec.get("nouns", []) + spec.get("negated_forms", [])),
                          "objects": ", ".join(spec.get("objects", []))} for act, spec in vocab()["acts"].items()])


def codebook_polarity() -> pd.DataFrame:
    """The polarity words of codebook/acts.yml. Columns: polarity, words."""
    from ..extract.statements import vocab

    pol = vocab()["polarity"]
    return pd.DataFrame([
        {"polarity": "negated", "words": ", ".join(pol["negating"] + pol["negating_subjects"])},
        {"polarity": "prospective", "words": ", ".join(pol["prospective"] + pol["modals"])},
        {"polarity": "reported", "words": ", ".join(pol["reporting"])},
    ])


def codebook_claims() -> pd.DataFrame:
    """The claims codebook (claims.yml): the markers of each kind and the cues of each category.

    Columns: kind, category, label, words.
    """
    from ..extract.claims import vocab

    rows = []
    for kind, spec in vocab()["kinds"].items():
        rows.append({"kind": kind, "category": "(marker)", "label": f"words that mark a {kind}",
                     "words": ", ".join(spec["markers"])})
        rows += [{"kind": kind, "category": cat, "label": c["label"], "words": ", ".join(c["cues"])}
                 for cat, c in spec["categories"].items()]
    return pd.DataFrame(rows)


def boilerplate_rules() -> pd.DataFrame:
    """The boilerplate rules as a table. Columns: rule, description, conditions."""
    from .. import codebook

    out = []
    for r in codebook.load("boilerplate")["rules"]:
        conditions = "; ".join(f"{k}: {v}" for k, v in r.items() if k not in ("id", "description"))
        out.append({"rule": r["id"], "description": r["description"], "conditions": conditions})
    return pd.DataFrame(out)


def analysis_instruments() -> pd.DataFrame:
    """The term categories of analysis.yml (claims true at their date, stances). Columns: instrument, category, label, terms, with."""
    from .. import codebook

    data = codebook.load("analysis")
    out = []
    for section in ("recognition_claims", "stances"):
        for key, spec in data[section].items():
            out.append({"instrument": section, "category": key, "label": spec["label"],
                        "terms": ", ".join(spec["terms"]), "with": ", ".join(spec.get("with", []))})
    return pd.DataFrame(out)
