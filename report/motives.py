"""The motive and risk chapters: claims by category, how the sources weigh them, the quotations that
carry them, and the coverage of their themes (one set of functions for chapters 3 to 6 and 8)."""

from __future__ import annotations

import pandas as pd

from .corpus import Corpus

SENTENCE_KEY = ["source_id", "paragraph", "sentence"]
AUTHOR_WORDS = "the author"  # how a claim in the author's own words shows its `who` (claims.AUTHOR)


def _evidence(corpus: Corpus) -> dict[str, pd.DataFrame]:
    from .reading import _evidence as evidence  # the reading layer may read other evidence (using_evidence)

    return evidence(corpus)


def labels(kind: str = "motive") -> dict[str, str]:
    """Category id -> label, in codebook order (report/codebook/claims.yml)."""
    from .extract.claims import vocab

    return {cat: spec["label"] for cat, spec in vocab()["kinds"][kind]["categories"].items()}


def _order(corpus: Corpus) -> list[str]:
    """Source ids, oldest first."""
    return list(corpus.sources.sort_values(["published", "source_id"]).source_id)


def claims(corpus: Corpus, category: str | None = None, kind: str = "motive") -> pd.DataFrame:
    """The claims of `kind` (and `category`), one row per sentence, oldest source first.

    Columns: source_id, paragraph, sentence, categories (labels, joined), who ("the author" or the speaker),
    text.
    """
    from .extract.claims import AUTHOR

    c = _evidence(corpus)["claims"]
    c = c[c.kind == kind]
    if category is not None:
        keep = c[c.category == category][SENTENCE_KEY].drop_duplicates()
        c = c.merge(keep, on=SENTENCE_KEY)
    names = labels(kind)
    order = {s: i for i, s in enumerate(_order(corpus))}
    out = (c.assign(label=c.category.map(names))
            .groupby(SENTENCE_KEY, as_index=False)
            .agg(categories=("label", lambda s: ", ".join(dict.fromkeys(s))), who=("who", "first"),
                 text=("text", "first")))
    out["who"] = out.who.replace(AUTHOR, AUTHOR_WORDS)
    out = out.assign(_o=out.source_id.map(order)).sort_values(["_o", "paragraph", "sentence"])
    return out.drop(columns="_o").reset_index(drop=True)[SENTENCE_KEY + ["categories", "who", "text"]]


def ranking(corpus: Corpus, kind: str = "motive") -> pd.DataFrame:
    """The categories of `kind` ranked by how many sources state them, then by how many sentences.

    Index: category label. Columns: sources (how many), sentences (how many), then one column per source
    (sentences, oldest source first), and rank (1 = named by the most sources; ties share a rank).
    """
    c = _evidence(corpus)["claims"]
    c = c[c.kind == kind].drop_duplicates(SENTENCE_KEY + ["category"])
    names = labels(kind)
    per = pd.crosstab(c.category, c.source_id).reindex(index=list(names), columns=_order(corpus), fill_value=0)
    out = pd.DataFrame({"sources": (per > 0).sum(axis=1), "sentences": per.sum(axis=1)}).join(per)
    out = out.sort_values(["sources", "sentences"], ascending=False, kind="stable")
    out.insert(2, "rank", out.sources.rank(method="min", ascending=False).astype(int))
    return out.rename(index=names).rename_axis(index=kind, columns=None)


def quotations(corpus: Corpus, category: str | None, kind: str = "motive") -> pd.DataFrame:
    """The quotations (not single terms) that lie in the claim sentences of `category`, with their speaker.

    Columns: source_id, paragraph, speaker ("not named" when the extractor found none), quote.
    """
    keys = claims(corpus, category, kind)[SENTENCE_KEY]
    q = _evidence(corpus)["quotes"].query("kind != 'term'").merge(keys, on=SENTENCE_KEY)
    q = q.assign(speaker=q.speaker.replace("", "not named"))
    return q.sort_values(["source_id", "paragraph", "char_start"]).reset_index(drop=True)[
        ["source_id", "paragraph", "speaker", "quote"]]


def summary(corpus: Corpus, category: str, kind: str = "motive") -> dict:
    """Figures for a chapter's opening: sources stating the category (n, of all), sentences, how many of
    them are in a named speaker's words, its rank among the categories and how many categories there are,
    and the speakers (names, joined)."""
    rank = ranking(corpus, kind)
    label = labels(kind)[category]
    mine = claims(corpus, category, kind)
    quoted = mine[mine.who != AUTHOR_WORDS]
    return {"label": label, "n_sources": int(rank.loc[label, "sources"]), "n_all": len(corpus.sources),
            "n_claims": len(mine), "n_quoted": len(quoted), "rank": int(rank.loc[label, "rank"]),
            "n_categories": int((rank.sources > 0).sum()),
            "speakers": ", ".join(sorted(set(quoted.who))) or "none"}


def coverage(corpus: Corpus, theme: str) -> pd.DataFrame:
    """How much each source talks about `theme`: the share (%) of its body sentences coded with each
    sub-code. Index: source id (oldest first). Columns: the sub-codes (codebook order)."""
    from .tables.frames import code_counts

    counts = code_counts(corpus, theme).drop(columns="total")
    sentences = corpus.sources.set_index("source_id")["sentences"].reindex(counts.columns)
    share = counts.div(sentences.where(sentences > 0), axis=1).fillna(0) * 100
    return share.T.round(1).rename_axis(index="source", columns=None)


def silent(corpus: Corpus, category: str, kind: str = "motive") -> list[str]:
    """The sources that state no claim of `category`."""
    stated = set(claims(corpus, category, kind).source_id)
    return [s for s in _order(corpus) if s not in stated]


def weight(corpus: Corpus, category: str, kind: str = "motive") -> pd.DataFrame:
    """How much of each source's claims of `kind` are of `category`.

    Index: source id (oldest first). Columns: sentences (of the category), all (claim sentences of the kind),
    share (% of them, 0 when the source has none).
    """
    c = _evidence(corpus)["claims"]
    c = c[c.kind == kind]
    every = c.drop_duplicates(SENTENCE_KEY).groupby("source_id").size()
    mine = c[c.category == category].drop_duplicates(SENTENCE_KEY).groupby("source_id").size()
    out = pd.DataFrame({"sentences": mine, "all": every}).reindex(_order(corpus)).fillna(0).astype(int)
    out["share"] = (100 * out.sentences / out["all"].where(out["all"] > 0)).fillna(0).round(0).astype(int)
    return out.rename_axis("source")


def mention_sources(corpus: Corpus, category: str, words: list[str], kind: str = "motive") -> list[str]:
    """The sources whose claims of `category` hold one of `words` (a word ending in * is a prefix)."""
    from .reading import words_pattern

    pattern = words_pattern(words)
    c = claims(corpus, category, kind)
    sentences = corpus.sentences.set_index(SENTENCE_KEY)["text"]
    text = pd.Series([sentences.get(k, "") for k in zip(c.source_id, c.paragraph, c.sentence)], index=c.index,
                     dtype=object)
    return sorted(set(c.source_id[text.str.contains(pattern)]))


def key_figures(corpus: Corpus) -> pd.DataFrame:
    """The hard numbers of the corpus: amounts of money and counts of at least `key_figures.min_count`
    (report/codebook/reading.yml); smaller counts ("two sides", "three factors") are rhetoric.

    Columns: source_id, paragraph, figure (as written), value, unit, also_given_by (other sources with the same
    value and unit), sentence, sentence_number. Oldest source first, then in text order.
    """
    from .reading import codebook

    spec = codebook()["key_figures"]
    n = _evidence(corpus)["numbers"]
    keep = n.unit.isin(spec["currencies"]) | (n.value >= spec["min_count"])
    n = n[keep]
    sentences = corpus.sentences.set_index(SENTENCE_KEY)["text"]
    order = {s: i for i, s in enumerate(_order(corpus))}
    rows = []
    for r in n.itertuples():
        same = n[(n.value == r.value) & (n.unit == r.unit) & (n.source_id != r.source_id)]
        rows.append({"source_id": r.source_id, "paragraph": r.paragraph, "figure": r.text, "value": r.value,
                     "unit": r.unit, "also_given_by": ", ".join(sorted(set(same.source_id))),
                     "sentence": sentences.get((r.source_id, r.paragraph, r.sentence), ""),
                     "sentence_number": int(r.sentence),
                     "_o": (order[r.source_id], r.char_start)})
    cols = ["source_id", "paragraph", "figure", "value", "unit", "also_given_by", "sentence", "sentence_number"]
    out = pd.DataFrame(rows, columns=cols + ["_o"]).sort_values("_o")
    return out.drop(columns="_o").reset_index(drop=True)


def chapter_facts(corpus: Corpus, category: str, kind: str = "motive") -> tuple[dict, pd.DataFrame]:
    """What a motive chapter (3 to 5) opens with, in one call: the facts its prose glues (`summary` and
    the `weight_range`) and the category's weight in each source that states a motive at all."""
    shown = weight(corpus, category, kind).query("all > 0")
    return {**summary(corpus, category, kind), **weight_range(shown)}, shown


def weight_range(weight: pd.DataFrame) -> dict:
    """The lowest and highest share of a weight() table and the sources that have them."""
    if weight.empty:
        return {"low_share": 0, "low_source": "none", "high_share": 0, "high_source": "none"}
    return {"low_share": int(weight.share.min()), "low_source": str(weight.share.idxmin()),
            "high_share": int(weight.share.max()), "high_source": str(weight.share.idxmax())}


def claims_table(corpus: Corpus, category: str | None = None, kind: str = "motive"):
    """The claims of `category` (all categories when None, with their labels) as a provenance-linked table."""
    from .publish.provenance import EvidenceTable

    return EvidenceTable(claims(corpus, category, kind), ["who", "text"] if category else ["categories", "who", "text"])


def quotations_table(corpus: Corpus, category: str | None, kind: str = "motive"):
    """The quotations inside the claims of `category` as a provenance-linked table (speaker, quote)."""
    from .publish.provenance import EvidenceTable

    return EvidenceTable(quotations(corpus, category, kind), ["speaker", "quote"])


def figure_about(corpus: Corpus, units: list[str], words: list[str]) -> dict | None:
    """The key figure in one of `units` nearest to one of `words` in its sentence or the sentence before
    it: {figure, source_id, outlet, corroborated}, or None."""
    import re

    figures = key_figures(corpus)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")", re.I)
    sentences = corpus.sentences.set_index(SENTENCE_KEY)["text"]
    best = None
    for r in figures[figures.unit.isin(units)].itertuples():
        before = sentences.get((r.source_id, r.paragraph, r.sentence_number - 1), "")
        context = f"{before} {r.sentence}"
        at = context.rfind(r.figure)
        for m in pattern.finditer(context):
            distance = abs(m.start() - at)
            if best is None or distance < best[0]:
                best = (distance, r)
    if best is None:
        return None
    r = best[1]
    outlet = dict(zip(corpus.sources.source_id, corpus.sources.outlet))[r.source_id]
    return {"figure": r.figure, "source_id": r.source_id, "outlet": outlet, "corroborated": bool(r.also_given_by)}


def ordinal(n: int) -> str:
    """3 -> "third" (the ordinals of codebook/reading.yml), 12 -> "12th"."""
    from .reading import codebook

    words = codebook()["ordinals"]
    return words[n - 1] if 1 <= n <= len(words) else f"{n}th"


def figures_table(corpus: Corpus):
    """The key figures as a provenance-linked table (figure, unit, also given by, sentence)."""
    from .publish.provenance import EvidenceTable

    return EvidenceTable(key_figures(corpus), ["figure", "unit", "also_given_by", "sentence"])


def named_elsewhere(corpus: Corpus, actor_id: str, category: str, kind: str = "motive") -> pd.DataFrame:
    """The body sentences that name `actor_id` in the sources that state no claim of `category`, oldest
    source first. Columns: source_id, paragraph, sentence, text."""
    from .tables.frames import body_sentences

    m = _evidence(corpus)["mentions"]
    m = m[(m.actor_id == actor_id) & m.source_id.isin(silent(corpus, category, kind))][SENTENCE_KEY].drop_duplicates()
    out = body_sentences(corpus).merge(m, on=SENTENCE_KEY)
    order = {s: i for i, s in enumerate(_order(corpus))}
    return out.assign(_o=out.source_id.map(order)).sort_values(["_o", "paragraph", "sentence"]).drop(
        columns="_o").reset_index(drop=True)


def balance(corpus: Corpus) -> pd.DataFrame:
    """Per source (oldest first): its motive claim sentences, its risk claim sentences, and the motive it
    gives most (ties: codebook order). Index: source. Columns: motives, risks, main motive."""
    c = _evidence(corpus)["claims"]
    names = labels("motive")
    rows = {}
    for sid in _order(corpus):
        mine = c[c.source_id == sid]
        m = mine[mine.kind == "motive"]
        counts = m.drop_duplicates(SENTENCE_KEY + ["category"]).category.value_counts()
        main = max(names, key=lambda k: (counts.get(k, 0), -list(names).index(k))) if len(counts) else None
        rows[sid] = {"motives": m.drop_duplicates(SENTENCE_KEY).shape[0],
                     "risks": mine[mine.kind == "risk"].drop_duplicates(SENTENCE_KEY).shape[0],
                     "main motive": names[main] if main else ""}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("source")


def by_year(corpus: Corpus) -> pd.DataFrame:
    """The share (%) of motive claim sentences in each category, by year of publication.

    Index: year. Columns: sources, sentences (motive claim sentences), then one per category label."""
    c = _evidence(corpus)["claims"]
    c = c[c.kind == "motive"].drop_duplicates(SENTENCE_KEY + ["category"])
    year = dict(zip(corpus.sources.source_id, corpus.sources.published.str[:4]))
    c = c.assign(year=c.source_id.map(year))
    names = labels("motive")
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


def russian_voices(corpus: Corpus, category: str, kind: str = "motive") -> list[str]:
    """The Russian officials (people the gazetteer has representing Russia) whose words carry claims of
    `category`."""
    from .gazetteer import actors

    russians = {a.name for a in actors().values() if a.principal == "russia" and a.type == "person"}
    return sorted(set(claims(corpus, category, kind).who) & russians)


def stating_sources(corpus: Corpus, kind: str = "motive") -> list[str]:
    """The sources that state at least one claim of `kind`, oldest first."""
    c = _evidence(corpus)["claims"]
    stated = set(c.source_id[c.kind == kind])
    return [s for s in _order(corpus) if s in stated]
