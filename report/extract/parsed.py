"""Dependency parses of the candidate sentences of a corpus, computed once per corpus.

A sentence is a candidate when a rule needs to know who does what in it: it holds a
word form of an act in `codebook/acts.yml` and a target of those acts, or a quotation
mark next to a speech verb. Only candidates are parsed (see `report.parse`), in one
batch, so extraction stays fast.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from .. import codebook
from ..parse import parse_many
from .common import body_paragraphs
from .words import irregular, speech_re, stem

MAX_TOKENS = 200  # a longer "sentence" is not prose (a list, a table pasted as text): never parsed

QUOTE_MARKS = set('"“”‘’«»')


def acts_vocab() -> dict:
    return codebook.load("acts")


@cache
def act_word_re() -> re.Pattern:
    """Word forms of every act verb, noun, adjective and negated form (prefix match on stems)."""
    words = set()
    for spec in acts_vocab()["acts"].values():
        for key in ("verbs", "nouns", "negated_forms", "adjectives"):
            words.update(spec.get(key, []))
    stems = sorted({stem(w) for w in words} | set(irregular()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")", re.I)


@cache
def target_re() -> re.Pattern:
    stems = sorted({stem(w) for w in acts_vocab()["candidate_targets"]}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")", re.I)


def is_candidate(text: str) -> bool:
    """Does a sentence need a parse: an act word with a target, or a quotation with a speech verb?"""
    if act_word_re().search(text) and target_re().search(text):
        return True
    return any(ch in QUOTE_MARKS for ch in text) and speech_re().search(text) is not None


@cache
def parses(corpus) -> dict[tuple[str, int, int], Doc]:
    """The parse of every candidate body sentence, by (source_id, paragraph, sentence)."""
    keys, spans = [], []
    for para in body_paragraphs(corpus):
        sents = [s for s in para.doc.sents if s.text.strip()]  # numbered as corpus.sentence_spans numbers them
        for number, sent in enumerate(sents, start=1):
            if len(sent) <= MAX_TOKENS and is_candidate(sent.text):
                keys.append((para.source_id, para.paragraph, number))
                spans.append(sent)
    return dict(zip(keys, parse_many(spans)))
