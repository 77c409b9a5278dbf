"""Flag boilerplate paragraphs with the data-driven rules in codebook/boilerplate.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

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


def shared_share(texts: list[str], i: int) -> float:
    """Share of paragraph i's words of 4+ letters that occur in another paragraph of the same source."""
    words = {w.lower() for w in SHARED_WORD_RE.findall(texts[i])}
    if not words:
        return 1.0
    other = {w.lower() for j, t in enumerate(texts) if j != i for w in SHARED_WORD_RE.findall(t)}
    return len(words & other) / len(words)


def repeated_share(texts: list[str], i: int) -> float:
    """The largest share of paragraph i's words of 4+ letters that one other paragraph of the same source
    holds (a pull quote or sub-headline repeats a sentence of the text)."""
    words = {w.lower() for w in SHARED_WORD_RE.findall(texts[i])}
    if not words:
        return 0.0
    return max((len(words & {w.lower() for w in SHARED_WORD_RE.findall(t)}) / len(words)
                for j, t in enumerate(texts) if j != i), default=0.0)


PAIR_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _pairs(text: str) -> set[tuple[str, str]]:
    words = [w.lower() for w in PAIR_WORD_RE.findall(text)]
    return set(zip(words, words[1:]))


def repeated_pairs(texts: list[str], i: int) -> float:
    """The largest share of paragraph i's pairs of consecutive words that one other paragraph of the same
    source holds: a sentence printed again keeps its word order, a paragraph on the same subject does not."""
    pairs = _pairs(texts[i])
    if not pairs:
        return 0.0
    return max((len(pairs & _pairs(t)) / len(pairs) for j, t in enumerate(texts) if j != i), default=0.0)


def _fires(rule: Rule, texts: list[str], i: int, topic: re.Pattern, flagged: list[str]) -> bool:
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
    if rule.max_shared is not None and shared_share(texts, i) > rule.max_shared:
        return False
    if rule.min_repeated is not None and repeated_share(texts, i) < rule.min_repeated:
        return False
    if rule.min_repeated_pairs is not None and repeated_pairs(texts, i) < rule.min_repeated_pairs:
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
    second = [r for r in all_rules if r.followed_by or r.preceded_by]
    for passes in ([r for r in all_rules if r not in second], second):
        for i in range(len(texts)):
            if flagged[i]:
                continue
            for rule in passes:
                if _fires(rule, texts, i, topic, flagged):
                    flagged[i] = rule.id
                    for j in range(i + 1, min(i + 1 + rule.extends, len(texts))):
                        flagged[j] = flagged[j] or rule.id
                    break
    return flagged
