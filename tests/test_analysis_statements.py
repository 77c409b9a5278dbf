"""report/analysis/statements.py (who does what to the Taliban) on fixtures with hand-counted answers:

- tests/fixtures/tables/path/ (t1, t2, t3): Russia recognises the Taliban (t1 4, dated 3 July 2025; t2 1,
  dated 3 June 2025); t3 (2024-05) says "Russia has not recognised the Taliban government. No country
  has recognised the Taliban." (two denials, dated by the publication);
- tests/fixtures/tables/actors/ (a1-a3, no sentence gives a date): China accepts a Taliban envoy (a1 3,
  a3 5) and opposes recognition (a2 2), the United States opposes it (a1 4, a3 3 twice), Russia
  recognises the Taliban (a3 4);
- tests/fixtures/reading/ (r1-r4): r1 (2024-01-10) affirms and r2 (2024-06) denies that Russia
  recognises the Taliban;
- tests/fixtures/tables/envoy/ (e1, e2): Russia accredits a Taliban diplomat in e1 (2024-03) and recognises
  the Taliban on 3 July 2025 in e2, which also has it accept their ambassador (dated 2025-07-10);
- tests/fixtures/tables/organs/ (o1, o2): o1 has Russia's foreign and justice ministries plan the delisting;
  o2 has the foreign ministry and the FSB decide it and the Supreme Court do it;
- the seeds, for the states other than Russia that moved (named in chapter 7).
"""

from pathlib import Path

import pytest

from report import load_corpus
from report.analysis import statements
from report.codebook import load
from report.prose import and_join

FIXTURES = Path(__file__).parent / "fixtures"
T1, T2, T3 = "t1-2025-07-05", "t2-2025-07-20", "t3-2024-05"
A1, A2, A3 = "a1-2024-03", "a2-2024-09", "a3-2025-01"


@pytest.fixture(scope="module")
def path():
    return load_corpus(FIXTURES / "tables" / "path")


@pytest.fixture(scope="module")
def actors():
    return load_corpus(FIXTURES / "tables" / "actors")


@pytest.fixture(scope="module")
def small():
    return load_corpus(FIXTURES / "reading")


def test_act_labels_one_per_act_in_codebook_order():
    acts = load("acts")["acts"]
    long, short = statements.act_labels(), statements.act_labels(short=True)
    assert list(long) == list(short) == list(acts)
    assert all(isinstance(v, str) and v.strip() for v in [*long.values(), *short.values()])
    assert len(set(short.values())) == len(short)  # a table header tells the acts apart


def test_statements_oldest_source_first(path):
    t = statements.statements(path, ["recognises"])
    assert list(t.columns[-2:]) == ["statement", "date"]
    assert list(zip(t.source_id, t.paragraph, t.statement, t.date)) == [
        (T3, 1, "Russia · recognises · denied", "2024-05"),
        (T3, 1, "Any country · recognises · denied", "2024-05"),
        (T1, 4, "Russia · recognises · affirmed", "2025-07-03"),
        (T2, 1, "Russia · recognises · affirmed", "2025-06-03"),
    ]
    denied = statements.statements(path, list(statements.act_labels()), ["negated", "prospective", "reported"])
    assert list(denied.statement) == ["Russia · recognises · denied", "Any country · recognises · denied"]
    assert len(statements.statements(path, ["sets_conditions", "opposes"])) == 0


def test_statements_of_oppositions(actors):
    t = statements.statements(actors, ["sets_conditions", "opposes"])
    # every sentence, a3 3 twice ("The United States opposed ..." and "Washington again opposed ...")
    assert list(zip(t.source_id, t.paragraph, t.sentence, t.statement, t.date)) == [
        (A1, 4, 1, "United States · opposes · affirmed", "2024-03"),
        (A2, 2, 1, "China · opposes · affirmed", "2024-09"),
        (A3, 3, 1, "United States · opposes · affirmed", "2025-01"),
        (A3, 3, 2, "United States · opposes · affirmed", "2025-01"),
    ]


def test_others_moving_and_first_reported(actors, path):
    # China accepts a Taliban envoy (a1, published 2024-03, and a3); nobody but Russia delists them
    assert statements.others_moving(actors) == {"envoy": ["China"], "delisting": []}
    assert statements.others_first_reported(actors) == {"envoy": "2024-03", "delisting": "9999"}
    assert statements.others_moving(path) == {"envoy": [], "delisting": []}


def test_the_states_that_moved_in_the_seeds():
    seeds = load_corpus()
    moved = statements.others_moving(seeds)
    assert moved == {"envoy": ["China", "the United Arab Emirates"], "delisting": ["Kazakhstan", "Kyrgyzstan"]}
    assert and_join(moved["envoy"]) == "China and the United Arab Emirates"  # as chapter 7 writes them
    first = statements.others_first_reported(seeds)
    assert first["envoy"] < "2025" and first["delisting"] < "2025"


def test_recognition_turn(path, small, actors):
    assert statements.recognition_turn(path) == {"last_denial": "2024-05", "first_affirmation": "2025-06-03"}
    assert statements.recognition_turn(small) == {"last_denial": "2024-06", "first_affirmation": "2024-01-10"}
    assert statements.recognition_turn(actors) == {"last_denial": None, "first_affirmation": "2025-01"}


def test_early_home_envoy_is_an_envoy_accepted_before_the_recognition(path, actors):
    envoy = load_corpus(FIXTURES / "tables" / "envoy")
    assert statements.early_home_envoy(envoy) == ["e1-2024-03"]  # e2's ambassador comes after the step
    assert statements.early_home_envoy(actors) == []  # Russia recognises, but accepts no envoy
    assert statements.early_home_envoy(path) == []


def test_the_organs_behind_a_delisting_are_those_named_moving_to_it_not_the_court_that_did_it():
    corpus = load_corpus(FIXTURES / "tables" / "organs")
    o = statements.organs_behind(corpus, "delists")
    assert list(o.columns) == ["source_id", "organs", "paragraphs"]
    assert [(r.source_id, r.organs, r.paragraphs) for r in o.itertuples()] == [
        ("o1-2024-06", ["Russian Ministry of Foreign Affairs", "Russian Ministry of Justice"], [2]),
        ("o2-2025-07", ["Russian Ministry of Foreign Affairs", "Federal Security Service (FSB)"], [3])]
    assert statements.organs_differ(corpus, "delists")


def test_no_organs_differ_when_fewer_than_two_sources_name_them(path):
    assert statements.organs_behind(path, "delists").empty
    assert not statements.organs_differ(path, "delists")
