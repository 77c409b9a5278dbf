"""Evidence extraction: events, quotes, numbers, mentions and codes from a parsed corpus.

`evidence(corpus)` returns the five tables, each validated by its pandera schema and
sorted by its key; it is memoised per corpus.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from .. import schemas
from ..corpus import Corpus
from .codes import codes_table
from .events import events_table
from .mentions import mentions_table
from .numbers import numbers_table
from .quotes import quotes_table

KEYS = {
    "events": ["source_id", "paragraph", "sentence", "char_start"],
    "quotes": ["source_id", "paragraph", "char_start"],
    "numbers": ["source_id", "paragraph", "char_start"],
    "mentions": ["source_id", "paragraph", "sentence", "char_start"],
    "codes": ["source_id", "paragraph", "sentence", "theme", "code"],
}
_BUILDERS = {"events": (events_table, schemas.EVENTS), "quotes": (quotes_table, schemas.QUOTES),
             "numbers": (numbers_table, schemas.NUMBERS), "mentions": (mentions_table, schemas.MENTIONS),
             "codes": (codes_table, schemas.CODES)}


@cache
def evidence(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The five evidence tables of `corpus`, by name."""
    out: dict[str, pd.DataFrame] = {}
    for name, (build, schema) in _BUILDERS.items():
        df = (build(corpus, out["events"]) if name == "numbers" else build(corpus)).sort_values(
            KEYS[name], ignore_index=True)
        out[name] = schema.validate(df.astype({c: "int64" for c in ("paragraph", "sentence")}))
    return out
