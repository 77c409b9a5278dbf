"""The key judgments page (notebooks/key_judgments): the judgments by question, the key figures
box and the confidence scale."""

from __future__ import annotations

import pandas as pd

from ..analysis import criticism, disputes, judgments, numbers, timeline
from ..analysis.door import affirmed_claims
from ..analysis.door import evidence as analysis_evidence
from ..codebook import load
from ..corpus import Corpus
from ..gazetteer import actors
from ..prose import and_join, long_date, numbering
from ..publish.provenance import JudgmentList


def judged(corpus: Corpus) -> tuple[dict[str, list[judgments.Judgment]], dict[str, int]]:
    """Every key judgment, checked (a failed check raises GuardFailed naming every sentence that fails),
    grouped by question, and the number of each group's first judgment when they are numbered in one run."""
    groups = judgments.by_question(judgments.check_judgments(corpus))
    return groups, numbering(groups)


def basis(corpus: Corpus, conf: dict, contradicting: list[str], template: str | None = None,
          divided: list[str] | None = None) -> str:
    """What a confidence rests on, in words: how many sources state it, how many of them independent and the
    best grade among those (each source's grade is in chapter 1; the sources are named in the judgment's
    evidence), who contradicts, which of its own sources also assess it the other way (`divided`), and whether it is the authors' inference. `template` (from the
    codebook) may word the first part, with {n} and {total}."""
    rel = criticism.reliability(corpus).set_index("source_id")
    sources, n, total = conf["sources"], conf["independent"], len(corpus.sources)
    said = (template.format(n=len(sources), total=total) if template
            else f"the authors' inference from {len(sources)} of {total} sources" if conf.get("inference")
            else f"{len(sources)} of {total} sources state it")
    origin = dict(zip(corpus.sources.source_id, corpus.sources.origin))
    based = dict(zip(corpus.sources.source_id, corpus.sources.based_on))
    primary = [s for s in sources if origin.get(s) != "derivative"]
    rewrites = [s for s in sources if origin.get(s) == "derivative" and based.get(s) in origin]
    derivative = [s for s in sources if origin.get(s) == "derivative" and based.get(s) not in origin]

    def best(ids):
        return rel.loc[ids, "reliability"].min()  # letters: the first is the best

    parts = []
    if sources:
        parts.append(f"{n} independent, the best graded {best(primary)}" if primary else "none independent")
        if rewrites:
            parts.append(f"{len(rewrites)} rewriting another")
        if derivative:
            parts.append(f"{len(derivative)} derivative")
        said += " (" + "; ".join(parts) + ")"
    divided = divided or []
    against = "; ".join(
        ([f"contradicted by {len(contradicting)} later source{'s' if len(contradicting) != 1 else ''} "
          f"({', '.join(contradicting)})"] if contradicting else [])
        + ([f"{len(divided)} of {'them' if sources else 'its sources'} also assess{'es' if len(divided) == 1 else ''} "
            f"it the other way ({', '.join(divided)})"] if divided else [])) or "uncontradicted"
    lowers_nothing = [s for s in contradicting + divided if s not in conf.get("counted_against", contradicting + divided)]
    if lowers_nothing:  # a derivative source whose original is unknown neither bears a judgment nor breaks it
        against += f", which, being derivative, lowers nothing ({', '.join(lowers_nothing)})" if len(lowers_nothing) > 1 \
            else ", which, being derivative, lowers nothing"
    unreviewed = conf.get("unreviewed", 0)
    review = (f"; {unreviewed} of its rows unreviewed (from sources not yet coded by hand)" if unreviewed else "")
    return f"{said}; {against}{review}"


def short_basis(corpus: Corpus, conf: dict, contradicting: list[str], divided: list[str] | None = None) -> str:
    """What a confidence rests on, in a few words for the page (`basis` gives it in full): how many sources
    bear it, how many of them independent and the best grade among those, whether a source counted against
    it contradicts it, and whether it is the authors' inference."""
    rel = criticism.reliability(corpus).set_index("source_id")
    sources, n = conf["sources"], conf["independent"]
    origin = dict(zip(corpus.sources.source_id, corpus.sources.origin))
    primary = [s for s in sources if origin.get(s) != "derivative"]
    out = f"{len(sources)} of {len(corpus.sources)} sources"
    if primary:
        out += f", {n} independent, best graded {rel.loc[primary, 'reliability'].min()}"
    against = conf.get("counted_against", contradicting + (divided or []))
    if against:
        out += f"; contradicted by {len(against)}"
    return out + ("; the authors' inference" if conf.get("inference") else "")


def judgment_list(corpus: Corpus, group: list[judgments.Judgment], start: int = 1) -> JudgmentList:
    """The judgments of one question as numbered blocks from `start`, each with what its confidence rests on,
    in short and in full."""
    return JudgmentList(group, start, [basis(corpus, j.confidence, j.contradicting, j.basis_template, j.divided)
                                       for j in group],
                        [short_basis(corpus, j.confidence, j.contradicting, j.divided) for j in group])


def key_facts(corpus: Corpus) -> pd.DataFrame:
    """The key figures box: the facts of `key_figures.facts` that a source gives, then the key dates of
    the path to recognition, each with its source paragraph and a note (corroborated, disputed, or given
    by one source). Columns: source_id, paragraph, fact, value, note."""
    spec = numbers.spec()
    rows = []
    for fact in spec["facts"]:
        found = numbers.number_about(corpus, fact["id"])
        if found is None:
            continue
        value = numbers.dated(found, " ({year})")  # with the one year the sentence gives, if one
        rows.append({"source_id": found["source_id"], "paragraph": found["paragraph"], "fact": fact["label"],
                     "value": value, "note": (f"also given by {found['also_given_by']}"
                                                        if found["also_given_by"] else "one source")})
    e = timeline.dated_acts(corpus)
    adopted = timeline.adopted_date(corpus, "recognises")
    key_dates = spec["dates"]
    actor = actors()[key_dates["actor"]].name  # the events table names its actors
    for act, label in ((d["act"], d["label"]) for d in key_dates["facts"]):
        hit = e[(e.act == act) & (e.actor == actor)]
        if hit.empty:
            continue
        r = hit.iloc[0]
        note = (f"{r.sources} sources" if r.sources > 1 else "one source")
        if r.date[:4] not in r.text:  # "On 3 July": the year is the source's publication year, not its words
            note += "; the year from the source's date, not its words"
        if act == "recognises" and adopted:
            outlets = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
            note += (f"; {and_join([outlets[s] for s in adopted['rejected_sources']])} gives "
                     f"{', '.join(long_date(d) for d in adopted['rejected'])}, set aside: {adopted['rule']}")
        rows.append({"source_id": r.source_id, "paragraph": int(r.paragraph), "fact": label, "value": long_date(r.date),
                     "note": note})
    return pd.DataFrame(rows, columns=["source_id", "paragraph", "fact", "value", "note"])


def confidence_scale() -> pd.DataFrame:
    """The confidence vocabulary of the codebook. Columns: confidence, meaning, sources (at least),
    most reliable source (at least), contradicting (at most), unreviewed rows (at most)."""
    return pd.DataFrame([{"confidence": c["label"], "meaning": c["meaning"], "sources (at least)": c["independent"],
                          "most reliable source (at least)": c.get("best_reliability", "any"),
                          "contradicting (at most)": c.get("contradicting", "any"),
                          "unreviewed rows (at most)": c.get("unreviewed", "any")}
                         for c in load("reading")["confidence"]])


def brief_comparison(corpus: Corpus) -> dict:
    """How the book's answer compares with the best short brief among the sources (reading.yml, `brief`):
    the brief's outlet and `failures`, the checks of the comparison's wording that fail (the brief calls the
    recognition a formality; it gives the security, anti-Western and economic motives; the book's readings
    it leans on hold)."""
    brief = load("reading")["brief"]
    c = affirmed_claims(analysis_evidence(corpus)["claims"])
    mine = c[c.source_id == brief]
    failures = []
    if not ((mine.kind == "assessment") & (mine.category == "formality")).any():
        failures.append(f"{brief} no longer calls the recognition a formality")
    missing = {"security", "anti_western", "economic"} - set(mine.category[mine.kind == "motive"])
    if missing:
        failures.append(f"{brief} gives no motive of {', '.join(sorted(missing))}")
    failures += [f"security-first: {m}" for m in judgments.check(corpus, "security-first")]
    adopted = disputes.adopted(corpus).set_index("dispute")
    failures += [f"first: {m}" for m in adopted.loc["first", "failures"]]  # the region moved before Moscow
    names = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    return {"brief_outlet": names.get(brief, brief), "failures": failures}
