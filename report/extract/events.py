"""Date expressions, normalised against the source's publication date.

Each expression becomes one row with its ISO date (YYYY, YYYY-MM or YYYY-MM-DD), its
precision, and for ranges and decades an end date. Relative expressions ("last month",
"three years ago", "this week", "next year", "on Saturday") are resolved by calendar arithmetic
relative to the publication date; "N days later" counts from the previous resolved date; "the eve of"
an event is the day before the event when the text dates it to the day (the same sentence first, then
the paragraph, then the article, and only when that gives one date). A week is
reported as its month, and a weekday against a publication month (or year) as that month (or year).
An expression that cannot be resolved ("a few months later", a week when only the year of
publication is known, "3500 years ago" whose year falls outside 1..9999) is kept with an empty
date and `resolved` false; nothing in real text makes the extractor raise.
Durations ("around 20 years", "over two decades") are not dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

from .. import codebook
from .common import body_paragraphs
from .spans import Spans

_YEAR = r"(1[6-9]\d\d|20\d\d)"


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


def _either_case(words) -> str:
    """Words as alternatives whose first letter may be capitalised: ["last", "next"] -> "[Ll]ast|[Nn]ext"."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in words)


@cache
def _steps() -> dict[str, int]:
    """Relative-date word -> steps of its unit from the publication date ("last" -1; "earlier", "later" 0)."""
    v = _vocab()
    return {**v["relative_steps"], **{w: 0 for w in v["relative_within"]}}


@cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    v = _vocab()
    ordinal = rf"(\d{{1,2}})(?:{'|'.join(v['ordinal_suffixes'])})?"
    months = "|".join(v["months"])
    abbr = "|".join(re.escape(a) for a in v["month_abbreviations"])
    month = rf"({months}|{abbr})"
    ctx = "|".join(re.escape(w) for w in v["month_context"])
    numw = "|".join(v["number_words"])
    weekdays = "|".join(v["weekdays"])
    parts = rf"(?:({'|'.join(p for p in v['decade_parts'] if p)})[- ])?"
    openers, joiners = _either_case(v["range_openers"]), "|".join(v["range_joiners"])
    amounts = "|".join(v["indefinite_articles"] + v["vague_amounts"])
    counting = "|".join(v["counting_directions"])
    return [
        ("range", re.compile(rf"\b(?:{openers}) {_YEAR} (?:{joiners}) {_YEAR}\b")),
        ("range", re.compile(rf"\b{_YEAR}\s?[-–—]\s?(\d{{4}}|\d{{2}})\b(?![-–—\d])")),
        ("decade", re.compile(rf"\b{parts}(\d{{3}}0)[’']?s\b")),
        ("day", re.compile(rf"\b{ordinal} (?:of )?{month},? {_YEAR}\b")),
        ("day_mdy", re.compile(rf"(?<![\w.]){month} {ordinal},? {_YEAR}\b")),
        ("month", re.compile(rf"(?<![\w.]){parts}{month},? (?:of )?{_YEAR}\b")),
        ("day_md", re.compile(rf"(?<![\w.]){month} {ordinal}\b(?![\d,.]\d)")),
        ("day_dm", re.compile(rf"\b{ordinal} {month}(?![\w])")),
        ("month_ctx", re.compile(rf"\b(?:{ctx})[ -]{parts}{month}(?![\w])")),
        ("weekday", re.compile(rf"\b(?:(?:{_either_case(v['weekday_words'])}) )?({weekdays})\b")),
        ("relative", re.compile(rf"\b(?:{_either_case(v['relative_within'])}) this (year|month)\b")),
        ("relative", re.compile(rf"\b(?:{_either_case(v['relative_steps'])}) (week|month|year)\b")),
        ("ago", re.compile(rf"\b(\d+|{numw}|{amounts}) (years?|months?|weeks?|days?) ago\b", re.I)),
        ("later", re.compile(rf"\b(\d+|{numw}|{amounts}) (years?|months?|weeks?|days?) "
                             rf"({counting})\b", re.I)),
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


@cache
def _past_re() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _vocab()["past_markers"]) + r")\b", re.I)


CLAUSE_BOUNDS = re.compile(r"[,;:()\u2014\u2013\u201c\u201d\"]")  # a weekday's clause ends at these


def _clause_looks_forward(text: str, start: int, end: int, a: int, b: int) -> bool:
    """Whether a weekday at text[start:end] (in the sentence text[a:b]) points ahead: the nearest past or
    future marker in its clause decides ("told reporters on Wednesday" back, "is set to convene a meeting
    on Friday" ahead, "said the minister will chair it on Friday" ahead); with none there, the nearest in
    its sentence ("On Wednesday, the ministry announced ..." back); with none at all, back."""
    left = max([a] + [m.end() for m in CLAUSE_BOUNDS.finditer(text, a, start)])
    right = min([b] + [m.start() for m in CLAUSE_BOUNDS.finditer(text, end, b)])
    for lo, hi in ((left, right), (a, b)):
        nearest = [(start - m.end() if m.end() <= start else m.start() - end, forward)
                   for forward, pattern in ((True, _future_re()), (False, _past_re()))
                   for m in pattern.finditer(text, lo, hi) if m.end() <= start or m.start() >= end]
        if nearest:
            return min(nearest)[1]
    return False


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    dt.date(year, month or 1, day or 1)  # raises on an impossible date
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


def _amount(word: str) -> int | None:
    """The number in '<amount> years ago': digits, 'a'/'an' or a number word; None when vague ('a few')
    or when the digits are too long for int() to read (Python caps int() at 4300 digits)."""
    word = word.lower()
    if word.isdigit():
        try:
            return int(word)
        except ValueError:
            return None
    if word in _vocab()["indefinite_articles"]:
        return 1
    return _vocab()["number_words"].get(word)


def _unit(word: str) -> str:
    """'Years', 'days', 'week' -> 'year', 'day', 'week'."""
    return word.lower().rstrip("s")


def _add(base: dt.date, amount: int, unit: str) -> dt.date | None:
    """Calendar arithmetic for '<amount> <unit> later' (amount may be negative: 'ago', 'earlier').

    Days and weeks move the exact day; months and years move the month and return its first day
    (the result is then formatted at month or year precision). None when the result falls outside
    the years 1..9999 that datetime can represent ('3500 years ago', '3000000 days later').
    """
    unit = _unit(unit)
    try:
        if unit in ("day", "week"):
            return base + dt.timedelta(days=amount * (7 if unit == "week" else 1))
        index = base.year * 12 + base.month - 1 + amount * (12 if unit == "year" else 1)
        return dt.date(index // 12, index % 12 + 1, 1)
    except (OverflowError, ValueError):
        return None


def _unit_precision(unit: str) -> str:
    return {"year": "year", "month": "month"}.get(_unit(unit), "day")


def _format(d: dt.date, precision: str) -> str:
    return _iso(d.year, d.month if precision in ("month", "day") else None, d.day if precision == "day" else None)


def _dated(d: dt.date | None, precision: str) -> tuple[str, str]:
    """(ISO date, precision) of a computed date, or ('', '') when there is none (out of range)."""
    return (_format(d, precision), precision) if d is not None else ("", "")


_UNRESOLVED = ("", "")
_COARSENESS = {"day": 0, "month": 1, "year": 2}


def _weekday(name: str, word: str, ref: Reference, future: bool) -> tuple[str, str]:
    """(date, precision) of a weekday ('on Saturday', 'said Wednesday', 'last Friday').

    Against a day-precision publication date: the most recent such day on or before it, or, when
    the sentence looks forward (a future marker, or 'next Friday'), the first one on or after it;
    'last Friday' always looks back. Against a month or a year, the weekday is somewhere in it:
    the publication month (or year) at that precision.
    """
    if ref.precision != "day":
        return _format(ref.start, ref.precision), ref.precision
    target = _vocab()["weekdays"].index(name)
    step = _steps().get(word, 0)  # "next" steps forward, "last" back, "on" and "this" neither
    forward = step > 0 or (future and step >= 0)
    days = (target - ref.start.weekday()) % 7 if forward else -((ref.start.weekday() - target) % 7)
    return _dated(_add(ref.start, days, "day"), "day")


def _relative(word: str, unit: str, ref: Reference) -> tuple[str, str]:
    """(date, precision) of 'this/last/past/next week|month|year' and 'earlier/later this month|year'.

    A week is reported as its month: with a day-precision reference, the month of the day a week
    before (last), of (this) or after (next) publication; with a month-precision reference, the
    publication month itself; a year-precision reference cannot place a week (unresolved). A month
    needs a reference with at least a month. Months and years step by one from the reference.
    """
    step = _steps()[word]
    if unit == "week":
        if ref.precision == "year":
            return _UNRESOLVED
        return _dated(ref.start if ref.precision == "month" else _add(ref.start, step, "week"), "month")
    if unit == "month" and ref.precision == "year":
        return _UNRESOLVED
    return _dated(_add(ref.start, step, unit), unit)


def _ago(amount: int | None, unit: str, ref: Reference) -> tuple[str, str]:
    """(date, precision) of '<amount> <unit> ago': unresolved when the amount is vague ('a few'),
    the reference too coarse for the unit (days against a month) or the result out of range."""
    precision = _unit_precision(unit)
    if amount is None or _COARSENESS[ref.precision] > _COARSENESS[precision]:
        return _UNRESOLVED
    return _dated(_add(ref.start, -amount, unit), precision)


def _after(amount: int | None, unit: str, direction: str, previous: DateMatch | None) -> tuple[str, str]:
    """(date, precision) of '<amount> <unit> later/earlier/after/before', counted from the previous
    resolved date; unresolved when there is none, it is coarser than the unit, or out of range."""
    precision = _unit_precision(unit)
    width = {"year": 4, "month": 7, "day": 10}[precision]
    if amount is None or previous is None or len(previous.date) < width:
        return _UNRESOLVED
    base = dt.date.fromisoformat((previous.date + "-01-01")[:10])
    sign = _vocab()["counting_directions"][direction.lower()]
    return _dated(_add(base, sign * amount, unit), precision)


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
        year = _infer_year(ref, month, None, future or _steps().get(words[0].lower(), 0) > 0)
        return DateMatch(start, m.end(), date_text, _iso(year, month), "", "month", "month")
    if kind == "weekday":
        word = text.split()[0].lower() if " " in text else ""
        date, precision = _weekday(g[0], word, ref, future)
        return make(date, "", precision, "weekday")
    if kind == "relative":
        date, precision = _relative(text.split()[0].lower(), g[0], ref)
        return make(date, "", precision, "relative")
    if kind == "ago":
        date, precision = _ago(_amount(g[0]), g[1], ref)
        return make(date, "", precision, "relative")
    if kind == "later":
        date, precision = _after(_amount(g[0]), g[1], g[2], previous)
        return make(date, "", precision, "relative")
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


def _plain_dates(text: str, ref: Reference, sentence_spans: Spans) -> list[DateMatch]:
    """Every date expression in `text` but the eves, left to right, without overlaps (earlier patterns win)."""
    taken = Spans()
    candidates: list[tuple[str, re.Match]] = []
    for kind, pattern in _patterns():
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()) or _blocked(text, m.start(), m.end()):
                continue
            taken.add(m.start(), m.end())
            candidates.append((kind, m))
    out: list[DateMatch] = []
    for kind, m in sorted(candidates, key=lambda km: km[1].start()):
        previous = next((d for d in reversed(out) if d.date), None)
        a, b = sentence_spans.containing(m.start()) or (0, len(text))
        future = bool(_future_re().search(text[a:b]))
        if kind == "weekday":
            future = _clause_looks_forward(text, m.start(), m.end(), a, b)
        try:
            found = _resolve(kind, m, ref, previous, future)
        except ValueError:  # an impossible date such as 31 June: not a date expression
            found = None
        if found is not None:
            out.append(found)
    return out


@dataclass(frozen=True)
class DatedEvent:
    """An event noun that the text dates to the day ("the meeting on 4 October 2024", "Monday's talks")."""

    start: int  # offset of the noun in its paragraph
    noun: str  # lower case
    date: str  # ISO day


def _alternatives(key: str) -> str:
    return "|".join(re.escape(w) for w in _vocab()[key])


@cache
def _eve_re() -> re.Pattern:
    """'the eve of', at most `eve_max_modifiers` words that are not `eve_breaks`, and an event noun (group 1)."""
    v = _vocab()
    word = rf"(?!(?:{_alternatives('eve_breaks')})\b)[\w’'-]+(?:\.[\w’'-]+)*"
    return re.compile(rf"\b(?:{_either_case(v['eve_phrases'])}) (?:{word} ){{0,{v['eve_max_modifiers']}}}?"
                      rf"({_either_case(v['event_nouns'])})\b")


@cache
def _event_links() -> tuple[re.Pattern, re.Pattern]:
    """(an event noun and a link that end just before a day: 'the talks in Moscow on ', 'the meeting, held on ';
    what may follow a day and end in an event noun: ' meeting', "'s talks", ' Moscow Format meeting')."""
    v = _vocab()
    nouns = _either_case(v["event_nouns"])
    name = r"[A-Z][\w’'-]*"
    place = rf"(?: (?:{_alternatives('event_places')}) {name}(?: {name}){{0,2}})?"
    single = "|".join(re.escape(w) for w in v["event_date_links"] if " " not in w)
    several = "|".join(re.escape(w) for w in v["event_date_links"] if " " in w)
    before = re.compile(rf"\b({nouns}){place}(?: (?:{single})|,? (?:{several})) $")
    after = re.compile(rf"(?:['’]s)? (?:{name} ){{0,3}}({nouns})\b")
    return before, after


def dated_events(text: str, found: list[DateMatch]) -> list[DatedEvent]:
    """The event nouns of `text` that its dates `found` (from find_dates) date to the day: the noun before a
    day through a link ("the meeting on 4 October 2024") or after it ("the 4 October meeting")."""
    before, after = _event_links()
    reach = 120  # characters before a day that hold its noun and link (a noun, a place of three names, a link)
    out = []
    for d in found:
        if d.precision != "day" or not d.date:
            continue
        for m in (before.search(text, max(0, d.start - reach), d.start), after.match(text, d.end)):
            if m is not None:
                out.append(DatedEvent(m.start(1), m.group(1).lower(), d.date))
    return out


@cache
def _apposition_re() -> re.Pattern:
    return re.compile(rf",(?: (?:{_alternatives('eve_apposition')}))? ")


def _eve_date(text: str, m: re.Match, found: dict[int, DateMatch], scopes: list[list[DatedEvent]]) -> str:
    """The date of the eve `m`: a day in apposition to it ("on the eve of the summit, on 10 May") is the eve
    itself; else the day before the event, from the first scope that dates its noun, if it gives one date."""
    apposed = _apposition_re().match(text, m.end())
    day = found.get(apposed.end()) if apposed else None
    if day is not None and day.precision == "day":
        return day.date
    noun = m.group(1).lower()
    for scope in scopes:
        dates = {e.date for e in scope if e.noun == noun}
        if dates:
            return _dated(_add(dt.date.fromisoformat(dates.pop()), -1, "day"), "day")[0] if len(dates) == 1 else ""
    return ""


def _with_eves(text: str, found: list[DateMatch], sentence_spans: Spans,
               article: list[DatedEvent] | None) -> list[DateMatch]:
    """`found` with a row for each 'the eve of <event>' of `text`, which replaces the dates inside it ('on the
    eve of the 4 October meeting' is one row, the day before the date it holds)."""
    eves = list(_eve_re().finditer(text))
    if not eves:
        return found
    local = dated_events(text, found)
    starts = {d.start: d for d in found}
    spans = Spans(m.span() for m in eves)
    out = [d for d in found if not spans.overlaps(d.start, d.end)]
    for m in eves:
        a, b = sentence_spans.containing(m.start()) or (0, len(text))
        scopes = [[e for e in local if a <= e.start < b], local] + ([article] if article is not None else [])
        date = _eve_date(text, m, starts, scopes)
        out.append(DateMatch(m.start(), m.end(), m.group(0), date, "", "day" if date else "", "relative"))
    return sorted(out, key=lambda d: d.start)


def find_dates(text: str, ref: Reference, sentences: list[tuple[int, int]] | None = None,
               article: list[DatedEvent] | None = None) -> list[DateMatch]:
    """Every date expression in `text`, left to right, without overlaps (earlier patterns win).

    `sentences` (spans within text) scope the look for future markers and for the date of an eve's event;
    default: the whole text. `article`: the dated events of the whole article the text belongs to (from
    `dated_events` over its paragraphs), where an eve's event is looked for after its own sentence and
    paragraph; default: none beyond the text.
    """
    sentence_spans = Spans(sentences or [(0, len(text))])
    return _with_eves(text, _plain_dates(text, ref, sentence_spans), sentence_spans, article)


def events_table(corpus) -> pd.DataFrame:
    """One row per date expression in the body paragraphs.

    Columns: source_id, paragraph, sentence, char_start, char_end, date_text, date, date_end,
    precision, kind, resolved, text (the sentence).
    """
    refs = {r.source_id: Reference.from_published(r.published, r.published_precision)
            for r in corpus.sources.itertuples()}
    paragraphs = list(body_paragraphs(corpus))
    plain = [_plain_dates(p.text, refs[p.source_id], Spans(p.sentences)) for p in paragraphs]
    article: dict[str, list[DatedEvent]] = {}  # source -> its dated events, for the eves of its paragraphs
    for para, found in zip(paragraphs, plain):
        article.setdefault(para.source_id, []).extend(dated_events(para.text, found))
    rows = []
    for para, found in zip(paragraphs, plain):
        for d in _with_eves(para.text, found, Spans(para.sentences), article[para.source_id]):
            sentence = para.sentence_at(d.start)
            rows.append({
                "source_id": para.source_id, "paragraph": para.paragraph, "sentence": sentence,
                "char_start": para.char_start + d.start, "char_end": para.char_start + d.end,
                "date_text": d.date_text, "date": d.date, "date_end": d.date_end, "precision": d.precision,
                "kind": d.kind, "resolved": bool(d.date), "text": para.sentence_text(sentence),
            })
    return pd.DataFrame(rows, columns=EVENT_COLUMNS).astype(EVENT_DTYPES)


EVENT_COLUMNS = ["source_id", "paragraph", "sentence", "char_start", "char_end", "date_text", "date", "date_end",
                 "precision", "kind", "resolved", "text"]
# explicit column types, so that an article without dates gives an empty table that still has the
# types of the events schema (an empty DataFrame would otherwise hold untyped object columns)
EVENT_DTYPES = {c: "str" for c in EVENT_COLUMNS} | {c: "int64" for c in ("paragraph", "sentence", "char_start",
                                                                          "char_end")} | {"resolved": "bool"}
