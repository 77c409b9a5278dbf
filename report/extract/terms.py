"""Codebook terms found in a paragraph's text, for many groups of terms at once.

The syntax of themes.yml: a term is one or more words; a word ending in * matches any word
it begins ("terror*" matches terrorism); a term with no lowercase letter (ISIS-K, SCO) matches
exactly, any other ignores case. A term matches whole words: it neither starts nor ends inside
a word.

A `TermIndex` holds every group of terms of an instrument (the codes of themes.yml, the
categories of claims.yml) in one index: single words are looked up in dictionaries (one look-up
per word of the text, and one per prefix length for starred terms); the few terms of several
words or with punctuation ("Islamic State", "U.S.", "ISIS-K") are searched as regular
expressions, only in paragraphs that hold their first word. The matches are those spaCy's token
Matcher gave (and "U.S." at a sentence's end, which the tokenizer splits), at a small part of
its cost.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from typing import Hashable, Iterator

WORD = re.compile(r"\w+")


def term_regex(term: str) -> str:
    """The regular expression of one term (case folded inline where it applies)."""
    exact = not any(ch.islower() for ch in term)
    star = term.endswith("*")
    body = r"\s+".join(re.escape(w) for w in term.rstrip("*").split())
    body = body if exact else f"(?i:{body})"
    return r"(?<!\w)" + body + (r"\w*" if star else r"(?!\w)")


def _simple(term: str) -> bool:
    """A single word of word characters (a star allowed at its end)."""
    return WORD.fullmatch(term.rstrip("*")) is not None


class TermIndex:
    """Every term of every group, indexed; `find(text)` gives (start, end, group key, term)."""

    def __init__(self, groups: list[tuple[Hashable, tuple[str, ...]]]):
        self.words: dict[tuple[bool, str], list] = defaultdict(list)  # (exact, word) -> [(key, term)]
        self.prefixes: dict[tuple[bool, str], list] = defaultdict(list)  # (exact, prefix) -> [(key, term)]
        self.lengths: set[int] = set()
        self.complex: list[tuple[str, re.Pattern, Hashable, str]] = []  # (first word lowered, regex, key, term)
        for key, terms in groups:
            for term in terms:
                exact = not any(ch.islower() for ch in term)
                word = term.rstrip("*")
                if _simple(term):
                    index = self.prefixes if term.endswith("*") else self.words
                    index[(exact, word if exact else word.lower())].append((key, term))
                    if term.endswith("*"):
                        self.lengths.add(len(word))
                else:
                    first = (WORD.search(word) or re.search(r"\S+", word)).group().lower()
                    self.complex.append((first, re.compile(term_regex(term)), key, term))
        self.lengths = sorted(self.lengths)

    def find(self, text: str) -> list[tuple[int, int, Hashable, str]]:
        """Every match in `text`, sorted by start, end and codebook order of groups and terms."""
        out = []
        seen_words = set()
        for m in WORD.finditer(text):
            word, lower = m.group(), m.group().lower()
            seen_words.add(lower)
            for k in ((True, word), (False, lower)):
                for key, term in self.words.get(k, ()):
                    out.append((m.start(), m.end(), key, term))
            for n in self.lengths:
                if n > len(word):
                    break
                for k in ((True, word[:n]), (False, lower[:n])):
                    for key, term in self.prefixes.get(k, ()):
                        out.append((m.start(), m.end(), key, term))
        for first, pattern, key, term in self.complex:
            if first in seen_words or not first.isalnum():
                out += [(c.start(), c.end(), key, term) for c in pattern.finditer(text)]
        return sorted(out, key=lambda x: (x[0], x[1]))


@cache
def index_of(groups: tuple[tuple[Hashable, tuple[str, ...]], ...]) -> TermIndex:
    return TermIndex(list(groups))


def find_terms(terms: tuple[str, ...], text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, term) of every match of one group of terms in `text`, left to right."""
    for start, end, _, term in index_of(((0, tuple(terms)),)).find(text):
        yield start, end, term


def group_pattern(terms: tuple[str, ...]) -> re.Pattern:
    """One regular expression for a group of terms (a lint: every term compiles)."""
    return re.compile("|".join(f"(?P<t{i}>{term_regex(t)})" for i, t in enumerate(terms)))
