"""Word forms against the codebook's lemmas, without a lemmatiser.

The codebook lists lemmas ("recognise", "accredit", "plan"); a token matches a lemma
when it is the lemma's stem followed by an inflection or derivation suffix
("recognised", "recognition", "planned"), or an irregular form the codebook lists
("held" for "hold"). The suffixes, stem endings and irregular forms are in codebook/acts.yml.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import codebook


@cache
def suffixes() -> frozenset[str]:
    """The inflection and derivation suffixes of codebook/acts.yml, and the empty suffix."""
    return frozenset([""] + codebook.load("acts")["suffixes"])


@cache
def stem(lemma: str) -> str:
    """The part every form of `lemma` starts with (recognise -> recogn, remove -> remov, plan -> plan)."""
    lemma = lemma.lower()
    for suffix in codebook.load("acts")["stem_endings"]:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 3:
            return lemma[: len(lemma) - len(suffix)]
    return lemma


@cache
def irregular() -> dict[str, str]:
    """Irregular form -> lemma (held -> hold), from codebook/acts.yml."""
    forms = codebook.load("acts").get("irregular_forms", {})
    return {form: lemma for lemma, fs in forms.items() for form in fs}


def form_of(word: str, lemma: str) -> bool:
    """Is `word` a form of `lemma`?"""
    word, lemma = word.lower(), lemma.lower()
    if word == lemma or irregular().get(word) == lemma:
        return True
    st = stem(lemma)
    if not word.startswith(st):
        return False
    rest = word[len(st):]
    endings = suffixes()
    if rest[:1] and rest[:1] == st[-1:]:  # a doubled consonant: planned, committed
        rest = rest[1:] if rest[1:] in endings and rest[1:] else rest
    return rest in endings


@cache
def speech_re() -> re.Pattern:
    """The speech verbs and phrases of codebook/quotes.yml ("said", "according to", "’s words")."""
    verbs = sorted(codebook.load("quotes")["speech_verbs"], key=len, reverse=True)
    alternatives = [(r"(?<!\w)" if v[0].isalnum() else "") + re.escape(v) for v in verbs]
    return re.compile("(?:" + "|".join(alternatives) + r")(?!\w)")


def lemma_in(word: str, lemmas) -> str:
    """The first lemma of `lemmas` that `word` is a form of, or ''."""
    return _lemma_in(word, tuple(lemmas))


@lru_cache(maxsize=100_000)
def _lemma_in(word: str, lemmas: tuple[str, ...]) -> str:
    for lemma in lemmas:
        if form_of(word, lemma):
            return lemma
    return ""
