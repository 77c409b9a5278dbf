"""Chapter 4 (notebooks/04_trade): the hard numbers on trade, aid and work, and the projects and
places the trade chapter names."""

from __future__ import annotations

import pandas as pd

from ..analysis import door, numbers
from ..analysis.door import SENTENCE_KEY
from ..corpus import Corpus
from ..publish.provenance import EvidenceTable

FACTS = ("trade", "aid", "need", "workers")  # the facts of the key-figures box (reading.yml) the chapter gives


def chapter_numbers(corpus: Corpus) -> dict[str, dict | None]:
    """The number for each fact of `FACTS` (`analysis.numbers.number_about`, with the source's outlet), or None
    where no source gives one."""
    outlets = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    found = {fact: numbers.number_about(corpus, fact) for fact in FACTS}
    return {fact: (None if f is None else {**f, "outlet": outlets[f["source_id"]]}) for fact, f in found.items()}


def numbers_list(corpus: Corpus) -> EvidenceTable:
    """The hard numbers as a provenance-linked list (figure, unit, also given by, sentence)."""
    shown = numbers.hard_numbers(corpus).rename(columns={"number": "figure"})
    return EvidenceTable(shown, ["figure", "unit", "also_given_by", "sentence"])


def actors_of_type(corpus: Corpus, types: tuple[str, ...]) -> pd.DataFrame:
    """Actors of the given types named in the body, with how many sentences and sources name them.

    Columns: actor, type, sentences, sources, source_ids. Most named first.
    """
    m = door.evidence(corpus)["mentions"]
    m = m[m.type.isin(types)].drop_duplicates(SENTENCE_KEY + ["actor_id"])
    out = m.groupby(["actor", "type"]).agg(sentences=("sentence", "size"), sources=("source_id", "nunique"),
                                           source_ids=("source_id", lambda s: ", ".join(sorted(set(s)))))
    return out.reset_index().sort_values(["sentences", "actor"], ascending=[False, True], ignore_index=True)
