"""Chapter 8 (notebooks/08_synthesis): the key judgments with their confidence, and the motives source by
source."""

from __future__ import annotations

from ..analysis import judgments
from ..corpus import Corpus
from ..prose import and_join


def reliable_mains(corpus: Corpus) -> str:
    """The motive each of the most reliable sources gives the most room, in words ("The Conversation:
    against the West, ..."): the sources of the reliability the security judgment's `divided_among` check
    names, or better, oldest first."""
    at_least = next(c["at_least"] for c in judgments.spec_of("security-first")["holds"] if c["check"] == "divided_among")
    outlets = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    return and_join([f"{outlets[s]} ({m})" for s, m in judgments.main_motives_among(corpus, at_least).items()])


