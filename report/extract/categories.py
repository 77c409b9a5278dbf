"""Term categories from codebook/analysis.yml (stances, claims true at their date), matched
on body sentences with the term syntax of themes.yml (report/extract/terms.py)."""

from __future__ import annotations

from functools import cache

import pandas as pd

from .. import codebook
from ..corpus import Corpus
from .common import body_paragraphs
from .terms import index_of

CATEGORY_COLUMNS = ["source_id", "paragraph", "sentence", "category", "matched"]


def instrument(name: str):
    """One section of analysis.yml."""
    return codebook.load("analysis")[name]


@cache
def categories(corpus: Corpus, section: str) -> pd.DataFrame:
    """Sentences where a category of `section` fires (its terms, and its `with` terms if it has them).

    Columns: source_id, paragraph, sentence, category, matched (the first term that fired). One row per
    (sentence, category), sorted.
    """
    spec = instrument(section)
    index = index_of(tuple(((category, part), tuple(s.get(part, []))) for category, s in spec.items()
                           for part in ("terms", "with")))
    rows = []
    for para in body_paragraphs(corpus):
        found: dict[tuple[int, str], dict[str, str]] = {}
        for start, end, (category, part), _ in index.find(para.text):
            found.setdefault((para.sentence_at(start), category), {}).setdefault(part, para.text[start:end])
        for (sentence, category), parts in sorted(found.items()):
            if "terms" in parts and ("with" in parts or not spec[category].get("with")):
                rows.append({"source_id": para.source_id, "paragraph": para.paragraph, "sentence": sentence,
                             "category": category, "matched": parts["terms"]})
    return pd.DataFrame(rows, columns=CATEGORY_COLUMNS)
