"""Corpus problems: each names the file, the manifest entry and the field."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a corpus folder, phrased for the person who must fix it."""

    file: str  # the file to open, relative to the corpus folder's parent where possible
    entry: str  # the manifest entry ("id csm-2024-06-13", "#3 (line 27)") or "(none)"
    field: str  # the manifest field concerned, or "-" when none applies
    message: str

    def __str__(self) -> str:
        return f"{self.file}: entry {self.entry}: field {self.field}: {self.message}"


class CorpusError(Exception):
    """Raised by load_corpus when the corpus folder has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(self.problems)} corpus problem(s):\n{lines}")
