"""Chapter 5 (notebooks/05_china): where the sources name China outside a motive claim, and which
actors they name together."""

from __future__ import annotations

import pandas as pd

from ..analysis import claims, door
from ..analysis.door import SENTENCE_KEY
from ..codebook import load
from ..corpus import Corpus
from ..gazetteer import actors as gazetteer


def named_elsewhere(corpus: Corpus, actor_id: str, category: str, kind: str = "motive") -> pd.DataFrame:
    """The body sentences that name `actor_id` in the sources that state no claim of `category`, oldest
    source first. Columns: source_id, paragraph, sentence, text."""
    m = door.evidence(corpus)["mentions"]
    m = m[(m.actor_id == actor_id) & m.source_id.isin(claims.silent(corpus, category, kind))][
        SENTENCE_KEY].drop_duplicates()
    out = door.body_sentences(corpus).merge(m, on=SENTENCE_KEY)
    order = {s: i for i, s in enumerate(door.source_order(corpus))}
    return out.assign(_o=out.source_id.map(order)).sort_values(["_o", "paragraph", "sentence"]).drop(
        columns="_o").reset_index(drop=True)


def co_mentions(corpus: Corpus, actor_ids: list[str]) -> pd.DataFrame:
    """Body sentences naming each of `actor_ids`, by source, and how many of those also name another of them.

    Index: actor. Columns: one per source (oldest first), total, with_another.
    """
    m = door.evidence(corpus)["mentions"]
    m = m[m.actor_id.isin(actor_ids)].drop_duplicates(SENTENCE_KEY + ["actor_id"])
    per_sentence = m.groupby(SENTENCE_KEY)["actor_id"].transform("nunique")
    counts = pd.crosstab(m.actor_id, m.source_id).reindex(index=actor_ids, columns=door.source_order(corpus),
                                                          fill_value=0)
    both = m[per_sentence > 1].groupby("actor_id").size().reindex(actor_ids, fill_value=0)
    counts = counts.assign(total=counts.sum(axis=1), with_another=both.to_numpy())
    return counts.rename(index={a: gazetteer()[a].name for a in actor_ids}).rename_axis(index="actor", columns=None)


def cooccurrence(corpus: Corpus, top: int = 12) -> pd.DataFrame:
    """Sentences in which two actors are named together, for the `top` most named actors beyond the
    common ones (Russia, the Taliban, Afghanistan).

    A symmetric frame indexed and columned by actor name; the diagonal is zero.
    """
    m = door.evidence(corpus)["mentions"].drop_duplicates(SENTENCE_KEY + ["actor_id"])
    m = m[~m.actor_id.isin(load("analysis")["common_actors"])]
    leaders = m.groupby("actor").size().sort_values(ascending=False, kind="stable")
    names = sorted(leaders.head(top).index, key=lambda a: (-leaders[a], a))
    m = m[m.actor.isin(names)]
    pairs = m.merge(m, on=SENTENCE_KEY)
    pairs = pairs[pairs.actor_x != pairs.actor_y]
    matrix = pd.crosstab(pairs.actor_x, pairs.actor_y).reindex(index=names, columns=names, fill_value=0)
    return matrix.rename_axis(index="actor", columns=None)
