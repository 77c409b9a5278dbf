"""report/tables/synthesis.py (chapter 8: the key judgments with their confidence, the motives source
by source) on tests/fixtures/reading/ (r1-r4, all published in 2024; grades A, B, D, E; r3
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


def test_what_each_source_puts_first_in_words(small, monkeypatch):
    import pandas as pd

    from report.analysis import claims
    from report.analysis.door import LEAD_COLUMNS
    rows = [("r1-2024-01", 3, 1, "security", "thesis", "author", "security and trade, both"),
            ("r1-2024-01", 3, 1, "economic", "thesis", "author", "security and trade, both"),
            ("r2-2024-06", 2, 1, "security", "said", "experts", "security tops the agenda")]
    monkeypatch.setattr(claims, "lead_rows", lambda corpus: (
        pd.DataFrame([dict(zip(LEAD_COLUMNS, r)) for r in rows], columns=LEAD_COLUMNS),
        ["r1-2024-01", "r2-2024-06", "r4-2024-08"]))
    assert synthesis.put_first_phrase(small, "security") == (
        f"Fixture Wire (as its thesis, beside “{ECONOMIC}”) and Fixture Institute (in so many words, in the words of experts)")
    assert synthesis.put_first_phrase(small, "china") == ""
    assert synthesis.weigh_none(small) == ["r4-2024-08"]  # coded, and puts nothing first; r3 is not coded
    table = synthesis.leads_list(small)
    assert list(table.df.source_id) == ["r1-2024-01", "r2-2024-06"]
    assert list(table.df["first"]) == [f"{SECURITY} and {ECONOMIC}", SECURITY]
    assert list(table.df["how"]) == ["as its thesis", "in so many words"]


def test_the_ranked_motives_table_has_its_columns(small):
    assert list(synthesis.ranked_motives(small).columns) == ["put first by", "sources", "sentences", "rank"]
