"""Chapter 1 (notebooks/01_sources): the sources, their size, their boilerplate and what they cover."""

from __future__ import annotations

import pandas as pd

from ..analysis import door, judgments
from ..analysis.profiles import source_profiles
from ..analysis.sources import corroboration, verdicts
from ..boilerplate import rules
from ..corpus import Corpus
from ..extract.codes import themes


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


def profile_table(corpus: Corpus) -> pd.DataFrame:
    """The source profiles for the reader, one row per source (the row label), oldest first: its kind, its
    grade (whose label says its origin and sourcing) and its corroboration counts."""
    p = source_profiles(corpus)
    c = corroboration(corpus).set_index("source_id")
    out = pd.DataFrame({"source": p.source_id, "kind": p.kind, "grade": p.grade + ": " + p.grade_label,
                        "items": p.source_id.map(c["items"]), "confirmed": p.source_id.map(c["confirmed"]),
                        "contradicted": p.source_id.map(c["contradicted"]), "alone": p.source_id.map(c["alone"]),
                        "disputed dates": p.source_id.map(c["disputed dates"])})
    return out.set_index("source")


def trust_summary(corpus: Corpus) -> dict:
    """Figures for the opening of chapter 1: counts of primary, derivative and best-graded sources, the
    best-graded sources by id, the share of items another source confirms, the contradicted items, and
    how many sources have a date another source gives differently."""
    p = source_profiles(corpus)
    c = corroboration(corpus)
    items = int(c["items"].sum())
    top = p[p["rank"] == p["rank"].min()]
    return {"n_primary": int((p.origin == "primary").sum()), "n_derivative": int((p.origin == "derivative").sum()),
            "n_best": len(top), "best_sources": ", ".join(top.source_id), "best_label": top.grade_label.iloc[0],
            "confirmed_share": round(100 * int(c.confirmed.sum()) / items) if items else 0,
            "n_items": items, "n_contradicted": int(c.contradicted.sum()),
            "n_disputed_dates": int((c["disputed dates"] > 0).sum())}


def contradicted_items(corpus: Corpus) -> pd.DataFrame:
    """The items of a source that another source contradicts (`analysis.sources.verdicts`), in words.
    Columns: source, item, says (affirms or denies), as of (the date it holds for), contradicted by."""
    v = verdicts(corpus)
    c = v[v.verdict == "contradicted"]
    return pd.DataFrame({"source": c.source_id.values, "item": c["item"].values,
                         "says": c.polarity.map({"affirmed": "affirms", "negated": "denies"}).values,
                         "as of": c.when.values, "contradicted by": c.by.values})


def most_alone(corpus: Corpus) -> pd.DataFrame:
    """The source(s) with the most unconfirmed items, with their origin. Columns: source_id, origin, alone."""
    c = corroboration(corpus)
    origin = source_profiles(corpus).set_index("source_id").origin
    top = c[c.alone == c.alone.max()]
    return pd.DataFrame({"source_id": top.source_id.values, "origin": top.source_id.map(origin).values,
                         "alone": top.alone.values})


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
