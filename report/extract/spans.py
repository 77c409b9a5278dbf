"""Sets of character spans with look-ups by binary search (linear extraction on
paragraphs with thousands of matches)."""

from __future__ import annotations

from bisect import bisect_right


class Spans:
    """Spans [a, b), kept sorted and disjoint (overlapping ones merged); look-ups cost a binary search."""

    def __init__(self, spans=()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for a, b in sorted(spans):
            self.add(a, b)

    def overlaps(self, a: int, b: int) -> bool:
        """Does [a, b) share a character with a span of the set?"""
        i = bisect_right(self._starts, a)
        if i and self._ends[i - 1] > a:
            return True
        return i < len(self._starts) and self._starts[i] < b

    def add(self, a: int, b: int) -> None:
        """Add [a, b); spans it overlaps are merged with it, so the set stays sorted and disjoint."""
        i = bisect_right(self._starts, a)
        if i and self._ends[i - 1] > a:  # overlaps the span before: merge with it
            i -= 1
            a = self._starts[i]
        j = i
        while j < len(self._starts) and self._starts[j] < b:
            b = max(b, self._ends[j])
            j += 1
        self._starts[i:j] = [a]
        self._ends[i:j] = [b]

    def containing(self, pos: int) -> tuple[int, int] | None:
        """The span holding position `pos`, or None."""
        i = bisect_right(self._starts, pos)
        if i and self._ends[i - 1] > pos:
            return self._starts[i - 1], self._ends[i - 1]
        return None
