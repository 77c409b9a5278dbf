"""Chapter 1 (notebooks/01_sources): the sources, how reliable each is and why, and where they disagree;
the method page shows their size, their boilerplate and what they cover."""

from __future__ import annotations

import pandas as pd

from ..analysis import criticism, door, judgments
from ..analysis import disputes as dispute_analysis
from ..analysis.profiles import source_profiles
from ..analysis.statements import organs_behind, organs_differ  # noqa: F401 (organs_differ: for chapter 1)
from ..analysis.timeline import date_disputes
from ..boilerplate import rules
from ..corpus import Corpus
from ..extract.codes import themes
from ..prose import and_join, long_date


def source_register(corpus: Corpus) -> pd.DataFrame:
    """One row per source, oldest first, indexed by source_id; a missing author is ''.

    Columns: published, outlet, title, author, kind.
    """
    cols = ["source_id", "published", "outlet", "title", "author", "kind"]
    return (
        corpus.sources[cols]
        .fillna({"author": ""})
        .sort_values(["published", "source_id"])
        .set_index("source_id")
    )


def source_sizes(corpus: Corpus) -> pd.DataFrame:
    """Size of each source, oldest first; counts of words and sentences are of the body (not boilerplate).

    Index: source_id. Columns: published, words, paragraphs, boilerplate_paragraphs, sentences,
    words_per_sentence.
    """
    s = corpus.sources
    return (
        s[["source_id", "published", "words", "paragraphs", "boilerplate_paragraphs", "sentences"]]
        .assign(words_per_sentence=(s["words"] / s["sentences"].where(s["sentences"] > 0)).round(1))
        .sort_values(["published", "source_id"])
        .set_index("source_id")
    )


def boilerplate_by_rule(corpus: Corpus) -> pd.DataFrame:
    """Paragraphs flagged as boilerplate, by rule (rows, in codebook order) and source (columns).

    Index: rule. Columns: one per source id, total. Rules that never fired are kept with zeros.
    """
    order = [r.id for r in rules()[0]]
    flagged = corpus.paragraphs.query("boilerplate")
    counts = pd.crosstab(flagged["boilerplate_rule"], flagged["source_id"])
    counts = counts.reindex(index=order, columns=sorted(corpus.sources["source_id"]), fill_value=0)
    return counts.rename_axis(index="rule", columns=None).assign(total=counts.sum(axis=1))


def boilerplate_paragraphs(corpus: Corpus) -> pd.DataFrame:
    """Every paragraph set aside as boilerplate, with the rule that flagged it.

    Columns: source_id, paragraph, rule, text. Sorted by source_id, paragraph.
    """
    return (
        corpus.paragraphs.query("boilerplate")
        .rename(columns={"boilerplate_rule": "rule"})[["source_id", "paragraph", "rule", "text"]]
        .sort_values(["source_id", "paragraph"], ignore_index=True)
    )


def corpus_totals(corpus: Corpus) -> dict[str, int | str]:
    """Headline numbers of the corpus, as plain Python values ready for glue (dates in words; how many
    publication dates are estimates, `door.date_estimated`)."""
    s = corpus.sources
    return {
        "n_sources": len(s),
        "n_outlets": int(s["outlet"].nunique()),
        "n_words": int(s["words"].sum()),
        "n_paragraphs": int(s["paragraphs"].sum()),
        "n_boilerplate": int(s["boilerplate_paragraphs"].sum()),
        "n_sentences": int(s["sentences"].sum()),
        "first_published": long_date(str(s["published"].min())),
        "last_published": long_date(str(s["published"].max())),
        "n_dates_estimated": sum(door.date_estimated(corpus).values()),
    }


def theme_coverage(corpus: Corpus) -> pd.DataFrame:
    """Share (%) of each source's body sentences coded with each theme, oldest source first.

    Index: source_id. Columns: one per theme, in codebook order, labelled by the theme id.
    """
    codes = door.evidence(corpus)["codes"]
    coded = codes.drop_duplicates(["source_id", "paragraph", "sentence", "theme"])
    counts = pd.crosstab(coded["source_id"], coded["theme"]).reindex(
        index=door.source_order(corpus), columns=list(themes()), fill_value=0)
    sentences = corpus.sources.set_index("source_id")["sentences"].reindex(counts.index)
    return (counts.div(sentences.where(sentences > 0), axis=0) * 100).round(1).fillna(0.0).rename_axis(
        index="source_id", columns=None)


def theme_labels() -> dict[str, str]:
    """Theme id -> its label in the codebook."""
    return {theme: spec["label"] for theme, spec in themes().items()}






def _rule_group(name: str) -> list[str]:
    return judgments.vocabulary("boilerplate")[name]


def summary_paragraphs(corpus: Corpus) -> pd.DataFrame:
    """The outlets' own summaries of their articles (the boilerplate rules of the group `summary`,
    codebook/guards.yml), kept out of the evidence. Columns: the paragraphs table's."""
    return corpus.paragraphs[corpus.paragraphs.boilerplate_rule.isin(_rule_group("summary"))]


def furniture_share(corpus: Corpus) -> dict:
    """How many paragraphs were set aside as boilerplate, and how many of them by the rules of web-page
    furniture (the group `furniture`, codebook/guards.yml): {furniture, all, by_rule}."""
    fired = corpus.paragraphs.query("boilerplate").boilerplate_rule.value_counts()
    return {"furniture": int(fired.reindex(_rule_group("furniture")).fillna(0).sum()), "all": int(fired.sum()),
            "by_rule": fired.to_dict()}


def reliability_table(corpus: Corpus) -> pd.DataFrame:
    """Each source for the reader (the row label), oldest first: who publishes it, its profile in words, its
    reliability (letter and label) and the problems of its track record that lowered it (and, in brackets,
    the credits that raised it back). Columns: outlet, publisher, profile, reliability, lowered by."""
    p = source_profiles(corpus).set_index("source_id")
    r = criticism.reliability(corpus).set_index("source_id")
    names = criticism.problem_labels()
    credit_names = {c["id"]: c["label"] for c in criticism.spec().get("credits", [])}
    src = corpus.sources.set_index("source_id")
    sourcing = {"on-record": "on the record", "partly": "partly attributed", "none": "unattributed"}
    rows = []
    for sid in p.index:
        expertise = src.loc[sid, "expertise"] if isinstance(src.loc[sid, "expertise"], str) else ""
        profile = " · ".join(x for x in (p.loc[sid, "origin"], expertise,
                                         sourcing.get(p.loc[sid, "sourcing"], "")) if x and x != "not profiled")
        rows.append({"source": sid, "outlet": p.loc[sid, "outlet"], "publisher": src.loc[sid, "publisher"] if isinstance(src.loc[sid, "publisher"], str) else "",
                     "profile": profile or "not profiled",
                     "reliability": f"{r.loc[sid, 'reliability']}: {r.loc[sid, 'label']}",
                     "lowered by": "; ".join(names[k] for k in r.loc[sid, "problems"].split(", ") if k) or "nothing"})
        raised = "; ".join(credit_names[k] for k in r.loc[sid, "credits"].split(", ") if k)
        if raised:  # a credit gives back a step a problem took
            rows[-1]["lowered by"] += f" (raised back a step: {raised})"
    return pd.DataFrame(rows).set_index("source")


def track_record(corpus: Corpus) -> pd.DataFrame:
    """Every problem of every source's track record, for an evidence list: source_id, paragraph, problem (in
    words), item, shown_by (the sources that show it)."""
    t = criticism.track_records(corpus)
    names = criticism.problem_labels()
    return t.assign(problem=t.problem.map(names)).rename(columns={"by": "shown_by"})


def disputes_table(corpus: Corpus) -> pd.DataFrame:
    """The questions the sources disagree on (the row label): each side with its sources (the reading the
    book adopts, and why, is given once, in the chapter that answers the question). Columns: the sources."""
    t = dispute_analysis.disputes(corpus)
    names = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    rows = []
    for _, g in t.groupby("dispute", sort=False):
        sides = [f"{r.label} ({', '.join(names[s] for s in r.sources.split(', ') if s) or 'no source'})"
                 for r in g.itertuples()]
        rows.append({"question": g.question.iloc[0], "the sources": "; against: ".join(sides)})
    return pd.DataFrame(rows).set_index("question")


def dispute_failures(corpus: Corpus) -> list[str]:
    """Why an adopted reading of a dispute no longer holds: one line per failed check, [] when all hold."""
    a = dispute_analysis.adopted(corpus)
    return [f"{d}: {m}" for d, failures in zip(a.dispute, a.failures) for m in failures]


def trust_for_what(corpus: Corpus) -> dict:
    """Figures for chapter 1's paragraph on whom to trust for what: the outlets of the most reliable
    sources, of the specialist primary ones, and of the derivative ones with their reliability; how many
    problems the derivative sources' records hold; and `holds`, whether every derivative source is less
    reliable than every primary one."""
    r = criticism.reliability(corpus)
    src = corpus.sources.set_index("source_id")
    best = r[r["rank"] == r["rank"].min()]
    spec = [s for s in r.source_id if src.loc[s, "origin"] == "primary" and src.loc[s, "expertise"] == "specialist"]
    deriv = r[r.source_id.map(src.origin) == "derivative"]
    prim = r[r.source_id.map(src.origin) == "primary"]
    records = criticism.track_records(corpus)
    names = dict(zip(r.source_id, r.outlet))
    return {"reliable_outlets": and_join([names[s] for s in best.source_id]), "reliable_grade": best.reliability.iloc[0],
            "specialist_outlets": and_join([names[s] for s in spec]),
            "derivative_outlets": and_join([names[s] for s in deriv.source_id]),
            "derivative_grades": and_join(sorted(set(deriv.reliability))),
            "n_derivative_problems": int(records.source_id.isin(set(deriv.source_id)).sum()),
            "holds": bool(len(deriv) and len(prim) and deriv["rank"].min() > prim["rank"].max())}


def only_recognition_date_disputed(corpus: Corpus) -> bool:
    """Whether the only facts the sources give differently are the date of the recognition: the disputed
    dates are of the recognition alone, and no source's report of an act is contradicted by another."""
    d = date_disputes(corpus)
    records = criticism.track_records(corpus)
    return bool(len(d)) and set(d.event) <= {e for e in d.event if "recognises" in e.split(", ")} and not (
        records.problem == "contradicted").any()


def organs_phrase(corpus: Corpus, act: str = "delists") -> str:
    """Who each source says moved the home state towards `act` (`statements.organs_behind`), in words:
    "The Christian Science Monitor (¶15) names the A and the B; OSW (¶6) the A and the C"; "" when fewer
    than two sources name any."""
    o = organs_behind(corpus, act)
    if len(o) < 2:
        return ""
    outlets = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    parts = [f"{outlets[r.source_id]} (¶{', ¶'.join(map(str, r.paragraphs))}) "
             f"{'names ' if i == 0 else ''}{and_join(['the ' + n for n in r.organs])}"
             for i, r in enumerate(o.itertuples())]
    return "; ".join(parts)


def dispute_reading(corpus: Corpus, dispute_id: str) -> dict:
    """One dispute for a chapter to glue: its question, each side with its outlets (`side_0`, `side_1`) and
    how many sources (`n_0`, `n_1`), the reading the book adopts and why, and `failures` (the adopted
    reading's failed checks). A source on both sides is named once, after the last side, as saying both
    (`both`, its outlets), not on each side as though it were two voices."""
    t = dispute_analysis.disputes(corpus)
    t = t[t.dispute == dispute_id]
    a = dispute_analysis.adopted(corpus).set_index("dispute").loc[dispute_id]
    names = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    out = {"question": a.question, "reading": a.reading, "why": a["why"], "failures": list(a.failures)}
    sides = {r.side: [s for s in r.sources.split(", ") if s] for r in t.itertuples()}
    counts = {}
    for ids in sides.values():
        for sid in set(ids):
            counts[sid] = counts.get(sid, 0) + 1
    both = [sid for sid in door.source_order(corpus) if counts.get(sid, 0) > 1]
    out["both"] = and_join([names[s] for s in both])
    said_both = False
    for r in t.itertuples():
        own = [s for s in sides[r.side] if s not in both]
        if own:
            out[f"side_{r.side}"] = f"{r.label} ({and_join([names[s] for s in own])})"
        else:  # every source of this side also takes the other
            shared = sides[r.side]
            out[f"side_{r.side}"] = (f"{r.label} ({and_join([names[s] for s in shared])}, which also "
                                     f"say{'s' if len(shared) == 1 else ''} the other)")
            said_both = said_both or set(shared) == set(both)
        out[f"n_{r.side}"] = int(r.n_sources)
    if both and len(sides) > 1 and not said_both:
        last = max(sides)
        out[f"side_{last}"] += f"; {out['both']} {'says' if len(both) == 1 else 'say'} both"
    return out
