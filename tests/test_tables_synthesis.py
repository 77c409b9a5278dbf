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


def test_reliable_mains_names_each_reliable_source_by_its_outlet(small, monkeypatch):
    import pandas as pd

    from report.analysis import judgments

    seen = []

    def main_motives_among(corpus, at_least):
        seen.append(at_least)
        return pd.Series({"r1-2024-01": SECURITY, "r4-2024-08": ECONOMIC})

    monkeypatch.setattr(judgments, "main_motives_among", main_motives_among)
    assert synthesis.reliable_mains(small) == f"Fixture Wire ({SECURITY}) and Fixture Daily ({ECONOMIC})"
    assert seen == ["B"]  # the grade the security judgment's divided_among check names (reading.yml)
