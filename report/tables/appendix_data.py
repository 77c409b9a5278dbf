"""The data appendix (notebooks/appendix_data): the published tables and their columns."""

from __future__ import annotations

import pandas as pd
import yaml

from .. import schemas
from ..codebook import SAFE_LOADER
from ..paths import DATA_DICTIONARY


# a column's type as a reader of the CSV needs it, not as pandas names it ("string[python]")
TYPE_NAMES = {"int64": "integer", "float64": "number", "bool": "true or false"}


def type_name(dtype) -> str:
    """A schema column's type in words: integer, number, true or false, else text."""
    return TYPE_NAMES.get(str(dtype), "text")


def data_dictionary() -> pd.DataFrame:
    """Every published table's columns with their type and description.

    Columns: table, column, type, description.
    """
    described = yaml.load(DATA_DICTIONARY.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    rows = []
    for table, spec in described.items():
        schema = getattr(schemas, table.upper())
        for column, col in schema.columns.items():
            rows.append({"table": table, "column": column, "type": type_name(col.dtype),
                         "description": spec["columns"].get(column, "")})
    return pd.DataFrame(rows)


def table_descriptions() -> pd.DataFrame:
    """One row per published table. Columns: table, description, file (the CSV under book/data/)."""
    described = yaml.load(DATA_DICTIONARY.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    return pd.DataFrame([{"table": t, "description": s["description"], "file": f"book/data/{t}.csv"}
                         for t, s in described.items()])
