"""The method appendix (notebooks/method): the evidence tables' sizes and the instruments' scores against the hand annotation."""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus
from . import frames


def evidence_counts(corpus: Corpus) -> pd.DataFrame:
    """Rows of each evidence table per source (and in all), oldest source first.

    Index: source_id (plus 'all'). Columns: one per evidence table (events, quotes, numbers, mentions,
    codes, statements, claims).
    """
    from ..extract import evidence

    ev = evidence(corpus)
    order = frames.source_order(corpus)
    counts = pd.DataFrame({name: df.groupby("source_id").size() for name, df in ev.items()})
    counts = counts.reindex(order, fill_value=0).fillna(0).astype(int).rename_axis("source_id")
    return pd.concat([counts, counts.sum().to_frame("all").T])


def extractor_scores(corpus: Corpus) -> pd.DataFrame:
    """Precision and recall of every instrument against the hand annotations, in and out of sample.

    Index: task. Columns: (sample, measure) with samples in_sample and out_of_sample and measures
    annotated, extracted, matched, precision, recall, attribute.
    """
    from ..evaluate import scores

    return scores(corpus)[0]


def extractor_errors(corpus: Corpus, sample: str = "in_sample") -> pd.DataFrame:
    """Every disagreement between the extractors and the hand annotations in one sample.

    Columns: task, source_id, paragraph, char_start, status, gold_text, gold_value, extracted_text,
    extracted_value.
    """
    from ..evaluate import dev_corpus, errors, scores

    out = errors(scores(corpus)[1])
    out = out[out["sample"] == sample].drop(columns="sample").reset_index(drop=True)
    p = (corpus if sample == "in_sample" else dev_corpus()).paragraphs
    paragraph = [int(p[(p.source_id == r.source_id) & (p.char_start <= r.char_start)].paragraph.max())
                 for r in out.itertuples()]
    out.insert(2, "paragraph", pd.Series(paragraph, index=out.index, dtype="int64"))
    return out


def quote_kind_agreement(corpus: Corpus) -> pd.DataFrame:
    """Annotated quotation kind (rows) against extracted kind (columns), for overlapping spans."""
    from ..evaluate import kind_agreement

    return kind_agreement(corpus)
