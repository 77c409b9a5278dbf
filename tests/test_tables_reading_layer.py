"""The display tables of the analysis layer that tests/test_motives.py and tests/test_reading.py leave
untested: report/motives.py (quotations, coverage, claims_table, quotations_table, figures_table,
named_elsewhere, stating_sources, labels, and key_figures and russian_voices on a fixture) and
report/reading.py (events, date_disputes, split_timeline, recognition_path, key_facts, statements_table,
short_act_columns, act_labels, outlets, recognition_turn, trust_summary, most_alone, judgment_summary,
basis, confidence_scale, codebook_grades, codebook_judgments, others_moving, others_first_reported,
numbering, and_join).

Fixtures, with answers counted by hand from their texts:
- tests/fixtures/corpus/ (alpha, beta, gamma): three motive claims, one a sentence: alpha 8.1 "“We deal
  with reality." (pragmatism, in Sergey Lavrov's words), beta 1.1 "... a pragmatic turn" (pragmatism),
  gamma 2.1 "Moscow sees Afghanistan as a transit hub." (economic); one key figure, gamma's "$300 million";
- tests/fixtures/reading/ (r1-r4, grades A, B, D, E; r3 rewrites r2): security claims in r1, r2, r3 and an
  economic one in r4; r1 affirms and r2 (later) denies that Russia recognises the Taliban;
- tests/fixtures/tables/path/ (t1 primary on the record, t2 its derivative, t3 primary partly attributed):
  Russia lists the Taliban (February 2003), hosts a delegation (20 September 2021), delists them
  (April 2025, in t1 and t2), recognises them and accepts their ambassador (3 July 2025, t1; t2 dates the
  recognition 3 June 2025); t3 (2024-05) denies any recognition; t1 and t2 give trade of "$300 million";
- tests/fixtures/tables/actors/ (a1-a3): China accepts a Taliban envoy (a1, a3) and opposes recognition
  (a2), the United States opposes it (a1, a3), Russia recognises the Taliban (a3); a3 6 is a quotation with
  no speaker that is a motive claim (security, against the West).
"""

from pathlib import Path

import pandas as pd
import pytest
import yaml

from report import load_corpus, motives, reading
from report.paths import ROOT
from report.publish.provenance import EvidenceTable
from report.tables import western_divergence

FIXTURES = Path(__file__).parent / "fixtures"
CODEBOOK = ROOT / "report" / "codebook"
ALPHA, BETA, GAMMA = "alpha-2024-03-03", "beta-2024", "gamma-2025-07"
R1, R2, R3, R4 = "r1-2024-01", "r2-2024-06", "r3-2024-07", "r4-2024-08"
T1, T2, T3 = "t1-2025-07-05", "t2-2025-07-20", "t3-2024-05"
A1, A2, A3 = "a1-2024-03", "a2-2024-09", "a3-2025-01"
PRIMARY_RULE = "a primary source gives it, the other is derivative"


def _yaml(name: str) -> dict:
    return yaml.safe_load((CODEBOOK / f"{name}.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(FIXTURES / "corpus")


@pytest.fixture(scope="module")
def small():
    return load_corpus(FIXTURES / "reading")


@pytest.fixture(scope="module")
def path():
    return load_corpus(FIXTURES / "tables" / "path")


@pytest.fixture(scope="module")
def actors():
    return load_corpus(FIXTURES / "tables" / "actors")


# =============================================================================================
# report/motives.py
# =============================================================================================

def test_labels_follow_the_claims_codebook():
    kinds = _yaml("claims")["kinds"]
    for kind in ("motive", "risk"):
        assert motives.labels(kind) == {c: s["label"] for c, s in kinds[kind]["categories"].items()}
    assert list(motives.labels())[:3] == ["security", "economic", "china"]
    assert motives.labels()["pragmatism"] == "dealing with reality"


def test_stating_sources_oldest_first(corpus, small, actors):
    assert motives.stating_sources(corpus) == [BETA, ALPHA, GAMMA]
    assert motives.stating_sources(corpus, "risk") == []
    assert motives.stating_sources(small) == [R1, R2, R3, R4]
    assert motives.stating_sources(actors) == [A3]


def test_quotations_in_the_claim_sentences(corpus):
    cols = ["source_id", "paragraph", "speaker", "quote"]
    q = motives.quotations(corpus, "pragmatism")
    assert list(q.columns) == cols
    # the quotation that opens alpha 8 lies in the claim sentence 8.1; "We must talk." (8.3) is no claim
    assert q.to_dict("records") == [{"source_id": ALPHA, "paragraph": 8, "speaker": "Sergey Lavrov",
                                     "quote": "We deal with reality. The Taliban are in power"}]
    assert motives.quotations(corpus, None).equals(q)  # beta's and gamma's claims quote nobody
    assert motives.quotations(corpus, "economic").empty
    risk = motives.quotations(corpus, None, kind="risk")
    assert risk.empty and list(risk.columns) == cols


def test_a_quotation_with_no_speaker_is_not_named(actors):
    q = motives.quotations(actors, "security")
    assert q.to_dict("records") == [{"source_id": A3, "paragraph": 6, "speaker": "not named",
                                     "quote": "Moscow wants the West as a partner against terrorism."}]


def test_claims_table_shows_categories_only_for_all_of_them(corpus):
    every = motives.claims_table(corpus)
    assert isinstance(every, EvidenceTable) and every.columns == ["categories", "who", "text"]
    assert list(zip(every.df.source_id, every.df.paragraph, every.df.categories, every.df.who)) == [
        (BETA, 1, "dealing with reality", "the author"),
        (ALPHA, 8, "dealing with reality", "Sergey Lavrov"),
        (GAMMA, 2, "trade, transit and economic stakes", "the author"),
    ]
    one = motives.claims_table(corpus, "pragmatism")
    assert one.columns == ["who", "text"]
    assert list(zip(one.df.source_id, one.df.who, one.df.text)) == [
        (BETA, "the author", "Russia and the Taliban: a pragmatic turn"), (ALPHA, "Sergey Lavrov", "“We deal with reality.")]
    assert 'href="appendix_sources.html#src-alpha-2024-03-03-p8"' in one._repr_html_()
    assert len(motives.claims_table(corpus, kind="risk")) == 0


def test_quotations_table(corpus):
    t = motives.quotations_table(corpus, "pragmatism")
    assert isinstance(t, EvidenceTable) and t.columns == ["speaker", "quote"]
    assert list(zip(t.df.source_id, t.df.paragraph, t.df.speaker)) == [(ALPHA, 8, "Sergey Lavrov")]
    assert len(motives.quotations_table(corpus, None, kind="risk")) == 0


def test_coverage_is_a_share_of_body_sentences(corpus):
    c = motives.coverage(corpus, "trade_transit")
    assert c.index.name == "source" and list(c.index) == [BETA, ALPHA, GAMMA]
    assert list(c.columns) == ["trade", "transit", "resources", "labour", "aid"]
    # alpha: 1 trade sentence of 8; gamma: 1 trade and 1 transit sentence of 3; beta: none of 5
    assert c.loc[ALPHA].tolist() == [12.5, 0.0, 0.0, 0.0, 0.0]
    assert c.loc[GAMMA].tolist() == [33.3, 33.3, 0.0, 0.0, 0.0]
    assert c.loc[BETA].tolist() == [0.0] * 5
    west = motives.coverage(corpus, "western_divergence")
    assert west["west"].tolist() == [20.0, 12.5, 0.0]  # beta 1 of 5, alpha 1 of 8
    assert motives.coverage(corpus, "trade_transit").equals(c)


def test_key_figures_given_by_two_sources(path):
    f = motives.key_figures(path)
    assert list(f.columns) == ["source_id", "paragraph", "figure", "value", "unit", "also_given_by", "sentence",
                               "sentence_number"]
    assert list(zip(f.source_id, f.paragraph, f.figure, f.value, f.unit, f.also_given_by, f.sentence_number)) == [
        (T1, 6, "$300 million", 300_000_000, "USD", T2, 1),
        (T2, 3, "$300 million", 300_000_000, "USD", T1, 1),
    ]
    assert f.sentence.iloc[1] == "Trade between Russia and Afghanistan reached $300 million."


def test_figures_table(corpus, path):
    t = motives.figures_table(corpus)
    assert isinstance(t, EvidenceTable) and t.columns == ["figure", "unit", "also_given_by", "sentence"]
    # "5 percent" (alpha) is neither money nor a count of at least 100
    assert t.df[["source_id", "paragraph", "figure", "unit", "also_given_by", "sentence"]].to_dict("records") == [
        {"source_id": GAMMA, "paragraph": 2, "figure": "$300 million", "unit": "USD", "also_given_by": "",
         "sentence": "Trade reached $300 million in 2024."}]
    assert list(motives.figures_table(path).df.also_given_by) == [T2, T1]


def test_named_elsewhere(corpus, actors):
    cols = ["source_id", "paragraph", "sentence", "text"]
    t = motives.named_elsewhere(corpus, "taliban", "economic")
    assert list(t.columns) == cols
    # beta and alpha state no economic claim; the Taliban are named (also as "Kabul") in beta 1.1, 2.1,
    # 2.2, 3.1 and alpha 8.2; gamma, which states one, is left out
    assert list(zip(t.source_id, t.paragraph, t.sentence)) == [
        (BETA, 1, 1), (BETA, 2, 1), (BETA, 2, 2), (BETA, 3, 1), (ALPHA, 8, 2)]
    assert t.text.iloc[2] == "Kabul welcomed the move."
    china = motives.named_elsewhere(actors, "china", "security")  # a3 states a security claim
    assert list(zip(china.source_id, china.paragraph)) == [(A1, 1), (A1, 2), (A1, 3), (A2, 2)]
    assert len(motives.named_elsewhere(actors, "china", "china")) == 6  # nobody makes China a motive
    assert motives.named_elsewhere(corpus, "taliban", "economic").equals(t)


def test_russian_voices(corpus):
    assert motives.russian_voices(corpus, "pragmatism") == ["Sergey Lavrov"]
    assert motives.russian_voices(corpus, "economic") == []


# =============================================================================================
# report/reading.py: events and disputed dates
# =============================================================================================

EVENT_COLUMNS = ["date", "actor", "act", "event", "sources", "source_ids", "source_id", "paragraph", "text"]


def test_date_disputes_adopt_the_primary_version(path):
    d = reading.date_disputes(path)
    assert list(d.columns) == ["event", "date", "source_id", "paragraph", "text", "sources", "adopted", "rule"]
    # one version each (corroboration ties), t1 is primary and t2 derivative: the primary rule decides
    assert list(zip(d.event, d.date, d.source_id, d.paragraph, d.sources, d.adopted, d.rule)) == [
        ("recognises", "2025-06-03", T2, 1, 1, False, PRIMARY_RULE),
        ("recognises", "2025-07-03", T1, 4, 1, True, PRIMARY_RULE),
    ]
    assert PRIMARY_RULE == _yaml("reading")["adoption_rules"][1]["label"]


def test_no_date_dispute_without_dated_events(small):
    d = reading.date_disputes(small)
    assert d.empty and list(d.columns) == ["event", "date", "source_id", "paragraph", "text", "sources", "adopted",
                                           "rule"]


def test_events_are_dated_affirmed_statements(path):
    e = reading.events(path)
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
    assert reading.events(path).equals(e)



def test_events_of_a_corpus_without_a_date_dispute(corpus):
    # beta 2.1 "Russia removed the Taliban from its list in April." dates its own act (April 2024)
    e = reading.events(corpus)
    assert list(zip(e.date, e.actor, e.act, e.event, e.sources, e.source_ids, e.source_id, e.paragraph)) == [
        ("2024-04", "Russia", "delists", "Russia removes the Taliban from a terrorist list", 1, BETA, BETA, 2)]


@pytest.mark.parametrize("name", ["small", "actors"])
def test_a_statement_dated_only_by_its_publication_is_no_event(name, request):
    # Russia recognises the Taliban in r1 and a3, in sentences that give no date
    e = reading.events(request.getfixturevalue(name))
    assert e.empty and list(e.columns) == EVENT_COLUMNS


def test_split_timeline_at_the_focus_year(path):
    assert _yaml("reading")["timeline"]["focus_from"] == 2017
    early, focus = reading.split_timeline(reading.events(path))
    assert early.date.tolist() == ["2003-02"]
    assert focus.date.tolist() == ["2021-09-20", "2025-04", "2025-07-03", "2025-07-03"]
    assert list(focus.index) == [0, 1, 2, 3]
    table = pd.DataFrame({"date": ["2016-12-31", "2017", "2017-01-01"], "event": ["a", "b", "c"]})
    early, focus = reading.split_timeline(table)
    assert early.event.tolist() == ["a"] and focus.event.tolist() == ["b", "c"]


def test_recognition_path(path):
    p = reading.recognition_path(path)
    assert p == {"listing": "2003-02", "engagement": "2021-09-20", "delisting": "2025-04",
                 "recognition": "2025-07-03", "envoy": "2025-07-03", "ordered": True, "same_day_as_envoy": True,
                 "adopted": {"date": "2025-07-03", "rule": PRIMARY_RULE, "sources": [T1], "rejected": ["2025-06-03"],
                             "rejected_sources": [T2]}}


def test_recognition_path_without_events(small):
    p = reading.recognition_path(small)
    assert {k: p[k] for k in ("listing", "engagement", "delisting", "recognition", "envoy", "adopted")} == dict.fromkeys(
        ("listing", "engagement", "delisting", "recognition", "envoy", "adopted"))
    assert p["ordered"] is False and p["same_day_as_envoy"] is False


def test_key_facts(path):
    k = reading.key_facts(path)
    assert list(k.columns) == ["source_id", "paragraph", "fact", "value", "note"]
    assert k.to_dict("records") == [
        {"source_id": T1, "paragraph": 6, "fact": "Bilateral trade in a year", "value": "$300 million",
         "note": f"also given by {T2}"},
        {"source_id": T1, "paragraph": 1, "fact": "Russia lists the Taliban as terrorist", "value": "February 2003",
         "note": "one source only"},
        {"source_id": T1, "paragraph": 3, "fact": "Russia removes them from the list", "value": "April 2025",
         "note": "2 sources"},
        {"source_id": T1, "paragraph": 4, "fact": "Russia recognises their government", "value": "3 July 2025",
         "note": f"one source only; {T2} gives 3 June 2025, set aside ({PRIMARY_RULE})"},
    ]
    assert reading.key_facts(path).equals(k)


def test_key_facts_of_a_corpus_without_a_date_dispute(corpus, small):
    k = reading.key_facts(corpus)
    assert k.to_dict("records") == [
        {"source_id": GAMMA, "paragraph": 2, "fact": "Bilateral trade in a year", "value": "$300 million",
         "note": "one source only"},
        {"source_id": BETA, "paragraph": 2, "fact": "Russia removes them from the list", "value": "April 2024",
         "note": "one source only"},
    ]
    empty = reading.key_facts(small)
    assert empty.empty and list(empty.columns) == ["source_id", "paragraph", "fact", "value", "note"]


def test_recognition_turn(path, small, actors):
    assert reading.recognition_turn(path) == {"last_denial": "2024-05", "first_affirmation": "2025-06-03"}
    assert reading.recognition_turn(small) == {"last_denial": "2024-06", "first_affirmation": "2024-01-10"}
    assert reading.recognition_turn(actors) == {"last_denial": None, "first_affirmation": "2025-01"}


# =============================================================================================
# report/reading.py: statements
# =============================================================================================

def test_act_labels():
    acts = _yaml("acts")["acts"]
    assert reading.act_labels() == {a: s["label"] for a, s in acts.items()}
    assert reading.act_labels(short=True) == {a: s["short"] for a, s in acts.items()}
    assert reading.act_labels(short=True)["accepts_envoy"] == "accepts an envoy"


def test_statements_table_oldest_source_first(path):
    t = reading.statements_table(path, ["recognises"])
    assert isinstance(t, EvidenceTable) and t.columns == ["statement", "date", "text"]
    assert list(zip(t.df.source_id, t.df.paragraph, t.df.statement, t.df.date)) == [
        (T3, 1, "Russia · recognises · denied", "2024-05"),
        (T3, 1, "No country · recognises · denied", "2024-05"),
        (T1, 4, "Russia · recognises · affirmed", "2025-07-03"),
        (T2, 1, "Russia · recognises · affirmed", "2025-06-03"),
    ]
    denied = reading.statements_table(path, list(reading.act_labels()), ["negated", "prospective", "reported"])
    assert list(denied.df.statement) == ["Russia · recognises · denied", "No country · recognises · denied"]
    assert len(reading.statements_table(path, ["sets_conditions", "opposes"])) == 0


def test_statements_table_of_oppositions(actors):
    t = reading.statements_table(actors, ["sets_conditions", "opposes"])
    # every sentence, a3 3 twice ("The United States opposed ..." and "Washington again opposed ...")
    assert list(zip(t.df.source_id, t.df.paragraph, t.df.sentence, t.df.statement, t.df.date)) == [
        (A1, 4, 1, "United States · opposes · affirmed", "2024-03"),
        (A2, 2, 1, "China · opposes · affirmed", "2024-09"),
        (A3, 3, 1, "United States · opposes · affirmed", "2025-01"),
        (A3, 3, 2, "United States · opposes · affirmed", "2025-01"),
    ]


def test_short_act_columns(actors):
    summary = western_divergence.position_summary(actors)
    assert reading.short_act_columns(summary) == ["recognises", "accepts an envoy", "opposes"]
    other = pd.DataFrame(columns=["designates the Taliban terrorist", "total"])
    assert reading.short_act_columns(other) == ["lists as terrorist", "total"]  # other columns are kept


def test_outlets_in_words(path):
    assert reading.outlets(path, [T1, T2]) == "Fixture Wire and Fixture Blog"
    assert reading.outlets(path, [T3, T1, T2]) == "Fixture Institute, Fixture Wire and Fixture Blog"
    assert reading.outlets(path, [T3]) == "Fixture Institute" and reading.outlets(path, []) == ""


def test_numbering_and_and_join():
    # the key judgments page numbers its judgments in one run across the questions
    assert reading.numbering({"why": [1, 2, 3], "risk": [4], "west": [5, 6]}) == {"why": 1, "risk": 4, "west": 5}
    assert reading.and_join(["A"]) == "A" and reading.and_join(["A", "B", "C"]) == "A, B and C"
    assert reading.and_join([]) == ""


def test_others_moving_and_first_reported(actors, path):
    # China accepts a Taliban envoy (a1, published 2024-03, and a3); nobody but Russia delists them
    assert reading.others_moving(actors) == {"envoy": "China", "delisting": ""}
    assert reading.others_first_reported(actors) == {"envoy": "2024-03", "delisting": "9999"}
    assert reading.others_moving(path) == {"envoy": "", "delisting": ""}


# =============================================================================================
# report/reading.py: trust and judgments
# =============================================================================================

def test_trust_summary_of_the_reading_fixture(small):
    # items: r1 {security, Russia recognises}, r2 {security, Russia does not recognise}, r3 {security},
    # r4 {economic}: the three security claims are confirmed, r1's and r2's statements contradict each
    # other, r4's claim stands alone: 3 of 6 confirmed
    assert reading.trust_summary(small) == {
        "n_primary": 2, "n_derivative": 1, "n_best": 1, "best_sources": R1, "best_label": "primary on the record",
        "confirmed_share": 50, "n_items": 6, "n_contradicted": 2, "n_disputed_dates": 0}


def test_trust_summary_of_the_path_fixture(path):
    # items: t1 lists, engages, delists, recognises, accepts_envoy; t2 recognises, delists; t3 Russia and
    # "no country" do not recognise. Confirmed: t1's and t2's delisting and recognition (4); t3's denial
    # (2024-05) is older than the affirmations, so no contradiction; alone: t1's listing, engagement and
    # envoy, t3's two denials (5). Two sources give a disputed date (t1, t2)
    assert reading.trust_summary(path) == {
        "n_primary": 2, "n_derivative": 1, "n_best": 1, "best_sources": T1, "best_label": "primary on the record",
        "confirmed_share": 44, "n_items": 9, "n_contradicted": 0, "n_disputed_dates": 2}


def test_most_alone(small, path):
    assert reading.most_alone(small).to_dict("records") == [{"source_id": R4, "origin": "not profiled", "alone": 1}]
    assert reading.most_alone(path).to_dict("records") == [{"source_id": T1, "origin": "primary", "alone": 3}]


def test_judgment_summary(small):
    s = reading.judgment_summary(small)
    assert list(s.columns) == ["no.", "id", "judgment", "confidence", "sources", "contradicted by"]
    # numbered as on the key-judgments page: grouped by question (why, risk, west), codebook order within
    assert list(s["no."]) == list(range(1, 8))
    assert list(s.id) == ["security-first", "formalised-reality", "economy-small", "china-secondary", "risks-light",
                          "west-leverage", "west-divergence"]
    texts = {j["id"]: j["text"] for j in _yaml("reading")["judgments"]}
    assert list(s.judgment) == [texts[i] for i in s.id]
    by_id = s.set_index("id")
    # security: r1, r2, r3 (2 independent: r3 rewrites r2) -> moderate; every motive, none about China: r1-r4
    # (3 independent, r1 of grade A) -> high; Russia recognises: r1 alone, and r2 later denies it -> low
    assert by_id.confidence.to_dict() == {
        "security-first": "Moderate confidence", "formalised-reality": "Low confidence", "economy-small": "Low confidence",
        "china-secondary": "High confidence", "risks-light": "Low confidence", "west-leverage": "Low confidence",
        "west-divergence": "Low confidence"}
    assert by_id["contradicted by"].to_dict()["west-divergence"] == 1 and by_id["contradicted by"].sum() == 1
    assert [by_id.sources[i] for i in ("formalised-reality", "west-leverage", "economy-small", "risks-light",
                                       "west-divergence")] == [0, 0, 1, 0, 1]  # no derivative source among these
    assert reading.judgment_summary(small).equals(s)


def test_judgment_summary_counts_independent_sources(small):
    s = reading.judgment_summary(small).set_index("id")
    assert s.loc["security-first", "sources"] == 2  # r1, r2 and r3, which rewrites r2
    assert s.loc["china-secondary", "sources"] == 3  # r1, r2, r3 and r4


def test_basis_in_words(small):
    security = reading.select(small, [{"table": "claims", "kind": "motive", "category": "security"}])
    conf = reading.confidence(small, security, [])
    assert reading.basis(small, conf, []) == ("3 of 4 sources state it, 2 of them independent (1 primary on the "
                                              "record; 1 primary partly attributed; 1 derivative); no later source "
                                              "contradicts it")
    assert reading.basis(small, conf, [R4]).endswith("; contradicted by 1 later source (r4-2024-08)")
    economic = reading.select(small, [{"table": "claims", "kind": "motive", "category": "economic"}])
    conf = reading.confidence(small, economic, [])
    assert reading.basis(small, conf, [], "{n} of {total} sources give it") == (
        "1 of 4 sources give it, all independent (1 not profiled); no later source contradicts it")


def test_confidence_scale():
    t = reading.confidence_scale()
    assert list(t.columns) == ["confidence", "meaning", "sources (at least)", "best grade (at least)",
                               "contradicting (at most)"]
    levels = _yaml("reading")["confidence"]
    assert list(t.confidence) == [c["label"] for c in levels] == ["High confidence", "Moderate confidence",
                                                                  "Low confidence"]
    assert list(t.meaning) == [c["meaning"] for c in levels]
    assert list(t["sources (at least)"]) == [3, 2, 0]
    assert list(t["best grade (at least)"]) == ["A", "any", "any"]
    assert list(t["contradicting (at most)"]) == [0, 0, "any"]


def test_codebook_grades():
    t = reading.codebook_grades()
    grades = _yaml("reading")["grades"]
    assert t.index.name == "grade" and list(t.index) == [g["grade"] for g in grades] == ["A", "B", "C", "D", "E"]
    assert list(t.columns) == ["label", "origin", "sourcing"]
    assert t.loc["A"].tolist() == ["primary on the record", "primary", "on-record"]
    assert t.loc["D"].tolist() == ["derivative", "derivative", "any"]
    assert t.loc["E"].tolist() == ["not profiled", "any", "any"]
    for g in grades:
        assert t.loc[g["grade"], "label"] == g["label"]


def test_codebook_judgments():
    t = reading.codebook_judgments()
    judgments = _yaml("reading")["judgments"]
    assert t.index.name == "judgment" and list(t.index) == [j["id"] for j in judgments]
    assert list(t.columns) == ["question", "evidence", "unless", "checks"]
    assert t.loc["economy-small"].to_dict() == {
        "question": "why", "evidence": "table: claims, kind: motive, category: economic", "unless": "",
        "checks": "check: at_least, sources: 2; check: figures_given, units: USD or people"}
    assert t.loc["china-secondary", "unless"] == "table: claims, kind: motive, category: china"
    assert t.loc["west-divergence", "evidence"] == (
        "table: statements, actor_id: russia, act: recognises, polarity: affirmed; table: statements, "
        "actor_id: united-states or western-countries, act: opposes or sets_conditions, polarity: affirmed")
    for j in judgments:
        row = t.loc[j["id"]]
        assert row.question == j["question"]
        assert row.evidence.count("table: ") == len(j["evidence"])
        assert row.checks.count("check: ") == len(j.get("holds", []))
        assert (row.unless == "") == (not j.get("unless"))


def test_by_year_table_is_by_year_with_years_as_columns(small):
    by_year, table = motives.by_year(small), motives.by_year_table(small)
    assert list(table.columns) == list(by_year.index) and list(table.index) == list(by_year.columns)
    assert list(table.index[:2]) == ["sources", "sentences"]
    assert (table.T.to_numpy() == by_year.to_numpy()).all()


def test_chapter_facts_is_the_summary_the_weight_range_and_the_weight(small):
    facts, shown = motives.chapter_facts(small, "security")
    expected = motives.weight(small, "security").query("all > 0")
    assert shown.equals(expected)
    assert facts == {**motives.summary(small, "security"), **motives.weight_range(expected)}
