"""Chapter 7 (notebooks/07_western_divergence): positions held towards the Taliban, and who holds contrary ones."""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus
from . import frames
from .frames import SENTENCE_KEY


def theme_quotes(corpus: Corpus, theme: str):
    """Quotations (not terms) whose sentence is coded with `theme`, as a provenance-linked table.

    Columns shown: speaker, kind, quote.
    """
    from ..publish.provenance import EvidenceTable

    coded = frames.codes_of(corpus, theme)[SENTENCE_KEY].drop_duplicates()
    q = frames.evidence(corpus)["quotes"].query("kind != 'term'").merge(coded, on=SENTENCE_KEY)
    q = q.assign(speaker=q.speaker.replace("", "not named"))
    return EvidenceTable(q.sort_values(["source_id", "paragraph", "char_start"]), ["speaker", "kind", "quote"])


def positions(corpus: Corpus) -> pd.DataFrame:
    """Who takes which position towards the Taliban: the affirmed statements, with their date and source.

    A position is a statement (report/extract/statements.py) whose actor is the agent of the act and
    whose polarity is affirmed: a negated, prospective or reported act is not a position held. One row per
    actor, act and paragraph (the paragraph's first such sentence): a paragraph that repeats itself is
    listed once. Columns: actor, stance (the act's label), date (as_of), published, source_id, paragraph, text.
    """
    st = frames.evidence(corpus)["statements"].query("polarity == 'affirmed'")
    acts = _act_labels()
    out = st.assign(stance=st.act.map(acts), _s=st.act.map({k: i for i, k in enumerate(acts)}), date=st.as_of,
                    ).merge(corpus.sources[["source_id", "published"]], on="source_id")
    out = out.sort_values(["actor", "_s", "published", "source_id", "paragraph", "sentence"])
    out = out.drop_duplicates(["actor", "stance", "source_id", "paragraph"])
    return out.reset_index(drop=True)[["actor", "stance", "date", "published", "source_id", "paragraph", "text"]]


def _act_labels() -> dict[str, str]:
    """Act -> its label in codebook/acts.yml, in codebook order."""
    from ..extract.statements import vocab

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


def _labelled_stance(key: str) -> str:
    return _act_labels()[key]


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
