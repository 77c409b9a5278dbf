"""report/tables/synthesis.py (chapter 8: the motives by year of publication, the key judgments with
their confidence) on tests/fixtures/reading/ (r1-r4, all published in 2024; grades A, B, D, E; r3
rewrites r2), whose claims are hand-counted: security in r1, r2 and r3 (one sentence each), economic in
r4; r1 affirms and r2 (later) denies that Russia recognises the Taliban."""

from pathlib import Path

import pytest

from report import load_corpus
from report.analysis import judgments
from report.tables import synthesis

READING = Path(__file__).parent / "fixtures" / "reading"
SECURITY = "security and counter-terrorism"
ECONOMIC = "trade, transit and economic stakes"


@pytest.fixture(scope="module")
def small():
    return load_corpus(READING)


def test_by_year(small):
    y = synthesis.by_year(small)
    assert list(y.index) == ["2024"] and y.loc["2024", "sources"] == 4 and y.loc["2024", "sentences"] == 4
    assert y.loc["2024", SECURITY] == 75 and y.loc["2024", ECONOMIC] == 25
    assert y.loc["2024"].drop(["sources", "sentences", SECURITY, ECONOMIC]).sum() == 0


def test_by_year_table_is_by_year_with_years_as_columns(small):
    by_year, table = synthesis.by_year(small), synthesis.by_year_table(small)
    assert list(table.columns) == list(by_year.index) and list(table.index) == list(by_year.columns)
    assert list(table.index[:2]) == ["sources", "sentences"]
    assert (table.T.to_numpy() == by_year.to_numpy()).all()


def test_judgment_summary(small):
    s = synthesis.judgment_summary(small)
    assert list(s.columns) == ["no.", "id", "judgment", "confidence", "sources", "contradicted by"]
    # numbered as on the key-judgments page: grouped by question in the book's order, codebook order within
    book = judgments.codebook()["judgments"]
    assert list(s["no."]) == list(range(1, len(book) + 1))
    order = list(judgments.questions())
    assert list(s.id) == [j["id"] for j in sorted(book, key=lambda j: order.index(j["question"]))]
    texts = {j["id"]: " ".join(j["text"].split()) for j in book}
    assert list(s.judgment) == [texts[i] for i in s.id]
    by_id = s.set_index("id")
    # hand answers for the judgments of the codebook (one added or removed changes none of them):
    # security: r1, r2, r3 (2 independent: r3 rewrites r2) -> moderate; every motive, none about China: r1-r4
    # (3 independent, r1 of grade A) -> high; Russia recognises: r1 alone, and r2 later denies it -> low
    hand = {"security-first": "Moderate confidence", "formalised-reality": "Low confidence",
            "economy-small": "Low confidence", "china-secondary": "High confidence", "risks-light": "Low confidence",
            "west-leverage": "Low confidence", "west-divergence": "Low confidence"}
    known = [i for i in hand if i in by_id.index]
    assert {"security-first", "china-secondary"} <= set(known)
    assert {i: by_id.confidence[i] for i in known} == {i: hand[i] for i in known}
    # r2's later denial contradicts the recognition judgment, and nothing else is contradicted
    assert by_id["contradicted by"].sum() == by_id["contradicted by"].get("west-divergence", 0) == 1
    sources = {"formalised-reality": 0, "west-leverage": 0, "economy-small": 1, "risks-light": 0, "west-divergence": 1}
    assert {i: by_id.sources[i] for i in sources if i in known} == {
        i: n for i, n in sources.items() if i in known}  # no derivative source among these

def test_judgment_summary_counts_independent_sources(small):
    s = synthesis.judgment_summary(small).set_index("id")
    assert s.loc["security-first", "sources"] == 2  # r1, r2 and r3, which rewrites r2
    assert s.loc["china-secondary", "sources"] == 3  # r1, r2, r3 and r4
