"""report/tables/trade.py (chapter 4: the hard numbers and the facts they give, the projects and places
the sources name) on the fixture corpus tests/fixtures/tables/actors/ (a1, a2, a3), plus
tests/fixtures/corpus/ and tests/fixtures/tables/path/, with answers counted by hand:

- projects (actors.yml type project): the Belt and Road Initiative in a1 2 ("... links China with
  Central Asia.") and a3 2 ("Trains from the Belt and Road Initiative will use the Salang Tunnel."); the
  China-Pakistan Economic Corridor in a1 1; the Lapis Lazuli corridor in a3 1; the Salang Tunnel in a3 2;
- places (type place): Central Asia in a1 2, Kazan in a2 1 ("The SCO met in Kazan.");
- groups: "the West" (Western countries) in a3 6;
- tests/fixtures/corpus/: the one place is St. Petersburg (alpha 5.1) and the one person Sergey Lavrov
  ("Mr. Lavrov", alpha 5.1; "Ivanov" is not in the gazetteer); its one hard number is gamma's
  "$300 million" (alpha's "5 percent" is neither money nor a large count);
- tests/fixtures/tables/path/: t1 (Fixture Wire) and t2 both give trade of "$300 million".
"""

from pathlib import Path

import pytest

from report import load_corpus
from report.tables import trade

FIXTURES = Path(__file__).parent / "fixtures"
A1, A2, A3 = "a1-2024-03", "a2-2024-09", "a3-2025-01"
COLUMNS = ["actor", "type", "sentences", "sources", "source_ids"]


@pytest.fixture(scope="module")
def actors():
    return load_corpus(FIXTURES / "tables" / "actors")


def _rows(df):
    return list(df.itertuples(index=False, name=None))


def test_projects_most_named_first_then_by_name(actors):
    t = trade.actors_of_type(actors, ("project",))
    assert list(t.columns) == COLUMNS
    assert _rows(t) == [
        ("Belt and Road Initiative", "project", 2, 2, f"{A1}, {A3}"),
        ("China-Pakistan Economic Corridor", "project", 1, 1, A1),
        ("Lapis Lazuli corridor", "project", 1, 1, A3),
        ("Salang Tunnel", "project", 1, 1, A3),
    ]
    assert list(t.index) == [0, 1, 2, 3]


def test_places_and_several_types_at_once(actors):
    assert _rows(trade.actors_of_type(actors, ("place",))) == [
        ("Central Asia", "place", 1, 1, A1), ("Kazan", "place", 1, 1, A2)]
    both = trade.actors_of_type(actors, ("project", "place"))
    assert [r[0] for r in _rows(both)] == ["Belt and Road Initiative", "Central Asia",
                                           "China-Pakistan Economic Corridor", "Kazan", "Lapis Lazuli corridor",
                                           "Salang Tunnel"]
    assert dict(zip(both.actor, both.type))["Kazan"] == "place"
    assert _rows(trade.actors_of_type(actors, ("group",))) == [("Western countries", "group", 1, 1, A3)]


def test_a_sentence_counts_once_however_often_it_names_the_actor(actors):
    # China is named in six sentences (a1 1, 2, 3; a2 2; a3 1, 5); "China-Pakistan Economic Corridor" is
    # the project, not a second mention of China
    states = trade.actors_of_type(actors, ("state",))
    china = states[states.actor == "China"]
    assert _rows(china) == [("China", "state", 6, 3, f"{A1}, {A2}, {A3}")]
    # the United States: a1 4, and a3 3 twice ("The United States opposed ..." and "Washington again
    # opposed ...", a capital standing for its government); Russia in a3 1, 4 and (as "Moscow") 6
    assert _rows(states[states.actor == "United States"]) == [("United States", "state", 3, 2, f"{A1}, {A3}")]
    assert _rows(states[states.actor == "Russia"]) == [("Russia", "state", 3, 1, A3)]
    assert list(states.actor[:2]) == ["China", "Russia"]  # 6, then 3 and 3 by name


def test_no_actor_of_a_type_gives_an_empty_table(actors):
    t = trade.actors_of_type(actors, ("document",))
    assert t.empty and list(t.columns) == COLUMNS


def test_the_fixture_corpus():
    corpus = load_corpus(FIXTURES / "corpus")
    assert _rows(trade.actors_of_type(corpus, ("place",))) == [
        ("St. Petersburg", "place", 1, 1, "alpha-2024-03-03")]
    assert _rows(trade.actors_of_type(corpus, ("person",))) == [
        ("Sergey Lavrov", "person", 1, 1, "alpha-2024-03-03")]
    assert trade.actors_of_type(corpus, ("project",)).empty


def test_chapter_numbers_with_the_outlet():
    found = trade.chapter_numbers(load_corpus(FIXTURES / "tables" / "path"))
    assert list(found) == list(trade.FACTS)
    assert found["trade"] == {"number": "$300 million", "source_id": "t1-2025-07-05", "paragraph": 6,
                              "also_given_by": "t2-2025-07-20", "corroborated": True, "outlet": "Fixture Wire",
                              "words": "Trade between Russia and Afghanistan reached $300 million in 2024."}
    assert all(found[f] is None for f in trade.FACTS if f != "trade")



def test_projects_say_what_their_sentence_gives_moscow():
    """tests/fixtures/tables/projects/ (one sentence a paragraph): the Salang Tunnel's gives Moscow an economic motive, the
    Lapis Lazuli corridor's a Russian engagement, the China-Pakistan Economic Corridor's neither."""
    t = trade.projects(load_corpus(FIXTURES / "tables" / "projects")).set_index("project").for_moscow.to_dict()
    assert t == {"China-Pakistan Economic Corridor": trade.NOT_MOSCOW,
                 "Lapis Lazuli corridor": "Russia engages with the Taliban",
                 "Salang Tunnel": "a motive of Moscow's: trade, transit and economic stakes"}
