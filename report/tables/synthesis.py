"""Chapter 8 (notebooks/08_synthesis): the motives by year of publication, and the key judgments
with their confidence."""

from __future__ import annotations

import pandas as pd

from ..analysis import claims, judgments
from ..analysis.door import SENTENCE_KEY
from ..analysis.profiles import independent_count
from ..corpus import Corpus


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


def judgment_summary(corpus: Corpus) -> pd.DataFrame:
    """One row per key judgment, numbered and ordered as on the key-judgments page (grouped by question):
    no., id, judgment (its sentence), confidence (its label), sources (how many independent sources state
    it), contradicted by."""
    ordered = [j for group in judgments.by_question(judgments.judgments(corpus)).values() for j in group]
    rows = [{"no.": k, "id": j.id, "judgment": j.text, "confidence": j.label,
             "sources": independent_count(corpus, j.evidence.source_id), "contradicted by": len(j.contradicting)}
            for k, j in enumerate(ordered, 1)]
    return pd.DataFrame(rows)
