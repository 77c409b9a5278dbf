"""Corpus problems: each names the file, the manifest entry and the field.

A problem is printed on exactly one line. Whatever the input, the line holds no raw newline,
no terminal escape sequence and no other non-printable character (they are written as Python
escapes, `\\n`, `\\x1b`, `\\u200b`), and a value from the input is shown quoted and shortened
by `show`, never expanded.
"""

from __future__ import annotations

import reprlib
from dataclasses import dataclass

#: how many characters of an offending value a message shows
SHOW_LIMIT = 60

_REPR = reprlib.Repr()
_REPR.maxstring = SHOW_LIMIT
_REPR.maxother = SHOW_LIMIT
_REPR.maxlevel = 2
_REPR.maxlist = _REPR.maxdict = _REPR.maxtuple = _REPR.maxset = 4


def escape(text: str) -> str:
    """`text` with every non-printable character (newline, tab, ESC, C1 controls, zero-width and
    bidirectional marks, lone surrogates) written as its Python escape: one safe line."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def show(value: object, limit: int = SHOW_LIMIT) -> str:
    """An offending value for a message: quoted and escaped like `repr`, at most about `limit`
    characters, with the full length said when it was cut. Never expands a large value."""
    if isinstance(value, str):
        if len(value) <= limit:
            shown = repr(value)
            if len(shown) <= 2 * limit:
                return shown
        n = min(len(value), limit)
        while n > 1 and len(repr(value[:n])) > limit + 2:
            n = n * 3 // 4
        return f"{value[:n]!r}… ({len(value):,} characters)"
    shown = escape(_REPR.repr(value))
    return shown if len(shown) <= limit else shown[:limit] + "…"


def name(text: object, limit: int = SHOW_LIMIT) -> str:
    """A name from the input (a field, a file name) shown bare, escaped and shortened."""
    if not isinstance(text, str):
        return show(text, limit)
    shown = escape(text[:limit])
    return shown + "…" if len(text) > limit else shown


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a corpus folder, phrased for the person who must fix it."""

    file: str  # the file to open, relative to the corpus folder's parent where possible
    entry: str  # the manifest entry ("id csm-2024-06-13", "#3 (line 27)") or "(none)"
    field: str  # the manifest field concerned, "--out" for the output folder, or "-" when none applies
    message: str

    def __str__(self) -> str:
        return f"{escape(self.file)}: entry {escape(self.entry)}: field {escape(self.field)}: {escape(self.message)}"


class CorpusError(Exception):
    """Raised by load_corpus when the corpus folder has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(self.problems)} corpus problem(s):\n{lines}")


class OutputError(Exception):
    """Raised by `report.cli.write_tables` when the output folder cannot be written safely; nothing
    has been written when it is raised before the first file, and it carries every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(self.problems)} output problem(s):\n{lines}")
