"""report/codings.py: coding files read and validated against the manifest, the paragraphs and the codebook
(tests/fixtures/codings/ on the fixture corpus; the problems of bad.yml counted by hand), and the codings
of the book (codings/) all valid."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from report import codings, load_corpus
from report.paths import CODINGS, ROOT

FIXTURES = Path(__file__).parent / "fixtures"
CODED = FIXTURES / "codings"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(FIXTURES / "corpus")


def test_a_valid_coding_is_read_with_its_rows_located(corpus):
    coding, problems = codings.read(CODED / "alpha-2024-03-03.a.yml", corpus)
    assert problems == []
    assert (coding.source_id, coding.coder) == ("alpha-2024-03-03", "a")
    st = coding.rows["statements"]
    assert st[["paragraph", "sentence", "actor_id", "act", "polarity", "date"]].values.tolist() == [
        [5, 1, "russia", "engages", "affirmed", "2023-09-03"]]
    text = corpus.texts["alpha-2024-03-03"]
    for section in codings.SECTIONS:  # every row's offsets point at its quote in the source text
        for r in coding.rows[section].itertuples():
            assert text[r.char_start:r.char_end] == r.quote
    claims = coding.rows["claims"]
    assert claims[["paragraph", "sentence", "kind", "category", "who"]].values.tolist() == [
        [8, 1, "motive", "pragmatism", "Sergei Lavrov"], [9, 1, "motive", "economic", "Ivanov"]]
    assert coding.rows["quotes"].attribution.tolist() == ["venue", "venue"]


def test_every_problem_is_named_in_one_run(corpus):
    coding, problems = codings.read(CODED / "bad.yml", corpus)
    assert coding is None
    found = {(p.entry.split(" (")[0], p.field) for p in problems}
    assert found == {
        ("(top)", "colour"),
        ("statements #1", "actor"), ("statements #2", "act"), ("statements #2", "polarity"), ("statements #2", "date"),
        ("statements #3", "paragraph"), ("statements #4", "quote"),
        ("claims #1", "category"), ("claims #2", "extra"), ("claims #2", "kind"), ("claims #2", "stance"),
        ("claims #3", "who"), ("quotes #1", "attribution")}
    assert all(p.file == "bad.yml" for p in problems)
    assert "(line 9)" in next(p.entry for p in problems if p.field == "quote")


def test_a_source_not_in_the_manifest_is_refused(corpus):
    coding, problems = codings.read(CODED / "unknown-source.yml", corpus)
    assert coding is None and [p.field for p in problems] == ["source"]


def test_yaml_that_is_not_a_coding_is_refused(corpus, tmp_path):
    for text in ("- a list\n", "source: [unclosed\n", "a: &x 1\nb: *x\n"):
        path = tmp_path / "c.yml"
        path.write_text(text, encoding="utf-8")
        coding, problems = codings.read(path, corpus)
        assert coding is None and problems, text


def test_the_command_prints_every_problem_and_exits_2():
    run = subprocess.run([sys.executable, "-m", "report.codings", str(CODED / "unknown-source.yml")], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "field source" in run.stdout and "Traceback" not in run.stderr


def test_the_books_codings_are_valid():
    """Every blind and adjudicated coding of codings/ reads without a problem against the seeds."""
    paths = codings.blind_files(CODINGS) + codings.adjudicated_files(CODINGS)
    assert codings.validate(paths, load_corpus()) == []


@pytest.mark.parametrize("corpus_folder", ["tests/dev-corpus", "tests/fresh-corpus"])
def test_the_out_of_sample_codings_are_valid(corpus_folder):
    """The development corpus's and the fresh set's codings read without a problem against their own corpus,
    and each of their sources is coded by two blind coders and adjudicated."""
    folder = ROOT / corpus_folder / "codings"
    corpus = load_corpus(ROOT / corpus_folder)
    assert codings.validate(codings.blind_files(folder) + codings.adjudicated_files(folder), corpus) == []
    adjudicated = {codings.read(p, corpus)[0].source_id for p in codings.adjudicated_files(folder)}
    blind = [codings.read(p, corpus)[0].source_id for p in codings.blind_files(folder)]
    assert adjudicated == set(corpus.sources.source_id) and all(blind.count(s) == 2 for s in adjudicated)


def test_check_validates_the_codings_with_the_corpus():
    """`report check` names every problem of a codings folder, one line each, and exits 2."""
    run = subprocess.run([sys.executable, "-m", "report", "check", "tests/fixtures/corpus", "--codings",
                          "tests/fixtures/codings"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    lines = run.stderr.strip().splitlines() or run.stdout.strip().splitlines()
    assert run.returncode == 2, run.stdout + run.stderr
    assert sum(line.startswith("codings/bad.yml: entry ") for line in lines) == 13
    assert any(line.startswith("codings/unknown-source.yml: entry (top): field source") for line in lines)


def test_propose_writes_the_machines_rows_to_review(corpus, tmp_path):
    """`report propose` writes one source's machine rows as a coding, each marked proposed: refused as
    evidence while a proposal is undecided (one problem per row, naming it), valid once decided; never
    overwrites a coding."""
    out = tmp_path / "beta-2024.yml"
    cmd = [sys.executable, "-m", "report", "propose", "tests/fixtures/corpus", "beta-2024", "--out", str(out)]
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    coding, problems = codings.read(out, corpus)
    assert coding is None and problems and {p.field for p in problems} == {"status"}
    n = out.read_text(encoding="utf-8").count("status: proposed")
    assert len(problems) == n and f"{n} proposals" in run.stdout
    out.write_text(out.read_text(encoding="utf-8").replace(", status: proposed", ""), encoding="utf-8")
    decided, problems = codings.read(out, corpus)
    assert problems == [] and sum(len(decided.rows[s]) for s in codings.SECTIONS) == n
    again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 2 and "never overwritten" in again.stderr + again.stdout


def test_the_fast_yaml_reader_leaves_to_the_checked_one_what_libyaml_reads_otherwise():
    """Tabs, a byte-order mark inside the text and a bare `!` go the pure-Python way, which names the problem
    or reads them as PyYAML does; clean text reads the same either way."""
    from report import manifest
    for text in ("- id: a\n  title:\tX\n", "source: x\nquotes:\n\ufeff  - paragraph: 1\n", "- id: s\n  url: !\n"):
        assert manifest._load_fast(text) is None
    data, node = manifest._load_fast("source: x\nquotes:\n  - paragraph: '1'\n")
    assert data == {"source": "x", "quotes": [{"paragraph": "1"}]} and node.start_mark.line == 0


def test_a_leads_coding_names_every_bad_field_and_holds_only_its_section(corpus, tmp_path):
    coding, problems = codings.read(CODED / "alpha-2024-03-03.leads-c.yml", corpus)
    assert coding is None
    assert {(p.entry.split(" (")[0], p.field) for p in problems} == {("leads #2", "category"), ("leads #3", "basis")}
    good = tmp_path / "alpha-2024-03-03.c.yml"
    text = (CODED / "alpha-2024-03-03.leads-c.yml").read_text(encoding="utf-8")
    good.write_text("\n".join(text.splitlines()[:6]) + "\n", encoding="utf-8")
    coding, problems = codings.read(good, corpus)
    assert problems == [] and coding.sections == frozenset({codings.LEADS})
    assert coding.rows[codings.LEADS][["paragraph", "category", "basis", "who"]].values.tolist() == [
        [9, "economic", "said", "author"]]
    assert all(coding.rows[s].empty for s in codings.SECTIONS)


def test_an_aim_of_the_taliban_is_a_claim_with_the_codebooks_aim_categories(corpus, tmp_path):
    """A claim of kind `aim` (what the Taliban seek) takes an aim category; a motive category is refused."""
    path = tmp_path / "alpha-2024-03-03.i.yml"
    row = "{paragraph: 9, quote: \"the partners would expand trade\", kind: aim, category: %s, stance: affirmed, who: author}"
    path.write_text("source: alpha-2024-03-03\ncoder: i\nclaims:\n  - " + row % "economic" + "\n  - "
                    + row % "pragmatism" + "\n", encoding="utf-8")
    coding, problems = codings.read(path, corpus)
    assert coding is None and [(p.entry.split(" (")[0], p.field) for p in problems] == [("claims #2", "category")]
    path.write_text("source: alpha-2024-03-03\ncoder: i\nclaims:\n  - " + row % "economic" + "\n", encoding="utf-8")
    coding, problems = codings.read(path, corpus)
    assert problems == [] and coding.rows["claims"][["kind", "category"]].values.tolist() == [["aim", "economic"]]
