"""Evidence lists that several pages show: sentence-level rows with a link to their paragraph
(display objects of report.publish.provenance)."""

from __future__ import annotations

import pandas as pd

from ..analysis import claims, statements
from ..corpus import Corpus
from ..extract.claims import AUTHOR
from ..prose import and_join
from ..publish.provenance import EvidenceTable

AUTHOR_WORDS = "the author"  # how a claim in the author's own words shows its `who`
NO_SPEAKER = "not named"  # how a quotation whose speaker was not found shows it


def passages(df: pd.DataFrame, columns: list[str]) -> EvidenceTable:
    """Any sentence-level frame with source_id and paragraph, shown with provenance links."""
    return EvidenceTable(df, columns)


def claims_list(corpus: Corpus, category: str | None = None, kind: str = "motive") -> EvidenceTable:
    """The claims of `category` (all categories of `kind` when None, with their labels): who says it and
    the sentence."""
    c = claims.claims(corpus, category, kind)
    c = c.assign(who=c.who.replace(AUTHOR, AUTHOR_WORDS))
    return EvidenceTable(c, ["who", "text"] if category else ["categories", "who", "text"])


def quotations_list(corpus: Corpus, category: str | None, kind: str = "motive") -> EvidenceTable:
    """The quotations inside the claims of `category`: speaker and quote."""
    q = claims.quotations(corpus, category, kind)
    return EvidenceTable(q.assign(speaker=q.speaker.replace("", NO_SPEAKER)), ["speaker", "quote"])


def statements_list(corpus: Corpus, acts: list[str], polarity: list[str] | None = None) -> EvidenceTable:
    """Statements of `acts` (and `polarity`), oldest source first: the statement in a few words
    ("Russia · delists · expected"), its date and the sentence."""
    return EvidenceTable(statements.statements(corpus, acts, polarity), ["statement", "date", "text"])


def outlets(corpus: Corpus, ids) -> str:
    """The outlets of the sources `ids`, in words ("Stratheia and The Conversation")."""
    names = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    return and_join([names[i] for i in ids])
