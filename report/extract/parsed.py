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
from ..nlp import quote_marks
from ..parse import parse_many
from .common import body_paragraphs
from .words import lemma_in, speech_re

MAX_TOKENS = 200  # a longer "sentence" is not prose (a list, a table pasted as text): never parsed


def acts_vocab() -> dict:
    return codebook.load("acts")


WORDS = re.compile(r"\w+")


@cache
def _act_tests() -> list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    """Per act: (words naming it, object words it needs, verbs that need none), from the codebook."""
    out = []
    for spec in acts_vocab()["acts"].values():
        naming = tuple(w for key in ("verbs", "nouns", "negated_forms", "adjectives") for w in spec.get(key, []))
        out.append((naming, tuple(spec.get("objects", [])), tuple(spec.get("free_verbs", []))))
    return out


def _may_state_an_act(words: set[str]) -> bool:
    """A word names an act, the act's object words are there when it needs one, and a target is named:
    the conditions statements.py checks on the parse, checked first on the words."""
    if not any(lemma_in(w, acts_vocab()["candidate_targets"]) for w in words):
        return False
    for naming, objects, free in _act_tests():
        if any(lemma_in(w, naming) for w in words) and (
                not objects or any(lemma_in(w, free) for w in words) or any(lemma_in(w, objects) for w in words)):
            return True
    return False


def is_candidate(text: str) -> bool:
    """Does a sentence need a parse: an act word with a target, or a quotation with a speech verb?"""
    if _may_state_an_act({w.lower() for w in WORDS.findall(text)}):
        return True
    marks = quote_marks().marks
    return any(ch in marks for ch in text) and speech_re().search(text) is not None


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
