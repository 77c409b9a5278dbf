"""The codebook appendix (notebooks/appendix_codebook): the codebook and gazetteer as tables."""

from __future__ import annotations

import pandas as pd

from .. import codebook
from ..analysis.judgments import codebook as reading
from ..analysis.profiles import grade_rules
from ..extract.claims import vocab as claims_vocab
from ..extract.codes import themes
from ..extract.statements import vocab as acts_vocab
from ..gazetteer import actors
from ..paths import CODEBOOK
from ..publish.listing import Listing


def codebook_themes() -> pd.DataFrame:
    """The themes codebook as a table. Columns: theme, label, code, terms."""
    return pd.DataFrame([{"theme": t, "label": s["label"], "code": c, "terms": ", ".join(terms)}
                         for t, s in themes().items() for c, terms in s["codes"].items()])


def gazetteer_table() -> pd.DataFrame:
    """The gazetteer as a table. Columns: id, name, type, aliases, role, stands for (the actor a capital
    stands for, as "taliban (capital)", or the one a person represents; empty for neither)."""
    def stands_for(a) -> str:
        return f"{a.government_of} (capital)" if a.government_of else (a.represents or "")

    return pd.DataFrame([{"id": a.id, "name": a.name, "type": a.type, "aliases": ", ".join(a.aliases),
                          "role": a.role or "", "stands for": stands_for(a)} for a in actors().values()])


def codebook_acts() -> pd.DataFrame:
    """The acts of codebook/acts.yml, one row per act. Columns: act, label, verbs, nouns, objects."""
    return pd.DataFrame([{"act": act, "label": spec["label"], "verbs": ", ".join(spec["verbs"]),
                          "nouns": ", ".join(spec.get("nouns", []) + spec.get("negated_forms", [])),
                          "objects": ", ".join(spec.get("objects", []))} for act, spec in acts_vocab()["acts"].items()])


def codebook_polarity() -> pd.DataFrame:
    """The polarity words of codebook/acts.yml. Columns: polarity, words."""
    pol = acts_vocab()["polarity"]
    return pd.DataFrame([
        {"polarity": "negated", "words": ", ".join(pol["negating"] + pol["negating_subjects"])},
        {"polarity": "prospective", "words": ", ".join(pol["prospective"] + pol["modals"])},
        {"polarity": "reported", "words": ", ".join(pol["reporting"])},
    ])


def codebook_claims() -> pd.DataFrame:
    """The claims codebook (claims.yml): the markers of each kind and the cues of each category.

    Columns: kind, category, label, words.
    """
    rows = []
    for kind, spec in claims_vocab()["kinds"].items():
        rows.append({"kind": kind, "category": "(marker)", "label": f"words that mark a {kind}",
                     "words": ", ".join(spec["markers"])})
        rows += [{"kind": kind, "category": cat, "label": c["label"], "words": ", ".join(c["cues"])}
                 for cat, c in spec["categories"].items()]
    return pd.DataFrame(rows)


def boilerplate_rules() -> pd.DataFrame:
    """The boilerplate rules as a table, their patterns apart (`boilerplate_patterns`).

    Columns: rule, description, conditions (every condition but the pattern; "pattern" when the rule
    has one).
    """
    out = []
    for r in codebook.load("boilerplate")["rules"]:
        conditions = ["pattern" if k == "pattern" else f"{k}: {v}" for k, v in r.items()
                      if k not in ("id", "description")]
        out.append({"rule": r["id"], "description": r["description"], "conditions": "; ".join(conditions)})
    return pd.DataFrame(out)


def boilerplate_patterns():
    """The regular expressions of the boilerplate rules, as a listing (rule, pattern) in rule order: a
    pattern has no word to keep whole, so it is shown as code that may break anywhere, not in a table."""
    return Listing([(r["id"], str(r["pattern"])) for r in codebook.load("boilerplate")["rules"] if "pattern" in r])


def analysis_instruments() -> pd.DataFrame:
    """The term categories of analysis.yml (claims true at their date, stances). Columns: instrument, category, label, terms, with."""
    data = codebook.load("analysis")
    out = []
    for section in ("recognition_claims", "stances"):
        for key, spec in data[section].items():
            out.append({"instrument": section, "category": key, "label": spec["label"],
                        "terms": ", ".join(spec["terms"]), "with": ", ".join(spec.get("with", []))})
    return pd.DataFrame(out)


# entries that tables of their own show (the themes, acts, claims, boilerplate rules, gazetteer,
# grades and judgments); every other entry of the codebook is a word list or a threshold
SHOWN_APART = {"themes": {"themes"}, "acts": {"acts", "polarity"}, "claims": {"kinds"}, "boilerplate": {"rules"},
               "actors": {"actors"}, "analysis": {"recognition_claims", "stances"},
               "reading": {"grades", "reliability", "confidence", "judgments", "adoption_rules", "key_figures"}}


def _flat(value) -> str:
    """A codebook value in one line: a list as 'a, b, c', a mapping as 'key: value; ...'."""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_flat(v)}" if k != "" else _flat(v) for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_flat(v) for v in value)
    return str(value)


def word_lists() -> pd.DataFrame:
    """Every word list and threshold of the codebook that no other appendix table shows: one row per
    entry of each codebook file, in file order. Columns: file, entry, values."""
    rows = []
    for path in sorted(CODEBOOK.glob("*.yml")):
        data = codebook.load(path.stem)
        if not isinstance(data, dict):
            continue
        for key, value in data.items():
            if key not in SHOWN_APART.get(path.stem, set()):
                rows.append({"file": path.name, "entry": key, "values": _flat(value)})
    return pd.DataFrame(rows, columns=["file", "entry", "values"])


def codebook_grades() -> pd.DataFrame:
    """The profile grade rules of reading.yml, first match wins. Index: rule (1, 2, ...). Columns: grade,
    label, origin, sourcing, expertise ("any" where the rule does not look)."""
    return pd.DataFrame([{"rule": i, "grade": g["grade"], "label": g["label"], "origin": g.get("origin", "any"),
                          "sourcing": g.get("sourcing", "any"), "expertise": g.get("expertise", "any")}
                         for i, g in enumerate(grade_rules(), 1)]).set_index("rule")


def codebook_reliability() -> pd.DataFrame:
    """The problems and credits of a source's track record (reading.yml, `reliability`) and what each does
    to its reliability. Index: problem (a credit's id too). Columns: meaning, lowers reliability (yes | no |
    "no: raises it a step, to the profile grade at best" for a credit)."""
    spec = reading()["reliability"]
    rows = [{"problem": p["id"].replace("_", " "), "meaning": p["label"],
             "lowers reliability": "yes" if p.get("lowers") else "no"} for p in spec["problems"]]
    rows += [{"problem": c["id"].replace("_", " "), "meaning": c["label"],
              "lowers reliability": "no: raises it a step, to the profile grade at best"} for c in spec.get("credits", [])]
    return pd.DataFrame(rows).set_index("problem")


def codebook_judgments() -> pd.DataFrame:
    """The key judgments of reading.yml: id, question, evidence (selectors, in words), checks. A selector
    reads "key: value, key: value", alternatives "a or b", selectors are separated by ";" (every
    separator is a place where a line may break)."""
    def words(selectors):
        return "; ".join(", ".join(f"{k}: {' or '.join(map(str, v)) if isinstance(v, list) else v}"
                                   for k, v in sel.items()) for sel in selectors or [])
    rows = [{"judgment": j["id"], "question": j["question"], "evidence": words(j["evidence"]),
             "unless": words(j.get("unless")), "checks": words(j.get("holds"))} for j in reading()["judgments"]]
    return pd.DataFrame(rows).set_index("judgment")
