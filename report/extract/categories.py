"""Term categories from codebook/analysis.yml (risk taxonomy, stances, claims, hedges), matched
on body sentences with spaCy's Matcher, using the term syntax of themes.yml."""

from __future__ import annotations

from functools import cache

import pandas as pd
from spacy.matcher import Matcher

from .. import codebook
from ..corpus import Corpus
from ..nlp import pipeline
from .codes import term_pattern
from .common import body_paragraphs

CATEGORY_COLUMNS = ["source_id", "paragraph", "sentence", "category", "matched"]


def instrument(name: str):
    """One section of analysis.yml."""
    return codebook.load("analysis")[name]


@cache
def _matcher(section: str) -> tuple[Matcher, dict]:
    m = Matcher(pipeline().vocab, validate=True)
    keys = {}
    for category, spec in instrument(section).items():
        for part in ("terms", "with"):
            for term in spec.get(part, []):
                key = f"{section}|{category}|{part}|{term}"
                m.add(key, [term_pattern(term)])
                keys[pipeline().vocab.strings[key]] = (category, part, term)
    return m, keys


@cache
def _word_matcher(section: str) -> tuple[Matcher, dict]:
    """For a flat word list (hedges, assertions): one key per word."""
    m = Matcher(pipeline().vocab, validate=True)
    keys = {}
    for term in instrument(section):
        key = f"{section}|{term}"
        m.add(key, [term_pattern(term)])
        keys[pipeline().vocab.strings[key]] = term
    return m, keys


@cache
def categories(corpus: Corpus, section: str) -> pd.DataFrame:
    """Sentences where a category of `section` fires (its terms, and its `with` terms if it has them).

    Columns: source_id, paragraph, sentence, category, matched (the first term that fired). One row per
    (sentence, category), sorted.
    """
    m, keys = _matcher(section)
    spec = instrument(section)
    rows = []
    for para in body_paragraphs(corpus):
        found: dict[tuple[int, str], dict[str, str]] = {}
        for match_id, start, end in sorted(m(para.doc), key=lambda x: (x[1], x[2])):
            category, part, _ = keys[match_id]
            span = para.doc[start:end]
            found.setdefault((para.sentence_at(span.start_char), category), {}).setdefault(part, span.text)
        for (sentence, category), parts in sorted(found.items()):
            if "terms" in parts and ("with" in parts or not spec[category].get("with")):
                rows.append({"source_id": para.source_id, "paragraph": para.paragraph, "sentence": sentence,
                             "category": category, "matched": parts["terms"]})
    return pd.DataFrame(rows, columns=CATEGORY_COLUMNS)


@cache
def word_hits(corpus: Corpus, section: str) -> pd.DataFrame:
    """Sentences holding a word of a flat list (hedges, assertions). Columns: source_id, paragraph, sentence, matched."""
    m, keys = _word_matcher(section)
    rows = {}
    for para in body_paragraphs(corpus):
        for match_id, start, _ in sorted(m(para.doc), key=lambda x: x[1]):
            key = (para.source_id, para.paragraph, para.sentence_at(para.doc[start].idx))
            rows.setdefault(key, {"source_id": key[0], "paragraph": key[1], "sentence": key[2],
                                  "matched": para.doc[start].text})
    return pd.DataFrame(list(rows.values()), columns=["source_id", "paragraph", "sentence", "matched"])
