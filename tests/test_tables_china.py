"""report/tables/china.py (chapter 5: which actors the sources name together) on the fixture corpus
tests/fixtures/tables/actors/ (a1, a2, a3), plus tests/fixtures/corpus/, with answers counted by hand.

Actors named in each body sentence of the actors corpus, beyond the common ones (Russia, the Taliban,
Afghanistan; analysis.yml common_actors):

    a1 1  China, Pakistan, China-Pakistan Economic Corridor
    a1 2  Belt and Road Initiative, China, Central Asia
    a1 3  China
    a1 4  United States
    a2 1  Shanghai Cooperation Organisation (SCO), Kazan
    a2 2  China
    a2 3  Karen Decker
    a2 4  Moscow Format, Shanghai Cooperation Organisation
    a3 1  China, Lapis Lazuli corridor
    a3 2  Belt and Road Initiative, Salang Tunnel
    a3 3  United States (sentence 1), United States ("Washington", sentence 2)
    a3 4  (Russia and the Taliban only)
    a3 5  China
    a3 6  Western countries ("the West"; Moscow is Russia)

So China is named in 6 sentences, the United States in 3, the Belt and Road Initiative and the SCO in 2,
nine others in 1; ten pairs are named together. Only a3 states a motive claim (a3 6, security).

In tests/fixtures/corpus/, beta and alpha state no economic claim (gamma does); the Taliban are named
(also as "Kabul") in beta 1.1, 2.1, 2.2, 3.1 and alpha 8.2.
"""

from pathlib import Path

import pytest

from report import load_corpus
from report.tables import china

FIXTURES = Path(__file__).parent / "fixtures"
A1, A2, A3 = "a1-2024-03", "a2-2024-09", "a3-2025-01"
CHAPTER_ACTORS = ["china", "belt-and-road", "cpec", "sco", "moscow-format"]  # as notebooks/05_china calls it
BRI, CPEC, SCO = "Belt and Road Initiative", "China-Pakistan Economic Corridor", "Shanghai Cooperation Organisation"
ALL13 = ["China", "United States", BRI, SCO, "Central Asia", CPEC, "Karen Decker", "Kazan", "Lapis Lazuli corridor",
         "Moscow Format", "Pakistan", "Salang Tunnel", "Western countries"]
PAIRS = {frozenset(p) for p in [("China", "Pakistan"), ("China", CPEC), ("Pakistan", CPEC), (BRI, "China"),
                                (BRI, "Central Asia"), ("China", "Central Asia"), (SCO, "Kazan"),
                                ("Moscow Format", SCO), ("China", "Lapis Lazuli corridor"), (BRI, "Salang Tunnel")]}


@pytest.fixture(scope="module")
def actors():
    return load_corpus(FIXTURES / "tables" / "actors")


def test_named_elsewhere(actors):
    cols = ["source_id", "paragraph", "sentence", "text"]
    t = china.named_elsewhere(load_corpus(FIXTURES / "corpus"), "taliban", "economic")
    assert list(t.columns) == cols
    # gamma, which states an economic claim, is left out
    assert list(zip(t.source_id, t.paragraph, t.sentence)) == [
        ("beta-2024", 1, 1), ("beta-2024", 2, 1), ("beta-2024", 2, 2), ("beta-2024", 3, 1),
        ("alpha-2024-03-03", 8, 2)]
    assert t.text.iloc[2] == "Kabul welcomed the move."
    named = china.named_elsewhere(actors, "china", "security")  # a3 states a security claim
    assert list(zip(named.source_id, named.paragraph)) == [(A1, 1), (A1, 2), (A1, 3), (A2, 2)]
    assert len(china.named_elsewhere(actors, "china", "china")) == 6  # nobody makes China a motive


def test_central_asia_as_moscows_security_space_on_the_seeds():
    """On the seeds (read by hand): the Conversation, the Monitor, ODRI and Stratheia tie security to Central Asia
    or Russia's southern flank (OSW does not); the Conversation gives the 2003 listing's grounds, among them
    attempts to seize power in Uzbekistan, Tajikistan and Kyrgyzstan (¶5)."""
    ca = china.central_asia(load_corpus())
    assert ca["failures"] == [] and ca["sources"] == 4 and "OSW" not in ca["outlets"]
    assert (ca["listing_outlets"], ca["listing_year"]) == ("The Conversation", "2003")
