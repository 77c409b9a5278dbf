"""Flag boilerplate paragraphs with the data-driven rules in codebook/boilerplate.yml."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property

from . import codebook

WORD_RE = re.compile(r"\w+(?:[.,’'\-]\w+)*")
TITLE_WORD_RE = re.compile(r"[^\W\d_][\w’'\-]{3,}")
SHARED_WORD_RE = re.compile(r"[^\W\d_]{4,}")


def count_words(text: str) -> int:
    """Words as the book counts them: runs of letters and digits joined by inner . , apostrophes or hyphens
    ("U.S.", "1,000" and "Kabul-based" are one word each)."""
    return len(WORD_RE.findall(text))


def is_title_case(text: str) -> bool:
    """Most words of four or more letters start with a capital (a heading, not a sentence): at least the share
    `title_case_share` of codebook/boilerplate.yml."""
    words = TITLE_WORD_RE.findall(text)
    if not words:
        return True
    return sum(w[0].isupper() for w in words) / len(words) >= codebook.load("boilerplate")["title_case_share"]


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    pattern: re.Pattern | None = None
    max_words: int | None = None
    off_topic: bool | None = None
    title_case: bool | None = None
    tail: int | None = None
    max_shared: float | None = None
    after_colon: bool | None = None
    followed_by: str | None = None
    preceded_by: str | None = None
    min_repeated: float | None = None
    min_repeated_pairs: float | None = None
    extends: int = 0


@cache
def rules() -> tuple[tuple[Rule, ...], re.Pattern]:
    """The rules in file order and the compiled topic-term pattern."""
    data = codebook.load("boilerplate")
    topic = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in data["topic_terms"]) + ")", re.IGNORECASE)
    out = []
    for raw in data["rules"]:
        flags = re.IGNORECASE if raw.get("ignore_case") else 0
        out.append(
            Rule(
                id=raw["id"], description=raw["description"],
                pattern=re.compile(raw["pattern"], flags) if "pattern" in raw else None,
                max_words=raw.get("max_words"), off_topic=raw.get("off_topic"),
                title_case=raw.get("title_case"), tail=raw.get("tail"),
                max_shared=raw.get("max_shared"), after_colon=raw.get("after_colon"),
                followed_by=raw.get("followed_by"), preceded_by=raw.get("preceded_by"),
                min_repeated=raw.get("min_repeated"), min_repeated_pairs=raw.get("min_repeated_pairs"),
                extends=raw.get("extends", 0),
            )
        )
    return tuple(out), topic


class _Overlap:
    """The words (4+ letters) and pairs of consecutive words of every paragraph of one source, each read
    once, for the checks that compare a paragraph with the others of its source. A comparison then costs
    one set operation per distinct other paragraph (none when another paragraph has the same words)
    instead of reading every other paragraph again for every paragraph, which made a source of many
    short lines quadratic in its length (benchmarks/stress_inputs.py)."""

    def __init__(self, texts: list[str]):
        self.texts = texts

    @cached_property
    def words(self) -> list[frozenset[str]]:
        return [frozenset(w.lower() for w in SHARED_WORD_RE.findall(t)) for t in self.texts]

    @cached_property
    def pairs(self) -> list[frozenset[tuple[str, str]]]:
        return [frozenset(_pairs(t)) for t in self.texts]

    @cached_property
    def holders(self) -> Counter:
        """Word -> the number of paragraphs that hold it."""
        return Counter(w for words in self.words for w in words)

    @cached_property
    def distinct(self) -> dict[str, Counter]:
        """'words' and 'pairs' -> how many paragraphs hold each distinct set."""
        return {"words": Counter(self.words), "pairs": Counter(self.pairs)}

    def shared(self, i: int) -> float:
        words = self.words[i]
        if not words:
            return 1.0
        return sum(self.holders[w] > 1 for w in words) / len(words)

    def largest(self, kind: str, i: int) -> float:
        """The largest share of paragraph i's words (or pairs) that one other paragraph holds."""
        own = getattr(self, kind)[i]
        if not own:
            return 0.0
        sets = self.distinct[kind]
        if sets[own] > 1:  # another paragraph holds the same set: all of it
            return 1.0
        return max((len(own & other) / len(own) for other in sets if other != own), default=0.0)


def shared_share(texts: list[str], i: int) -> float:
    """Share of paragraph i's words of 4+ letters that occur in another paragraph of the same source."""
    return _Overlap(texts).shared(i)


def repeated_share(texts: list[str], i: int) -> float:
    """The largest share of paragraph i's words of 4+ letters that one other paragraph of the same source
    holds (a pull quote or sub-headline repeats a sentence of the text)."""
    return _Overlap(texts).largest("words", i)


PAIR_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _pairs(text: str) -> set[tuple[str, str]]:
    words = [w.lower() for w in PAIR_WORD_RE.findall(text)]
    return set(zip(words, words[1:]))


def repeated_pairs(texts: list[str], i: int) -> float:
    """The largest share of paragraph i's pairs of consecutive words that one other paragraph of the same
    source holds: a sentence printed again keeps its word order, a paragraph on the same subject does not."""
    return _Overlap(texts).largest("pairs", i)


def _fires(rule: Rule, overlap: _Overlap, i: int, topic: re.Pattern, flagged: list[str]) -> bool:
    texts = overlap.texts
    text = texts[i]
    if rule.followed_by is not None and not (i + 1 < len(texts) and flagged[i + 1] == rule.followed_by):
        return False
    if rule.preceded_by is not None and not (i > 0 and flagged[i - 1] == rule.preceded_by):
        return False
    if rule.pattern is not None and not rule.pattern.search(text):
        return False
    if rule.max_words is not None and count_words(text) > rule.max_words:
        return False
    if rule.off_topic is not None and rule.off_topic == bool(topic.search(text)):
        return False
    if rule.title_case is not None and rule.title_case != is_title_case(text):
        return False
    if rule.tail is not None and i < len(texts) - rule.tail:
        return False
    if rule.max_shared is not None and overlap.shared(i) > rule.max_shared:
        return False
    if rule.min_repeated is not None and overlap.largest("words", i) < rule.min_repeated:
        return False
    if rule.min_repeated_pairs is not None and overlap.largest("pairs", i) < rule.min_repeated_pairs:
        return False
    if rule.after_colon is not None and rule.after_colon != (i > 0 and texts[i - 1].rstrip().endswith(":")):
        return False
    return True


def flag_paragraphs(texts: list[str]) -> list[str]:
    """The boilerplate rule id for each paragraph of one source, '' for the author's text.

    Rules without `followed_by` or `preceded_by` run first; rules with one of them then see their result.
    """
    all_rules, topic = rules()
    flagged = [""] * len(texts)
    overlap = _Overlap(texts)
    second = [r for r in all_rules if r.followed_by or r.preceded_by]
    for passes in ([r for r in all_rules if r not in second], second):
        for i in range(len(texts)):
            if flagged[i]:
                continue
            for rule in passes:
                if _fires(rule, overlap, i, topic, flagged):
                    flagged[i] = rule.id
                    for j in range(i + 1, min(i + 1 + rule.extends, len(texts))):
                        flagged[j] = flagged[j] or rule.id
                    break
    return flagged
