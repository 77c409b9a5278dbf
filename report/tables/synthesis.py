"""Chapter 8 (notebooks/08_synthesis): the key judgments with their confidence, and the motives source by
source."""

from __future__ import annotations

import pandas as pd

from ..analysis import claims, criticism, door, judgments, numbers, timeline
from ..analysis.profiles import independent_count
from ..corpus import Corpus
from ..prose import and_join
from ..publish.provenance import EvidenceTable
from . import lists


BASIS_WORDS = {"said": "in so many words", "thesis": "as its thesis"}


def put_first_phrase(corpus: Corpus, category: str) -> str:
    """The sources that themselves put `category` first (their coded leads), in words, oldest first, each
    with how: "Odri Media (as its thesis, beside “trade, transit and economic stakes”) and The Christian Science
    Monitor (in so many words, in the words of experts)", the other motives named in quotation marks; "" when none does."""
    rows, _ = claims.lead_rows(corpus)
    names = claims.labels()
    outlets = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    parts = []
    for sid in door.source_order(corpus):
        mine = rows[rows.source_id == sid]
        if category not in set(mine.category):
            continue
        r = mine[mine.category == category].iloc[0]
        how = [BASIS_WORDS[r.basis]]
        others = [names[c] for c in mine.category if c != category]
        if others:
            how.append("beside " + and_join([f"“{o}”" for o in others]))
        if r.who != "author":
            how.append(f"in the words of {r.who}")
        parts.append(f"{outlets[sid]} ({', '.join(how)})")
    return and_join(parts)


def weigh_none(corpus: Corpus) -> list[str]:
    """The sources coded for their lead motive that put none first, oldest first."""
    le = claims.leads(corpus)
    return list(le.source_id[le.lead == "none"])


def leads_list(corpus: Corpus) -> EvidenceTable:
    """What each source itself puts first, where it puts one: the motive(s), on what ground and in its words,
    linked to the paragraph."""
    le = claims.leads(corpus)
    le = le[le.paragraph > 0].assign(basis=lambda d: d.basis.map(lambda b: ", ".join(
        BASIS_WORDS.get(x, x) for x in b.split(", "))))
    return EvidenceTable(le.rename(columns={"lead": "first", "basis": "how", "quote": "words"}),
                         ["first", "how", "words"])


def _written_after(corpus: Corpus, ids) -> int:
    """How many of the sources `ids` were published on or after the recognition (`timeline.recognition_path`),
    compared at the precision of each source's date."""
    after = timeline.recognition_path(corpus)["recognition"]
    dates = door.published(corpus)
    return sum(1 for s in ids if after and dates[s] >= after[:len(dates[s])])


def ranked_motives(corpus: Corpus) -> pd.DataFrame:
    """Table 8.1: the motives ranked (`claims.ranking`) and weighed by who gives them: how many sources put each
    first themselves; how many give it and how many of those are independent (`profiles.independent_count`:
    a rewrite of unnamed reports is not); the best reliability among them (`criticism.reliability`); how many
    give it in a text written after the recognition (`timeline.recognition_path`); and how many deny it (a claim
    of the category with stance denied). Ordered by weight: independent sources, then the best grade, then
    sources, then how many put it first. Room (sentences) is left out: it is not weight."""
    ranked = claims.ranking(corpus)
    per = claims.of_kind(corpus).groupby("category").source_id.agg(lambda s: sorted(set(s)))
    per.index = per.index.map(claims.labels())
    rel = criticism.reliability(corpus).set_index("source_id")
    cl = door.evidence(corpus)["claims"]
    denied = cl[(cl.kind == "motive") & (cl.get("stance", pd.Series("affirmed", index=cl.index)) == "denied")]
    denied_by = denied.groupby(denied.category.map(claims.labels())).source_id.nunique()
    rows = []
    for label in ranked.index:
        ids = per.get(label, [])
        rows.append({"put first by": int(ranked.loc[label, "put first by"]), "sources": int(ranked.loc[label, "sources"]),
                     "independent": independent_count(corpus, ids),
                     "best grade": min((rel.loc[s, "reliability"] for s in ids), default=""),
                     "written after the step": _written_after(corpus, ids),
                     "denied by": int(denied_by.get(label, 0))})
    out = pd.DataFrame(rows, index=ranked.index)
    out["_grade"] = out["best grade"].replace("", "Z")  # no grade sorts last
    out = out.sort_values(["independent", "_grade", "sources", "put first by"], ascending=[False, True, False, False],
                          kind="stable")
    return out.drop(columns="_grade")


def leaders_level(corpus: Corpus, k: int = 3) -> dict:
    """Whether the `k` motives ranked first (`ranked_motives`) stand level once weighed by who gives them: the
    same number of independent sources, the same best grade and the same number of sources written after the
    step, so that only what the sources put first orders them. Keys: holds, names (labels, in rank order),
    n_independent, grade, n_after."""
    top = ranked_motives(corpus).head(k)
    columns = ["independent", "best grade", "written after the step"]
    level = len(top) == k and all(top[c].nunique() == 1 for c in columns)
    first = top.iloc[0] if len(top) else None
    return {"holds": bool(level), "names": list(top.index),
            "n_independent": int(first["independent"]) if first is not None else 0,
            "grade": str(first["best grade"]) if first is not None else "",
            "n_after": int(first["written after the step"]) if first is not None else 0}


def aims_weighed(corpus: Corpus) -> pd.DataFrame:
    """What the sources say the Taliban seek (claims of kind `aim`), weighed as the motives are: per aim, how
    many sources give it and how many of those are independent, the best reliability among them, how many
    give it in a text written after the recognition, and how many sentences; most sources first.

    Index: aim (label). Columns: sources, independent, best grade, written after the step, sentences."""
    aims = claims.of_kind(corpus, "aim").drop_duplicates(door.SENTENCE_KEY + ["category"])
    rel = criticism.reliability(corpus).set_index("source_id")
    rows = {}
    for category, label in claims.labels("aim").items():
        mine = aims[aims.category == category]
        ids = sorted(set(mine.source_id))
        if not ids:
            continue
        rows[label] = {"sources": len(ids), "independent": independent_count(corpus, ids),
                       "best grade": min(rel.loc[s, "reliability"] for s in ids),
                       "written after the step": _written_after(corpus, ids),
                       "sentences": len(mine.drop_duplicates(door.SENTENCE_KEY))}
    out = pd.DataFrame.from_dict(rows, orient="index",
                                 columns=["sources", "independent", "best grade", "written after the step", "sentences"])
    return out.sort_values(["sources", "independent", "sentences"], ascending=False, kind="stable").rename_axis("aim")


def recognition_sought(corpus: Corpus) -> dict:
    """Whether the sources give recognition as the Taliban's leading aim: `failures` (empty while it is among the
    aims the most sources give, from at least two sources, one of them independent), `n` (how many sources give
    it, and `independent`: how many of those are), `phrase` (those sources' outlets, oldest first) and `with` (the
    other aims given by as many sources)."""
    table = aims_weighed(corpus)
    label = claims.labels("aim")["recognition"]
    failures = []
    if label not in table.index:
        return {"failures": ["no source gives recognition as an aim of the Taliban"], "n": 0, "independent": 0,
                "phrase": "", "with": []}
    row = table.loc[label]
    if row.sources < table.sources.max():
        failures.append(f"{table.sources.idxmax()} is given by more sources ({table.sources.max()}) than recognition ({row.sources})")
    if row.sources < 2 or row.independent < 1:
        failures.append(f"recognition is given by {row.sources} sources, {row.independent} independent")
    ids = set(claims.of_kind(corpus, "aim").query("category == 'recognition'").source_id)
    return {"failures": failures, "n": int(row.sources), "independent": int(row.independent),
            "phrase": lists.ordered_outlets(corpus, ids),
            "with": [a for a in table.index[table.sources == row.sources] if a != label]}


def trade_before_recognition(corpus: Corpus) -> list[str]:
    """Whether trade ran without recognition: the key figure of trade (`numbers.number_about`) is dated, by the
    one year its sentence gives, before the recognition (`timeline.recognition_path`). The failures, in words
    (empty while it holds)."""
    trade = numbers.number_about(corpus, "trade")
    recognised = timeline.recognition_path(corpus)["recognition"]
    if trade is None or not recognised:
        return ["no trade figure, or no recognition dated"]
    year = numbers.one_year(trade["words"])
    if year is None or year >= recognised[:4]:
        return [f"the trade figure is not dated before the recognition ({trade['words']})"]
    return []


def recognition_reasons(corpus: Corpus) -> dict:
    """Moscow's side of the formal step, as the sources give it: the sources that give the terrorist listing as
    the bar to formal ties (`timeline.why_now`, `legal_sources`) and the motive claims that say what recognition
    itself can bring (guards.yml, selector `recognition_brings`). Keys: legal (outlets), brings (outlets),
    brings_who (the speakers, or "the author"), brings_categories (motive labels), failures (what no longer
    holds of "the listing had barred formal ties, and recognition, an expert says, can bring security
    cooperation and business")."""
    legal = timeline.why_now(corpus)["legal_sources"]
    rows = judgments.named(corpus, "recognition_brings")
    c = door.affirmed_claims(door.evidence(corpus)["claims"])
    brings = c[c.kind == "motive"].merge(rows[door.SENTENCE_KEY].drop_duplicates(), on=door.SENTENCE_KEY)
    names = claims.labels()
    found = [names[k] for k in names if k in set(brings.category)]
    who = sorted(set(brings.who))
    failures = []
    if not legal:
        failures.append("no source gives the listing as the bar to formal ties")
    if not {"security", "economic"} <= set(brings.category):
        failures.append(f"what recognition can bring is not security and business: {found}")
    if not who or "author" in who:
        failures.append(f"what recognition can bring is not a speaker's: {who}")
    return {"legal": lists.ordered_outlets(corpus, legal), "brings": lists.ordered_outlets(corpus, brings.source_id),
            "brings_who": and_join(who), "brings_categories": found, "failures": failures}


def official_quote(corpus: Corpus, category: str) -> dict | None:
    """The words of one of the home country's officials (`claims.home_voices`) that carry a motive of
    `category`, as the first primary source (oldest first) quotes them: {speaker, quote, source_id,
    paragraph}, or None when no primary source quotes one."""
    officials = set(claims.home_voices(corpus, category))
    origin = dict(zip(corpus.sources.source_id, corpus.sources.origin))
    q = claims.quotations(corpus, category)
    q = q[q.speaker.isin(officials) & (q.source_id.map(origin) != "derivative")]
    order = {s: i for i, s in enumerate(door.source_order(corpus))}
    if q.empty:
        return None
    r = q.assign(_o=q.source_id.map(order)).sort_values(["_o", "paragraph"], kind="stable").iloc[0]
    return {"speaker": r.speaker, "quote": r.quote, "source_id": r.source_id, "paragraph": int(r.paragraph)}
