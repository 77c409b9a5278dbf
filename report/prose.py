"""Prose helpers for the pages: names joined as a reader writes them, dates in words, run numbering.
A leaf module: it imports nothing of the package."""

from __future__ import annotations

import datetime as dt


def and_join(names: list[str]) -> str:
    """["A", "B", "C"] -> "A, B and C"; "" for none."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def long_date(iso: str) -> str:
    """'2025-07-03' -> '3 July 2025'; '2025-07' -> 'July 2025'."""
    parts = iso.split("-")
    if len(parts) == 3:
        d = dt.date.fromisoformat(iso)
        return f"{d.day} {d:%B %Y}"
    if len(parts) == 2:
        return f"{dt.date(int(parts[0]), int(parts[1]), 1):%B %Y}"
    return iso


def numbering(groups: dict[str, list]) -> dict[str, int]:
    """The number of the first item of each group when the groups are numbered in one run."""
    starts, n = {}, 1
    for key, items in groups.items():
        starts[key] = n
        n += len(items)
    return starts
