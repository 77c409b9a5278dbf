"""The machine reader scored against the reviewed codings (report.evaluate.coded_gold, coded_sample), the
method tables of the review (adjudication record, what review changed), and the door's default: the
book reads the reviewed codings. On the fixture corpus tests/fixtures/corpus/ and its coding of alpha
(tests/fixtures/codings/alpha-2024-03-03.a.yml: one statement, two claims, two quotations)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from report import evaluate, load_corpus
from report.analysis import door
from report.tables import method

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(FIXTURES / "corpus")


@pytest.fixture()
def folder(tmp_path):
    """A codings folder holding the coding of alpha as an adjudicated coding, with one decision."""
    data = yaml.safe_load((FIXTURES / "codings" / "alpha-2024-03-03.a.yml").read_text(encoding="utf-8"))
    data.pop("coder")
    data["coders"] = ["a", "b"]
    data["decisions"] = [{"section": "claims", "item": "9 motive economic", "decision": "kept a",
                          "reason": "Ivanov gives trade as the partners' aim."}]
    (tmp_path / "alpha-2024-03-03.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def test_the_gold_of_a_coding_is_its_rows(corpus, folder):
    gold = evaluate.coded_gold(corpus, folder)
    assert [len(gold[f]) for f in ("statements", "claims", "quotes")] == [1, 2, 2]
    assert gold["statements"][["actor_id", "act", "polarity", "paragraph", "sentence"]].values.tolist() == [
        ["russia", "engages", "affirmed", 5, 1]]
    assert gold["quotes"].text.tolist()[0].startswith("We deal with reality")


def test_a_denied_claim_is_no_claim_of_its_category(corpus, folder):
    path = folder / "alpha-2024-03-03.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["claims"][1]["stance"] = "denied"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert evaluate.coded_gold(corpus, folder)["claims"].category.tolist() == ["pragmatism"]


def test_the_scores_against_a_coding_count_its_rows_and_the_machines(corpus, folder):
    table, aligned = evaluate.coded_sample(corpus, folder)
    assert list(table.index) == list(evaluate.CODED_TASKS)
    # hand count of the coding: quotations 2, engages 1 (dated 3 September 2023), motive claims 2, no key act
    # and no risk
    assert table.annotated.to_dict() == {"quotes": 2, "statements_key_acts": 0, "statements_engages": 1,
                                         "motive_claims": 2, "risk_claims": 0, "act_dates": 1}
    for task, row in table.iterrows():
        a = aligned[task]
        assert row.matched == a.status.isin(["match", "wrong_attribute"]).sum()
        assert row.annotated == (a.status != "spurious").sum()
        assert set(a.source_id) <= {"alpha-2024-03-03"}  # only the coded source is scored


def test_speakers_compare_by_the_person_not_the_spelling(corpus, folder):
    """The coder writes "Sergei Lavrov"; a machine row that names him "Lavrov" is the same speaker."""
    from report.agreement import speaker_key
    assert speaker_key("Lavrov") == speaker_key("Sergei Lavrov") == speaker_key("Sergey Lavrov")
    assert speaker_key("The foreign ministry") == "foreign ministry"


def test_a_coding_of_a_source_not_in_the_corpus_is_left_to_check(corpus, folder):
    """The door reads the codings of the corpus's sources only: a coding of another corpus's source is
    `check`'s business, not a reason the fixture cannot be read."""
    shutil.copy(FIXTURES / "codings" / "unknown-source.yml", folder / "elsewhere.yml")
    files = [p.name for p in door.codings.adjudicated_files_for(corpus, folder)]
    assert "alpha-2024-03-03.yml" in files
    broken = folder / "broken.yml"
    broken.write_text("source: [unclosed", encoding="utf-8")
    assert "broken.yml" in [p.name for p in door.codings.adjudicated_files_for(corpus, folder)]  # never dropped


def test_the_adjudication_record_lists_every_decision(corpus, folder):
    record = method.adjudication_record(corpus, folder)
    assert record.values.tolist() == [["alpha-2024-03-03", "claims", "9 motive economic", "kept a",
                                       "Ivanov gives trade as the partners' aim."]]


def test_what_review_changed_per_source(corpus, folder):
    ev = door.reviewed_evidence(corpus, door.codings.adjudicated_files(folder))
    with door.using_evidence({"statements": ev["statements"], "claims": ev["claims"]}):
        counts = method.review_counts(corpus)
    alpha = counts.loc["alpha-2024-03-03"]
    assert alpha.loc["statements", "reviewed"] == 1 and alpha.loc["claims", "reviewed"] == 2
    # the machine found the pragmatism claim, not the economic one (tests/test_analysis_door.py)
    assert alpha.loc["claims", "machine_found"] == 1 and alpha.loc["claims", "added_by_reviewers"] == 1
    for sid in ("beta", "gamma"):
        mine = counts[counts.index.get_level_values("source").str.startswith(sid)]
        assert (mine.reviewed == 0).all() and (mine.added_by_reviewers == 0).all()


def test_the_book_reads_the_reviewed_codings_by_default(corpus, monkeypatch):
    monkeypatch.delenv("REPORT_EVIDENCE", raising=False)
    ev = door.evidence(corpus)
    assert set(ev["statements"].coded) == {"machine"}  # the fixture corpus has no coding in codings/
    monkeypatch.setenv("REPORT_EVIDENCE", "machine")
    assert "coded" not in door.evidence(corpus)["statements"].columns
    monkeypatch.setenv("REPORT_EVIDENCE", "everything")
    with pytest.raises(ValueError, match="REPORT_EVIDENCE='everything'"):
        door.evidence(corpus)


def test_an_evidence_table_says_which_rows_no_one_reviewed():
    import pandas as pd

    from report.publish.provenance import EvidenceTable
    df = pd.DataFrame({"source_id": ["a-2024", "b-2025"], "paragraph": [1, 2], "text": ["one", "two"],
                       "coded": ["reviewed", "machine"]})
    table = EvidenceTable(df, ["text"])
    assert table.unreviewed() == 1
    html = table.table_bundle("1.1", "Claims")["text/html"]
    assert "1 of 2 rows unreviewed" in html and html.count('class="unreviewed"') == 1
    assert "(unreviewed)" in table.latex()
    reviewed = EvidenceTable(df.assign(coded="reviewed"), ["text"])
    assert "unreviewed" not in reviewed.table_bundle("1.1", "Claims")["text/html"]
    assert EvidenceTable(df.drop(columns="coded"), ["text"]).unreviewed() == 0  # the machine's evidence alone
    from report.publish.provenance import Collapsed
    assert "1 of 2 rows unreviewed" in Collapsed(table, "Show them").table_bundle("1.2", "Claims")["text/html"]


def test_review_totals_add_up_the_review_counts(corpus):
    totals = method.review_totals(corpus)
    counts = method.review_counts(corpus)
    assert totals["n_sources"] == len(corpus.sources) and totals["n_coded"] == 0  # the fixture has no coding
    assert totals["n_added_statements"] + totals["n_added_claims"] == counts.added_by_reviewers.sum()


def test_the_date_of_an_act_is_scored_where_the_text_dates_it(tmp_path):
    """tests/fixtures/tables/path/ t1, coded by hand: the delisting "In April 2025" (¶3) and the recognition
    "On 3 July 2025" (¶4) are dated in their own sentences, and the machine gives both dates; a third row coded
    with a date the text does not give (the envoy, 2025-07-04) is missed, and the machine's date for that
    envoy (3 July) is spurious, as are its dates of the listing (February 2003) and the delegation (20
    September 2021), which this coding leaves out."""
    corpus = load_corpus(FIXTURES / "tables" / "path")
    (tmp_path / "t1-2025-07-05.yml").write_text("""source: t1-2025-07-05
coders: [a, b]
statements:
  - {paragraph: 3, quote: "Russia removed the Taliban from its list of terrorist organisations", actor: russia, act: delists, polarity: affirmed, date: 2025-04}
  - {paragraph: 4, quote: "Russia officially recognised the Taliban government", actor: russia, act: recognises, polarity: affirmed, date: 2025-07-03}
  - {paragraph: 5, quote: "Russia accepted the credentials of the Taliban ambassador", actor: russia, act: accepts_envoy, polarity: affirmed, date: 2025-07-04}
claims: []
quotes: []
leads: []
decisions: []
""", encoding="utf-8")
    table, aligned = evaluate.coded_sample(corpus, tmp_path)
    dates = aligned["act_dates"]
    assert sorted(zip(dates.status, dates.gold_value)) == [
        ("match", "russia / delists / 2025-04"), ("match", "russia / recognises / 2025-07-03"),
        ("missed", "russia / accepts_envoy / 2025-07-04"), ("spurious", ""), ("spurious", ""), ("spurious", "")]
    assert table.loc["act_dates", ["annotated", "extracted", "matched"]].tolist() == [3, 5, 2]
