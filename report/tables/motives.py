"""The motive chapters (notebooks/03_security, 04_trade, 05_china), one pattern: what each opens with,
how much of each source's motive claims the motive takes, and how much each source talks about
the motive's theme."""

from __future__ import annotations

import pandas as pd

from ..analysis import claims, door
from ..corpus import Corpus
from ..extract.claims import AUTHOR
from ..extract.codes import themes


def summary(corpus: Corpus, category: str, kind: str = "motive") -> dict:
    """Figures for a chapter's opening: sources stating the category (n, of all), sentences, how many of
    them are in a named speaker's words, its rank among the categories and how many categories there are,
    and the speakers (names, joined)."""
    rank = claims.ranking(corpus, kind)
    label = claims.labels(kind)[category]
    mine = claims.claims(corpus, category, kind)
    quoted = mine[mine.who != AUTHOR]
    return {"label": label, "n_sources": int(rank.loc[label, "sources"]), "n_all": len(corpus.sources),
            "n_claims": len(mine), "n_quoted": len(quoted), "rank": int(rank.loc[label, "rank"]),
            "n_categories": int((rank.sources > 0).sum()),
            "speakers": ", ".join(sorted(set(quoted.who))) or "none"}


def weight_range(weight: pd.DataFrame) -> dict:
    """The lowest and highest share of a `claims.weight` table and the sources that have them."""
    if weight.empty:
        return {"low_share": 0, "low_source": "none", "high_share": 0, "high_source": "none"}
    return {"low_share": int(weight.share.min()), "low_source": str(weight.share.idxmin()),
            "high_share": int(weight.share.max()), "high_source": str(weight.share.idxmax())}


def chapter_facts(corpus: Corpus, category: str, kind: str = "motive") -> tuple[dict, pd.DataFrame]:
    """What a motive chapter opens with, in one call: the facts its prose glues (`summary` and the
    `weight_range`) and the category's weight in each source that states a motive at all."""
    shown = claims.weight(corpus, category, kind).query("all > 0")
    return {**summary(corpus, category, kind), **weight_range(shown)}, shown


def code_counts(corpus: Corpus, theme: str) -> pd.DataFrame:
    """Body sentences coded with each sub-code of `theme`, by source (columns, oldest first) and in total.

    Index: code (codebook order). Columns: one per source id, total.
    """
    codes = door.evidence(corpus)["codes"]
    codes = codes[codes.theme == theme]
    counts = pd.crosstab(codes.code, codes.source_id).reindex(
        index=list(themes()[theme]["codes"]), columns=door.source_order(corpus), fill_value=0)
    return counts.rename_axis(index="code", columns=None).assign(total=lambda d: d.sum(axis=1))


def coverage(corpus: Corpus, theme: str) -> pd.DataFrame:
    """How much each source talks about `theme`: the share (%) of its body sentences coded with each
    sub-code. Index: source id (oldest first). Columns: the sub-codes (codebook order)."""
    counts = code_counts(corpus, theme).drop(columns="total")
    sentences = corpus.sources.set_index("source_id")["sentences"].reindex(counts.columns)
    share = counts.div(sentences.where(sentences > 0), axis=1).fillna(0) * 100
    return share.T.round(1).rename_axis(index="source", columns=None)
