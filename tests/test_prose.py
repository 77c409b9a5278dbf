"""report/prose.py: names joined as a reader writes them, dates in words, one run of numbers."""

from report.prose import and_join, long_date, numbering


def test_and_join():
    assert and_join(["A"]) == "A" and and_join(["A", "B"]) == "A and B"
    assert and_join(["A", "B", "C"]) == "A, B and C"
    assert and_join([]) == ""


def test_long_date():
    assert long_date("2025-07-03") == "3 July 2025" and long_date("2025-07") == "July 2025"
    assert long_date("2025") == "2025"


def test_numbering_runs_across_the_groups():
    # the key judgments page numbers its judgments in one run across the questions
    assert numbering({"why": [1, 2, 3], "risk": [4], "west": [5, 6]}) == {"why": 1, "risk": 4, "west": 5}
    assert numbering({"why": [], "risk": [1]}) == {"why": 1, "risk": 1}
