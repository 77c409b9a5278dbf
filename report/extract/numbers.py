"""Numeric claims: counts, money and percentages, with their value, unit and qualifier.

A claim is a number written in digits, or a number word that carries a qualifier ("at
least one") or counts a plural noun ("five post-Soviet states"). Not claims: dates and
years (the spans the date extractor found), identifiers ("resolution 1267"), ordinals,
and durations (a number of years, months, days...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

from .. import codebook
from .common import body_paragraphs
from .spans import Spans

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER_COLUMNS = ["source_id", "paragraph", "sentence", "char_start", "char_end", "text", "value", "unit",
                  "qualifier"]


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str


@cache
def _vocab() -> dict:
    return codebook.load("dates")


@cache
def _stop_words() -> frozenset[str]:
    """Words after a number that end its phrase (codebook/dates.yml, unit_stop_words)."""
    return frozenset(_vocab()["unit_stop_words"])


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    v = _vocab()
    qual = "|".join(re.escape(q) for q in sorted(v["qualifiers"], key=len, reverse=True))
    cur = "|".join(re.escape(c) for c in sorted((c for c in v["currencies"] if not c.isalpha()), key=len, reverse=True))
    mult = "|".join(v["multipliers"])
    words = "|".join(v["number_words"])
    ordinal = "|".join(v["ordinal_suffixes"])
    pct = "|".join(["%"] + [re.escape(w) + r"\b" for w in v["percent_words"]])
    digits = re.compile(
        rf"(?:\b(?P<qual>{qual})\s+)?(?P<cur>{cur})?\s?(?<![\w.,-])(?P<num>{_NUM})(?![\w.,]*\d)(?!(?:{ordinal})\b)"
        rf"(?:\s?(?P<mult>{mult})\b)?(?:\s?(?P<pct>{pct}))?", re.I)
    spelled = re.compile(rf"(?:\b(?P<qual>{qual})\s+)?\b(?P<num>{words})\b", re.I)
    return digits, spelled


def _following_words(text: str, end: int, n: int = 3) -> list[tuple[str, int]]:
    return [(m.group(), end + m.end()) for m in re.finditer(r"[\w’'-]+", text[end:end + 60])][:n]


def _unit_after(text: str, end: int) -> tuple[str, int]:
    """The counted noun after a number: the first following word that is lowercase and not a
    function word, or a capitalised plural ('Afghans'); '' when the number ends the phrase."""
    gap = text[end:end + 2]
    if gap[:1] in {".", ",", ";", ":", ")"} or not gap.strip():
        if gap[:1] != " ":
            return "", end
    for word, stop in _following_words(text, end, 2):
        if word.lower() in _stop_words():
            return "", end
        if word[:1].islower() or (word.endswith("s") and word[:1].isupper()):
            return word, stop
    return "", end


def _hyphenated_unit(text: str, end: int) -> str:
    """The word joined to a number by a hyphen ("8-month-old", "a 20-year insurgency": durations), or ''."""
    m = re.match(r"[-‐–](\w+)", text[end:end + 20])
    return m.group(1).lower() if m else ""


def find_numbers(text: str, excluded: list[tuple[int, int]]) -> list[NumberMatch]:
    """Numeric claims in `text`, skipping spans in `excluded` (dates)."""
    v = _vocab()
    digits, spelled = _patterns()
    time_units = set(v["time_units"])
    out: list[NumberMatch] = []
    taken = Spans(excluded)
    overlaps = taken.overlaps

    for m in digits.finditer(text):
        a, b = m.start("num"), m.end()
        if overlaps(a, m.end("num")):
            continue
        before = text[max(0, a - 20):a].split()
        if before and before[-1] in v["identifier_words"]:
            continue
        unit, stop = "", b
        if m.group("cur"):
            unit = v["currencies"][m.group("cur")]
        elif m.group("pct"):
            unit = "%"
        else:
            unit, stop = _unit_after(text, b)
            if unit.lower() in time_units or _hyphenated_unit(text, b) in time_units:
                continue
            if unit.lower() in v["currencies"]:
                unit = v["currencies"][unit.lower()]
        value = float(m.group("num").replace(",", "")) * v["multipliers"].get((m.group("mult") or "").lower(), 1)
        start = m.start("qual") if m.group("qual") else (m.start("cur") if m.group("cur") else a)
        end = max(b, stop) if unit and not (m.group("cur") or m.group("pct")) else b
        out.append(NumberMatch(start, end, text[start:end], value, unit, (m.group("qual") or "").lower()))
        taken.add(start, end)

    for m in spelled.finditer(text):
        a = m.start("num")
        if overlaps(a, m.end("num")):
            continue
        value = float(v["number_words"][m.group("num").lower()])
        if value == 1 and not m.group("qual"):
            continue  # a bare "one" is a pronoun ("no one", "one of the few"), never a count of a plural
        words = _following_words(text, m.end(), 3)
        unit, stop = "", m.end()
        if _hyphenated_unit(text, m.end()) in time_units:
            continue
        for word, end in words[:2]:
            if word.lower() in time_units:
                unit = None
                break
            if word.lower() in _stop_words():
                break
            if word.endswith("s") and len(word) > 3:
                unit, stop = word, end
                break
        if unit is None or (not unit and not m.group("qual")):
            continue
        if not unit and m.group("qual"):
            unit, stop = _unit_after(text, m.end())
        start = m.start("qual") if m.group("qual") else a
        end = max(m.end(), stop)
        out.append(NumberMatch(start, end, text[start:end], value, unit, (m.group("qual") or "").lower()))
        taken.add(start, end)
    return sorted(out, key=lambda n: n.start)


def numbers_table(corpus, events: pd.DataFrame) -> pd.DataFrame:
    """One row per numeric claim in the body paragraphs; the spans of `events` (the events table) are dates.

    Columns: source_id, paragraph, sentence, char_start, char_end, text, value, unit, qualifier.
    """
    date_spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for e in events.itertuples():
        date_spans.setdefault((e.source_id, e.paragraph), []).append((e.char_start, e.char_end))
    rows = []
    for para in body_paragraphs(corpus):
        dates = [(a - para.char_start, b - para.char_start)
                 for a, b in date_spans.get((para.source_id, para.paragraph), [])]
        for n in find_numbers(para.text, dates):
            rows.append({
                "source_id": para.source_id, "paragraph": para.paragraph, "sentence": para.sentence_at(n.start),
                "char_start": para.char_start + n.start, "char_end": para.char_start + n.end, "text": n.text,
                "value": n.value, "unit": n.unit, "qualifier": n.qualifier,
            })
    return pd.DataFrame(rows, columns=NUMBER_COLUMNS)
