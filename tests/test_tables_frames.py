"""report/tables/frames.py (the helpers every chapter table module shares) on the fixture corpus
tests/fixtures/corpus/ (alpha, beta, gamma), with answers counted by hand from the three texts and
tests/fixtures/expected.yml (and tests/fixtures/reading/ for the order of four sources).

Hand counts used below:
- publication dates: beta 2024, alpha 2024-03-03, gamma 2025-07, so oldest first is beta, alpha, gamma;
- body sentences (expected.yml): alpha 8 (paragraphs 1, 5, 8, 9), beta 5 (1, 2, 3), gamma 3 (2, 3);
- theme codes of the body sentences: alpha 5.2 "The U.S. objected." (western_divergence/west) and
  9.1 "... expand trade ..." (trade_transit/trade); beta 3.2 "He says the U.S. will not follow."
  (western_divergence/west); gamma 2.1 "... a transit hub." (trade_transit/transit), 2.2 "Trade
  reached ..." (trade_transit/trade) and 3.1 "Beijing is watching." (china_alignment/china): 6 rows.
"""

import html

import pandas as pd
import pytest
import yaml

from report import load_corpus
from report.paths import ROOT
from report.publish.provenance import EvidenceTable
from report.tables import frames

ALPHA, BETA, GAMMA = "alpha-2024-03-03", "beta-2024", "gamma-2025-07"


@pytest.fixture(scope="module")
def corpus(fixture_dir):
    return load_corpus(fixture_dir)


def test_evidence_returns_every_evidence_table_once(corpus):
    ev = frames.evidence(corpus)
    assert list(ev) == ["events", "quotes", "numbers", "mentions", "codes", "statements", "claims"]
    assert frames.evidence(corpus) is ev  # memoised per corpus: every chapter table reads the same frames
    # one statement in the whole corpus: beta 2.1 "Russia removed the Taliban from its list in April."
    st = ev["statements"]
    assert list(zip(st.source_id, st.paragraph, st.actor_id, st.act, st.polarity)) == [
        (BETA, 2, "russia", "delists", "affirmed")]


def test_source_order_is_oldest_first(corpus):
    assert frames.source_order(corpus) == [BETA, ALPHA, GAMMA]
    assert frames.source_order(load_corpus(ROOT / "tests" / "fixtures" / "reading")) == [
        "r1-2024-01", "r2-2024-06", "r3-2024-07", "r4-2024-08"]


def test_body_sentences_leave_out_boilerplate(corpus, expected):
    body = frames.body_sentences(corpus)
    assert list(body.columns) == ["source_id", "paragraph", "sentence", "text"]
    counts = body.groupby("source_id").size().to_dict()
    assert counts == {sid: e["body_sentences"] for sid, e in expected.items()} == {ALPHA: 8, BETA: 5, GAMMA: 3}
    # alpha's body paragraphs are 1, 5, 8 and 9; its caption, credit, dateline, box, framing and footer are out
    assert sorted(set(body[body.source_id == ALPHA].paragraph)) == [1, 5, 8, 9]
    assert sorted(set(body[body.source_id == GAMMA].paragraph)) == [2, 3]
    assert "Comments are closed." not in set(body.text)
    row = body[(body.source_id == ALPHA) & (body.paragraph == 5) & (body.sentence == 2)]
    assert row.text.tolist() == ["The U.S. objected."]
    assert frames.body_sentences(corpus).equals(body)


def test_codes_of_all_themes_and_one(corpus):
    every = frames.codes_of(corpus)
    assert len(every) == 6
    assert sorted(zip(every.source_id, every.paragraph, every.sentence, every.theme, every.code)) == sorted([
        (ALPHA, 5, 2, "western_divergence", "west"), (ALPHA, 9, 1, "trade_transit", "trade"),
        (BETA, 3, 2, "western_divergence", "west"),
        (GAMMA, 2, 1, "trade_transit", "transit"), (GAMMA, 2, 2, "trade_transit", "trade"),
        (GAMMA, 3, 1, "china_alignment", "china")])
    trade = frames.codes_of(corpus, "trade_transit")
    assert set(trade.theme) == {"trade_transit"} and len(trade) == 3
    assert frames.codes_of(corpus, "risks").empty


def test_code_counts_by_source_oldest_first_in_codebook_order(corpus):
    themes = yaml.safe_load((ROOT / "report" / "codebook" / "themes.yml").read_text(encoding="utf-8"))["themes"]
    counts = frames.code_counts(corpus, "trade_transit")
    assert list(counts.index) == list(themes["trade_transit"]["codes"]) == ["trade", "transit", "resources",
                                                                             "labour", "aid"]
    assert counts.index.name == "code"
    assert list(counts.columns) == [BETA, ALPHA, GAMMA, "total"]
    assert counts.loc["trade"].tolist() == [0, 1, 1, 2]
    assert counts.loc["transit"].tolist() == [0, 0, 1, 1]
    assert counts.loc[["resources", "labour", "aid"]].to_numpy().sum() == 0
    west = frames.code_counts(corpus, "western_divergence")
    assert west.loc["west"].tolist() == [1, 1, 0, 2]
    assert west["total"].sum() == 2  # sanctions, conditions and recognition never fire, kept with zeros
    assert frames.code_counts(corpus, "trade_transit").equals(counts)


def test_passages_link_each_row_to_its_paragraph(corpus):
    body = frames.body_sentences(corpus)
    shown = frames.passages(body[body.source_id == BETA], ["sentence", "text"])
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
    shown = frames.passages(empty, ["text"])
    assert len(shown) == 0 and "<tbody></tbody>" in shown._repr_html_()
