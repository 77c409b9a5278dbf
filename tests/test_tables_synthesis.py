"""report/tables/synthesis.py (chapter 8: the motives by year of publication, the key judgments with
their confidence) on tests/fixtures/reading/ (r1-r4, all published in 2024; grades A, B, D, E; r3
rewrites r2), whose claims are hand-counted: security in r1, r2 and r3 (one sentence each), economic in
r4; r1 affirms and r2 (later) denies that Russia recognises the Taliban."""

from pathlib import Path

import pytest

from report import load_corpus
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


