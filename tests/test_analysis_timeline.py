"""report/analysis/timeline.py (dated mentions and their signals, date disagreements and disputes with
the version adopted, the acts the sources affirm merged into events, the path to recognition) on
fixtures, with answers counted by hand from the texts:

- tests/fixtures/corpus/ (alpha, beta, gamma): three dated body sentences, no disagreement; beta 2.1
  "Russia removed the Taliban from its list in April." dates its own act (April 2024);
- tests/fixtures/tables/path/ (t1 primary on the record, t2 its derivative, t3 primary partly attributed):
  t1 (published 2025-07-05) dates Russia's listing February 2003, a Taliban delegation 20 September 2021,
  the delisting April 2025, the recognition and the accepted credentials 3 July 2025 (two paragraphs)
  and trade "in 2024"; t2 (2025-07-20) dates the recognition 3 June 2025 ("the first country to
  recognise") and the delisting April 2025; t3 (2024-05) gives no date and denies any recognition;
- tests/fixtures/reading/ and tests/fixtures/tables/actors/: Russia recognises the Taliban (r1, a3) in
  sentences that give no date;
- a corpus of two sources written below into a temporary folder, for the event kinds a dated sentence
  takes from the next one;
- the seeds, for the adopted date of the recognition.

The signals of a dated sentence are the actors it names beyond Russia, the Taliban and Afghanistan
(analysis.yml common_actors), its theme codes, and the event kinds (analysis.yml event_kinds, named by
their act ids) firing in it or the next sentence of its paragraph.
"""

from pathlib import Path

import pytest
import yaml

from report import load_corpus
from report.analysis import timeline
from report.codebook import load

FIXTURES = Path(__file__).parent / "fixtures"
T1, T2, T3 = "t1-2025-07-05", "t2-2025-07-20", "t3-2024-05"
ALPHA, BETA, GAMMA = "alpha-2024-03-03", "beta-2024", "gamma-2025-07"
PRIMARY_RULE = "a primary source gives the version adopted, only derivative ones the other"
DATED_COLUMNS = ["source_id", "paragraph", "sentence", "char_start", "date_text", "date", "date_end", "precision",
                 "text", "published", "actors", "codes", "kinds"]
DISAGREEMENT_COLUMNS = ["source_a", "paragraph_a", "date_a", "text_a", "source_b", "paragraph_b", "date_b", "text_b",
                        "shared"]
DISPUTE_COLUMNS = ["event", "date", "source_id", "paragraph", "text", "sources", "adopted", "rule"]
EVENT_COLUMNS = ["date", "actor", "act", "event", "sources", "source_ids", "source_id", "paragraph", "text"]
RECOGNITION = "western_divergence.recognition"
TERRORISM = "security.terrorism"


@pytest.fixture(scope="module")
def fixture_corpus():
    return load_corpus(FIXTURES / "corpus")


@pytest.fixture(scope="module")
def path():
    return load_corpus(FIXTURES / "tables" / "path")


@pytest.fixture(scope="module")
def small():
    return load_corpus(FIXTURES / "reading")


@pytest.fixture(scope="module")
def actors():
    return load_corpus(FIXTURES / "tables" / "actors")


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
def next_sentence(tmp_path_factory):
    """n1 dates the accepted credentials 3 July 2025 and says in the next sentence that Russia thereby
    recognised the Taliban; n2 dates the recognition itself 3 June 2025."""
    return load_corpus(_write_corpus(tmp_path_factory.mktemp("next") / "corpus", {
        "n1-2025-07": ("2025-07", "On 3 July 2025, Russia accepted the credentials of the Taliban ambassador. "
                                  "With this act, Russia became the first country to recognise the Taliban.\n"),
        "n2-2025-08": ("2025-08", "On 3 June 2025, Russia officially recognised the Taliban government.\n"),
    }))


def _signals(df):
    return sorted((r.source_id, r.paragraph, r.sentence, r.date_text, r.date, r.date_end, r.precision, r.published,
                   r.actors, r.codes, r.kinds) for r in df.itertuples())


# ---------------------------------------------------------------------------------------------
# dated_mentions
# ---------------------------------------------------------------------------------------------

def test_dated_events_of_the_fixture_corpus(fixture_corpus):
    ev = timeline.dated_mentions(fixture_corpus)
    assert list(ev.columns) == DATED_COLUMNS
    f = frozenset
    assert _signals(ev) == sorted([
        # "Mr. Lavrov met the envoy in St. Petersburg on Sept. 3." (published 2024-03-03: the last 3 September)
        (ALPHA, 5, 1, "Sept. 3", "2023-09-03", "", "day", "2024-03-03", f({"sergey-lavrov", "st-petersburg"}), f(),
         f()),
        # "Russia removed the Taliban from its list in April." (Russia and the Taliban are common actors)
        (BETA, 2, 1, "April", "2024-04", "", "month", "2024", f(), f(), f({"delists"})),
        # "Trade reached $300 million in 2024."
        (GAMMA, 2, 2, "2024", "2024", "", "year", "2025-07", f(), f({"trade_transit.trade"}), f()),
    ])
    # the dates of the caption and the dateline (boilerplate) are not among them
    assert "March 3, 2024" not in set(ev.date_text)


def test_dated_events_of_the_path_corpus(path):
    ev = timeline.dated_mentions(path)
    f = frozenset
    assert _signals(ev) == sorted([
        (T1, 1, 1, "February 2003", "2003-02", "", "month", "2025-07-05", f(), f({TERRORISM, RECOGNITION}), f()),
        (T1, 2, 1, "20 September 2021", "2021-09-20", "", "day", "2025-07-05", f(), f(), f()),
        (T1, 3, 1, "April 2025", "2025-04", "", "month", "2025-07-05", f(), f({TERRORISM, RECOGNITION}),
         f({"delists"})),
        (T1, 4, 1, "3 July 2025", "2025-07-03", "", "day", "2025-07-05", f(), f({RECOGNITION}), f({"recognises"})),
        (T1, 5, 1, "3 July 2025", "2025-07-03", "", "day", "2025-07-05", f(), f({RECOGNITION}),
         f({"accepts_envoy"})),
        (T1, 6, 1, "2024", "2024", "", "year", "2025-07-05", f(), f({"trade_transit.trade"}), f()),
        (T2, 1, 1, "3 June 2025", "2025-06-03", "", "day", "2025-07-20", f(), f({RECOGNITION}), f({"recognises"})),
        (T2, 2, 1, "April 2025", "2025-04", "", "month", "2025-07-20", f(), f({TERRORISM, RECOGNITION}),
         f({"delists"})),
    ])
    assert set(ev.text[ev.source_id == T1]) >= {"On 3 July 2025, Russia officially recognised the Taliban government."}


def test_a_dated_sentence_takes_the_event_kinds_of_the_next_one(next_sentence):
    ev = timeline.dated_mentions(next_sentence)
    n1 = ev[ev.source_id == "n1-2025-07"]
    assert len(n1) == 1 and n1.sentence.tolist() == [1]
    assert n1.kinds.iloc[0] == frozenset({"accepts_envoy", "recognises"})


# ---------------------------------------------------------------------------------------------
# date_disagreements
# ---------------------------------------------------------------------------------------------

def test_date_disagreements_pair_two_sources_that_date_one_event_differently(path):
    d = timeline.date_disagreements(path)
    assert list(d.columns) == DISAGREEMENT_COLUMNS
    # 3 July against 3 June 2025 (30 days, within the window of 62), both of kind recognises; t1's
    # credentials (accepts_envoy) share no kind with t2's recognition, and both sources give April 2025
    assert d.to_dict("records") == [{
        "source_a": T1, "paragraph_a": 4, "date_a": "2025-07-03",
        "text_a": "On 3 July 2025, Russia officially recognised the Taliban government.",
        "source_b": T2, "paragraph_b": 1, "date_b": "2025-06-03",
        "text_b": "On 3 June 2025, Russia became the first country to recognise the Taliban.",
        "shared": "recognises"}]


def test_no_disagreement_in_the_fixture_corpus(fixture_corpus):
    # Sept. 3 2023 (no event kind) and April 2024 (delists) are seven months apart
    d = timeline.date_disagreements(fixture_corpus)
    assert d.empty and list(d.columns) == DISAGREEMENT_COLUMNS


def test_a_disagreement_can_rest_on_the_kind_of_the_next_sentence(next_sentence):
    d = timeline.date_disagreements(next_sentence)
    assert list(zip(d.source_a, d.date_a, d.source_b, d.date_b, d.shared)) == [
        ("n1-2025-07", "2025-07-03", "n2-2025-08", "2025-06-03", "recognises")]


# ---------------------------------------------------------------------------------------------
# date_disputes and adopted_date
# ---------------------------------------------------------------------------------------------

def test_date_disputes_adopt_the_primary_version(path):
    assert PRIMARY_RULE in [r["label"] for r in load("reading")["adoption_rules"]]
    d = timeline.date_disputes(path)
    assert list(d.columns) == DISPUTE_COLUMNS
    # one version each (corroboration ties), t1 is primary and t2 derivative: the primary rule decides
    assert list(zip(d.event, d.date, d.source_id, d.paragraph, d.sources, d.adopted, d.rule)) == [
        ("recognises", "2025-06-03", T2, 1, 1, False, PRIMARY_RULE),
        ("recognises", "2025-07-03", T1, 4, 1, True, PRIMARY_RULE),
    ]
    assert timeline.adopted_date(path, "recognises") == {"date": "2025-07-03", "rule": PRIMARY_RULE, "sources": [T1],
                                                         "rejected": ["2025-06-03"], "rejected_sources": [T2]}
    assert timeline.adopted_date(path, "delists") is None  # both give April 2025


def test_no_date_dispute_without_dated_events(small):
    d = timeline.date_disputes(small)
    assert d.empty and list(d.columns) == DISPUTE_COLUMNS
    assert timeline.adopted_date(small, "recognises") is None


def test_the_seeds_recognition_date_is_adopted_because_its_source_is_primary():
    """OSW (primary) against Stratheia (derivative of reports it does not name): the primary-source test
    comes first, so the label does not read "more independent sources" for one source against one."""
    adopted = timeline.adopted_date(load_corpus(), "recognises")
    assert adopted["date"] == "2025-07-03" and adopted["sources"] == ["osw-2025-07"]
    assert adopted["rejected"] == ["2025-06-03"] and adopted["rejected_sources"] == ["stratheia-2025-07"]
    assert adopted["rule"] == PRIMARY_RULE


# ---------------------------------------------------------------------------------------------
# events and recognition_path
# ---------------------------------------------------------------------------------------------

def test_events_are_dated_affirmed_statements(path):
    e = timeline.dated_acts(path)
    assert list(e.columns) == EVENT_COLUMNS
    assert list(zip(e.date, e.actor, e.act, e.event, e.sources, e.source_ids, e.source_id, e.paragraph)) == [
        ("2003-02", "Russia", "lists", "Russia designates the Taliban terrorist", 1, T1, T1, 1),
        ("2021-09-20", "Russia", "engages", "Russia engages with the Taliban", 1, T1, T1, 2),
        ("2025-04", "Russia", "delists", "Russia removes the Taliban from a terrorist list", 2, f"{T1}, {T2}", T1, 3),
        ("2025-07-03", "Russia", "accepts_envoy", "Russia accepts or accredits a Taliban envoy", 1, T1, T1, 5),
        # t2's 3 June 2025, the version set aside, is no event
        ("2025-07-03", "Russia", "recognises", "Russia recognises the Taliban government", 1, T1, T1, 4),
    ]
    assert e.text.iloc[4] == "On 3 July 2025, Russia officially recognised the Taliban government."


def test_events_of_a_corpus_without_a_date_dispute(fixture_corpus):
    # beta 2.1 "Russia removed the Taliban from its list in April." dates its own act (April 2024)
    e = timeline.dated_acts(fixture_corpus)
    assert list(zip(e.date, e.actor, e.act, e.event, e.sources, e.source_ids, e.source_id, e.paragraph)) == [
        ("2024-04", "Russia", "delists", "Russia removes the Taliban from a terrorist list", 1, BETA, BETA, 2)]


@pytest.mark.parametrize("name", ["small", "actors"])
def test_a_statement_dated_only_by_its_publication_is_no_event(name, request):
    # Russia recognises the Taliban in r1 and a3, in sentences that give no date
    e = timeline.dated_acts(request.getfixturevalue(name))
    assert e.empty and list(e.columns) == EVENT_COLUMNS


def test_recognition_path(path):
    p = timeline.recognition_path(path)
    assert p == {"listing": "2003-02", "engagement": "2021-09-20", "delisting": "2025-04",
                 "recognition": "2025-07-03", "envoy": "2025-07-03", "ordered": True, "same_day_as_envoy": True,
                 "adopted": {"date": "2025-07-03", "rule": PRIMARY_RULE, "sources": [T1], "rejected": ["2025-06-03"],
                             "rejected_sources": [T2]}}


def test_recognition_path_without_events(small):
    p = timeline.recognition_path(small)
    steps = ("listing", "engagement", "delisting", "recognition", "envoy", "adopted")
    assert {k: p[k] for k in steps} == dict.fromkeys(steps)
    assert p["ordered"] is False and p["same_day_as_envoy"] is False


def test_the_tests_of_a_date_dispute_are_told_in_order():
    assert timeline.adoption_order() == ("a primary source against derivative ones only, then more independent sources, "
                                         "then the better grade")
