"""report/tables/timeline.py (chapter 2: the events split at the focus year, milestones, the disputed
dates shown, claims true at their date) on three fixtures, with answers counted by hand from the texts
(the dated mentions and disagreements they rest on: tests/test_analysis_timeline.py):

- tests/fixtures/corpus/ (alpha, beta, gamma): three dated body sentences, no disagreement;
- tests/fixtures/tables/path/ (t1, t2, t3): t1 (published 2025-07-05) dates Russia's listing February
  2003, a Taliban delegation 20 September 2021, the delisting April 2025, the recognition and the
  accepted credentials 3 July 2025 (two paragraphs) and trade "in 2024"; t2 (2025-07-20) dates the
  recognition 3 June 2025 ("the first country to recognise") and the delisting April 2025; t3
  (2024-05) gives no date and says "No country has recognised the Taliban.";
- tests/fixtures/hardcases/ (one article whose dates expected.yml lists by hand), for date ranges;
- a corpus of two sources written below into a temporary folder, for the merge rule of vague mentions.

A dated mention's signals are the actors it names beyond Russia, the Taliban and Afghanistan
(analysis.yml common_actors) and its theme codes: mentions of one date merge into a milestone when they
share one.
"""

from pathlib import Path

import pytest
import yaml

from report import load_corpus
from report.analysis import timeline as analysis_timeline
from report.tables import timeline

FIXTURES = Path(__file__).parent / "fixtures"
T1, T2, T3 = "t1-2025-07-05", "t2-2025-07-20", "t3-2024-05"
ALPHA, BETA, GAMMA = "alpha-2024-03-03", "beta-2024", "gamma-2025-07"
MILESTONE_COLUMNS = ["date", "date_end", "precision", "sources", "source_ids", "actors", "source_id", "paragraph",
                     "text", "date_text", "when"]
PRIMARY_RULE = "a primary source gives the version adopted, only derivative ones the other"


@pytest.fixture(scope="module")
def fixture_corpus():
    return load_corpus(FIXTURES / "corpus")


@pytest.fixture(scope="module")
def path():
    return load_corpus(FIXTURES / "tables" / "path")


def _write_corpus(folder: Path, sources: dict[str, tuple[str, str]]) -> Path:
    """A corpus folder: source id -> (published, text)."""
    folder.mkdir()
    entries = []
    for sid, (published, text) in sources.items():
        (folder / f"{sid}.txt").write_text(text, encoding="utf-8")
        entries.append({"id": sid, "file": f"{sid}.txt", "title": sid, "outlet": f"Outlet {sid}",
                        "published": published, "kind": "news"})
    (folder / "sources.yml").write_text(yaml.safe_dump(entries, sort_keys=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def vague(tmp_path_factory):
    """m1 names Pakistan and a border (security/border) on 5 May 2024 and Iran in 2020; m2 names nothing
    beyond Afghanistan (a common actor) and no code, on the same day and in the same year."""
    return load_corpus(_write_corpus(tmp_path_factory.mktemp("vague") / "corpus", {
        "m1-2024-06": ("2024-06", "On 5 May 2024, Pakistan closed the Afghan border. In 2020, Iran closed it too.\n"),
        "m2-2024-07": ("2024-07", "On 5 May 2024, the Afghan talks ended. In 2020, the Afghan talks began.\n"),
    }))


# ---------------------------------------------------------------------------------------------
# split_timeline and disputes_shown
# ---------------------------------------------------------------------------------------------


def test_disputes_shown_say_adopted_or_set_aside(path, fixture_corpus):
    d = timeline.disputes_shown(path)
    assert list(zip(d.date, d.source_id, d.adopted, d.rule)) == [
        ("2025-06-03", T2, "set aside", PRIMARY_RULE), ("2025-07-03", T1, "adopted", PRIMARY_RULE)]
    assert timeline.disputes_shown(fixture_corpus).empty


# ---------------------------------------------------------------------------------------------
# milestones
# ---------------------------------------------------------------------------------------------

def test_milestones_of_the_fixture_corpus(fixture_corpus):
    m = timeline.milestones(fixture_corpus)
    assert list(m.columns) == MILESTONE_COLUMNS
    assert list(zip(m.date, m.precision, m.sources, m.source_ids, m.actors, m.source_id, m.paragraph)) == [
        ("2023-09-03", "day", 1, ALPHA, "Sergey Lavrov, St. Petersburg", ALPHA, 5),
        ("2024", "year", 1, GAMMA, "", GAMMA, 2),
        ("2024-04", "month", 1, BETA, "", BETA, 2),
    ]
    assert m.when.tolist() == m.date.tolist() and (m.date_end == "").all()
    assert m.text.iloc[2] == "Russia removed the Taliban from its list in April."


def test_milestones_merge_mentions_that_share_a_code(path):
    m = timeline.milestones(path)
    assert list(zip(m.date, m.precision, m.sources, m.source_ids, m.source_id, m.paragraph)) == [
        ("2003-02", "month", 1, T1, T1, 1),
        ("2021-09-20", "day", 1, T1, T1, 2),
        ("2024", "year", 1, T1, T1, 6),
        # both sources date the delisting April 2025 and share the code recognition: one milestone, told by
        # the earlier source (t1)
        ("2025-04", "month", 2, f"{T1}, {T2}", T1, 3),
        ("2025-06-03", "day", 1, T2, T2, 1),
        # t1's recognition (paragraph 4) and credentials (paragraph 5) share the date and a code
        ("2025-07-03", "day", 1, T1, T1, 4),
    ]
    assert (m.actors == "").all()  # only Russia and the Taliban, which are common
    assert m.text.iloc[5] == "On 3 July 2025, Russia officially recognised the Taliban government."


def test_a_vague_mention_joins_another_source_at_day_precision_only(vague):
    m = timeline.milestones(vague)
    assert list(zip(m.date, m.precision, m.sources, m.source_ids, m.actors, m.source_id)) == [
        # 2020 is a year: m2's sentence names nothing specific but does not join m1's
        ("2020", "year", 1, "m1-2024-06", "Iran", "m1-2024-06"),
        ("2020", "year", 1, "m2-2024-07", "", "m2-2024-07"),
        # 5 May 2024 is a day: m2's vague sentence joins m1's, which is older and tells it
        ("2024-05-05", "day", 2, "m1-2024-06, m2-2024-07", "Pakistan", "m1-2024-06"),
    ]


def test_milestones_of_ranges_read_start_to_end():
    hard = load_corpus(FIXTURES / "hardcases")
    expected = yaml.safe_load((FIXTURES / "hardcases" / "expected.yml").read_text(encoding="utf-8"))["events"]
    resolved = {(date, end) for _, _, date, end in expected if date}
    m = timeline.milestones(hard)
    # one source, fifteen resolved dates, no two the same: one milestone each
    assert len(resolved) == 15 and len(m) == 15
    assert set(zip(m.date, m.date_end)) == resolved
    assert {w for w in m.when if "–" in w} == {"1979–1989", "1990–1993", "2022–2024"}
    assert list(m.date) == sorted(m.date)


# ---------------------------------------------------------------------------------------------
# recognition_claims
# ---------------------------------------------------------------------------------------------


def test_run_up_labels_are_the_sources_words_around_the_date():
    seeds = load_corpus()
    run = timeline.run_up(seeds)
    assert list(run.columns) == ["date", "when", "what", "caveats", "sources", "source_ids", "derivative_only",
                                 "source_id", "paragraph", "text"]
    assert run.derivative_only[run.source_ids == "stratheia-2025-07"].all() and not run.derivative_only[
        run.source_ids.str.contains("osw-2025-07")].any()
    assert (run.date.str[:4] >= timeline.focus_from()).all() and run.date.is_monotonic_increasing
    assert "2025-06-03" not in set(run.date)  # the recognition date the book sets aside
    attack = next(w for t, w in zip(run.text, run.what) if t.startswith("A March terrorist attack"))
    # the date's phrase, without it; the toll is the CSM's alone, though two sources date the attack
    assert attack == "A terrorist attack that killed 145 concert-goers near Moscow (145 concert-goers: one source)"
    bare = [w.split(" (")[0] if c else w for w, c in zip(run.what, run.caveats)]
    assert all(len(w.rstrip("…").split()) <= timeline.LABEL_WORDS[1] for w in bare)
    events = timeline.run_up_events(run)
    assert list(events.columns) == ["date", "event", "sources", "derivative_only"] and len(events) == len(run)


def test_run_up_caveats_on_the_seeds():
    """Read by hand: the Conversation (its date estimated, April 2024) calls the Kazan forum of May upcoming and
    gives it no year; its 'currently considering' is dated by its estimated publication month; OSW (undated)
    gives the delisting and the recognition as 'In April' and 'On 3 July'; the CSM (dated 13 June 2024) dates
    the St Petersburg forum itself, and its ministries' lobbying only by its own day."""
    seeds = load_corpus()
    run = timeline.run_up(seeds)
    caveats = {(s, int(p)): c for s, p, c in zip(run.source_id, run.paragraph, run.caveats)}
    assert caveats[("conversation-2024-04", 2)] == "still to come when reported; year inferred"
    assert caveats[("conversation-2024-04", 1)] == "date estimated"
    # the CSM's lobbying has no date of its own: it is dated by the report (13 June 2024), and says so
    assert caveats[("csm-2024-06-13", 15)] == "the report's date" and caveats[("csm-2024-06-13", 5)] == ""
    assert timeline.years_inferred(seeds, run)


def test_the_run_up_leaves_out_the_figures_of_the_economic_stake():
    """On the seeds (read by hand): OSW ¶8 dates its trade (2024), aid (2022 to 2024) and labour figures; they
    measure a period and are no step of the run-up, which keeps the attack that killed 145 (no stake)."""
    seeds = load_corpus()
    stats = timeline.statistic_sentences(seeds)
    assert {(s, p) for s, p, _ in stats} == {("osw-2025-07", 8)} and len(stats) == 3
    run = timeline.run_up(seeds)
    assert not run.text.str.contains("300 million|50,000 people|100 Afghans").any()
    assert run.text.str.contains("145 concert-goers").any()


def test_why_now_on_the_seeds():
    why = analysis_timeline.why_now(load_corpus())
    assert why["failures"] == [] and why["delisting"] == "2025-04" and why["discussion_began"] == "2020"
    assert why["legal_sources"] == ["osw-2025-07"] and 50 < why["motive_share_before"] <= 100


def test_reported_steps_are_news_of_their_day_before_the_act():
    """On the seeds (read by hand): three sources written before the delisting (April 2025) report it on its
    way with no date of their own (the Conversation, April 2024: considered; the CSM, 13 June 2024: two
    ministries lobbying; Odri, October 2024: an intention announced), one row each, dated by publication;
    the OSW analysis, written after it, is left out; the run-up shows each of them."""
    seeds = load_corpus()
    steps = timeline.reported_steps(seeds)
    assert list(zip(steps.source_id, steps.date, steps.paragraph)) == [
        ("conversation-2024-04", "2024-04", 1), ("csm-2024-06-13", "2024-06-13", 15), ("odri-2024-10", "2024-10", 1)]
    run = timeline.run_up(seeds)
    shown = set(zip(run.source_id, run.paragraph))
    assert all((s, p) in shown for s, p in zip(steps.source_id, steps.paragraph))
    assert list(run.date) == sorted(run.date)


def test_no_reported_steps_without_prospective_statements(fixture_corpus):
    assert timeline.reported_steps(fixture_corpus).empty
