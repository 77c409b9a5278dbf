"""The book's tables: pure functions of a Corpus, each returning a new, explicitly sorted frame."""

from __future__ import annotations

import pandas as pd

from .boilerplate import rules
from .corpus import Corpus


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


def evidence_counts(corpus: Corpus) -> pd.DataFrame:
    """Rows of each evidence table per source (and in all), oldest source first.

    Index: source_id (plus 'all'). Columns: events, quotes, numbers, mentions, codes.
    """
    from .extract import evidence

    ev = evidence(corpus)
    order = source_register(corpus).index
    counts = pd.DataFrame({name: df.groupby("source_id").size() for name, df in ev.items()})
    counts = counts.reindex(order, fill_value=0).fillna(0).astype(int).rename_axis("source_id")
    return pd.concat([counts, counts.sum().to_frame("all").T])


def extractor_scores(corpus: Corpus) -> pd.DataFrame:
    """Precision and recall of every instrument against the hand annotations, in and out of sample.

    Index: task. Columns: (sample, measure) with samples in_sample and out_of_sample and measures
    annotated, extracted, matched, precision, recall, attribute.
    """
    from .evaluate import scores

    return scores(corpus)[0]


def extractor_errors(corpus: Corpus, sample: str = "in_sample") -> pd.DataFrame:
    """Every disagreement between the extractors and the hand annotations in one sample.

    Columns: task, source_id, paragraph, char_start, status, gold_text, gold_value, extracted_text,
    extracted_value.
    """
    from .evaluate import dev_corpus, errors, scores

    out = errors(scores(corpus)[1])
    out = out[out["sample"] == sample].drop(columns="sample").reset_index(drop=True)
    p = (corpus if sample == "in_sample" else dev_corpus()).paragraphs
    paragraph = [int(p[(p.source_id == r.source_id) & (p.char_start <= r.char_start)].paragraph.max())
                 for r in out.itertuples()]
    out.insert(2, "paragraph", pd.Series(paragraph, index=out.index, dtype="int64"))
    return out


def theme_coverage(corpus: Corpus) -> pd.DataFrame:
    """Share (%) of each source's body sentences coded with each theme, oldest source first.

    Index: source_id. Columns: one per theme, in codebook order, labelled by the theme id.
    """
    from .extract import evidence
    from .extract.codes import themes

    codes = evidence(corpus)["codes"]
    coded = codes.drop_duplicates(["source_id", "paragraph", "sentence", "theme"])
    counts = pd.crosstab(coded["source_id"], coded["theme"]).reindex(
        index=source_register(corpus).index, columns=list(themes()), fill_value=0)
    sentences = corpus.sources.set_index("source_id")["sentences"].reindex(counts.index)
    return (counts.div(sentences.where(sentences > 0), axis=0) * 100).round(1).fillna(0.0).rename_axis(
        index="source_id", columns=None)


def theme_labels() -> dict[str, str]:
    """Theme id -> its label in the codebook."""
    from .extract.codes import themes

    return {theme: spec["label"] for theme, spec in themes().items()}


def quote_kind_agreement(corpus: Corpus) -> pd.DataFrame:
    """Annotated quotation kind (rows) against extracted kind (columns), for overlapping spans."""
    from .evaluate import kind_agreement

    return kind_agreement(corpus)


# ---------------------------------------------------------------------------------------
# Shared by the chapters: body sentences, codes and actors per sentence
# ---------------------------------------------------------------------------------------

SENTENCE_KEY = ["source_id", "paragraph", "sentence"]


def _ev(corpus: Corpus) -> dict[str, pd.DataFrame]:
    from .extract import evidence

    return evidence(corpus)


def _source_order(corpus: Corpus) -> list[str]:
    return list(source_register(corpus).index)


def body_sentences(corpus: Corpus) -> pd.DataFrame:
    """The sentences of body (non-boilerplate) paragraphs. Columns: source_id, paragraph, sentence, text."""
    body = corpus.paragraphs.query("~boilerplate")[["source_id", "paragraph"]]
    return corpus.sentences.merge(body, on=["source_id", "paragraph"])[SENTENCE_KEY + ["text"]]


def _codes_of(corpus: Corpus, theme: str | None = None) -> pd.DataFrame:
    codes = _ev(corpus)["codes"]
    return codes if theme is None else codes[codes.theme == theme]


def coded_sentences(corpus: Corpus, theme: str, code: str | None = None) -> pd.DataFrame:
    """Body sentences coded with `theme` (and `code`), oldest source first.

    Columns: source_id, paragraph, sentence, codes (the sub-codes, joined), text.
    """
    codes = _codes_of(corpus, theme)
    if code is not None:
        codes = codes[codes.code == code]
    joined = codes.groupby(SENTENCE_KEY)["code"].agg(lambda s: ", ".join(dict.fromkeys(s))).rename("codes")
    out = body_sentences(corpus).merge(joined.reset_index(), on=SENTENCE_KEY)
    order = {sid: i for i, sid in enumerate(_source_order(corpus))}
    return out.assign(_o=out.source_id.map(order)).sort_values(["_o", "paragraph", "sentence"]).drop(
        columns="_o").reset_index(drop=True)[SENTENCE_KEY + ["codes", "text"]]


def code_counts(corpus: Corpus, theme: str) -> pd.DataFrame:
    """Body sentences coded with each sub-code of `theme`, by source (columns, oldest first) and in total.

    Index: code (codebook order). Columns: one per source id, total.
    """
    from .extract.codes import themes

    codes = _codes_of(corpus, theme)
    counts = pd.crosstab(codes.code, codes.source_id).reindex(
        index=list(themes()[theme]["codes"]), columns=_source_order(corpus), fill_value=0)
    return counts.rename_axis(index="code", columns=None).assign(total=lambda d: d.sum(axis=1))


def theme_actors(corpus: Corpus, theme: str, types: tuple[str, ...] | None = None, top: int = 15) -> pd.DataFrame:
    """Actors named in the sentences coded with `theme`, most frequent first (the common actors left out).

    Columns: actor, type, sentences, sources (how many), source_ids.
    """
    from .extract.categories import instrument

    coded = _codes_of(corpus, theme)[SENTENCE_KEY].drop_duplicates()
    m = _ev(corpus)["mentions"].merge(coded, on=SENTENCE_KEY)
    m = m[~m.actor_id.isin(instrument("common_actors"))]
    if types:
        m = m[m.type.isin(types)]
    m = m.drop_duplicates(SENTENCE_KEY + ["actor_id"])
    out = m.groupby(["actor", "type"]).agg(sentences=("sentence", "size"), sources=("source_id", "nunique"),
                                           source_ids=("source_id", lambda s: ", ".join(sorted(set(s)))))
    return out.reset_index().sort_values(["sentences", "sources", "actor"], ascending=[False, False, True]).head(
        top).reset_index(drop=True)


def theme_quotes(corpus: Corpus, theme: str):
    """Quotations (not terms) whose sentence is coded with `theme`, as a provenance-linked table.

    Columns shown: speaker, kind, quote.
    """
    from .provenance import EvidenceTable

    coded = _codes_of(corpus, theme)[SENTENCE_KEY].drop_duplicates()
    q = _ev(corpus)["quotes"].query("kind != 'term'").merge(coded, on=SENTENCE_KEY)
    q = q.assign(speaker=q.speaker.replace("", "(not named)"))
    return EvidenceTable(q.sort_values(["source_id", "paragraph", "char_start"]), ["speaker", "kind", "quote"])


def passages(df: pd.DataFrame, columns: list[str]):
    """Any sentence-level frame with source_id and paragraph, shown with provenance links."""
    from .provenance import EvidenceTable

    return EvidenceTable(df, columns)


def theme_spread(corpus: Corpus, theme: str) -> pd.DataFrame:
    """How far the sources differ on each sub-code of `theme`: share (%) of body sentences per source.

    Index: code. Columns: lowest, highest, spread (points), silent (sources that never use the code).
    """
    counts = code_counts(corpus, theme).drop(columns="total")
    sentences = corpus.sources.set_index("source_id")["sentences"].reindex(counts.columns)
    share = counts.div(sentences.where(sentences > 0), axis=1).fillna(0) * 100
    return pd.DataFrame({
        "lowest": share.min(axis=1).round(1), "highest": share.max(axis=1).round(1),
        "spread": (share.max(axis=1) - share.min(axis=1)).round(1),
        "silent": [", ".join(c for c in counts.columns if counts.loc[code, c] == 0) for code in counts.index],
    }).rename_axis("code")


# ---------------------------------------------------------------------------------------
# Chapter 2: timeline
# ---------------------------------------------------------------------------------------

def _sentence_signals(corpus: Corpus) -> pd.DataFrame:
    """Per body sentence: the actors beyond the common ones, the sub-codes, and the event kinds
    (stances firing in the sentence or the next one). Index: sentence key."""
    from .extract.categories import categories, instrument

    m = _ev(corpus)["mentions"]
    m = m[~m.actor_id.isin(instrument("common_actors"))]
    actors = m.groupby(SENTENCE_KEY)["actor_id"].agg(frozenset).rename("actors")
    codes = _codes_of(corpus).assign(tag=lambda d: d.theme + "." + d.code).groupby(SENTENCE_KEY)["tag"].agg(
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
    ev = _ev(corpus)["events"].query("resolved")
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
    from .gazetteer import actors as gazetteer

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

    from .extract.categories import instrument

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
    from .extract.categories import categories, instrument

    labels = {k: v["label"] for k, v in instrument("recognition_claims").items()}
    c = categories(corpus, "recognition_claims").merge(body_sentences(corpus), on=SENTENCE_KEY)
    c = c.merge(corpus.sources[["source_id", "published"]], on="source_id").assign(claim=lambda d: d.category.map(labels))
    return c.sort_values(["published", "source_id", "paragraph", "sentence"], ignore_index=True)[
        ["published", "source_id", "paragraph", "claim", "matched", "text"]]


# ---------------------------------------------------------------------------------------
# Chapters 4 and 5: economic facts, China and co-occurrence
# ---------------------------------------------------------------------------------------

def numeric_claims(corpus: Corpus) -> pd.DataFrame:
    """Every numeric claim with the themes of its sentence, oldest source first.

    Columns: source_id, paragraph, text, value, unit, qualifier, themes, sentence_text.
    """
    n = _ev(corpus)["numbers"]
    themes = _codes_of(corpus).groupby(SENTENCE_KEY)["theme"].agg(lambda s: ", ".join(dict.fromkeys(s)))
    out = n.join(themes.rename("themes"), on=SENTENCE_KEY).fillna({"themes": ""}).merge(
        body_sentences(corpus).rename(columns={"text": "sentence_text"}), on=SENTENCE_KEY)
    order = {sid: i for i, sid in enumerate(_source_order(corpus))}
    return out.assign(_o=out.source_id.map(order)).sort_values(["_o", "char_start"]).reset_index(drop=True)[
        ["source_id", "paragraph", "text", "value", "unit", "qualifier", "themes", "sentence_text"]]


def actors_of_type(corpus: Corpus, types: tuple[str, ...]) -> pd.DataFrame:
    """Actors of the given types named in the body, with how many sentences and sources name them.

    Columns: actor, type, sentences, sources, source_ids. Most named first.
    """
    m = _ev(corpus)["mentions"]
    m = m[m.type.isin(types)].drop_duplicates(SENTENCE_KEY + ["actor_id"])
    out = m.groupby(["actor", "type"]).agg(sentences=("sentence", "size"), sources=("source_id", "nunique"),
                                           source_ids=("source_id", lambda s: ", ".join(sorted(set(s)))))
    return out.reset_index().sort_values(["sentences", "actor"], ascending=[False, True], ignore_index=True)


def matched_terms(corpus: Corpus, theme: str, code: str) -> pd.DataFrame:
    """The words that fired a sub-code, counted. Columns: term (lowercased as written), sentences, sources."""
    c = _codes_of(corpus, theme).query("code == @code").assign(term=lambda d: d.matched.str.lower())
    out = c.groupby("term").agg(sentences=("sentence", "size"), sources=("source_id", "nunique"))
    return out.reset_index().sort_values(["sentences", "term"], ascending=[False, True], ignore_index=True)


def co_mentions(corpus: Corpus, actor_ids: list[str]) -> pd.DataFrame:
    """Body sentences naming each of `actor_ids`, by source, and how many of those also name another of them.

    Index: actor. Columns: one per source (oldest first), total, with_another.
    """
    from .gazetteer import actors as gazetteer

    m = _ev(corpus)["mentions"]
    m = m[m.actor_id.isin(actor_ids)].drop_duplicates(SENTENCE_KEY + ["actor_id"])
    per_sentence = m.groupby(SENTENCE_KEY)["actor_id"].transform("nunique")
    counts = pd.crosstab(m.actor_id, m.source_id).reindex(index=actor_ids, columns=_source_order(corpus),
                                                          fill_value=0)
    both = m[per_sentence > 1].groupby("actor_id").size().reindex(actor_ids, fill_value=0)
    counts = counts.assign(total=counts.sum(axis=1), with_another=both.to_numpy())
    return counts.rename(index={a: gazetteer()[a].name for a in actor_ids}).rename_axis(index="actor", columns=None)


def cooccurrence(corpus: Corpus, top: int = 12) -> pd.DataFrame:
    """Sentences in which two actors are named together, for the `top` most named actors beyond the
    common ones (Russia, the Taliban, Afghanistan).

    A symmetric frame indexed and columned by actor name; the diagonal is zero.
    """
    from .extract.categories import instrument

    m = _ev(corpus)["mentions"].drop_duplicates(SENTENCE_KEY + ["actor_id"])
    m = m[~m.actor_id.isin(instrument("common_actors"))]
    leaders = m.groupby("actor").size().sort_values(ascending=False, kind="stable")
    names = sorted(leaders.head(top).index, key=lambda a: (-leaders[a], a))
    m = m[m.actor.isin(names)]
    pairs = m.merge(m, on=SENTENCE_KEY)
    pairs = pairs[pairs.actor_x != pairs.actor_y]
    matrix = pd.crosstab(pairs.actor_x, pairs.actor_y).reindex(index=names, columns=names, fill_value=0)
    return matrix.rename_axis(index="actor", columns=None)


# ---------------------------------------------------------------------------------------
# Chapter 6: risks
# ---------------------------------------------------------------------------------------

def _labelled_categories(corpus: Corpus, section: str) -> pd.DataFrame:
    from .extract.categories import categories, instrument

    labels = {k: v["label"] for k, v in instrument(section).items()}
    return categories(corpus, section).assign(label=lambda d: d.category.map(labels))


def risk_taxonomy(corpus: Corpus) -> pd.DataFrame:
    """Body sentences naming each risk of the taxonomy, by source (oldest first) and in total.

    Index: risk (label, taxonomy order). Columns: one per source, total, sources (how many name it).
    """
    from .extract.categories import instrument

    c = _labelled_categories(corpus, "risk_taxonomy")
    labels = [v["label"] for v in instrument("risk_taxonomy").values()]
    counts = pd.crosstab(c.label, c.source_id).reindex(index=labels, columns=_source_order(corpus), fill_value=0)
    return counts.assign(total=counts.sum(axis=1), sources=(counts > 0).sum(axis=1)).rename_axis(
        index="risk", columns=None)


def risk_passages(corpus: Corpus) -> pd.DataFrame:
    """Every sentence naming a risk, with its risk labels. Columns: source_id, paragraph, sentence, risks, text."""
    c = _labelled_categories(corpus, "risk_taxonomy")
    joined = c.groupby(SENTENCE_KEY)["label"].agg(lambda s: "; ".join(dict.fromkeys(s))).rename("risks")
    out = body_sentences(corpus).merge(joined.reset_index(), on=SENTENCE_KEY)
    return out[SENTENCE_KEY + ["risks", "text"]]


def risk_hedging(corpus: Corpus) -> pd.DataFrame:
    """How hedged the risk sentences are, by source: sentences with a hedge word, with an assertive word.

    Index: source_id (oldest first, plus 'all'). Columns: risk_sentences, hedged, assertive, hedged_share (%).
    """
    from .extract.categories import word_hits

    risk = risk_passages(corpus)[SENTENCE_KEY]
    hedged = risk.merge(word_hits(corpus, "hedges")[SENTENCE_KEY], on=SENTENCE_KEY)
    assertive = risk.merge(word_hits(corpus, "assertions")[SENTENCE_KEY], on=SENTENCE_KEY)
    order = _source_order(corpus)
    out = pd.DataFrame({
        "risk_sentences": risk.groupby("source_id").size(), "hedged": hedged.groupby("source_id").size(),
        "assertive": assertive.groupby("source_id").size()}).reindex(order).fillna(0).astype(int)
    out = pd.concat([out, out.sum().to_frame("all").T])
    share = (out.hedged / out.risk_sentences.where(out.risk_sentences > 0) * 100).round(1).fillna(0.0)
    return out.assign(hedged_share=share).rename_axis("source_id")


# ---------------------------------------------------------------------------------------
# Chapter 7: positions
# ---------------------------------------------------------------------------------------

def positions(corpus: Corpus) -> pd.DataFrame:
    """Who takes which position towards the Taliban: the affirmed statements, with their date and source.

    A position is a statement (report/extract/statements.py) whose actor is the agent of the act and
    whose polarity is affirmed: a negated, prospective or reported act is not a position held. One row per
    actor, act and paragraph (the paragraph's first such sentence): a paragraph that repeats itself is
    listed once. Columns: actor, stance (the act's label), date (as_of), published, source_id, paragraph, text.
    """
    st = _ev(corpus)["statements"].query("polarity == 'affirmed'")
    acts = _act_labels()
    out = st.assign(stance=st.act.map(acts), _s=st.act.map({k: i for i, k in enumerate(acts)}), date=st.as_of,
                    ).merge(corpus.sources[["source_id", "published"]], on="source_id")
    out = out.sort_values(["actor", "_s", "published", "source_id", "paragraph", "sentence"])
    out = out.drop_duplicates(["actor", "stance", "source_id", "paragraph"])
    return out.reset_index(drop=True)[["actor", "stance", "date", "published", "source_id", "paragraph", "text"]]


def _act_labels() -> dict[str, str]:
    """Act -> its label in codebook/acts.yml, in codebook order."""
    from .extract.statements import vocab

    return {act: spec["label"] for act, spec in vocab()["acts"].items()}


def position_summary(corpus: Corpus, min_sentences: int = 1) -> pd.DataFrame:
    """Actor by stance: how many sources attribute each affirmed act to each actor.

    Index: actor (most positions first). Columns: one per act label, in codebook order, for the acts
    some actor holds.
    """
    p = positions(corpus).drop_duplicates(["actor", "stance", "source_id"])
    labels = [v for v in _act_labels().values() if v in set(p.stance)]
    table = pd.crosstab(p.actor, p.stance).reindex(columns=labels, fill_value=0)
    table = table[table.sum(axis=1) >= min_sentences]
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index].rename_axis(
        index="actor", columns=None)


def western_conditions(corpus: Corpus) -> pd.DataFrame:
    """Sentences that set conditions for the Taliban and name the West (coded western_divergence.west).

    Columns: source_id, paragraph, sentence, matched (the condition word), text.
    """
    st = _labelled_categories(corpus, "stances").query("category == 'conditions'")
    west = _codes_of(corpus, "western_divergence").query("code == 'west'")[SENTENCE_KEY].drop_duplicates()
    out = st.merge(west, on=SENTENCE_KEY).merge(body_sentences(corpus), on=SENTENCE_KEY)
    return out.sort_values(SENTENCE_KEY, ignore_index=True)[SENTENCE_KEY + ["matched", "text"]]


def _labelled_stance(key: str) -> str:
    return _act_labels()[key]


# ---------------------------------------------------------------------------------------
# Chapter 8: synthesis
# ---------------------------------------------------------------------------------------

MOTIVES = ["security", "trade_transit", "china_alignment"]


def motive_matrix(corpus: Corpus) -> pd.DataFrame:
    """Share (%) of each source's body sentences coded with each motive (and with risks and divergence).

    Index: source_id (oldest first). Columns: the themes, motives first.
    """
    return theme_coverage(corpus)


def source_agreement(corpus: Corpus) -> pd.DataFrame:
    """Cosine similarity (0 to 1) of the sources' theme profiles: how alike their emphases are.

    A symmetric frame indexed and columned by source id (oldest first).
    """
    cov = theme_coverage(corpus)
    norms = (cov ** 2).sum(axis=1) ** 0.5
    unit = cov.div(norms.where(norms > 0), axis=0).fillna(0)
    return (unit @ unit.T).round(2).rename_axis(index="source_id", columns=None)


def framing_by_year(corpus: Corpus) -> pd.DataFrame:
    """Share (%) of body sentences coded with each theme, by year of publication.

    Index: year. Columns: sources, sentences, then one per theme.
    """
    from .extract.codes import themes

    sent = body_sentences(corpus).merge(corpus.sources[["source_id", "published"]], on="source_id")
    sent = sent.assign(year=sent.published.str[:4])
    coded = _codes_of(corpus).drop_duplicates(SENTENCE_KEY + ["theme"]).merge(sent[SENTENCE_KEY + ["year"]],
                                                                               on=SENTENCE_KEY)
    counts = pd.crosstab(coded.year, coded.theme).reindex(index=sorted(sent.year.unique()), columns=list(themes()),
                                                          fill_value=0)
    totals = sent.groupby("year").size()
    share = (counts.div(totals, axis=0) * 100).round(1)
    return pd.concat([sent.groupby("year").source_id.nunique().rename("sources"), totals.rename("sentences"),
                      share], axis=1).rename_axis(index="year", columns=None)


def leading_motive(corpus: Corpus) -> dict[str, object]:
    """The motive with the largest share of coded sentences in the corpus, and in how many sources it leads.

    Keys: motive (theme id), label, share (% of all body sentences), leads_in (sources where it is the
    largest motive), n_sources, runner_up, runner_up_share.
    """
    sent = body_sentences(corpus)
    coded = _codes_of(corpus).drop_duplicates(SENTENCE_KEY + ["theme"])
    share = (coded[coded.theme.isin(MOTIVES)].groupby("theme").size().reindex(MOTIVES, fill_value=0)
             / len(sent) * 100).sort_values(ascending=False, kind="stable")
    per_source = motive_matrix(corpus)[MOTIVES]
    leads = per_source.idxmax(axis=1)
    labels = theme_labels()
    return {"motive": share.index[0], "label": labels[share.index[0]], "share": round(float(share.iloc[0]), 1),
            "leads_in": int((leads == share.index[0]).sum()), "n_sources": len(per_source),
            "runner_up": labels[share.index[1]], "runner_up_share": round(float(share.iloc[1]), 1)}


def date_disagreements_long(corpus: Corpus) -> pd.DataFrame:
    """date_disagreements() with one row per side, for provenance links.

    Columns: pair (number), source_id, paragraph, date, published, text.
    """
    d = date_disagreements(corpus)
    rows = []
    for k, r in enumerate(d.itertuples(), start=1):
        for side in ("a", "b"):
            rows.append({"pair": k, "source_id": getattr(r, f"source_{side}"),
                         "paragraph": getattr(r, f"paragraph_{side}"), "date": getattr(r, f"date_{side}"),
                         "text": getattr(r, f"text_{side}")})
    out = pd.DataFrame(rows, columns=["pair", "source_id", "paragraph", "date", "text"])
    return out.merge(corpus.sources[["source_id", "published"]], on="source_id", how="left")[
        ["pair", "source_id", "paragraph", "date", "published", "text"]]


def conflicting_positions(corpus: Corpus) -> pd.DataFrame:
    """Actors credited both with a step towards the Taliban and with opposing recognition.

    Columns: actor, stance, sources (ids), first_published, last_published. Sorted by actor, stance.
    """
    p = positions(corpus)
    oppose = _labelled_stance("opposes")
    towards = {_labelled_stance(k) for k in ("recognises", "accepts_envoy", "delists")}
    both = sorted(set(p[p.stance == oppose].actor) & set(p[p.stance.isin(towards)].actor))
    sel = p[p.actor.isin(both) & (p.stance.isin(towards) | (p.stance == oppose))]
    out = sel.groupby(["actor", "stance"]).agg(sources=("source_id", lambda s: ", ".join(sorted(set(s)))),
                                               first_published=("published", "min"),
                                               last_published=("published", "max"))
    return out.reset_index()


# ---------------------------------------------------------------------------------------
# Appendices
# ---------------------------------------------------------------------------------------

def data_dictionary() -> pd.DataFrame:
    """Every published table's columns with their type and description.

    Columns: table, column, type, description.
    """
    import yaml

    from . import schemas
    from .paths import DATA_DICTIONARY

    described = yaml.safe_load(DATA_DICTIONARY.read_text(encoding="utf-8"))
    rows = []
    for table, spec in described.items():
        schema = getattr(schemas, table.upper())
        for column, col in schema.columns.items():
            rows.append({"table": table, "column": column, "type": str(col.dtype),
                         "description": spec["columns"].get(column, "")})
    return pd.DataFrame(rows)


def table_descriptions() -> pd.DataFrame:
    """One row per published table. Columns: table, description, file (the CSV under book/data/)."""
    import yaml

    from .paths import DATA_DICTIONARY

    described = yaml.safe_load(DATA_DICTIONARY.read_text(encoding="utf-8"))
    return pd.DataFrame([{"table": t, "description": s["description"], "file": f"book/data/{t}.csv"}
                         for t, s in described.items()])


def codebook_themes() -> pd.DataFrame:
    """The themes codebook as a table. Columns: theme, label, code, terms."""
    from .extract.codes import themes

    return pd.DataFrame([{"theme": t, "label": s["label"], "code": c, "terms": ", ".join(terms)}
                         for t, s in themes().items() for c, terms in s["codes"].items()])


def gazetteer_table() -> pd.DataFrame:
    """The gazetteer as a table. Columns: id, name, type, aliases, role, government_of, represents."""
    from .gazetteer import actors

    return pd.DataFrame([{"id": a.id, "name": a.name, "type": a.type, "aliases": ", ".join(a.aliases),
                          "role": a.role or "", "government_of": a.government_of or "",
                          "represents": a.represents or ""} for a in actors().values()])


def codebook_acts() -> pd.DataFrame:
    """The acts of codebook/acts.yml, one row per act. Columns: act, label, verbs, nouns, objects."""
    from .extract.statements import vocab

    return pd.DataFrame([{"act": act, "label": spec["label"], "verbs": ", ".join(spec["verbs"]),
                          "nouns": ", ".join(spec.get("nouns", []) + spec.get("negated_forms", [])),
                          "objects": ", ".join(spec.get("objects", []))} for act, spec in vocab()["acts"].items()])


def codebook_polarity() -> pd.DataFrame:
    """The polarity words of codebook/acts.yml. Columns: polarity, words."""
    from .extract.statements import vocab

    pol = vocab()["polarity"]
    return pd.DataFrame([
        {"polarity": "negated", "words": ", ".join(pol["negating"] + pol["negating_subjects"])},
        {"polarity": "prospective", "words": ", ".join(pol["prospective"] + pol["modals"])},
        {"polarity": "reported", "words": ", ".join(pol["reporting"])},
    ])


def codebook_claims() -> pd.DataFrame:
    """The claims codebook (claims.yml): the markers of each kind and the cues of each category.

    Columns: kind, category, label, words.
    """
    from .extract.claims import vocab

    rows = []
    for kind, spec in vocab()["kinds"].items():
        rows.append({"kind": kind, "category": "(marker)", "label": f"words that mark a {kind}",
                     "words": ", ".join(spec["markers"])})
        rows += [{"kind": kind, "category": cat, "label": c["label"], "words": ", ".join(c["cues"])}
                 for cat, c in spec["categories"].items()]
    return pd.DataFrame(rows)


def boilerplate_rules() -> pd.DataFrame:
    """The boilerplate rules as a table. Columns: rule, description, conditions."""
    from . import codebook

    out = []
    for r in codebook.load("boilerplate")["rules"]:
        conditions = "; ".join(f"{k}: {v}" for k, v in r.items() if k not in ("id", "description"))
        out.append({"rule": r["id"], "description": r["description"], "conditions": conditions})
    return pd.DataFrame(out)


def analysis_instruments() -> pd.DataFrame:
    """The term categories of analysis.yml (claims, risks, stances). Columns: instrument, category, label, terms, with."""
    from . import codebook

    data = codebook.load("analysis")
    out = []
    for section in ("recognition_claims", "risk_taxonomy", "stances"):
        for key, spec in data[section].items():
            out.append({"instrument": section, "category": key, "label": spec["label"],
                        "terms": ", ".join(spec["terms"]), "with": ", ".join(spec.get("with", []))})
    return pd.DataFrame(out)
