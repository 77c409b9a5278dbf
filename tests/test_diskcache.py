"""The cache on disk that the notebooks of one build share (report/diskcache.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from report import diskcache


@dataclass(frozen=True, eq=False)
class FakeCorpus:
    folder: Path


def counting():
    calls = []

    def table(corpus, n: int) -> pd.DataFrame:
        calls.append(n)
        return pd.DataFrame({"n": [n], "text": [(corpus.folder / "a.txt").read_text()]})
    return diskcache.on_disk(table), calls


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("one", encoding="utf-8")
    return FakeCorpus(folder)


def test_without_the_variable_nothing_is_kept(tmp_path, corpus, monkeypatch):
    monkeypatch.delenv(diskcache.ENV, raising=False)
    table, calls = counting()
    table(corpus, 1), table(corpus, 1)
    assert calls == [1, 1]


def test_a_second_kernel_reads_what_the_first_computed(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv(diskcache.ENV, str(tmp_path / "cache"))
    table, calls = counting()
    first = table(corpus, 1)
    other, other_calls = counting()  # another process: a function of the same name, nothing in memory
    pd.testing.assert_frame_equal(other(corpus, 1), first)
    assert calls == [1] and other_calls == []
    other(corpus, 2)
    assert other_calls == [2]  # another argument, another entry


def test_a_changed_corpus_file_or_evidence_mode_is_another_entry(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv(diskcache.ENV, str(tmp_path / "cache"))
    table, calls = counting()
    table(corpus, 1)
    (corpus.folder / "a.txt").write_text("two, longer", encoding="utf-8")
    assert table(corpus, 1).text.iloc[0] == "two, longer"
    monkeypatch.setenv("REPORT_EVIDENCE", "machine")
    table(corpus, 1)
    assert calls == [1, 1, 1]


def test_a_new_input_digest_removes_the_old_entries(tmp_path, corpus, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv(diskcache.ENV, str(root))
    table, _ = counting()
    table(corpus, 1)
    (old,) = root.iterdir()
    monkeypatch.setattr(diskcache, "inputs_digest", lambda: "f" * 64)
    table(corpus, 1)
    assert [p.name for p in root.iterdir()] == ["f" * 24] and not old.exists()


def test_paused_and_unreadable_entries_compute_afresh(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv(diskcache.ENV, str(tmp_path / "cache"))
    table, calls = counting()
    table(corpus, 1)
    with diskcache.paused():
        table(corpus, 1)
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    table(corpus, 1)
    assert calls == [1, 1, 1]


def test_an_argument_it_cannot_key_is_refused(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv(diskcache.ENV, str(tmp_path / "cache"))
    table, _ = counting()
    with pytest.raises(TypeError, match="cannot key"):
        table(corpus, [1])


def test_the_input_digest_covers_the_package_and_the_codings():
    from report.paths import CACHE_INPUTS, CODINGS, ROOT
    assert ROOT / "report" in CACHE_INPUTS and CODINGS in CACHE_INPUTS
    assert len(diskcache.inputs_digest()) == 64


@dataclass(frozen=True, eq=False)
class ParsedCorpus:
    folder: Path
    digest: str


def test_a_corpus_changed_since_it_was_parsed_or_gone_is_not_kept(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv(diskcache.ENV, str(tmp_path / "cache"))
    table, calls = counting()
    parsed = ParsedCorpus(corpus.folder, diskcache.folder_digest(corpus.folder))
    (corpus.folder / "a.txt").write_text("edited after the parse", encoding="utf-8")
    table(parsed, 1), table(parsed, 1)
    assert calls == [1, 1] and not list((tmp_path / "cache").rglob("*.pickle"))
    gone = FakeCorpus(tmp_path / "no-such-folder")
    assert diskcache.key(lambda c: c, (gone,)) is None


def test_a_value_that_cannot_be_pickled_or_inputs_changed_leave_nothing(tmp_path, corpus, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv(diskcache.ENV, str(root))
    kept = diskcache.on_disk(lambda c: (lambda: None))  # a lambda cannot be pickled
    assert callable(kept(corpus))
    assert not [p for p in root.rglob("*") if p.is_file()]
    table, _ = counting()
    monkeypatch.setattr(diskcache, "_inputs_changed", lambda: True)
    table(corpus, 1)
    assert not list(root.rglob("*.pickle"))


def test_the_build_stops_kernels_at_once():
    """The Sphinx extension sets nbclient's default kernel shutdown to "immediate" (a notebook client that
    myst-nb or jupyter-cache creates without the option no longer waits for the kernel to tear down)."""
    import nbformat
    from nbclient import NotebookClient

    from report.publish import sphinx_fixes

    trait = NotebookClient.class_traits()["shutdown_kernel"]
    before = trait.default_value
    try:
        sphinx_fixes.kernels_stop_at_once()
        assert NotebookClient(nbformat.v4.new_notebook()).shutdown_kernel == "immediate"
    finally:
        trait.default_value = before
