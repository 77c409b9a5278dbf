"""The motive and risk chapters' functions (report/motives.py) on the reading fixture corpus, whose
claims are hand-counted: security in r1, r2 and r3 (one sentence each), economic in r4."""

from pathlib import Path

import pytest

from report import load_corpus, motives

READING = Path(__file__).parent / "fixtures" / "reading"
SECURITY = "security and counter-terrorism"
ECONOMIC = "trade, transit and economic stakes"


@pytest.fixture(scope="module")
def small():
    return load_corpus(READING)


def test_ranking_counts_sources_then_sentences(small):
    r = motives.ranking(small)
    assert r.index[0] == SECURITY and r.loc[SECURITY, "sources"] == 3 and r.loc[SECURITY, "rank"] == 1
    assert r.loc[ECONOMIC, "sources"] == 1 and r.loc[ECONOMIC, "rank"] == 2
    assert list(r.columns[3:]) == ["r1-2024-01", "r2-2024-06", "r3-2024-07", "r4-2024-08"]
    assert r.loc["alignment with China", "sources"] == 0


def test_claims_summary_weight_and_silence(small):
    c = motives.claims(small, "security")
    assert list(c.source_id) == ["r1-2024-01", "r2-2024-06", "r3-2024-07"] and set(c.who) == {"the author"}
    facts = motives.summary(small, "security")
    assert (facts["n_sources"], facts["n_all"], facts["n_claims"], facts["n_quoted"], facts["rank"]) == (3, 4, 3, 0, 1)
    w = motives.weight(small, "security")
    assert w.loc["r1-2024-01", "share"] == 100 and w.loc["r4-2024-08", "share"] == 0
    assert motives.weight_range(w.query("all > 0")) == {"low_share": 0, "low_source": "r4-2024-08",
                                                         "high_share": 100, "high_source": "r1-2024-01"}
    assert motives.silent(small, "security") == ["r4-2024-08"]
    assert motives.mention_sources(small, "security", ["ISIS*"]) == ["r1-2024-01", "r3-2024-07"]


def test_balance_by_year_and_figures(small):
    b = motives.balance(small)
    assert b.loc["r4-2024-08", "main motive"] == ECONOMIC and b.loc["r1-2024-01", "main motive"] == SECURITY
    assert b.risks.sum() == 0 and b.motives.sum() == 4
    y = motives.by_year(small)
    assert list(y.index) == ["2024"] and y.loc["2024", "sentences"] == 4 and y.loc["2024", SECURITY] == 75
    assert motives.key_figures(small).empty and motives.figure_about(small, ["USD"], ["trade"]) is None
    assert motives.ordinal(3) == "third"


def test_key_figures_of_the_seeds_keep_money_and_large_counts():
    seeds = load_corpus()
    figures = motives.key_figures(seeds)
    assert "USD" in set(figures.unit) and (figures.value >= 100).all()
    assert "two sides" not in set(figures.figure)  # a small count is rhetoric
    trade = motives.figure_about(seeds, ["USD"], ["trade"])
    assert trade["figure"] == "an estimated $300 million" and trade["source_id"] == "osw-2025-07"
    assert motives.figure_about(seeds, ["", "people"], ["need"])["figure"] == "over 20 million"
    assert motives.russian_voices(seeds, "pragmatism")
