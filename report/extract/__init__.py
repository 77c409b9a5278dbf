"""The one evidence door: `evidence(corpus)` returns every evidence table.

events, quotes, numbers, mentions and codes (words and spans), statements (who did what to
the Taliban, from the dependency parse) and claims (motives and risks). Each table is
validated by its pandera schema and sorted by its key, with the schema's dtypes even when
it is empty; results are memoised per corpus.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from .. import schemas
from ..corpus import Corpus
from ..diskcache import on_disk
from .claims import claims_table
from .codes import codes_table
from .events import events_table
from .mentions import mentions_table
from .numbers import numbers_table
from .quotes import quotes_table
from .statements import statements_table

KEYS = {
    "events": ["source_id", "paragraph", "sentence", "char_start"],
    "quotes": ["source_id", "paragraph", "char_start"],
    "numbers": ["source_id", "paragraph", "char_start"],
    "mentions": ["source_id", "paragraph", "sentence", "char_start"],
    "codes": ["source_id", "paragraph", "sentence", "theme", "code"],
    "statements": ["source_id", "paragraph", "sentence", "actor_id", "act"],
    "claims": ["source_id", "paragraph", "sentence", "kind", "category"],
}
SCHEMAS = {"events": schemas.EVENTS, "quotes": schemas.QUOTES, "numbers": schemas.NUMBERS,
           "mentions": schemas.MENTIONS, "codes": schemas.CODES, "statements": schemas.STATEMENTS,
           "claims": schemas.CLAIMS}


def _typed(df: pd.DataFrame, schema) -> pd.DataFrame:
    """`df` with the schema's column types (an empty frame has none of its own)."""
    return df.astype({name: str(col.dtype) for name, col in schema.columns.items() if name in df.columns})


def _finish(name: str, df: pd.DataFrame) -> pd.DataFrame:
    schema = SCHEMAS[name]
    return schema.validate(_typed(df, schema).sort_values(KEYS[name], ignore_index=True))


@cache
@on_disk
def evidence(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """Every evidence table of `corpus`, by name (see KEYS for each table's key)."""
    out: dict[str, pd.DataFrame] = {}
    out["events"] = _finish("events", events_table(corpus))
    out["quotes"] = _finish("quotes", quotes_table(corpus))
    out["numbers"] = _finish("numbers", numbers_table(corpus, out["events"]))
    out["mentions"] = _finish("mentions", mentions_table(corpus))
    out["codes"] = _finish("codes", codes_table(corpus))
    out["statements"] = _finish("statements", statements_table(corpus, out["events"]))
    out["claims"] = _finish("claims", claims_table(corpus, out["quotes"]))
    return out
