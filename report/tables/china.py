"""Chapter 5 (notebooks/05_china): where the sources name China outside a motive claim, and which
actors they name together."""

from __future__ import annotations

import pandas as pd

from ..analysis import claims, door
from ..analysis.door import SENTENCE_KEY
from ..corpus import Corpus


def named_elsewhere(corpus: Corpus, actor_id: str, category: str, kind: str = "motive") -> pd.DataFrame:
    """The body sentences that name `actor_id` in the sources that state no claim of `category`, oldest
    source first. Columns: source_id, paragraph, sentence, text."""
    m = door.evidence(corpus)["mentions"]
    m = m[(m.actor_id == actor_id) & m.source_id.isin(claims.silent(corpus, category, kind))][
        SENTENCE_KEY].drop_duplicates()
    out = door.body_sentences(corpus).merge(m, on=SENTENCE_KEY)
    order = {s: i for i, s in enumerate(door.source_order(corpus))}
    return out.assign(_o=out.source_id.map(order)).sort_values(["_o", "paragraph", "sentence"]).drop(
        columns="_o").reset_index(drop=True)


