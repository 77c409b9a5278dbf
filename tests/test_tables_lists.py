"""report/tables/lists.py (the evidence lists several pages show, each row linked to its paragraph) on
fixtures with hand-counted answers:

- tests/fixtures/corpus/ (alpha, beta, gamma): beta's body is 5 sentences (paragraphs 1 to 3); three
  motive claims, one a sentence: alpha 8.1 "“We deal with reality." (pragmatism, in Sergey Lavrov's
  words), beta 1.1 "... a pragmatic turn" (pragmatism, the author's words), gamma 2.1 "Moscow sees
  Afghanistan as a transit hub." (economic, the author's words);
- tests/fixtures/tables/actors/: a3 6 is a quotation with no speaker that is a security motive claim;
- tests/fixtures/tables/path/ (t1 Fixture Wire, t2 Fixture Blog, t3 Fixture Institute): t3 denies that
  Russia or any country recognises the Taliban, t1 and t2 affirm that Russia does.
"""

import html
from pathlib import Path

import pandas as pd
import pytest

from report import load_corpus
from report.analysis import door
from report.analysis import statements as analysis_statements
from report.publish.provenance import EvidenceTable
from report.tables import lists

FIXTURES = Path(__file__).parent / "fixtures"
ALPHA, BETA, GAMMA = "alpha-2024-03-03", "beta-2024", "gamma-2025-07"
A3 = "a3-2025-01"
T1, T2, T3 = "t1-2025-07-05", "t2-2025-07-20", "t3-2024-05"


@pytest.fixture(scope="module")
def corpus(fixture_dir):
    return load_corpus(fixture_dir)


@pytest.fixture(scope="module")
def path():
    return load_corpus(FIXTURES / "tables" / "path")


def test_passages_link_each_row_to_its_paragraph(corpus):
    body = door.body_sentences(corpus)
    shown = lists.passages(body[body.source_id == BETA], ["sentence", "text"])
    assert isinstance(shown, EvidenceTable) and len(shown) == 5
    assert shown.columns == ["sentence", "text"]
    assert list(shown.df.index) == list(range(5))  # the index is reset
    page = shown._repr_html_()
    assert page.count('class="provenance"') == 5
    assert 'href="appendix_sources.html#src-beta-2024-p2"' in page
    assert html.escape("Kabul welcomed the move.") in page
    assert "<th>source</th><th>sentence</th><th>text</th>" in page  # the link column comes first


def test_passages_of_an_empty_frame_is_an_empty_table():
    empty = pd.DataFrame(columns=["source_id", "paragraph", "text"])
    shown = lists.passages(empty, ["text"])
    assert len(shown) == 0 and "<tbody></tbody>" in shown._repr_html_()


def test_claims_list_shows_categories_only_for_all_of_them(corpus):
    every = lists.claims_list(corpus)
    assert isinstance(every, EvidenceTable) and every.columns == ["categories", "who", "text"]
    # the author's own words are shown as "the author"
    assert list(zip(every.df.source_id, every.df.paragraph, every.df.categories, every.df.who)) == [
        (BETA, 1, "dealing with reality", "the author"),
        (ALPHA, 8, "dealing with reality", "Sergey Lavrov"),
        (GAMMA, 2, "trade, transit and economic stakes", "the author"),
    ]
    one = lists.claims_list(corpus, "pragmatism")
    assert one.columns == ["who", "text"]
    assert list(zip(one.df.source_id, one.df.who, one.df.text)) == [
        (BETA, "the author", "Russia and the Taliban: a pragmatic turn"), (ALPHA, "Sergey Lavrov", "“We deal with reality.")]
    assert 'href="appendix_sources.html#src-alpha-2024-03-03-p8"' in one._repr_html_()
    assert len(lists.claims_list(corpus, kind="risk")) == 0


def test_quotations_list(corpus):
    t = lists.quotations_list(corpus, "pragmatism")
    assert isinstance(t, EvidenceTable) and t.columns == ["speaker", "quote", "note"]
    assert list(zip(t.df.source_id, t.df.paragraph, t.df.speaker)) == [(ALPHA, 8, "Sergey Lavrov")]
    assert list(t.df.note) == [""]  # a primary source's quotation is not flagged
    assert len(lists.quotations_list(corpus, None, kind="risk")) == 0


def test_a_derivative_quotation_with_no_venue_is_flagged():
    """Stratheia (derivative) quotes China's envoy with no venue, and no other seed gives his words."""
    q = lists.quotations_list(load_corpus(), "china")
    flagged = q.df[q.df.note == lists.UNCONFIRMED["unconfirmed_quote"]]
    assert list(zip(flagged.source_id, flagged.paragraph)) == [("stratheia-2025-07", 8)]


def test_a_derivative_quotation_with_a_venue_is_flagged_too():
    """Stratheia (derivative, naming no original) dates Kabulov's words to March 2024 (coded with a venue);
    no other seed gives them: flagged as given only by a derivative source."""
    q = lists.quotations_list(load_corpus(), "pragmatism")
    flagged = q.df[q.df.note == lists.UNCONFIRMED["unconfirmed_dated_quote"]]
    assert ("stratheia-2025-07", 3, "Zamir Kabulov") in set(zip(flagged.source_id, flagged.paragraph, flagged.speaker))


def test_a_quotation_with_no_speaker_is_shown_as_not_named():
    t = lists.quotations_list(load_corpus(FIXTURES / "tables" / "actors"), "security")
    assert list(zip(t.df.source_id, t.df.paragraph, t.df.speaker)) == [(A3, 6, "not named")]


def test_statements_list_oldest_source_first(path):
    t = lists.statements_list(path, ["recognises"])
    assert isinstance(t, EvidenceTable) and t.columns == ["statement", "date", "text"]
    assert list(zip(t.df.source_id, t.df.statement, t.df.date)) == [
        (T3, "Russia · recognises · denied", "2024-05"), (T3, "Any country · recognises · denied", "2024-05"),
        (T1, "Russia · recognises · affirmed", "2025-07-03"), (T2, "Russia · recognises · affirmed", "2025-06-03")]
    assert len(lists.statements_list(path, ["recognises"], ["affirmed"])) == 2


def test_outlets_in_words(path):
    assert lists.outlets(path, [T1, T2]) == "Fixture Wire and Fixture Blog"
    assert lists.outlets(path, [T3, T1, T2]) == "Fixture Institute, Fixture Wire and Fixture Blog"
    assert lists.outlets(path, [T3]) == "Fixture Institute" and lists.outlets(path, []) == ""


def test_others_moving_phrase_flags_what_only_derivative_sources_give():
    """On the seeds, only a derivative source (odri-2024-10) reports the neighbours' delistings; a primary
    source (osw-2025-07) reports the envoys China and the UAE accepted: the first phrase is flagged, the
    second is not."""
    seeds = load_corpus()
    assert lists.others_moving_phrase(seeds, "delisting").endswith(f"({lists.DERIVATIVE_ONLY[1]})")
    assert "(" not in lists.others_moving_phrase(seeds, "envoy")
    assert analysis_statements.others_moving_sources(seeds)["delisting"] == ["odri-2024-10"]


def test_derivative_flag_only_when_every_source_is_derivative():
    seeds = load_corpus()
    assert lists.derivative_flag(seeds, ["stratheia-2025-07"]) == f" ({lists.DERIVATIVE_ONLY[1]})"
    assert lists.derivative_flag(seeds, ["stratheia-2025-07", "odri-2024-10"]) == f" ({lists.DERIVATIVE_ONLY[2]})"
    assert lists.derivative_flag(seeds, ["stratheia-2025-07", "osw-2025-07"]) == ""
    assert lists.derivative_flag(seeds, []) == ""


def test_voiced_names_the_speaker_quoted_or_else_the_outlet():
    """A sentence inside a quotation is voiced by its speaker, quoted by the outlet; one outside any
    quotation by the outlet alone (fixture: tests/fixtures/tables/actors/, a2's Karen Decker)."""
    actors = load_corpus(Path(__file__).parent / "fixtures" / "tables" / "actors")
    q = actors.sentences
    inside = q[(q.source_id == "a2-2024-09") & q.text.str.contains("recognise")].head(1)
    outside = q[(q.source_id == "a1-2024-03")].head(1)
    assert lists.voiced(actors, inside) == "Karen Decker, quoted by Fixture Institute"
    assert lists.voiced(actors, outside) == "Fixture Wire"
    assert lists.voiced(actors, pd.concat([outside, inside])) == "Fixture Wire and Karen Decker, quoted by Fixture Institute"


def test_a_risk_to_a_step_since_taken_is_flagged_where_it_is_shown():
    """On the seeds (read by hand): the CSM (13 June 2024) calls the Taliban's terrorist links 'still a potential
    obstacle to Russian recognition', a step taken on 3 July 2025; the risk list says so. A motive list does not
    carry the note (a reason to take a step is no less a reason once it is taken)."""
    seeds = load_corpus()
    risk = lists.claims_list(seeds, kind="risk").df
    note = risk.set_index(["source_id", "paragraph"]).note
    assert note[("csm-2024-06-13", 22)] == (f"{lists.STEP_TAKEN}: Russia recognises the Taliban government, 3 July 2025")
    motive = lists.claims_list(seeds).df
    assert not motive.get("note", pd.Series(dtype=str)).fillna("").str.startswith(lists.STEP_TAKEN).any()


def test_outlets_in_source_order():
    """The seeds' oldest source is the Conversation (April 2024), then the Monitor (June 2024)."""
    seeds = load_corpus()
    assert lists.ordered_outlets(seeds, ["csm-2024-06-13", "conversation-2024-04"]) == (
        "The Conversation and The Christian Science Monitor")
    assert lists.ordered_outlets(seeds, []) == ""
