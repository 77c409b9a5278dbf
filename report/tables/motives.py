"""The motive chapters (notebooks/03_security, 04_trade, 05_china), one pattern: what each opens with,
how much of each source's motive claims the motive takes, and how much each source talks about
the motive's theme."""

from __future__ import annotations

import pandas as pd

from ..analysis import claims
from ..corpus import Corpus
from ..extract.claims import AUTHOR
from .lists import derivative_flag


def summary(corpus: Corpus, category: str, kind: str = "motive") -> dict:
    """Figures for a chapter's opening: sources stating the category (n, of all), sentences, how many of
    them are in a named speaker's words, its rank among the categories and how many categories there are,
    and the speakers (names, joined; each flagged when only derivative sources give their words)."""
    rank = claims.ranking(corpus, kind)
    label = claims.labels(kind)[category]
    mine = claims.claims(corpus, category, kind)
    quoted = mine[mine.who != AUTHOR]
    return {"label": label, "n_sources": int(rank.loc[label, "sources"]), "n_all": len(corpus.sources),
            "n_claims": len(mine), "n_quoted": len(quoted), "rank": int(rank.loc[label, "rank"]),
            "n_categories": int((rank.sources > 0).sum()),
            "speakers": ", ".join(name + derivative_flag(corpus, sorted(set(quoted.source_id[quoted.who == name])))
                                  for name in sorted(set(quoted.who))) or "none"}


def weight_range(weight: pd.DataFrame) -> dict:
    """The lowest and highest share of a `claims.weight` table and the sources that have them."""
    if weight.empty:
        return {"low_share": 0, "low_source": "none", "high_share": 0, "high_source": "none"}
    return {"low_share": int(weight.share.min()), "low_source": str(weight.share.idxmin()),
            "high_share": int(weight.share.max()), "high_source": str(weight.share.idxmax())}


def chapter_facts(corpus: Corpus, category: str, kind: str = "motive") -> tuple[dict, pd.DataFrame]:
    """What a motive chapter opens with, in one call: the facts its prose glues (`summary` and the
    `weight_range`, its sources by outlet) and the category's weight in each source that states a motive at all."""
    shown = claims.weight(corpus, category, kind).query("all > 0")
    outlets = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    ends = {k: outlets.get(v, v) if k.endswith("_source") else v for k, v in weight_range(shown).items()}
    return {**summary(corpus, category, kind), **ends}, shown




def weight_table(weight: pd.DataFrame) -> pd.DataFrame:
    """A `claims.weight` table as a chapter shows it, its columns saying what they count."""
    return weight.rename(columns={"sentences": "its sentences", "all": "all motive sentences", "share": "share (%)"})
