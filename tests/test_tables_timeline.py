"""report/tables/timeline.py (chapter 2: dated mentions, milestones, date disagreements, claims true
at their date) on three fixtures, with answers counted by hand from the texts:

- tests/fixtures/corpus/ (alpha, beta, gamma): three dated body sentences, no disagreement;
- tests/fixtures/tables/path/ (t1, t2, t3): t1 (published 2025-07-05) dates Russia's listing February
  2003, a Taliban delegation 20 September 2021, the delisting April 2025, the recognition and the
  accepted credentials 3 July 2025 (two paragraphs) and trade "in 2024"; t2 (2025-07-20) dates the
  recognition 3 June 2025 ("the first country to recognise") and the delisting April 2025; t3
  (2024-05) gives no date and says "No country has recognised the Taliban.";
- tests/fixtures/hardcases/ (one article whose dates expected.yml lists by hand), for date ranges;
- two corpora of two sources written below into a temporary folder, for the merge rule of vague
  mentions and for the event kinds a dated sentence takes from the next one.

The signals of a dated sentence are the actors it names beyond Russia, the Taliban and Afghanistan
(analysis.yml common_actors), its theme codes, and the event kinds (analysis.yml stances recognises,
accepted_envoy, delisted) firing in it or the next sentence of its paragraph.
"""

from pathlib import Path

import pytest
import yaml

from report import load_corpus
from report.tables import timeline

FIXTURES = Path(__file__).parent / "fixtures"
T1, T2, T3 = "t1-2025-07-05", "t2-2025-07-20", "t3-2024-05"
ALPHA, BETA, GAMMA = "alpha-2024-03-03", "beta-2024", "gamma-2025-07"
EVENT_COLUMNS = ["source_id", "paragraph", "sentence", "char_start", "date_text", "date", "date_end", "precision",
                 "text", "published", "actors", "codes", "kinds"]
MILESTONE_COLUMNS = ["date", "date_end", "precision", "sources", "source_ids", "actors", "source_id", "paragraph",
                     "text", "when"]
DISAGREEMENT_COLUMNS = ["source_a", "paragraph_a", "date_a", "text_a", "source_b", "paragraph_b", "date_b", "text_b",
                        "shared"]
RECOGNITION = "western_divergence.recognition"
TERRORISM = "security.terrorism"


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
# dated_events
# ---------------------------------------------------------------------------------------------

def test_dated_events_of_the_fixture_corpus(fixture_corpus):
    ev = timeline.dated_events(fixture_corpus)
    assert list(ev.columns) == EVENT_COLUMNS
    f = frozenset
    assert _signals(ev) == sorted([
        # "Mr. Lavrov met the envoy in St. Petersburg on Sept. 3." (published 2024-03-03: the last 3 September)
        (ALPHA, 5, 1, "Sept. 3", "2023-09-03", "", "day", "2024-03-03", f({"sergey-lavrov", "st-petersburg"}), f(),
         f()),
        # "Russia removed the Taliban from its list in April." (Russia and the Taliban are common actors)
        (BETA, 2, 1, "April", "2024-04", "", "month", "2024", f(), f(), f({"delisted"})),
        # "Trade reached $300 million in 2024."
        (GAMMA, 2, 2, "2024", "2024", "", "year", "2025-07", f(), f({"trade_transit.trade"}), f()),
    ])
    # the dates of the caption and the dateline (boilerplate) are not among them
    assert "March 3, 2024" not in set(ev.date_text)


def test_dated_events_of_the_path_corpus(path):
    ev = timeline.dated_events(path)
    f = frozenset
    assert _signals(ev) == sorted([
        (T1, 1, 1, "February 2003", "2003-02", "", "month", "2025-07-05", f(), f({TERRORISM, RECOGNITION}), f()),
        (T1, 2, 1, "20 September 2021", "2021-09-20", "", "day", "2025-07-05", f(), f(), f()),
        (T1, 3, 1, "April 2025", "2025-04", "", "month", "2025-07-05", f(), f({TERRORISM, RECOGNITION}),
         f({"delisted"})),
        (T1, 4, 1, "3 July 2025", "2025-07-03", "", "day", "2025-07-05", f(), f({RECOGNITION}), f({"recognises"})),
        (T1, 5, 1, "3 July 2025", "2025-07-03", "", "day", "2025-07-05", f(), f({RECOGNITION}),
         f({"accepted_envoy"})),
        (T1, 6, 1, "2024", "2024", "", "year", "2025-07-05", f(), f({"trade_transit.trade"}), f()),
        (T2, 1, 1, "3 June 2025", "2025-06-03", "", "day", "2025-07-20", f(), f({RECOGNITION}), f({"recognises"})),
        (T2, 2, 1, "April 2025", "2025-04", "", "month", "2025-07-20", f(), f({TERRORISM, RECOGNITION}),
         f({"delisted"})),
    ])
    assert set(ev.text[ev.source_id == T1]) >= {"On 3 July 2025, Russia officially recognised the Taliban government."}
    assert timeline.dated_events(path).equals(ev)


def test_a_dated_sentence_takes_the_event_kinds_of_the_next_one(next_sentence):
    ev = timeline.dated_events(next_sentence)
    n1 = ev[ev.source_id == "n1-2025-07"]
    assert len(n1) == 1 and n1.sentence.tolist() == [1]
    assert n1.kinds.iloc[0] == frozenset({"accepted_envoy", "recognises"})


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
    assert timeline.milestones(path).equals(m)


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
# date_disagreements
# ---------------------------------------------------------------------------------------------

def test_date_disagreements_pair_two_sources_that_date_one_event_differently(path):
    d = timeline.date_disagreements(path)
    assert list(d.columns) == DISAGREEMENT_COLUMNS
    # 3 July against 3 June 2025 (30 days, within the window of 62), both of kind recognises; t1's
    # credentials (accepted_envoy) share no kind with t2's recognition, and both sources give April 2025
    assert d.to_dict("records") == [{
        "source_a": T1, "paragraph_a": 4, "date_a": "2025-07-03",
        "text_a": "On 3 July 2025, Russia officially recognised the Taliban government.",
        "source_b": T2, "paragraph_b": 1, "date_b": "2025-06-03",
        "text_b": "On 3 June 2025, Russia became the first country to recognise the Taliban.",
        "shared": "recognises"}]
    assert timeline.date_disagreements(path).equals(d)


def test_no_disagreement_in_the_fixture_corpus(fixture_corpus):
    # Sept. 3 2023 (no event kind) and April 2024 (delisted) are seven months apart
    d = timeline.date_disagreements(fixture_corpus)
    assert d.empty and list(d.columns) == DISAGREEMENT_COLUMNS


def test_a_disagreement_can_rest_on_the_kind_of_the_next_sentence(next_sentence):
    d = timeline.date_disagreements(next_sentence)
    assert list(zip(d.source_a, d.date_a, d.source_b, d.date_b, d.shared)) == [
        ("n1-2025-07", "2025-07-03", "n2-2025-08", "2025-06-03", "recognises")]


# ---------------------------------------------------------------------------------------------
# recognition_claims
# ---------------------------------------------------------------------------------------------

def test_recognition_claims_by_publication_date(path):
    labels = yaml.safe_load((Path(__file__).parents[1] / "report" / "codebook" / "analysis.yml").read_text(
        encoding="utf-8"))["recognition_claims"]
    c = timeline.recognition_claims(path)
    assert list(c.columns) == ["published", "source_id", "paragraph", "claim", "matched", "text"]
    assert c.to_dict("records") == [
        {"published": "2024-05", "source_id": T3, "paragraph": 1, "claim": labels["nobody_recognises"]["label"],
         "matched": "No country", "text": "No country has recognised the Taliban."},
        {"published": "2025-07-20", "source_id": T2, "paragraph": 1, "claim": labels["russia_first"]["label"],
         "matched": "first country",
         "text": "On 3 June 2025, Russia became the first country to recognise the Taliban."},
    ]
    assert c.claim.tolist() == ["No state recognises the Taliban", "Russia is the first state to recognise"]
    assert timeline.recognition_claims(path).equals(c)


def test_no_recognition_claim_in_the_fixture_corpus(fixture_corpus):
    c = timeline.recognition_claims(fixture_corpus)
    assert c.empty and list(c.columns) == ["published", "source_id", "paragraph", "claim", "matched", "text"]
