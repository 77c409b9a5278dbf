"""Chapter 8 (notebooks/08_synthesis): the key judgments with their confidence, and the motives source by
source."""

from __future__ import annotations

import pandas as pd

from ..analysis import claims, door
from ..corpus import Corpus
from ..prose import and_join
from ..publish.provenance import EvidenceTable


BASIS_WORDS = {"said": "in so many words", "thesis": "as its thesis"}


def put_first_phrase(corpus: Corpus, category: str) -> str:
    """The sources that themselves put `category` first (their coded leads), in words, oldest first, each
    with how: "Odri Media (as its thesis, beside “trade, transit and economic stakes”) and The Christian Science
    Monitor (in so many words, in the words of experts)", the other motives named in quotation marks; "" when none does."""
    rows, _ = claims.lead_rows(corpus)
    names = claims.labels()
    outlets = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    parts = []
    for sid in door.source_order(corpus):
        mine = rows[rows.source_id == sid]
        if category not in set(mine.category):
            continue
        r = mine[mine.category == category].iloc[0]
        how = [BASIS_WORDS[r.basis]]
        others = [names[c] for c in mine.category if c != category]
        if others:
            how.append("beside " + and_join([f"“{o}”" for o in others]))
        if r.who != "author":
            how.append(f"in the words of {r.who}")
        parts.append(f"{outlets[sid]} ({', '.join(how)})")
    return and_join(parts)


def weigh_none(corpus: Corpus) -> list[str]:
    """The sources coded for their lead motive that put none first, oldest first."""
    le = claims.leads(corpus)
    return list(le.source_id[le.lead == "none"])


def leads_list(corpus: Corpus) -> EvidenceTable:
    """What each source itself puts first, where it puts one: the motive(s), on what ground and in its words,
    linked to the paragraph."""
    le = claims.leads(corpus)
    le = le[le.paragraph > 0].assign(basis=lambda d: d.basis.map(lambda b: ", ".join(
        BASIS_WORDS.get(x, x) for x in b.split(", "))))
    return EvidenceTable(le.rename(columns={"lead": "first", "basis": "how", "quote": "words"}),
                         ["first", "how", "words"])


def ranked_motives(corpus: Corpus) -> pd.DataFrame:
    """Table 8.1: the motives ranked (`claims.ranking`): how many sources put each first themselves, how many
    give it, in how many sentences, and the rank."""
    return claims.ranking(corpus)[["put first by", "sources", "sentences", "rank"]]
