"""report/analysis/claims.py (the motives and risks the sources give, by category) on fixtures whose
claims are hand-counted:

- tests/fixtures/reading/ (r1-r4): security in r1, r2 and r3 (one sentence each; r1 and r3 name ISIS-K),
  economic in r4; all in the authors' own words; no risk;
- tests/fixtures/corpus/ (alpha, beta, gamma): three motive claims, one a sentence: alpha 8.1 "“We deal
  with reality." (pragmatism, in Sergey Lavrov's words), beta 1.1 "... a pragmatic turn" (pragmatism),
  gamma 2.1 "Moscow sees Afghanistan as a transit hub." (economic);
- tests/fixtures/tables/actors/ (a1-a3): a3 6 is a quotation with no speaker that is a motive claim
  (security);
- the seeds, for the home country's voices of the pragmatism motive.
"""

from pathlib import Path

import pytest

from report import load_corpus
from report.analysis import claims
from report.extract.claims import AUTHOR

FIXTURES = Path(__file__).parent / "fixtures"
SECURITY = "security and counter-terrorism"
ECONOMIC = "trade, transit and economic stakes"
ALPHA, BETA, GAMMA = "alpha-2024-03-03", "beta-2024", "gamma-2025-07"
R1, R2, R3, R4 = "r1-2024-01", "r2-2024-06", "r3-2024-07", "r4-2024-08"
A3 = "a3-2025-01"


@pytest.fixture(scope="module")
def small():
    return load_corpus(FIXTURES / "reading")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(FIXTURES / "corpus")


@pytest.fixture(scope="module")
def actors():
    return load_corpus(FIXTURES / "tables" / "actors")


def test_ranking_counts_leads_then_sources_then_sentences(small):
    r = claims.ranking(small)
    assert sorted(r.index) == sorted(claims.labels().values())  # one row per category, stated or not
    assert r.index[0] == SECURITY and r.loc[SECURITY, "sources"] == 3 and r.loc[SECURITY, "rank"] == 1
    assert r.loc[ECONOMIC, "sources"] == 1 and r.loc[ECONOMIC, "rank"] == 2
    assert list(r.columns) == ["sources", "sentences", "put first by", "rank", R1, R2, R3, R4]
    assert r["put first by"].sum() == 0  # no fixture source is coded for its lead motive
    assert r.loc["alignment with China", "sources"] == 0
    assert r.sources.sum() == 4 and r.sentences.sum() == 4


def test_claims_one_row_per_sentence_with_the_raw_who(small, corpus):
    c = claims.claims(small, "security")
    assert list(c.columns) == ["source_id", "paragraph", "sentence", "categories", "who", "text", "coded"]
    assert list(c.source_id) == [R1, R2, R3] and set(c.who) == {AUTHOR}  # the authors' own words
    assert set(c.coded) == {"machine"}  # no one has coded these sources: every row is unreviewed
    every = claims.claims(corpus)
    assert list(zip(every.source_id, every.paragraph, every.categories, every.who)) == [
        (BETA, 1, "dealing with reality", AUTHOR),
        (ALPHA, 8, "dealing with reality", "Sergey Lavrov"),
        (GAMMA, 2, ECONOMIC, AUTHOR),
    ]
    assert claims.claims(corpus, kind="risk").empty


def test_weight_silence_and_mentions(small):
    w = claims.weight(small, "security")
    assert w.index.name == "source" and list(w.index) == [R1, R2, R3, R4]
    assert w.loc[R1, "share"] == 100 and w.loc[R4, "share"] == 0
    assert w.sentences.tolist() == [1, 1, 1, 0] and w["all"].tolist() == [1, 1, 1, 1]
    assert claims.silent(small, "security") == [R4]
    assert claims.silent_on_kind(small, "risk") == [R1, R2, R3, R4]
    assert claims.silent_on_kind(small, "motive") == []
    assert claims.mention_sources(small, "security", ["ISIS*"]) == [R1, R3]


def test_balance(small):
    b = claims.balance(small)
    assert b.index.name == "source" and list(b.columns) == ["motives", "risks", "main motive"]
    assert b.loc[R4, "main motive"] == ECONOMIC and b.loc[R1, "main motive"] == SECURITY
    assert b.risks.sum() == 0 and b.motives.sum() == 4


def test_stating_sources_oldest_first(corpus, small, actors):
    assert claims.stating_sources(corpus) == [BETA, ALPHA, GAMMA]
    assert claims.stating_sources(corpus, "risk") == []
    assert claims.stating_sources(small) == [R1, R2, R3, R4]
    assert claims.stating_sources(actors) == [A3]


def test_quotations_in_the_claim_sentences(corpus):
    cols = ["source_id", "paragraph", "speaker", "quote"]
    q = claims.quotations(corpus, "pragmatism")
    assert list(q.columns) == cols
    # the quotation that opens alpha 8 lies in the claim sentence 8.1; "We must talk." (8.3) is no claim
    assert q.to_dict("records") == [{"source_id": ALPHA, "paragraph": 8, "speaker": "Sergey Lavrov",
                                     "quote": "We deal with reality. The Taliban are in power"}]
    assert claims.quotations(corpus, None).equals(q)  # beta's and gamma's claims quote nobody
    assert claims.quotations(corpus, "economic").empty
    risk = claims.quotations(corpus, None, kind="risk")
    assert risk.empty and list(risk.columns) == cols


def test_a_quotation_with_no_speaker_has_an_empty_speaker(actors):
    q = claims.quotations(actors, "security")
    assert q.to_dict("records") == [{"source_id": A3, "paragraph": 6, "speaker": "",
                                     "quote": "Moscow wants the West as a partner against terrorism."}]


def test_home_voices(corpus):
    assert claims.home_voices(corpus, "pragmatism") == ["Sergey Lavrov"]
    assert claims.home_voices(corpus, "economic") == []
    assert claims.home_voices(load_corpus(), "pragmatism")  # the seeds quote Moscow's officials on it


def _leads(rows, coded):
    import pandas as pd

    from report.analysis.door import LEAD_COLUMNS
    return pd.DataFrame([dict(zip(LEAD_COLUMNS, r)) for r in rows], columns=LEAD_COLUMNS), coded


def test_the_motive_a_source_puts_first_outranks_the_motive_more_sources_name(small, monkeypatch):
    # r4 (coded for leads) puts the economy first; r1 is coded and puts nothing first; r2 and r3 are not coded
    monkeypatch.setattr(claims, "lead_rows", lambda corpus: _leads(
        [(R4, 2, 1, "economic", "said", "author", "above all for trade")], [R1, R4]))
    r = claims.ranking(small)
    assert r.index[0] == ECONOMIC and r.loc[ECONOMIC, "put first by"] == 1 and r.loc[ECONOMIC, "rank"] == 1
    assert r.loc[SECURITY, "rank"] == 2 and r.loc[SECURITY, "sources"] == 3
    le = claims.leads(small)
    assert list(le.columns) == ["source_id", "lead", "basis", "paragraph", "quote"]
    assert list(zip(le.source_id, le.lead, le.basis, le.paragraph)) == [
        (R1, "none", "", 0), (R2, "not coded", "", 0), (R3, "not coded", "", 0), (R4, ECONOMIC, "said", 2)]


def test_a_tie_on_leads_sources_and_sentences_shares_a_rank(small, monkeypatch):
    monkeypatch.setattr(claims, "lead_rows", lambda corpus: _leads([], []))
    r = claims.ranking(small)
    unnamed = r[r.sources == 0]
    assert len(unnamed) > 1 and unnamed["rank"].nunique() == 1  # every motive no source names ties last
    assert r.loc[SECURITY, "rank"] == 1 and r.loc[ECONOMIC, "rank"] == 2
