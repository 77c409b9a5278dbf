"""Where the sources disagree over facts and over assessments (codebook/reading.yml, `disputes`): for each
question, the sources on each side (the rows its selectors choose, `judgments.select`), and the reading
the book adopts, published only while its checks hold.

A source can stand on both sides of a question (Stratheia calls the recognition "an unprecedented shift"
and says Russia "did not start from scratch"); it is then counted on each. A question is disputed when
each side has a source."""

from __future__ import annotations

import pandas as pd

from ..codebook import load
from ..corpus import Corpus
from .criticism import reliability
from .judgments import select
from ..gazetteer import home
from .door import evidence, per_evidence, source_order
from .statements import others_first_reported
from .timeline import adopted_date, recognition_path

COLUMNS = ["dispute", "question", "side", "label", "sources", "n_sources", "paragraphs"]


def spec() -> list[dict]:
    """The disputes of codebook/reading.yml, in the book's order."""
    return load("reading")["disputes"]


def spec_of(dispute_id: str) -> dict:
    found = [d for d in spec() if d["id"] == dispute_id]
    if not found:
        raise KeyError(f"no dispute {dispute_id!r} in codebook/reading.yml")
    return found[0]


def side_rows(corpus: Corpus, dispute_id: str, side: int) -> pd.DataFrame:
    """The evidence rows of one side of a dispute (`judgments.select` columns)."""
    return select(corpus, spec_of(dispute_id)["sides"][side]["evidence"])


@per_evidence
def disputes(corpus: Corpus) -> pd.DataFrame:
    """One row per side of each dispute: the sources on it (in source order, joined), how many, and the
    paragraphs its rows come from ("osw-2025-07 ¶6; ..."). Columns: COLUMNS. In codebook order."""
    order = {s: i for i, s in enumerate(source_order(corpus))}
    rows = []
    for d in spec():
        for i, side in enumerate(d["sides"]):
            r = side_rows(corpus, d["id"], i)
            ids = sorted(set(r.source_id), key=order.get)
            paras = r.drop_duplicates(["source_id", "paragraph"])
            rows.append({"dispute": d["id"], "question": d["question"], "side": i, "label": side["label"],
                         "sources": ", ".join(ids), "n_sources": len(ids),
                         "paragraphs": "; ".join(f"{s} ¶{p}" for s, p in zip(paras.source_id, paras.paragraph))})
    return pd.DataFrame(rows, columns=COLUMNS)


def disputed(corpus: Corpus) -> list[str]:
    """The ids of the questions on which each side has a source."""
    t = disputes(corpus)
    return [d for d, g in t.groupby("dispute", sort=False) if (g.n_sources > 0).all()]


def _check(corpus: Corpus, d: dict, c: dict) -> str | None:
    """One check of an adopted reading: None when it holds, else why not."""
    t = disputes(corpus)
    mine = t[t.dispute == d["id"]].set_index("side")
    if c["check"] == "disputed":
        empty = [mine.loc[i, "label"] for i in mine.index if mine.loc[i, "n_sources"] == 0]
        return None if not empty else f"no source takes the side: {'; '.join(empty)}"
    if c["check"] == "side_reliability":  # a source of this reliability or better stands on the side
        rel = reliability(corpus).set_index("source_id")
        letters = list(load("reading")["reliability"]["scale"])
        ids = [s for s in mine.loc[c["side"], "sources"].split(", ") if s]
        best = min((letters.index(rel.loc[s, "reliability"]) for s in ids), default=99)
        return None if best <= letters.index(c["at_least"]) else (
            f"no source of reliability {c['at_least']} or better on the side {mine.loc[c['side'], 'label']!r}")
    ids = [s for s in mine.loc[c["side"], "sources"].split(", ") if s] if "side" in c else []
    profile = corpus.sources.set_index("source_id")
    if c["check"] == "side_derivative_only":  # every source on the side is derivative
        primary = [s for s in ids if profile.loc[s, "origin"] != "derivative"]
        return None if ids and not primary else f"primary sources on the side: {', '.join(primary) or 'none at all'}"
    if c["check"] == "side_specialist":  # a primary source by specialists stands on the side
        ok = [s for s in ids if profile.loc[s, "origin"] == "primary" and profile.loc[s, "expertise"] == "specialist"]
        return None if ok else "no primary specialist source on the side"
    if c["check"] == "side_mostly_before":  # most of the side's sources were published before the act's date
        when = adopted_date(corpus, c["act"])
        if when is None:
            return f"no source dates the act {c['act']}"
        before = [s for s in ids if profile.loc[s, "published"] < when["date"][: len(profile.loc[s, "published"])]]
        return None if len(before) * 2 > len(ids) else f"only {len(before)} of {len(ids)} wrote before {when['date']}"
    if c["check"] in ("others_first", "recogniser_did"):
        path = recognition_path(corpus)
        st = evidence(corpus)["statements"]
        st = st[(st.act == c["act"]) & (st.polarity == "affirmed")]
        recogniser = home()
        if c["check"] == "others_first":  # another state did `act` before the recognising state recognised
            first = others_first_reported(corpus)["envoy" if c["act"] == "accepts_envoy" else "delisting"]
            return None if path["recognition"] and first < path["recognition"] else (
                f"the others are first shown at {first}, the recognition at {path['recognition']}")
        mine = st.as_of[st.actor_id == recogniser]  # the recognising state did `act` before `before`
        return None if path["recognition"] and len(mine) and mine.min() < path["recognition"] else (
            f"{recogniser} is not shown doing {c['act']} before {c['before']}")
    if c["check"] == "more_sources":  # the side has more sources than the other
        a, b = int(mine.loc[c["side"], "n_sources"]), int(mine.loc[1 - c["side"], "n_sources"])
        return None if a > b else f"{a} sources against {b}"
    raise KeyError(f"unknown dispute check {c['check']!r}")


def adopted(corpus: Corpus) -> pd.DataFrame:
    """The reading the book adopts on each dispute, with why, and the failures of its checks. Columns:
    dispute, question, reading, why, failures (a list, empty when it holds)."""
    rows = []
    for d in spec():
        a = d["adopt"]
        failures = [m for c in a.get("holds", []) if (m := _check(corpus, d, c))]
        rows.append({"dispute": d["id"], "question": d["question"], "reading": " ".join(a["text"].split()),
                     "why": " ".join(a["why"].split()), "failures": failures})
    return pd.DataFrame(rows, columns=["dispute", "question", "reading", "why", "failures"])
