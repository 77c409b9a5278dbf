"""report/analysis/criticism.py (track records and reliability) and report/analysis/disputes.py, on fixtures
whose answers are counted by hand.

tests/fixtures/criticism/: k1 (January 2024, primary, specialist, partly attributed: profile B) reports the
delisting done; k2 (May 2025, primary on the record: B) dates it April 2025, so k1's report was premature
(C). k3 (June 2025, derivative of reports it does not name: D) quotes Zamir Kabulov with no venue and no
other source gives the words (lowers it to E), and is the only source of a dated event, a visit of March
2025 (which lowers nothing).
tests/fixtures/tables/path/: t3 (May 2024) denies the recognition that t1 dates 3 July 2025, of Russia and
of any country (overtaken twice, lowering nothing); t2 dates it 3 June 2025, the version set aside (disputed date: D to E).
tests/fixtures/reading/: r1 affirms the recognition and r2, later, denies it: each is contradicted.
"""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from report import load_corpus
from report.analysis import criticism, disputes, judgments, profiles
from report.paths import ROOT, SEEDS

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def k():
    return load_corpus(FIXTURES / "criticism")


def _problems(corpus):
    t = criticism.track_records(corpus)
    return sorted(zip(t.source_id, t.problem, t.paragraph))


def test_track_records_of_the_criticism_fixture(k):
    # k3's visit of March 2025 is a dated act only it gives (and a date of the run-up only it gives: listed once)
    assert _problems(k) == [("k1-2024-01", "premature", 2), ("k3-2025-06", "single_derivative", 3),
                            ("k3-2025-06", "unconfirmed_quote", 2)]
    t = criticism.track_records(k).set_index("problem")
    assert t.loc["premature", "by"] == "k2-2025-05 ¶2" and "April 2025" in t.loc["premature", "item"]
    assert "Zamir Kabulov, no venue or date" in t.loc["unconfirmed_quote", "item"]


def test_reliability_is_the_profile_lowered_by_the_record(k):
    r = criticism.reliability(k).set_index("source_id")
    assert r.profile.to_dict() == {"k1-2024-01": "B", "k2-2025-05": "B", "k3-2025-06": "D"}
    assert r.reliability.to_dict() == {"k1-2024-01": "C", "k2-2025-05": "B", "k3-2025-06": "E"}
    assert r.loc["k3-2025-06", "problems"] == "unconfirmed_quote"  # a single derivative event lowers nothing


def test_overtaken_and_disputed_dates():
    path = load_corpus(FIXTURES / "tables" / "path")
    assert _problems(path) == [("t2-2025-07-20", "disputed_date", 1), ("t3-2024-05", "overtaken", 1),
                               ("t3-2024-05", "overtaken", 1)]
    # "Russia has not recognised the Taliban government. No country has recognised the Taliban.": both
    # denials are overtaken by t1's 3 July 2025, the second as a denial of any state's recognition; each
    # gives the source's own words, so that a reader sees what it said
    items = sorted(criticism.track_records(path).query("problem == 'overtaken'").item)
    assert items == ["denies (of any state): Russia recognises the Taliban government; done 3 July 2025: "
                     "“No country has recognised the Taliban.” (¶1)",
                     "denies: Russia recognises the Taliban government; done 3 July 2025: "
                     "“Russia has not recognised the Taliban government.” (¶1)"]
    r = criticism.reliability(path).set_index("source_id").reliability.to_dict()
    assert r == {"t3-2024-05": "C", "t1-2025-07-05": "B", "t2-2025-07-20": "E"}  # overtaken lowers nothing


def test_contradicted_both_ways():
    reading = load_corpus(FIXTURES / "reading")
    assert _problems(reading) == [("r1-2024-01", "contradicted", 2), ("r2-2024-06", "contradicted", 3)]


def test_a_source_that_says_both_is_not_contradicted(k, monkeypatch):
    """k1 affirms the delisting; a denial by k2 of the same act would contradict it, unless k2 also affirms
    it (a source torn on an act is no contradiction of another)."""
    v = pd.DataFrame([
        {"source_id": "k1-2024-01", "item": "russia delists", "polarity": "affirmed", "when": "2024-01-15",
         "verdict": "contradicted", "by": "k2-2025-05"},
        {"source_id": "k2-2025-05", "item": "russia delists", "polarity": "negated", "when": "2025-05-20",
         "verdict": "contradicted", "by": "k1-2024-01"},
        {"source_id": "k2-2025-05", "item": "russia delists", "polarity": "affirmed", "when": "2025-04",
         "verdict": "confirmed", "by": "k1-2024-01"}])
    monkeypatch.setattr(criticism, "verdicts", lambda corpus: v)
    assert not (criticism.track_records(k).problem == "contradicted").any()


def test_independence_and_the_confidence_it_gives(k):
    """k3 is derivative of reports it does not name: it is not independent, and what only it states is of low
    confidence; k1 and k2 are two independent sources, the better of them B: moderate (high needs three)."""
    assert profiles.independent_count(k, ["k1-2024-01", "k2-2025-05", "k3-2025-06"]) == 2
    assert profiles.independent_count(k, ["k3-2025-06"]) == 0
    rows = judgments.select(k, [{"table": "statements", "act": "delists", "polarity": "affirmed"}])
    assert set(rows.source_id) == {"k1-2024-01", "k2-2025-05"}
    conf = judgments.confidence(k, rows, [])
    assert (conf["level"], conf["independent"], conf["best_rank"]) == ("moderate", 2, 2)  # high needs three
    assert judgments.confidence(k, rows, [], inference=True)["level"] == "moderate"
    only_k3 = judgments.select(k, [{"table": "statements", "act": "engages"}])
    assert judgments.confidence(k, only_k3, [])["level"] == "low"


def test_the_seeds_disputes_and_their_adopted_readings():
    seeds = load_corpus()
    assert disputes.disputed(seeds) == [d["id"] for d in disputes.spec()]  # every question has two sides
    a = disputes.adopted(seeds)
    assert a.failures.map(len).sum() == 0, a[["dispute", "failures"]]
    t = disputes.disputes(seeds).set_index(["dispute", "side"])
    assert t.loc[("interest", 0), "sources"] == "stratheia-2025-07"  # the one source calling it transactional
    assert "osw-2025-07" in t.loc[("amounts-to", 0), "sources"] and "stratheia-2025-07" in t.loc[("amounts-to", 1), "sources"]


def test_a_new_source_can_overturn_an_adopted_reading(tmp_path, monkeypatch):
    """With the development corpus's report of Russia accrediting a Taliban diplomat in March 2022 added to the
    seeds, the reading of "first" still holds (Moscow dealt with the Taliban early and still recognised them
    after others accepted their envoys); were no other state shown accepting an envoy before the
    recognition, it would not."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    dev = ROOT / "tests" / "dev-corpus"
    shutil.copy(dev / "voa_2022-04_russia_accredits_taliban_diplomat.txt", seeds)
    entry = (dev / "sources.yml").read_text(encoding="utf-8").split("\n- id: ")[0]
    (seeds / "sources.yml").write_text((seeds / "sources.yml").read_text(encoding="utf-8") + "\n" + entry + "\n",
                                       encoding="utf-8")
    assert disputes.adopted(load_corpus(seeds)).set_index("dispute").loc["first", "failures"] == []
    monkeypatch.setattr(disputes, "others_first_reported", lambda corpus: {"envoy": "9999", "delisting": "9999"})
    failures = disputes.adopted(load_corpus()).set_index("dispute").loc["first", "failures"]
    assert failures == ["the others are first shown at 9999, the recognition at 2025-07-03"]


def test_a_problem_repeated_in_later_paragraphs_is_listed_once_naming_them():
    """A forecast a source repeats (its reporter, then a quoted expert) is one problem at its first paragraph,
    with "(also ¶n)" for the others, rather than the later paragraphs dropped silently."""
    records = criticism.track_records(load_corpus())
    assert not records.duplicated(["source_id", "problem", "item"]).any()
    repeated = records[records.item.str.contains("(also ¶", regex=False)]
    assert len(repeated) > 0  # the seeds repeat forecasts (the Monitor's reporter, then its quoted expert)
    for r in repeated.itertuples():
        later = [int(n) for n in r.item.split("(also ")[1].rstrip(")").replace("¶", "").split(", ")]
        assert all(n > r.paragraph for n in later)


def test_a_derivative_quotation_with_a_venue_is_listed_but_lowers_nothing():
    """In the seeds, Stratheia (derivative, naming no original) gives Kabulov's words of March 2024 (coded with
    a venue) and no other source gives them: listed, lowering nothing (Stratheia's record already lowers it)."""
    seeds = load_corpus()
    t = criticism.track_records(seeds)
    dated = t[(t.problem == "unconfirmed_dated_quote") & (t.source_id == "stratheia-2025-07") & (t.paragraph == 3)]
    assert len(dated) == 1 and "Zamir Kabulov, no other source gives it" in dated.item.iloc[0]
    lowers = {p["id"]: p["lowers"] for p in criticism.spec()["problems"]}
    assert lowers["unconfirmed_dated_quote"] is False


def test_a_border_between_two_states_that_share_none_is_an_error_of_the_record():
    corpus = load_corpus(FIXTURES / "tables" / "borders")
    f = criticism.false_borders(corpus)
    assert list(f.columns) == ["source_id", "paragraph", "phrase"]
    assert list(zip(f.source_id, f.paragraph, f.phrase)) == [
        ("b1-2025-01", 2, "Kyrgyzstan-Afghanistan border"),
        ("b1-2025-01", 4, "neighbours of Afghanistan, such as Kazakhstan and Iran")]
    t = criticism.track_records(corpus)
    row = t[t.problem == "no_such_border"]
    assert list(zip(row.paragraph, row.item)) == [
        (2, "“Kyrgyzstan-Afghanistan border”"), (4, "“neighbours of Afghanistan, such as Kazakhstan and Iran”")]
    assert "no_such_border" not in {p["id"] for p in criticism.spec()["problems"] if p["lowers"]}


def test_an_overtaken_forecast_quotes_what_it_expected():
    """On the seeds (read by hand): the CSM's expectation of recognition gives Sotnikov's 'will probably have to
    wait' (¶25) beside 'appears set to start' (¶1); ODRI's expected delisting quotes its first three paragraphs
    and names the other three."""
    t = criticism.track_records(load_corpus()).query("problem == 'overtaken'")
    csm = t[(t.source_id == "csm-2024-06-13") & t.item.str.startswith("expects: Russia recognises")].item.iloc[0]
    assert "“Russia appears set to start” (¶1)" in csm and "“full recognition will probably have to wait” (¶25)" in csm
    odri = t[(t.source_id == "odri-2024-10") & t.item.str.startswith("expects: Russia removes")].item.iloc[0]
    assert odri.count("(¶") == criticism.QUOTED_PARAGRAPHS and odri.endswith("(also ¶13, ¶22, ¶24)")


def test_a_quotation_that_never_closes_is_found():
    """On the seeds (read by hand): Stratheia opens a quotation of Azizi in ¶6 and of no one in ¶18 and closes
    neither; every other paragraph closes what it opens (apostrophes such as "Russia’s" open nothing)."""
    unclosed = criticism.unclosed_quotes(load_corpus())
    assert list(zip(unclosed.source_id, unclosed.paragraph)) == [("stratheia-2025-07", 6), ("stratheia-2025-07", 18)]


def test_an_unconfirmed_quotation_that_never_closes_says_so_in_the_record():
    """On the seeds: Stratheia's Azizi quotation (¶6) is unconfirmed and its marks never close."""
    t = criticism.track_records(load_corpus())
    azizi = t[(t.source_id == "stratheia-2025-07") & (t.paragraph == 6) & t.problem.str.startswith("unconfirmed")]
    assert len(azizi) == 1 and azizi.item.iloc[0].endswith("its quotation marks never close, so where the words end is unknown)")


def test_a_forecast_borne_out_offsets_a_problem_but_never_lifts_a_source_above_its_profile():
    """tests/fixtures/criticism_credit/: b1 (derivative: D) quotes Kabulov with no venue (E) but expected the
    delisting b2 dates April 2025 (borne out: back to D); b3 (D) has the same problem and no credit (E); b2
    (B) has no problem, and a credit could not lift it."""
    corpus = load_corpus(FIXTURES / "criticism_credit")
    assert criticism.borne_out(corpus) == ["b1-2024-10"]
    r = criticism.reliability(corpus).set_index("source_id")
    assert r.reliability.to_dict() == {"b1-2024-10": "D", "b2-2025-05": "B", "b3-2025-06": "E"}
    assert r.credits.to_dict() == {"b1-2024-10": "borne_out", "b2-2025-05": "", "b3-2025-06": ""}
    assert r.problems.to_dict() == {"b1-2024-10": "unconfirmed_quote", "b2-2025-05": "", "b3-2025-06": "unconfirmed_quote"}


def test_the_same_words_given_to_two_speakers(monkeypatch):
    """Sentences written for the test: a minister's words in ¶2 come back in ¶5 as a second speaker's (a run of
    seven words); a third speaker shares only four words; the author's sentence is no speaker's."""
    import pandas as pd
    rows = [("s1", 2, 1, "Ivan Petrov", "Petrov stressed the need to stop the flow of fighters across the border."),
            ("s1", 3, 1, "author", "Officials stressed the need to stop the flow of fighters across the border."),
            ("s1", 4, 1, "Anna Smirnova", "Smirnova said the flow of money mattered more."),
            ("s1", 5, 1, "Omar Khan", "Khan urged partners to stop the flow of fighters across the border together.")]
    claims = pd.DataFrame(rows, columns=["source_id", "paragraph", "sentence", "who", "text"])
    monkeypatch.setattr(criticism, "evidence", lambda corpus: {"claims": claims})
    t = criticism.two_speakers(None)
    assert t.to_dict("records") == [{"source_id": "s1", "paragraph": 5, "sentence": 1,
                                     "words": "to stop the flow of fighters across the border", "first": "Ivan Petrov",
                                     "first_paragraph": 2, "second": "Omar Khan"}]


def test_odri_gives_the_same_words_to_lavrov_and_muttaqi():
    """On the seeds (read by hand): ODRI ¶11 gives Lavrov the call to prevent IS-K's recruitment of foreign fighters
    that ¶20 gives Muttaqi; the track record names both, and the problem lowers nothing."""
    t = criticism.track_records(load_corpus())
    row = t[t.problem == "two_speakers"]
    assert list(zip(row.source_id, row.paragraph)) == [("odri-2024-10", 20)]
    assert "Sergey Lavrov's words (¶11), then Amir Khan Muttaqi's" in row.item.iloc[0]
    assert "two_speakers" not in {p["id"] for p in criticism.spec()["problems"] if p["lowers"]}
