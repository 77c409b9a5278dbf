"""report/analysis/sources.py (what each source asserts, and how much of it another source confirms or
contradicts) on fixtures with hand-counted answers:

- tests/fixtures/reading/ (r1-r4; r3 rewrites r2): items r1 {motive: security, Russia recognises},
  r2 {motive: security, Russia does not recognise} (published later than r1), r3 {motive: security},
  r4 {motive: economic};
- tests/fixtures/tables/path/ (t1, t2, t3): t1 and t2 date Russia's recognition differently (3 July and
  3 June 2025), a date dispute.
"""

from pathlib import Path

import pytest

from report import load_corpus
from report.analysis import judgments, sources

FIXTURES = Path(__file__).parent / "fixtures"
R1, R2, R3, R4 = "r1-2024-01", "r2-2024-06", "r3-2024-07", "r4-2024-08"
T1, T2, T3 = "t1-2025-07-05", "t2-2025-07-20", "t3-2024-05"


@pytest.fixture(scope="module")
def small():
    return load_corpus(FIXTURES / "reading")


@pytest.fixture(scope="module")
def path():
    return load_corpus(FIXTURES / "tables" / "path")


def test_items_are_claims_and_statements_with_their_date(small):
    items = sources._items(small)
    assert list(items.columns) == ["source_id", "item", "polarity", "when"]
    assert sorted(zip(items.source_id, items.item, items.polarity)) == [
        (R1, "motive: security", "affirmed"), (R1, "russia recognises", "affirmed"),
        (R2, "motive: security", "affirmed"), (R2, "russia recognises", "negated"),
        (R3, "motive: security", "affirmed"), (R4, "motive: economic", "affirmed")]
    # a claim is dated by its source's publication; a statement by its own date (here the publication too)
    assert dict(zip(items.source_id + " " + items.item, items.when))[f"{R2} motive: security"] == "2024-06"


def test_a_later_denial_contradicts_and_each_side_counts_it(small):
    c = sources.corroboration(small).set_index("source_id")
    assert list(c.columns) == ["outlet", "grade", "items", "confirmed", "contradicted", "alone", "disputed dates"]
    assert c.loc[R1, "contradicted"] == 1  # r2 denies later what r1 affirmed
    assert c.loc[R2, "contradicted"] == 1  # r1 affirmed earlier what r2 denies
    assert c.loc[R3, "confirmed"] == 1 and c.loc[R4, "alone"] == 1
    assert c["items"].tolist() == [2, 2, 1, 1] and c["disputed dates"].sum() == 0
    recognised = judgments.select(small, [{"table": "statements", "actor_id": "russia", "act": "recognises",
                                           "polarity": "affirmed"}])
    denied = judgments.select(small, [{"table": "statements", "actor_id": "russia", "act": "recognises",
                                       "polarity": "negated"}])
    assert judgments.contradicting_sources(small, recognised, denied) == [R2]
    # an earlier denial is no contradiction of a later affirmation
    assert judgments.contradicting_sources(small, denied, recognised) == []


def test_a_source_of_the_evidence_that_assesses_it_the_other_way_is_divided(small):
    """Evidence: every motive claim (r1-r4); contrary: the economic motive, which r4 gives. r4 is one of the
    evidence's own sources, so it is divided, not a contradicting other source; with the security claims as
    evidence r4 is an outside source that contradicts. A contrary statement divides no one (a track record)."""
    motives = judgments.select(small, [{"table": "claims", "kind": "motive"}])
    security = judgments.select(small, [{"table": "claims", "kind": "motive", "category": "security"}])
    economic = judgments.select(small, [{"table": "claims", "kind": "motive", "category": "economic"}])
    assert judgments.divided_sources(small, motives, economic) == [R4]
    assert judgments.contradicting_sources(small, motives, economic) == []
    assert judgments.divided_sources(small, security, economic) == []
    assert judgments.contradicting_sources(small, security, economic) == [R4]
    recognised = judgments.select(small, [{"table": "statements", "actor_id": "russia", "act": "recognises"}])
    assert judgments.divided_sources(small, recognised, recognised) == []


def test_disputed_dates_count_for_both_sources(path):
    c = sources.corroboration(path).set_index("source_id")
    assert c["disputed dates"].to_dict() == {T3: 0, T1: 1, T2: 1}


def test_verdicts_name_who_confirms_and_who_contradicts(small):
    """r1 affirms Russia recognises and r2, later, denies it: each is contradicted by the other (a later
    denial of an affirmation, an earlier affirmation of a denial); security is confirmed by the others."""
    v = sources.verdicts(small).set_index(["source_id", "item", "polarity"])
    assert v.loc[(R1, "russia recognises", "affirmed")][["verdict", "by"]].tolist() == ["contradicted", R2]
    assert v.loc[(R2, "russia recognises", "negated")][["verdict", "by"]].tolist() == ["contradicted", R1]
    assert v.loc[(R1, "motive: security", "affirmed")][["verdict", "by"]].tolist() == ["confirmed", f"{R2}, {R3}"]
    assert v.loc[(R4, "motive: economic", "affirmed")].verdict == "alone"
