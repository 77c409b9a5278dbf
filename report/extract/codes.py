"""Thematic codes: every body sentence gets the (theme, sub-code) pairs whose terms occur in it."""

from __future__ import annotations

from functools import cache

import pandas as pd

from .. import codebook
from .common import body_paragraphs
from .terms import index_of

CODE_COLUMNS = ["source_id", "paragraph", "sentence", "theme", "code", "matched", "term"]


@cache
def themes() -> dict:
    """theme -> {"label": ..., "codes": {code: [terms]}}, in codebook order."""
    return codebook.load("themes")["themes"]


def codes_table(corpus) -> pd.DataFrame:
    """One row per (body sentence, theme, code) with the first term that fired in it.

    Columns: source_id, paragraph, sentence, theme, code, matched (as written), term (from the codebook).
    """
    index = index_of(tuple(((theme, code), tuple(terms)) for theme, spec in themes().items()
                           for code, terms in spec["codes"].items()))
    rows = {}
    for para in body_paragraphs(corpus):
        for start, end, (theme, code), term in index.find(para.text):
            sentence = para.sentence_at(start)
            key = (para.source_id, para.paragraph, sentence, theme, code)
            rows.setdefault(key, {"source_id": para.source_id, "paragraph": para.paragraph, "sentence": sentence,
                                  "theme": theme, "code": code, "matched": para.text[start:end], "term": term})
    return pd.DataFrame(list(rows.values()), columns=CODE_COLUMNS)
