"""Chapter 8 (notebooks/08_synthesis): the motives by year of publication, and the key judgments
with their confidence."""

from __future__ import annotations

import pandas as pd

from ..analysis import claims, judgments
from ..analysis.door import SENTENCE_KEY
from ..corpus import Corpus
from ..prose import and_join
from .lists import outlets


def by_year(corpus: Corpus) -> pd.DataFrame:
    """The share (%) of motive claim sentences in each category, by year of publication.

    Index: year. Columns: sources, sentences (motive claim sentences), then one per category label."""
    c = claims.of_kind(corpus, "motive").drop_duplicates(SENTENCE_KEY + ["category"])
    year = dict(zip(corpus.sources.source_id, corpus.sources.published.str[:4]))
    c = c.assign(year=c.source_id.map(year))
    names = claims.labels()
    rows = {}
    for y, g in c.groupby("year"):
        n = g.drop_duplicates(SENTENCE_KEY).shape[0]
        rows[y] = {"sources": g.source_id.nunique(), "sentences": n,
                   **{names[k]: round(100 * (g.category == k).sum() / n) for k in names}}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("year")


def by_year_table(corpus: Corpus) -> pd.DataFrame:
    """`by_year` for the reader, years as columns so that the long motive names label rows: first how
    many sources and motive-claim sentences each year has, then each motive's share (%) of them.

    Index: row (sources, sentences, then the motive labels). Columns: one per year."""
    return by_year(corpus).T.rename_axis(index="", columns=None)




def reliable_mains(corpus: Corpus) -> str:
    """The motive each of the most reliable sources gives the most room, in words ("The Conversation:
    against the West, ..."): the sources of the reliability the security judgment's `divided_among` check
    names, or better, oldest first."""
    at_least = next(c["at_least"] for c in judgments.spec_of("security-first")["holds"] if c["check"] == "divided_among")
    outlets = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    return and_join([f"{outlets[s]} ({m})" for s, m in judgments.main_motives_among(corpus, at_least).items()])


def first_named(corpus: Corpus) -> str:
    """The motive each source names first (`claims.order_named`), in words, sources grouped by it in the
    order the motives first come up ("trade ... (The Conversation and OSW Centre for Eastern Studies),
    ...")."""
    order = claims.order_named(corpus)
    firsts = [f for f in dict.fromkeys(order["first"]) if f]
    return and_join([f"{f} ({outlets(corpus, order.index[order['first'] == f])})" for f in firsts])
