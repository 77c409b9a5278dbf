"""Chapter 2 (notebooks/02_timeline): dated mentions, milestones, dates two sources give differently, claims true only at their date."""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus
from . import frames
from .frames import SENTENCE_KEY


def _sentence_signals(corpus: Corpus) -> pd.DataFrame:
    """Per body sentence: the actors beyond the common ones, the sub-codes, and the event kinds
    (stances firing in the sentence or the next one). Index: sentence key."""
    from ..extract.categories import categories, instrument

    m = frames.evidence(corpus)["mentions"]
    m = m[~m.actor_id.isin(instrument("common_actors"))]
    actors = m.groupby(SENTENCE_KEY)["actor_id"].agg(frozenset).rename("actors")
    codes = frames.codes_of(corpus).assign(tag=lambda d: d.theme + "." + d.code).groupby(SENTENCE_KEY)["tag"].agg(
        frozenset).rename("codes")
    st = categories(corpus, "stances")
    st = st[st.category.isin(instrument("event_kinds"))]
    previous = st.assign(sentence=st.sentence - 1).query("sentence >= 1")  # the next sentence's kinds count too
    kinds = pd.concat([st, previous]).groupby(SENTENCE_KEY)["category"].agg(frozenset).rename("kinds")
    return pd.concat([actors, codes, kinds], axis=1)


def dated_events(corpus: Corpus) -> pd.DataFrame:
    """Resolved date expressions with the signals of their sentence and their source's publication date.

    Columns: source_id, paragraph, sentence, char_start, date_text, date, date_end, precision, text,
    published, actors, codes, kinds (sets).
    """
    ev = frames.evidence(corpus)["events"].query("resolved")
    sig = _sentence_signals(corpus)
    out = ev.join(sig, on=SENTENCE_KEY).merge(corpus.sources[["source_id", "published"]], on="source_id")
    empty = frozenset()
    sets = {c: out[c].apply(lambda v: v if isinstance(v, frozenset) else empty) for c in ("actors", "codes", "kinds")}
    return out.assign(**sets)[
        ["source_id", "paragraph", "sentence", "char_start", "date_text", "date", "date_end", "precision", "text",
         "published", "actors", "codes", "kinds"]]


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
    from ..gazetteer import actors as gazetteer

    rows = dated_events(corpus).to_dict("records")
    out = []
    by_date: dict[tuple, list] = {}
    for r in rows:
        by_date.setdefault((r["date"], r["date_end"], r["precision"]), []).append(r)
    for (date, date_end, precision), group in by_date.items():
        for cluster in _clusters(group, _same_event):
            first = cluster[0]
            names = sorted({gazetteer()[a].name for r in cluster for a in r["actors"]})
            out.append({"date": date, "date_end": date_end, "precision": precision,
                        "sources": len({r["source_id"] for r in cluster}),
                        "source_ids": ", ".join(sorted({r["source_id"] for r in cluster})),
                        "actors": ", ".join(names), "source_id": first["source_id"], "paragraph": first["paragraph"],
                        "text": first["text"]})
    cols = ["date", "date_end", "precision", "sources", "source_ids", "actors", "source_id", "paragraph", "text"]
    out = pd.DataFrame(out, columns=cols).sort_values(["date", "date_end", "source_ids", "paragraph"],
                                                      ignore_index=True)
    return out.assign(when=[f"{a}–{b}" if b else a for a, b in zip(out.date, out.date_end)])


def date_disagreements(corpus: Corpus) -> pd.DataFrame:
    """Pairs of sources that date what looks like the same event differently.

    Two resolved mentions in different sources disagree when both are dated to the day or month,
    their dates differ by at most `disagreement_window_days`, and they are of the same event kind
    (analysis.yml). Columns: source_a, paragraph_a, date_a, text_a, source_b, paragraph_b, date_b,
    text_b, shared (the event kinds in common).
    """
    import datetime as dt

    from ..extract.categories import instrument

    window = instrument("disagreement_window_days")
    rows = dated_events(corpus).query("precision in ['day', 'month'] and date_end == ''").to_dict("records")
    out = []
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if a["source_id"] == b["source_id"] or a["date"] == b["date"]:
                continue
            da, db = (dt.date.fromisoformat((x["date"] + "-01")[:10]) for x in (a, b))
            shared = a["kinds"] & b["kinds"]
            if abs((da - db).days) <= window and shared:
                first, second = sorted([a, b], key=lambda r: r["source_id"])
                out.append({"source_a": first["source_id"], "paragraph_a": first["paragraph"], "date_a": first["date"],
                            "text_a": first["text"], "source_b": second["source_id"],
                            "paragraph_b": second["paragraph"], "date_b": second["date"], "text_b": second["text"],
                            "shared": ", ".join(sorted(shared))})
    cols = ["source_a", "paragraph_a", "date_a", "text_a", "source_b", "paragraph_b", "date_b", "text_b", "shared"]
    return pd.DataFrame(out, columns=cols).sort_values(["source_a", "source_b", "date_a"], ignore_index=True)


def recognition_claims(corpus: Corpus) -> pd.DataFrame:
    """Claims about who recognises the Taliban, true only at their date, by publication date.

    Columns: published, source_id, paragraph, claim (label), matched, text.
    """
    from ..extract.categories import categories, instrument

    labels = {k: v["label"] for k, v in instrument("recognition_claims").items()}
    c = categories(corpus, "recognition_claims").merge(frames.body_sentences(corpus), on=SENTENCE_KEY)
    c = c.merge(corpus.sources[["source_id", "published"]], on="source_id").assign(claim=lambda d: d.category.map(labels))
    return c.sort_values(["published", "source_id", "paragraph", "sentence"], ignore_index=True)[
        ["published", "source_id", "paragraph", "claim", "matched", "text"]]
