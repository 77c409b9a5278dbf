"""report/tables/motives.py (the motive chapters 3 to 5: what each opens with, the weight of the motive
in each source, the coverage of its theme) on fixtures with hand-counted answers:

- tests/fixtures/reading/ (r1-r4): security claims in r1, r2 and r3 (one sentence each, the authors' own
  words), an economic one in r4;
- tests/fixtures/corpus/ (alpha, beta, gamma; body sentences alpha 8, beta 5, gamma 3): theme codes
  alpha 5.2 western_divergence/west and 9.1 trade_transit/trade; beta 3.2 western_divergence/west; gamma
  2.1 trade_transit/transit, 2.2 trade_transit/trade and 3.1 china_alignment/china; oldest first is beta,
  alpha, gamma.
"""

from pathlib import Path

import pytest

from report import load_corpus
from report.analysis import claims
from report.tables import motives

FIXTURES = Path(__file__).parent / "fixtures"
SECURITY = "security and counter-terrorism"
ALPHA, BETA, GAMMA = "alpha-2024-03-03", "beta-2024", "gamma-2025-07"
R1, R2, R3, R4 = "r1-2024-01", "r2-2024-06", "r3-2024-07", "r4-2024-08"


@pytest.fixture(scope="module")
def small():
    return load_corpus(FIXTURES / "reading")


@pytest.fixture(scope="module")
def corpus(fixture_dir):
    return load_corpus(fixture_dir)


def test_summary_of_a_chapter_opening(small):
    facts = motives.summary(small, "security")
    assert facts == {"label": SECURITY, "n_sources": 3, "n_all": 4, "n_claims": 3, "n_quoted": 0, "rank": 1,
                     "n_categories": 2, "speakers": "none"}


def test_weight_range(small):
    assert motives.weight_range(claims.weight(small, "security")) == {
        "low_share": 0, "low_source": R4, "high_share": 100, "high_source": R1}
    assert motives.weight_range(claims.weight(small, "security").iloc[0:0]) == {
        "low_share": 0, "low_source": "none", "high_share": 0, "high_source": "none"}


def test_chapter_facts_of_the_reading_fixture(small):
    facts, shown = motives.chapter_facts(small, "security")
    # every source states a motive: r1, r2, r3 wholly security, r4 none of it
    assert list(shown.index) == [R1, R2, R3, R4] and shown.share.tolist() == [100, 100, 100, 0]
    assert (facts["n_sources"], facts["n_all"], facts["n_claims"], facts["n_quoted"], facts["rank"]) == (3, 4, 3, 0, 1)
    assert (facts["low_share"], facts["low_source"], facts["high_share"], facts["high_source"]) == (
        0, "Fixture Daily", 100, "Fixture Wire")  # in prose, the outlets




def test_a_speaker_only_derivative_sources_quote_is_flagged():
    """On the seeds (read by hand): Lavrov's security words come from Odri and Stratheia only, Kabulov's from
    Stratheia only; Kondaurov's from the CSM, a primary source."""
    speakers = motives.summary(load_corpus(), "security")["speakers"]
    assert "Sergey Lavrov (only derivative sources say so)" in speakers
    assert "Zamir Kabulov (only a derivative source says so)" in speakers
    assert "Alexei Kondaurov," in speakers
