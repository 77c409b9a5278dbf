"""Chapter 7 (notebooks/07_western_divergence): who does what, the positions held towards the
Taliban, who holds contrary ones, and the quotations about the West's position."""

from __future__ import annotations

import pandas as pd

from ..analysis import door, statements
from ..analysis.door import SENTENCE_KEY
from ..codebook import load
from ..corpus import Corpus
from ..publish.provenance import EvidenceTable
from .lists import NO_SPEAKER


def statement_matrix(corpus: Corpus) -> pd.DataFrame:
    """Who does what, by polarity: for each actor (row label, most statements first), the acts that sources
    affirm, deny, and expect or report of it, each with how many sources ("recognises 2, delists 2"); one
    column per polarity, so that the table stays narrow."""
    st = door.evidence(corpus)["statements"].drop_duplicates(["source_id", "actor_id", "act", "polarity"])
    labels = statements.act_labels(short=True)
    order = st.groupby("actor").size().sort_values(ascending=False, kind="stable").index
    groups = load("reading")["matrix_columns"]  # column heading -> the polarities it gathers
    rows = {}
    for actor in order:
        mine = st[st.actor == actor]
        rows[actor] = {}
        for column, polarities in groups.items():
            counts = mine[mine.polarity.isin(polarities)].act.value_counts()
            rows[actor][column] = ", ".join(f"{labels[a]} {int(counts[a])}" for a in labels if a in counts.index)
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(groups)).rename_axis("actor")


def short_act_columns(table: pd.DataFrame) -> list[str]:
    """The short labels of a table whose columns are the acts' long labels (`position_summary`)."""
    short = {statements.act_labels()[a]: s for a, s in statements.act_labels(short=True).items()}
    return [short.get(c, c) for c in table.columns]


def theme_quotes(corpus: Corpus, theme: str) -> EvidenceTable:
    """Quotations (not terms) whose sentence is coded with `theme`, as a provenance-linked list.

    Columns shown: speaker, kind, quote.
    """
    ev = door.evidence(corpus)
    coded = ev["codes"][ev["codes"].theme == theme][SENTENCE_KEY].drop_duplicates()
    q = ev["quotes"].query("kind != 'term'").merge(coded, on=SENTENCE_KEY)
    q = q.assign(speaker=q.speaker.replace("", NO_SPEAKER))
    return EvidenceTable(q.sort_values(["source_id", "paragraph", "char_start"]), ["speaker", "kind", "quote"])


def positions(corpus: Corpus) -> pd.DataFrame:
    """Who takes which position towards the Taliban: the affirmed statements, with their date and source.

    A position is a statement whose actor is the agent of the act and whose polarity is affirmed: a
    negated, prospective or reported act is not a position held. One row per actor, act and paragraph
    (the paragraph's first such sentence): a paragraph that repeats itself is listed once. Columns: actor,
    stance (the act's label), date (as_of), published, source_id, paragraph, text.
    """
    st = door.evidence(corpus)["statements"].query("polarity == 'affirmed'")
    acts = statements.act_labels()
    out = st.assign(stance=st.act.map(acts), _s=st.act.map({k: i for i, k in enumerate(acts)}), date=st.as_of,
                    ).merge(corpus.sources[["source_id", "published"]], on="source_id")
    out = out.sort_values(["actor", "_s", "published", "source_id", "paragraph", "sentence"])
    out = out.drop_duplicates(["actor", "stance", "source_id", "paragraph"])
    return out.reset_index(drop=True)[["actor", "stance", "date", "published", "source_id", "paragraph", "text"]]


def position_summary(corpus: Corpus, min_sentences: int = 1) -> pd.DataFrame:
    """Actor by stance: how many sources attribute each affirmed act to each actor.

    Index: actor (most positions first). Columns: one per act label, in codebook order, for the acts
    some actor holds.
    """
    p = positions(corpus).drop_duplicates(["actor", "stance", "source_id"])
    labels = [v for v in statements.act_labels().values() if v in set(p.stance)]
    table = pd.crosstab(p.actor, p.stance).reindex(columns=labels, fill_value=0)
    table = table[table.sum(axis=1) >= min_sentences]
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index].rename_axis(
        index="actor", columns=None)


def conflicting_positions(corpus: Corpus) -> pd.DataFrame:
    """Actors credited both with a step towards the Taliban and with opposing recognition.

    Columns: actor, stance, sources (ids), first_published, last_published. Sorted by actor, stance.
    """
    p = positions(corpus)
    acts = statements.act_labels()
    oppose = acts["opposes"]
    towards = {acts[k] for k in ("recognises", "accepts_envoy", "delists")}
    both = sorted(set(p[p.stance == oppose].actor) & set(p[p.stance.isin(towards)].actor))
    sel = p[p.actor.isin(both) & (p.stance.isin(towards) | (p.stance == oppose))]
    out = sel.groupby(["actor", "stance"]).agg(sources=("source_id", lambda s: ", ".join(sorted(set(s)))),
                                               first_published=("published", "min"),
                                               last_published=("published", "max"))
    return out.reset_index()
