"""Every failed sentence in one run: `report.guards` collects failed guards under REPORT_GUARDS_LOG, and
`python -m report run-notebooks` executes every notebook even when one fails, then names every sentence
that no longer holds (page, sentence, reason) and every notebook that failed, and exits 1."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from report import guards

ROOT = Path(__file__).resolve().parent.parent


def test_one_failure_names_every_sentence_that_fails(monkeypatch):
    monkeypatch.delenv(guards.LOG, raising=False)
    with pytest.raises(guards.GuardFailed) as err:
        guards.guard_all([("first sentence", False, "why one"), ("held", True, ""), ("second", False, "")])
    assert 'The sentence "first sentence" no longer holds on the data: why one' in str(err.value)
    assert '"second"' in str(err.value) and '"held"' not in str(err.value)
    guards.guard("a sentence that holds", True)  # nothing happens


def test_under_the_log_a_failed_guard_is_written_not_raised(tmp_path, monkeypatch):
    log = tmp_path / "guards.jsonl"
    monkeypatch.setenv(guards.LOG, str(log))
    monkeypatch.setenv(guards.PAGE, "03_security")
    guards.guard("first sentence", False, "why one")
    guards.guard_checks("second", ["a check failed", "another"])
    guards.guard("holds", True)
    assert guards.collected(log) == [
        {"page": "03_security", "sentence": "first sentence", "why": "why one"},
        {"page": "03_security", "sentence": "second", "why": "a check failed; another"}]
    assert guards.collected(tmp_path / "none.jsonl") == []


def _notebook(path: Path, *cells: str) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def test_run_notebooks_runs_every_page_and_names_every_failure(tmp_path):
    a = _notebook(tmp_path / "a_page.ipynb", "from report.guards import guard",
                  'guard("The first sentence", False, "one reason")\nguard("The second sentence", False)',
                  "print('after the guards')")
    b = _notebook(tmp_path / "b_page.ipynb", "raise ValueError('a broken page')")
    c = _notebook(tmp_path / "c_page.ipynb", "print('fine')")
    run = subprocess.run([sys.executable, "-m", "report", "run-notebooks", str(a), str(b), str(c)],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 1
    err = run.stderr
    assert 'a_page: the sentence "The first sentence" no longer holds: one reason' in err
    assert 'a_page: the sentence "The second sentence" no longer holds' in err
    assert "b_page.ipynb: failed:" in err and "a broken page" in err
    assert "2 sentences no longer hold and 1 notebooks failed" in err
    # the pages after a failure ran, and a page whose guards failed ran to its end
    assert nbformat.read(c, as_version=4).cells[0].outputs[0]["text"] == "fine\n"
    assert nbformat.read(a, as_version=4).cells[2].outputs[0]["text"] == "after the guards\n"


def test_run_notebooks_exits_0_when_everything_holds(tmp_path):
    a = _notebook(tmp_path / "a.ipynb", "from report.guards import guard\nguard('It holds', True)")
    run = subprocess.run([sys.executable, "-m", "report", "run-notebooks", str(a)], capture_output=True, text=True,
                         cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "no longer holds" not in run.stderr


def test_guards_lists_every_failure_without_writing(tmp_path):
    """`python -m report guards` runs the pages' code in one process: the same list, and no file touched."""
    a = _notebook(tmp_path / "a_page.ipynb", "from report.guards import guard",
                  'guard("The first sentence", False, "one reason")\nguard("The second sentence", False)')
    b = _notebook(tmp_path / "b_page.ipynb", "raise ValueError('a broken page')")
    c = _notebook(tmp_path / "c_page.ipynb", "print('fine')")
    before = {p: p.read_bytes() for p in (a, b, c)}
    run = subprocess.run([sys.executable, "-m", "report", "guards", str(a), str(b), str(c)],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 1
    assert 'a_page: the sentence "The first sentence" no longer holds: one reason' in run.stderr
    assert 'a_page: the sentence "The second sentence" no longer holds' in run.stderr
    assert "b_page.ipynb: failed:" in run.stderr and "a broken page" in run.stderr
    assert "c_page.ipynb: checked" in run.stdout and "fine" not in run.stdout  # a page's own output is not shown
    assert {p: p.read_bytes() for p in (a, b, c)} == before
    fine = subprocess.run([sys.executable, "-m", "report", "guards", str(c)], capture_output=True, text=True,
                          cwd=ROOT, timeout=600)
    assert fine.returncode == 0 and "every guarded sentence of 1 pages holds" in fine.stdout
