"""Chapter 8 (notebooks/08_synthesis): the key judgments with their confidence, and the motives source by
source."""

from __future__ import annotations

from ..analysis import claims, judgments
from ..corpus import Corpus
from ..prose import and_join
from .lists import outlets


def reliable_mains(corpus: Corpus) -> str:
    """The motive each of the most reliable sources gives the most room, in words ("The Conversation:
    against the West, ..."): the sources of the reliability the security judgment's `divided_among` check
    names, or better, oldest first."""
    at_least = next(c["at_least"] for c in judgments.spec_of("security-first")["holds"] if c["check"] == "divided_among")
    outlets = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    return and_join([f"{outlets[s]} ({m})" for s, m in judgments.main_motives_among(corpus, at_least).items()])


def first_named(corpus: Corpus) -> str:
    """The motive each source names first (`claims.order_named`), in words, sources grouped by it in the
    order the motives first come up ("trade ... (The Conversation and OSW Centre for Eastern Studies),
    ...")."""
    order = claims.order_named(corpus)
    firsts = [f for f in dict.fromkeys(order["first"]) if f]
    return and_join([f"{f} ({outlets(corpus, order.index[order['first'] == f])})" for f in firsts])
