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

import numpy as np
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


def test_co_mentions_of_the_chapter_actors(actors):
    t = china.co_mentions(actors, CHAPTER_ACTORS)
    assert t.index.name == "actor"
    assert list(t.index) == ["China", BRI, CPEC, SCO, "Moscow Format"]  # the order asked for, by name
    assert list(t.columns) == [A1, A2, A3, "total", "with_another"]
    assert t.loc["China"].tolist() == [3, 1, 2, 6, 2]  # with CPEC in a1 1 and with the BRI in a1 2
    assert t.loc[BRI].tolist() == [1, 0, 1, 2, 1]  # a3 2 names the Salang Tunnel, not one of the five
    assert t.loc[CPEC].tolist() == [1, 0, 0, 1, 1]
    assert t.loc[SCO].tolist() == [0, 2, 0, 2, 1]  # with the Moscow Format in a2 4, alone in a2 1 (Kazan)
    assert t.loc["Moscow Format"].tolist() == [0, 1, 0, 1, 1]


def test_with_another_counts_only_the_actors_asked_for(actors):
    t = china.co_mentions(actors, ["china"])
    assert t.loc["China"].tolist() == [3, 1, 2, 6, 0]
    t = china.co_mentions(actors, ["sco", "china"])
    assert list(t.index) == [SCO, "China"] and t.with_another.tolist() == [0, 0]


def test_co_mentions_columns_are_sources_oldest_first():
    corpus = load_corpus(FIXTURES / "corpus")
    t = china.co_mentions(corpus, ["china", "united-states"])
    # beta (2024), alpha (2024-03-03), gamma (2025-07); "Beijing is watching." stands for China
    assert list(t.columns) == ["beta-2024", "alpha-2024-03-03", "gamma-2025-07", "total", "with_another"]
    assert t.loc["China"].tolist() == [0, 0, 1, 1, 0]
    assert t.loc["United States"].tolist() == [1, 1, 0, 2, 0]


def test_cooccurrence_of_every_actor(actors):
    m = china.cooccurrence(actors, top=20)
    assert list(m.index) == ALL13 and list(m.columns) == ALL13 and m.index.name == "actor"
    assert (m.to_numpy() == m.to_numpy().T).all() and (np.diag(m.to_numpy()) == 0).all()
    together = {frozenset((a, b)) for a in ALL13 for b in ALL13 if m.loc[a, b]}
    assert together == PAIRS
    assert set(m.to_numpy().ravel()) == {0, 1} and m.to_numpy().sum() == 2 * len(PAIRS)
    assert m.loc["China"].sum() == 5 and m.loc[BRI].sum() == 3 and m.loc["United States"].sum() == 0


def test_cooccurrence_keeps_the_most_named(actors):
    m = china.cooccurrence(actors, top=4)
    # China 6, United States 3, then the two named twice, by name
    assert list(m.index) == ["China", "United States", BRI, SCO]
    assert m.loc["China", BRI] == m.loc[BRI, "China"] == 1
    assert m.to_numpy().sum() == 2
    default = china.cooccurrence(actors)
    assert default.shape == (12, 12) and list(default.index[:4]) == ["China", "United States", BRI, SCO]
    assert set(default.index) < set(ALL13)


def test_cooccurrence_of_the_fixture_corpus():
    m = china.cooccurrence(load_corpus(FIXTURES / "corpus"))
    # alpha 5.1 names Lavrov and St. Petersburg, alpha 5.2 and beta 3.2 the U.S., gamma 3.1 Beijing
    assert list(m.index) == ["United States", "China", "Sergey Lavrov", "St. Petersburg"]
    assert m.loc["Sergey Lavrov", "St. Petersburg"] == m.loc["St. Petersburg", "Sergey Lavrov"] == 1
    assert m.to_numpy().sum() == 2


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
