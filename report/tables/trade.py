"""Chapter 4 (notebooks/04_trade): the projects and places the trade chapter names."""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus
from . import frames
from .frames import SENTENCE_KEY


def actors_of_type(corpus: Corpus, types: tuple[str, ...]) -> pd.DataFrame:
    """Actors of the given types named in the body, with how many sentences and sources name them.

    Columns: actor, type, sentences, sources, source_ids. Most named first.
    """
    m = frames.evidence(corpus)["mentions"]
    m = m[m.type.isin(types)].drop_duplicates(SENTENCE_KEY + ["actor_id"])
    out = m.groupby(["actor", "type"]).agg(sentences=("sentence", "size"), sources=("source_id", "nunique"),
                                           source_ids=("source_id", lambda s: ", ".join(sorted(set(s)))))
    return out.reset_index().sort_values(["sentences", "actor"], ascending=[False, True], ignore_index=True)
