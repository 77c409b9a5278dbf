"""Chapter 1 (notebooks/01_sources): the sources, their size, their boilerplate and what they cover."""

from __future__ import annotations

import pandas as pd

from ..boilerplate import rules
from ..corpus import Corpus
from . import frames


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
    """Headline numbers of the corpus, as plain Python values ready for glue."""
    s = corpus.sources
    return {
        "n_sources": len(s),
        "n_outlets": int(s["outlet"].nunique()),
        "n_words": int(s["words"].sum()),
        "n_paragraphs": int(s["paragraphs"].sum()),
        "n_boilerplate": int(s["boilerplate_paragraphs"].sum()),
        "n_sentences": int(s["sentences"].sum()),
        "first_published": str(s["published"].min()),
        "last_published": str(s["published"].max()),
    }


def theme_coverage(corpus: Corpus) -> pd.DataFrame:
    """Share (%) of each source's body sentences coded with each theme, oldest source first.

    Index: source_id. Columns: one per theme, in codebook order, labelled by the theme id.
    """
    from ..extract import evidence
    from ..extract.codes import themes

    codes = evidence(corpus)["codes"]
    coded = codes.drop_duplicates(["source_id", "paragraph", "sentence", "theme"])
    counts = pd.crosstab(coded["source_id"], coded["theme"]).reindex(
        index=frames.source_order(corpus), columns=list(themes()), fill_value=0)
    sentences = corpus.sources.set_index("source_id")["sentences"].reindex(counts.index)
    return (counts.div(sentences.where(sentences > 0), axis=0) * 100).round(1).fillna(0.0).rename_axis(
        index="source_id", columns=None)


def theme_labels() -> dict[str, str]:
    """Theme id -> its label in the codebook."""
    from ..extract.codes import themes

    return {theme: spec["label"] for theme, spec in themes().items()}
