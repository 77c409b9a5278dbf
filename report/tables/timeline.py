"""Chapter 2 (notebooks/02_timeline): the events split at the focus year, dated mentions merged into
milestones, the disputed date, and claims true only at their date."""

from __future__ import annotations

import pandas as pd

from ..analysis import door, timeline
from ..analysis.door import SENTENCE_KEY
from ..codebook import load
from ..corpus import Corpus
from ..gazetteer import actors


def focus_from() -> str:
    """The year from which the timeline figure draws the events (codebook/reading.yml, `timeline`)."""
    return str(load("reading")["timeline"]["focus_from"])


def split_timeline(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(earlier history, focus): events before and from the year `focus_from`."""
    early = table.date.str[:4] < focus_from()
    return table[early].reset_index(drop=True), table[~early].reset_index(drop=True)


def disputes_shown(corpus: Corpus) -> pd.DataFrame:
    """The disputed dates (`analysis.timeline.date_disputes`) with `adopted` in words: adopted or set aside."""
    return timeline.date_disputes(corpus).assign(adopted=lambda d: d.adopted.map({True: "adopted", False: "set aside"}))


def _clusters(items: list, related) -> list[list]:
    """Connected groups of items under the relation `related(a, b)` (order kept)."""
    groups: list[list] = []
    for item in items:
        joined = [g for g in groups if any(related(item, other) for other in g)]
        merged = [item] + [x for g in joined for x in g]
        groups = [g for g in groups if g not in joined] + [merged]
    return [sorted(g, key=lambda r: (r["published"], r["source_id"], r["paragraph"])) for g in groups]


def _same_event(a: dict, b: dict) -> bool:
    if a["actors"] & b["actors"] or a["codes"] & b["codes"]:
        return True
    vague = not a["actors"] or not b["actors"]
    return a["source_id"] != b["source_id"] and a["precision"] in ("day", "month") and vague


def milestones(corpus: Corpus) -> pd.DataFrame:
    """Dated mentions merged into milestones, oldest first.

    Mentions merge when they carry the same date at the same precision (and end date) and their
    sentences share an actor beyond the common ones or a sub-code; at day or month precision, a
    mention whose sentence names nothing specific also joins a mention of another source. Columns: date, date_end,
    precision, sources (count), source_ids, actors (names), source_id and paragraph of the earliest
    source's mention, text (its sentence), when (the date, or the range "start–end").
    """
    rows = timeline.dated_mentions(corpus).to_dict("records")
    out = []
    by_date: dict[tuple, list] = {}
    for r in rows:
        by_date.setdefault((r["date"], r["date_end"], r["precision"]), []).append(r)
    for (date, date_end, precision), group in by_date.items():
        for cluster in _clusters(group, _same_event):
            first = cluster[0]
            names = sorted({actors()[a].name for r in cluster for a in r["actors"]})
            out.append({"date": date, "date_end": date_end, "precision": precision,
                        "sources": len({r["source_id"] for r in cluster}),
                        "source_ids": ", ".join(sorted({r["source_id"] for r in cluster})),
                        "actors": ", ".join(names), "source_id": first["source_id"], "paragraph": first["paragraph"],
                        "text": first["text"]})
    cols = ["date", "date_end", "precision", "sources", "source_ids", "actors", "source_id", "paragraph", "text"]
    out = pd.DataFrame(out, columns=cols).sort_values(["date", "date_end", "source_ids", "paragraph"],
                                                      ignore_index=True)
    return out.assign(when=[f"{a}–{b}" if b else a for a, b in zip(out.date, out.date_end)])


def recognition_claims(corpus: Corpus) -> pd.DataFrame:
    """Claims about who recognises the Taliban, true only at their date, by publication date.

    Columns: published, source_id, paragraph, claim (label), matched, text.
    """
    labels = {k: v["label"] for k, v in load("analysis")["recognition_claims"].items()}
    c = door.evidence(corpus)["recognition_claims"].merge(door.body_sentences(corpus), on=SENTENCE_KEY)
    c = c.merge(corpus.sources[["source_id", "published"]], on="source_id").assign(claim=lambda d: d.category.map(labels))
    return c.sort_values(["published", "source_id", "paragraph", "sentence"], ignore_index=True)[
        ["published", "source_id", "paragraph", "claim", "matched", "text"]]
