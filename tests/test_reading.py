"""The reading layer (report/reading.py): grades, independence, confidence, corroboration, disputed
dates and the guards on key judgments, on fixture corpora with hand-counted answers."""

import os
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from report import load_corpus, reading
from report.guards import GuardFailed, guard
from report.manifest import validate_folder
from report.paths import ROOT, SEEDS

FIXTURES = Path(__file__).parent / "fixtures"
READING = FIXTURES / "reading"
REVERSAL = FIXTURES / "china_reversal"


@pytest.fixture(scope="module")
def small():
    return load_corpus(READING)


def test_grades_follow_the_profile(small):
    grades = reading.source_profiles(small).set_index("source_id")["grade"].to_dict()
    assert grades == {"r1-2024-01": "A", "r2-2024-06": "B", "r3-2024-07": "D", "r4-2024-08": "E"}


def test_a_rewrite_of_another_source_is_not_independent(small):
    assert reading.independent_count(small, ["r1-2024-01", "r2-2024-06", "r3-2024-07"]) == 2
    assert reading.independent_count(small, ["r1-2024-01", "r3-2024-07"]) == 2


def test_confidence_levels(small):
    security = reading.select(small, [{"table": "claims", "kind": "motive", "category": "security"}])
    assert sorted(set(security.source_id)) == ["r1-2024-01", "r2-2024-06", "r3-2024-07"]
    # two independent sources, one of grade A, none against: moderate (high needs three)
    assert reading.confidence(small, security, [])["level"] == "moderate"
    assert reading.confidence(small, security, ["r4-2024-08"])["level"] == "low"
    economic = reading.select(small, [{"table": "claims", "kind": "motive", "category": "economic"}])
    assert reading.confidence(small, economic, [])["level"] == "low"


def test_a_later_denial_contradicts_and_each_side_counts_it(small):
    c = reading.corroboration(small).set_index("source_id")
    assert c.loc["r1-2024-01", "contradicted"] == 1  # r2 denies later what r1 affirmed
    assert c.loc["r2-2024-06", "contradicted"] == 1  # r1 affirmed earlier what r2 denies
    assert c.loc["r3-2024-07", "confirmed"] == 1 and c.loc["r4-2024-08", "alone"] == 1
    recognised = reading.select(small, [{"table": "statements", "actor_id": "russia", "act": "recognises",
                                         "polarity": "affirmed"}])
    denied = reading.select(small, [{"table": "statements", "actor_id": "russia", "act": "recognises",
                                     "polarity": "negated"}])
    assert reading.contradicting_sources(small, recognised, denied) == ["r2-2024-06"]
    # an earlier denial is no contradiction of a later affirmation
    assert reading.contradicting_sources(small, denied, recognised) == []


def test_the_seeds_recognition_date_is_adopted_by_the_primary_rule():
    corpus = load_corpus()
    adopted = reading.adopted_date(corpus, "recognises")
    assert adopted["date"] == "2025-07-03" and adopted["sources"] == ["osw-2025-07"]
    assert adopted["rejected"] == ["2025-06-03"] and adopted["rejected_sources"] == ["stratheia-2025-07"]
    assert adopted["rule"].startswith("a primary source")
    assert reading.long_date("2025-07-03") == "3 July 2025" and reading.long_date("2025-07") == "July 2025"


def test_every_seed_judgment_holds_with_evidence_and_an_alternative():
    judged = reading.check_judgments(load_corpus())
    assert 5 <= len(judged) <= 7
    assert {j.question for j in judged} == set(reading.QUESTIONS)
    for j in judged:
        assert len(j.evidence) and len(j.alternative_evidence) and j.alternative, j.id
        assert j.level in {c["level"] for c in reading.codebook()["confidence"]}


def _reversed_seeds(tmp_path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    for f in REVERSAL.glob("*.txt"):
        shutil.copy(f, seeds)
    manifest = seeds / "sources.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n" + (REVERSAL / "entry.yml").read_text(
        encoding="utf-8"), encoding="utf-8")
    return seeds


def test_sources_that_make_china_a_motive_break_the_china_judgment(tmp_path):
    corpus = load_corpus(_reversed_seeds(tmp_path))
    with pytest.raises(GuardFailed, match="china-secondary") as err:
        reading.check_judgments(corpus)
    assert "Alignment with China is at most a secondary reason" in str(err.value)
    assert "no longer a minority" in str(err.value)


def test_the_key_judgments_page_fails_to_build_naming_the_sentence(tmp_path):
    seeds = _reversed_seeds(tmp_path)
    nb = nbformat.read(ROOT / "notebooks" / "key_judgments.ipynb", as_version=4)
    env = dict(os.environ, REPORT_SEEDS=str(seeds))
    old = os.environ.copy()
    os.environ.update(env)
    try:
        with pytest.raises(CellExecutionError, match="Alignment with China is at most a secondary reason"):
            NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(old)


def test_guard_names_its_sentence():
    guard("holds", True)
    with pytest.raises(GuardFailed, match='"Security leads" no longer holds on the data: now trade'):
        guard("Security leads", False, "now trade")


def test_profile_fields_are_checked(tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(READING, folder)
    manifest = folder / "sources.yml"
    text = manifest.read_text(encoding="utf-8").replace("sourcing: partly", "sourcing: rumour").replace(
        "  sourcing: on-record\n  origin: primary", "  sourcing: on-record\n  origin: primary\n  based_on: r2-2024-06")
    manifest.write_text(text, encoding="utf-8")
    _, _, problems = validate_folder(folder)
    said = [(p.entry, p.field, p.message) for p in problems]
    assert any(f == "sourcing" and "rumour" in m and "on-record" in m for _, f, m in said), said
    assert any(f == "based_on" and "derivative" in m for _, f, m in said), said


def test_profile_table_has_the_source_as_row_label_and_no_missing_cells(small):
    t = reading.profile_table(small)
    assert t.index.name == "source" and not t.isna().any().any()
    assert t.loc["r4-2024-08", "grade"] == "E: not profiled" and t.loc["r1-2024-01", "grade"] == "A: primary on the record"
    assert list(t.columns) == ["kind", "grade", "items", "confirmed", "contradicted", "alone", "disputed dates"]
    assert isinstance(reading.confidence_scale(), pd.DataFrame)


def test_reading_codebook_lints():
    book = reading.codebook()
    assert set(book["grades"][-1]) == {"grade", "rank", "label"}, "the last grade rule must match every source"
    assert [g["rank"] for g in book["grades"]] == sorted(g["rank"] for g in book["grades"])
    assert book["confidence"][-1]["independent"] == 0 and "best_grade" not in book["confidence"][-1]
    assert {c["level"] for c in book["confidence"]} == {"high", "moderate", "low"}
    ids = [j["id"] for j in book["judgments"]]
    assert len(ids) == len(set(ids)) and 5 <= len(ids) <= 7
    tables = {"claims", "statements"}
    for j in book["judgments"]:
        assert j["question"] in reading.QUESTIONS and j["text"].strip() and j["alternative"]["text"].strip(), j["id"]
        assert not any(ch.isdigit() for ch in j["text"] + j["alternative"]["text"]), j["id"]  # numbers come from data
        for sel in j["evidence"] + j.get("unless", []) + j.get("contrary", []) + j["alternative"]["evidence"]:
            assert sel["table"] in tables, j["id"]
        for check in j.get("holds", []):
            assert check["check"] in reading.CHECKS, (j["id"], check)
    assert not reading.codebook_judgments().empty and not reading.codebook_grades().empty


ANNOTATED_PAGES = ["key_judgments", "01_sources", "02_timeline", "03_security", "04_trade", "05_china", "06_risks",
                   "07_western_divergence", "08_synthesis"]


@pytest.mark.parametrize("name", ANNOTATED_PAGES)
def test_every_guarded_sentence_holds_on_the_hand_annotation(name):
    """Each page runs again with the statements and claims of the hand annotation in place of the
    extraction (REPORT_EVIDENCE=annotated): a sentence that holds only on the extractor's errors fails."""
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    old = os.environ.copy()
    os.environ["REPORT_EVIDENCE"] = "annotated"
    try:
        NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(old)


def test_statement_matrix_and_the_states_that_moved(small):
    m = reading.statement_matrix(small)
    assert m.loc["Russia", "affirmed"] == "recognises 1" and m.loc["Russia", "denied"] == "recognises 1"
    assert m.loc["Russia", "expected or reported"] == ""
    seeds = load_corpus()
    moved = reading.others_moving(seeds)
    assert moved["envoy"] == "China and the United Arab Emirates" and moved["delisting"] == "Kazakhstan and Kyrgyzstan"
    first = reading.others_first_reported(seeds)
    assert first["envoy"] < "2025" and first["delisting"] < "2025"
