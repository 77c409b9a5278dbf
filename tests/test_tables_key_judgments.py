"""report/tables/key_judgments.py (the key judgments page: the judgments by question, the key figures
box, the confidence scale) on fixtures with hand-counted answers:

- tests/fixtures/tables/path/ (t1 primary on the record, t2 its derivative, t3): Russia lists the
  Taliban (February 2003), delists them (April 2025, in t1 and t2), recognises them (3 July 2025, t1; t2
  dates it 3 June 2025, set aside by the primary rule); t1 and t2 give trade of "$300 million";
- tests/fixtures/corpus/ (alpha, beta, gamma): gamma gives trade of "$300 million", beta dates Russia's
  delisting April 2024;
- tests/fixtures/reading/ (r1-r4): no number and no dated event;
- the seeds, on which every key judgment holds.
"""

import re
from pathlib import Path

import pytest

from report import load_corpus
from report.analysis import judgments
from report.codebook import load
from report.tables import key_judgments

FIXTURES = Path(__file__).parent / "fixtures"
ALPHA, BETA, GAMMA = "alpha-2024-03-03", "beta-2024", "gamma-2025-07"
T1, T2 = "t1-2025-07-05", "t2-2025-07-20"
PRIMARY_RULE = "a primary source gives the version adopted, only derivative ones the other"
COLUMNS = ["source_id", "paragraph", "fact", "value", "note"]


@pytest.fixture(scope="module")
def path():
    return load_corpus(FIXTURES / "tables" / "path")


def test_judged_groups_by_question_and_numbers_in_one_run():
    groups, first = key_judgments.judged(load_corpus())
    assert list(groups) == list(judgments.questions()) == list(first)
    n = 1
    for question, group in groups.items():
        assert first[question] == n and all(j.question == question for j in group)
        n += len(group)
    assert n - 1 == len(load("reading")["judgments"])  # every judgment, once


def test_key_facts(path):
    k = key_judgments.key_facts(path)
    assert list(k.columns) == COLUMNS
    assert k.to_dict("records") == [
        {"source_id": T1, "paragraph": 6, "fact": "Bilateral trade in a year", "value": "$300 million (2024)",
         "note": f"also given by {T2}"},
        {"source_id": T1, "paragraph": 1, "fact": "Russia lists the Taliban as terrorist", "value": "February 2003",
         "note": "one source"},
        {"source_id": T1, "paragraph": 3, "fact": "Russia removes them from the list", "value": "April 2025",
         "note": "2 sources"},
        {"source_id": T1, "paragraph": 4, "fact": "Russia recognises their government", "value": "3 July 2025",
         "note": f"one source; Fixture Blog gives 3 June 2025, set aside: {PRIMARY_RULE}"},
    ]


def test_key_facts_of_a_corpus_without_a_date_dispute():
    k = key_judgments.key_facts(load_corpus(FIXTURES / "corpus"))
    assert k.to_dict("records") == [
        {"source_id": GAMMA, "paragraph": 2, "fact": "Bilateral trade in a year", "value": "$300 million (2024)",
         "note": "one source"},
        {"source_id": BETA, "paragraph": 2, "fact": "Russia removes them from the list", "value": "April 2024",
         "note": "one source; the year from the source's date, not its words"},
    ]
    empty = key_judgments.key_facts(load_corpus(FIXTURES / "reading"))
    assert empty.empty and list(empty.columns) == COLUMNS


def test_confidence_scale_one_row_per_level():
    t = key_judgments.confidence_scale()
    assert list(t.columns) == ["confidence", "meaning", "sources (at least)", "most reliable source (at least)",
                               "contradicting (at most)", "unreviewed rows (at most)"]
    levels = load("reading")["confidence"]
    assert len(t) == len(levels) and t.confidence.is_unique and t.meaning.str.strip().astype(bool).all()
    # the last level has no thresholds (a lint checks): any grade, any contradiction, no source needed
    assert t.iloc[-1][["sources (at least)", "most reliable source (at least)", "contradicting (at most)"]].tolist() == [
        0, "any", "any"]
    assert list(t["sources (at least)"]) == sorted(t["sources (at least)"], reverse=True)  # strictest first


R3, R4 = "r3-2024-07", "r4-2024-08"


@pytest.fixture(scope="module")
def reading():
    return load_corpus(FIXTURES / "reading")


def _security(corpus):
    return judgments.select(corpus, [{"table": "claims", "kind": "motive", "category": "security"}])


def test_basis_in_words(reading):
    conf = judgments.confidence(reading, _security(reading), [])
    # r1 and r2 contradict each other on the recognition (each lowered a step); r3 rewrites r2
    assert key_judgments.basis(reading, conf, []) == ("3 of 4 sources state it (2 independent, the best graded C; "
                                                      "1 rewriting another); uncontradicted")
    assert key_judgments.basis(reading, conf, [R4]).endswith("; contradicted by 1 later source (r4-2024-08)")
    # a source of the evidence that also assesses it the other way is named as divided, not as uncontradicted
    assert key_judgments.basis(reading, conf, [], divided=[R3]).endswith(
        "; 1 of them also assesses it the other way (r3-2024-07)")
    assert key_judgments.basis(reading, conf, [R4], divided=[R3]).endswith(
        "; contradicted by 1 later source (r4-2024-08); 1 of them also assesses it the other way (r3-2024-07)")
    # a source the judgment did not count against it (a derivative one of unknown origin) is said to lower nothing
    uncounted = {**conf, "counted_against": [R4]}
    assert key_judgments.basis(reading, uncounted, [R4], divided=[R3]).endswith(
        "1 of them also assesses it the other way (r3-2024-07), which, being derivative, lowers nothing")
    economic = judgments.select(reading, [{"table": "claims", "kind": "motive", "category": "economic"}])
    conf = judgments.confidence(reading, economic, [])
    assert key_judgments.basis(reading, conf, [], "{n} of {total} sources give it") == (
        "1 of 4 sources give it (1 independent, the best graded F); uncontradicted")


def test_the_book_against_the_best_short_brief():
    b = key_judgments.brief_comparison(load_corpus())
    assert b["failures"] == [] and b["brief_outlet"] == "OSW Centre for Eastern Studies"
    # the book departs from the brief on what the step amounts to: the brief is on the side of a formality


def test_a_judgment_shows_its_evidence_folded():
    corpus = load_corpus()
    groups, starts = key_judgments.judged(corpus)
    html = key_judgments.judgment_list(corpus, groups["why"], starts["why"])._repr_html_()
    visible = re.sub(r"<details.*?</details>", "", html, flags=re.S)
    assert "provenance" not in visible and html.count("<details") == len(groups["why"])
    # the confidence in short and the alternative view stay visible; the full basis is folded
    assert visible.count("Alternative view.") == len(groups["why"]) and "independent, best graded" in visible
    assert "uncontradicted" not in visible and "uncontradicted" in html


def test_short_basis(reading):
    conf = judgments.confidence(reading, _security(reading), [])
    assert key_judgments.short_basis(reading, conf, []) == "3 of 4 sources, 2 independent, best graded C"
    assert key_judgments.short_basis(reading, conf, [R4]) == "3 of 4 sources, 2 independent, best graded C; contradicted by 1"
    # a source not counted against the judgment (derivative, of unknown origin) is left out of the short form
    assert key_judgments.short_basis(reading, {**conf, "counted_against": []}, [R4]).endswith("best graded C")
    assert key_judgments.short_basis(reading, {**conf, "inference": True}, []).endswith("; the authors' inference")
