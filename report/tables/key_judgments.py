"""The key judgments page (notebooks/key_judgments): the judgments by question, the key figures
box and the confidence scale."""

from __future__ import annotations

import pandas as pd

from ..analysis import judgments, numbers, timeline
from ..analysis.profiles import source_profiles
from ..codebook import load
from ..corpus import Corpus
from ..gazetteer import actors
from ..prose import long_date, numbering
from ..publish.provenance import JudgmentList


def judged(corpus: Corpus) -> tuple[dict[str, list[judgments.Judgment]], dict[str, int]]:
    """Every key judgment, checked (a failed check raises GuardFailed naming every sentence that fails),
    grouped by question, and the number of each group's first judgment when they are numbered in one run."""
    groups = judgments.by_question(judgments.check_judgments(corpus))
    return groups, numbering(groups)


def basis(corpus: Corpus, conf: dict, contradicting: list[str], template: str | None = None) -> str:
    """What a confidence rests on, in words: how many sources, how independent, their grades, and who
    contradicts. `template` (from the codebook) may word the first part, with {n} and {total}."""
    profiles = source_profiles(corpus).set_index("source_id")
    sources, n, total = conf["sources"], conf["independent"], len(corpus.sources)
    grades = profiles.loc[sources].groupby(["rank", "grade_label"]).size() if sources else pd.Series(dtype=int)
    kinds = "; ".join(f"{v} {label}" for (_, label), v in grades.items())
    said = (template.format(n=len(sources), total=total) if template
            else f"{len(sources)} of {total} sources state it")
    if sources:
        said += (", all independent" if n == len(sources) else f", {n} of them independent") + f" ({kinds})"
    against = (f"contradicted by {len(contradicting)} later source{'s' if len(contradicting) != 1 else ''} "
               f"({', '.join(contradicting)})" if contradicting else "no later source contradicts it")
    unreviewed = conf.get("unreviewed", 0)
    review = (f"; {unreviewed} of its rows unreviewed (the machine reader's, from sources not yet coded by hand)"
              if unreviewed else "")
    return f"{said}; {against}{review}"


def judgment_list(corpus: Corpus, group: list[judgments.Judgment], start: int = 1) -> JudgmentList:
    """The judgments of one question as numbered blocks from `start`, each with what its confidence rests on."""
    return JudgmentList(group, start, [basis(corpus, j.confidence, j.contradicting, j.basis_template) for j in group])


def key_facts(corpus: Corpus) -> pd.DataFrame:
    """The key figures box: the facts of `key_figures.facts` that a source gives, then the key dates of
    the path to recognition, each with its source paragraph and a note (corroborated, disputed, or given
    by one source only). Columns: source_id, paragraph, fact, value, note."""
    spec = numbers.spec()
    rows = []
    for fact in spec["facts"]:
        found = numbers.number_about(corpus, fact["id"])
        if found is None:
            continue
        rows.append({"source_id": found["source_id"], "paragraph": found["paragraph"], "fact": fact["label"],
                     "value": found["number"], "note": (f"also given by {found['also_given_by']}"
                                                        if found["also_given_by"] else "one source only")})
    e = timeline.dated_acts(corpus)
    adopted = timeline.adopted_date(corpus, "recognises")
    key_dates = spec["dates"]
    actor = actors()[key_dates["actor"]].name  # the events table names its actors
    for act, label in ((d["act"], d["label"]) for d in key_dates["facts"]):
        hit = e[(e.act == act) & (e.actor == actor)]
        if hit.empty:
            continue
        r = hit.iloc[0]
        note = (f"{r.sources} sources" if r.sources > 1 else "one source only")
        if act == "recognises" and adopted:
            note += (f"; {', '.join(adopted['rejected_sources'])} gives "
                     f"{', '.join(long_date(d) for d in adopted['rejected'])}, set aside ({adopted['rule']})")
        rows.append({"source_id": r.source_id, "paragraph": int(r.paragraph), "fact": label, "value": long_date(r.date),
                     "note": note})
    return pd.DataFrame(rows, columns=["source_id", "paragraph", "fact", "value", "note"])


def confidence_scale() -> pd.DataFrame:
    """The confidence vocabulary of the codebook. Columns: confidence, meaning, sources (at least),
    best grade (at least), contradicting (at most), unreviewed rows (at most)."""
    return pd.DataFrame([{"confidence": c["label"], "meaning": c["meaning"], "sources (at least)": c["independent"],
                          "best grade (at least)": c.get("best_grade", "any"),
                          "contradicting (at most)": c.get("contradicting", "any"),
                          "unreviewed rows (at most)": c.get("unreviewed", "any")}
                         for c in load("reading")["confidence"]])
