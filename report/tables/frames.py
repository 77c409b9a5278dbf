"""Frame helpers shared by the chapter table modules: the evidence tables, body sentences, codes, provenance-linked passages."""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus


SENTENCE_KEY = ["source_id", "paragraph", "sentence"]


def evidence(corpus: Corpus) -> dict[str, pd.DataFrame]:
    from ..extract import evidence

    return evidence(corpus)


def source_order(corpus: Corpus) -> list[str]:
    """Source ids, oldest first (the order of every per-source table)."""
    return list(corpus.sources.sort_values(["published", "source_id"]).source_id)


def body_sentences(corpus: Corpus) -> pd.DataFrame:
    """The sentences of body (non-boilerplate) paragraphs. Columns: source_id, paragraph, sentence, text."""
    body = corpus.paragraphs.query("~boilerplate")[["source_id", "paragraph"]]
    return corpus.sentences.merge(body, on=["source_id", "paragraph"])[SENTENCE_KEY + ["text"]]


def codes_of(corpus: Corpus, theme: str | None = None) -> pd.DataFrame:
    codes = evidence(corpus)["codes"]
    return codes if theme is None else codes[codes.theme == theme]


def code_counts(corpus: Corpus, theme: str) -> pd.DataFrame:
    """Body sentences coded with each sub-code of `theme`, by source (columns, oldest first) and in total.

    Index: code (codebook order). Columns: one per source id, total.
    """
    from ..extract.codes import themes

    codes = codes_of(corpus, theme)
    counts = pd.crosstab(codes.code, codes.source_id).reindex(
        index=list(themes()[theme]["codes"]), columns=source_order(corpus), fill_value=0)
    return counts.rename_axis(index="code", columns=None).assign(total=lambda d: d.sum(axis=1))


def passages(df: pd.DataFrame, columns: list[str]):
    """Any sentence-level frame with source_id and paragraph, shown with provenance links."""
    from ..publish.provenance import EvidenceTable

    return EvidenceTable(df, columns)
