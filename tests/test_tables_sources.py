"""report/tables/sources.py (chapter 1: the sources, their size, their boilerplate, what they cover, their
profiles and corroboration) on fixtures with hand-counted answers:

- tests/fixtures/corpus/ (alpha, beta, gamma; tests/fixtures/expected.yml): shapes, sort order, agreement
  with the base tables, and the boilerplate flags (alpha: dated_caption, photo_credit, dateline,
  editorial_box, framing, site_footer; beta: disclaimer; gamma: section_label, teaser, author_bio);
- tests/fixtures/reading/ (r1-r4, grades A, B, D, E; r3 rewrites r2): items r1 {security, Russia
  recognises}, r2 {security, Russia does not recognise}, r3 {security}, r4 {economic};
- tests/fixtures/tables/path/ (t1 primary on the record, t2 its derivative, t3 primary partly
  attributed): see the trust summary below.
"""

from pathlib import Path

import pytest

from report import load_corpus
from report.tables import sources as tables

FIXTURES = Path(__file__).parent / "fixtures"
R1, R2, R3, R4 = "r1-2024-01", "r2-2024-06", "r3-2024-07", "r4-2024-08"
T1, T2, T3 = "t1-2025-07-05", "t2-2025-07-20", "t3-2024-05"


@pytest.fixture(scope="module")
def small():
    return load_corpus(FIXTURES / "reading")


@pytest.fixture(scope="module")
def path():
    return load_corpus(FIXTURES / "tables" / "path")


def test_register_is_oldest_first(fixture_dir):
    reg = tables.source_register(load_corpus(fixture_dir))
    assert list(reg.index) == ["beta-2024", "alpha-2024-03-03", "gamma-2025-07"]
    assert reg.loc["alpha-2024-03-03", "author"] == ""


def test_sizes_and_totals_agree(fixture_dir, expected):
    corpus = load_corpus(fixture_dir)
    sizes = tables.source_sizes(corpus)
    totals = tables.corpus_totals(corpus)
    assert totals["n_words"] == sizes.words.sum() == sum(e["words"] for e in expected.values())
    assert totals["n_sources"] == 3 and totals["first_published"] == "2024" and totals["last_published"] == "July 2025"
    assert totals["n_dates_estimated"] == 1  # beta's published_note begins "Estimate"
    assert sizes.loc["beta-2024", "words_per_sentence"] == round(38 / 5, 1)


def test_a_date_is_estimated_only_when_its_note_says_so(fixture_dir):
    from report.analysis import door
    assert door.date_estimated(load_corpus(fixture_dir)) == {
        "alpha-2024-03-03": False, "beta-2024": True, "gamma-2025-07": False}


def test_boilerplate_tables_count_every_flag(fixture_dir, expected):
    corpus = load_corpus(fixture_dir)
    by_rule = tables.boilerplate_by_rule(corpus)
    listed = tables.boilerplate_paragraphs(corpus)
    n_flags = sum(len(e["boilerplate"]) for e in expected.values())
    assert by_rule["total"].sum() == len(listed) == n_flags
    assert by_rule.loc["editorial_box", "alpha-2024-03-03"] == 1 and by_rule.loc["framing", "alpha-2024-03-03"] == 1
    assert by_rule.loc["republication"].sum() == 0  # rules that never fired are kept
    assert listed.equals(listed.sort_values(["source_id", "paragraph"], ignore_index=True))


def test_theme_coverage_is_a_share_of_body_sentences(fixture_dir):
    corpus = load_corpus(fixture_dir)
    cov = tables.theme_coverage(corpus)
    assert list(cov.index) == list(tables.source_register(corpus).index)
    assert list(cov.columns) == list(tables.theme_labels())
    assert ((cov >= 0) & (cov <= 100)).all().all()
    # gamma's body has 4 sentences; "Moscow sees Afghanistan as a transit hub." is coded trade_transit
    assert cov.loc["gamma-2025-07", "trade_transit"] >= 25.0


def test_summary_paragraphs_and_furniture(fixture_dir):
    corpus = load_corpus(fixture_dir)
    summary = tables.summary_paragraphs(corpus)
    assert list(zip(summary.source_id, summary.paragraph)) == [("alpha-2024-03-03", 7)]  # the framing
    share = tables.furniture_share(corpus)
    # alpha's caption, credit, dateline and footer, gamma's section label and teaser, of ten flags
    assert (share["furniture"], share["all"]) == (6, 10)
    assert sum(share["by_rule"].values()) == 10 and share["by_rule"]["framing"] == 1





def test_reliability_table_of_the_criticism_fixture():
    t = tables.reliability_table(load_corpus(FIXTURES / "criticism"))
    assert list(t.columns) == ["outlet", "publisher", "profile", "reliability", "lowered by"]
    assert t.loc["k1-2024-01", "profile"] == "primary · specialist · partly attributed"
    assert t.loc["k1-2024-01", "reliability"] == "C: fairly reliable"
    assert t.loc["k1-2024-01", "lowered by"] == "reports an act done before a later source dates it"
    assert t.loc["k2-2025-05", "lowered by"] == "nothing" and t.loc["k3-2025-06", "publisher"] == ""


def test_track_record_is_an_evidence_list():
    t = tables.track_record(load_corpus(FIXTURES / "criticism"))
    assert list(t.columns) == ["source_id", "problem", "paragraph", "item", "shown_by"] and len(t) == 3


def test_trust_for_what_on_the_seeds():
    t = tables.trust_for_what(load_corpus())
    assert t["holds"] and t["reliable_grade"] == "B"
    assert t["derivative_outlets"] == "Odri Media and Stratheia"


def test_disputes_table_has_a_row_per_question():
    seeds = load_corpus()
    t = tables.disputes_table(seeds)
    assert list(t.columns) == ["the sources"] and t.index.is_unique  # the readings are in the chapters
    assert all("; against: " in x for x in t["the sources"])
    assert tables.dispute_failures(seeds) == [] and tables.only_recognition_date_disputed(seeds)


def test_a_source_on_both_sides_of_a_dispute_is_named_once_as_saying_both():
    """On the seeds (read by hand): Stratheia calls the step both a formality and a break, so it is named once,
    after the second side; Stratheia both doubts the Taliban can deliver and counts on them, so the doubting
    side, with the Conversation's doubt, names it as saying both; so does it name the Monitor (¶22) and ODRI (¶19),
    which doubt the Taliban's links with terrorist groups and count on them too. The counts still hold every source
    of a side."""
    seeds = load_corpus()
    amounts = tables.dispute_reading(seeds, "amounts-to")
    assert amounts["side_0"] == "a formality, or mostly symbolic (OSW Centre for Eastern Studies)"
    assert amounts["side_1"].endswith("(The Christian Science Monitor and Odri Media); Stratheia says both")
    assert (amounts["n_0"], amounts["n_1"]) == (2, 3) and amounts["both"] == "Stratheia"
    deliver = tables.dispute_reading(seeds, "deliver")
    assert deliver["side_1"].endswith("(The Conversation); The Christian Science Monitor, Odri Media and Stratheia "
                                      "say both") and deliver["n_1"] == 4
    assert "Stratheia" not in deliver["side_0"]
