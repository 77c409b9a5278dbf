"""Date expressions, normalised against the source's publication date.

Each expression becomes one row with its ISO date (YYYY, YYYY-MM or YYYY-MM-DD), its
precision, and for ranges and decades an end date. Relative expressions ("last month",
"three years ago") are resolved with dateparser relative to the publication date; an
expression that cannot be resolved (a weekday when only the month of publication is
known, "a few months later") is kept with an empty date and `resolved` false.
Durations ("around 20 years", "over two decades") are not dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

import dateparser

from .. import codebook

_YEAR = r"(1[6-9]\d\d|20\d\d)"
_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class Reference:
    """A source's publication date: its first and last possible day, and its precision."""

    start: dt.date
    end: dt.date
    precision: str

    @classmethod
    def from_published(cls, published: str, precision: str) -> "Reference":
        parts = [int(p) for p in published.split("-")]
        year, month, day = parts + [None] * (3 - len(parts))
        if precision == "day":
            d = dt.date(year, month, day)
            return cls(d, d, precision)
        if precision == "month":
            return cls(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), precision)
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), precision)


@dataclass(frozen=True)
class DateMatch:
    start: int  # offsets within the searched text
    end: int
    date_text: str
    date: str  # ISO, '' when unresolved
    date_end: str  # ISO end of a range or decade, '' otherwise
    precision: str  # day | month | year | '' when unresolved
    kind: str  # day | month | year | range | decade | weekday | relative


@cache
def _vocab() -> dict:
    return codebook.load("dates")


@cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    v = _vocab()
    months = "|".join(v["months"])
    abbr = "|".join(re.escape(a) for a in v["month_abbreviations"])
    month = rf"({months}|{abbr})"
    ctx = "|".join(re.escape(w) for w in v["month_context"])
    numw = "|".join(v["number_words"])
    weekdays = "|".join(v["weekdays"])
    parts = r"(?:(early|mid|late)[- ])?"
    return [
        ("range", re.compile(rf"\b(?:[Bb]etween|[Ff]rom) {_YEAR} (?:and|to|until|till|through) {_YEAR}\b")),
        ("range", re.compile(rf"\b{_YEAR}\s?[-–—]\s?(\d{{4}}|\d{{2}})\b(?![-–—\d])")),
        ("decade", re.compile(rf"\b{parts}(\d{{3}}0)[’']?s\b")),
        ("day", re.compile(rf"\b{_ORD} (?:of )?{month},? {_YEAR}\b")),
        ("day_mdy", re.compile(rf"(?<![\w.]){month} {_ORD},? {_YEAR}\b")),
        ("month", re.compile(rf"(?<![\w.]){parts}{month},? (?:of )?{_YEAR}\b")),
        ("day_md", re.compile(rf"(?<![\w.]){month} {_ORD}\b(?![\d,.]\d)")),
        ("day_dm", re.compile(rf"\b{_ORD} {month}(?![\w])")),
        ("month_ctx", re.compile(rf"\b(?:{ctx})[ -]{parts}{month}(?![\w])")),
        ("weekday", re.compile(rf"\b(?:(?:[Oo]n|[Ll]ast|[Tt]his|[Nn]ext) )?({weekdays})\b")),
        ("relative", re.compile(rf"\b(?:[Ee]arlier|[Ll]ater) this (year|month)\b")),
        ("relative", re.compile(rf"\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast) (week|month|year)\b")),
        ("ago", re.compile(rf"\b(\d+|{numw}|a|an|a few|several|some) (years?|months?|weeks?|days?) ago\b", re.I)),
        ("later", re.compile(rf"\b(\d+|{numw}|a|an|a few|several|some) (years?|months?|weeks?|days?) "
                             rf"(later|earlier|after|before)\b", re.I)),
        ("year", re.compile(rf"(?<![\w$€£.,-]){_YEAR}(?![\w%,.]\d|\d|%)")),
    ]


def _month_number(name: str) -> int:
    v = _vocab()
    return v["months"].index(name) + 1 if name in v["months"] else v["month_abbreviations"][name]


def _infer_year(ref: Reference, month: int, day: int | None, future: bool = False) -> int:
    """The year that puts (month, day) at or before the end of the publication period, or, when
    the sentence looks forward, at or after its start."""
    year = ref.end.year if not future else ref.start.year
    candidate = dt.date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))
    if future:
        return year if (candidate.year, candidate.month) >= (ref.start.year, ref.start.month) else year + 1
    return year if candidate <= ref.end else year - 1


@cache
def _future_re() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _vocab()["future_markers"]) + r")\b", re.I)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    dt.date(year, month or 1, day or 1)  # raises on an impossible date
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


def _amount(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    return _vocab()["number_words"].get(word)


def _shift(base: dt.date, amount: int, unit: str) -> dt.date:
    """dateparser's reading of '<amount> <unit> ago' relative to base."""
    parsed = dateparser.parse(f"{amount} {unit} ago", settings={"RELATIVE_BASE": dt.datetime(base.year, base.month,
                                                                                             base.day)},
                              languages=["en"])
    return parsed.date()


def _add(base: dt.date, amount: int, unit: str) -> dt.date:
    """Calendar arithmetic for '<amount> <unit> later' (amount may be negative)."""
    unit = unit.rstrip("s")
    if unit in ("day", "week"):
        return base + dt.timedelta(days=amount * (7 if unit == "week" else 1))
    months = amount * (12 if unit == "year" else 1)
    index = base.year * 12 + base.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _unit_precision(unit: str) -> str:
    unit = unit.rstrip("s")
    return {"year": "year", "month": "month"}.get(unit, "day")


def _format(d: dt.date, precision: str) -> str:
    return _iso(d.year, d.month if precision in ("month", "day") else None, d.day if precision == "day" else None)


def _resolve(kind: str, m: re.Match, ref: Reference, previous: DateMatch | None, future: bool) -> DateMatch | None:
    g = m.groups()
    text = m.group(0)
    make = lambda date, end, precision, k, t=text: DateMatch(m.start(), m.end(), t, date, end, precision, k)  # noqa: E731
    if kind == "range":
        start = int(g[0])
        end = int(g[1]) if len(g[1]) == 4 else int(str(start)[:2] + g[1])
        if end <= start:
            return None
        return make(_iso(start), _iso(end), "year", "range")
    if kind == "decade":
        first, last = _vocab()["decade_parts"][g[0] or ""]
        decade = int(g[1])
        return make(_iso(decade + first), _iso(decade + last), "year", "decade")
    if kind == "day":
        return make(_iso(int(g[2]), _month_number(g[1]), int(g[0])), "", "day", "day")
    if kind == "day_mdy":
        return make(_iso(int(g[2]), _month_number(g[0]), int(g[1])), "", "day", "day")
    if kind == "month":
        return make(_iso(int(g[2]), _month_number(g[1])), "", "month", "month")
    if kind in ("day_md", "day_dm"):
        month_name, day = (g[0], int(g[1])) if kind == "day_md" else (g[1], int(g[0]))
        month = _month_number(month_name)
        return make(_iso(_infer_year(ref, month, day, future), month, day), "", "day", "day")
    if kind == "month_ctx":
        month = _month_number(g[1])
        words = text.split()
        start = m.start() + text.index(g[0] or g[1])
        date_text = m.string[start:m.end()]
        year = _infer_year(ref, month, None, future or words[0].lower() == "next")
        return DateMatch(start, m.end(), date_text, _iso(year, month), "", "month", "month")
    if kind == "weekday":
        if ref.precision != "day":
            return make("", "", "", "weekday")
        target = _vocab()["weekdays"].index(g[0])
        back = (ref.start.weekday() - target) % 7
        return make(_format(ref.start - dt.timedelta(days=back), "day"), "", "day", "weekday")
    if kind == "relative":
        unit = g[0]
        word = text.split()[0].lower()
        if word in ("earlier", "later", "this"):
            return make(_format(ref.start, unit), "", unit, "relative")
        if word == "next":
            return None  # a plan, not an event
        if unit == "week":
            if ref.precision != "day":
                return make("", "", "", "relative")
            return make(_format(_shift(ref.start, 1, "week"), "month"), "", "month", "relative")
        if unit == "month" and ref.precision == "year":
            return make("", "", "", "relative")
        return make(_format(_shift(ref.start, 1, unit), unit), "", unit, "relative")
    if kind == "ago":
        amount, unit = _amount(g[0]), g[1]
        if amount is None or (unit.startswith(("week", "day")) and ref.precision != "day") or (
                unit.startswith("month") and ref.precision == "year"):
            return make("", "", "", "relative")
        precision = _unit_precision(unit)
        return make(_format(_shift(ref.start, amount, unit), precision), "", precision, "relative")
    if kind == "later":
        amount, unit, direction = _amount(g[0]), g[1], g[2].lower()
        precision = _unit_precision(unit)
        if amount is None or previous is None or not previous.date or len(previous.date) < len(
                {"year": "YYYY", "month": "YYYY-MM", "day": "YYYY-MM-DD"}[precision]):
            return make("", "", "", "relative")
        base = dt.date.fromisoformat((previous.date + "-01-01")[:10])
        sign = 1 if direction in ("later", "after") else -1
        return make(_format(_add(base, sign * amount, unit), precision), "", precision, "relative")
    if kind == "year":
        return make(_iso(int(g[0])), "", "year", "year")
    raise ValueError(kind)


def _blocked(text: str, start: int, end: int) -> bool:
    """A match that is an identifier ('resolution 1999') or a duration ('2000 years'), not a date."""
    before = text[max(0, start - 20):start].split()
    after = text[end:end + 20].split()
    v = _vocab()
    if before and before[-1] in v["identifier_words"]:
        return True
    return bool(after) and after[0].strip(".,;:") in v["time_units"] and re.fullmatch(r"\d+", text[start:end]) is not None


def find_dates(text: str, ref: Reference, sentences: list[tuple[int, int]] | None = None) -> list[DateMatch]:
    """Every date expression in `text`, left to right, without overlaps (earlier patterns win).

    `sentences` (spans within text) scope the look for future markers; default: the whole text.
    """
    sentences = sentences or [(0, len(text))]
    taken: list[tuple[int, int]] = []
    candidates: list[tuple[str, re.Match]] = []
    for kind, pattern in _patterns():
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken) or _blocked(text, m.start(), m.end()):
                continue
            taken.append((m.start(), m.end()))
            candidates.append((kind, m))
    out: list[DateMatch] = []
    for kind, m in sorted(candidates, key=lambda km: km[1].start()):
        previous = next((d for d in reversed(out) if d.date), None)
        a, b = next(((a, b) for a, b in sentences if a <= m.start() < b), (0, len(text)))
        future = bool(_future_re().search(text[a:b]))
        try:
            found = _resolve(kind, m, ref, previous, future)
        except ValueError:  # an impossible date such as 31 June: not a date expression
            found = None
        if found is not None:
            out.append(found)
    return out


def events_table(corpus) -> "pd.DataFrame":
    """One row per date expression in the body paragraphs.

    Columns: source_id, paragraph, sentence, char_start, char_end, date_text, date, date_end,
    precision, kind, resolved, text (the sentence).
    """
    import pandas as pd

    from .common import body_paragraphs

    refs = {r.source_id: Reference.from_published(r.published, r.published_precision)
            for r in corpus.sources.itertuples()}
    rows = []
    for para in body_paragraphs(corpus):
        for d in find_dates(para.text, refs[para.source_id], para.sentences):
            sentence = para.sentence_at(d.start)
            rows.append({
                "source_id": para.source_id, "paragraph": para.paragraph, "sentence": sentence,
                "char_start": para.char_start + d.start, "char_end": para.char_start + d.end,
                "date_text": d.date_text, "date": d.date, "date_end": d.date_end, "precision": d.precision,
                "kind": d.kind, "resolved": bool(d.date), "text": para.sentence_text(sentence),
            })
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


EVENT_COLUMNS = ["source_id", "paragraph", "sentence", "char_start", "char_end", "date_text", "date", "date_end",
                 "precision", "kind", "resolved", "text"]
