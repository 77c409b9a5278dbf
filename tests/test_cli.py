"""`python -m report check|extract|bib`: exit codes, CSV output, and every bad-input case named."""

import subprocess
import sys

import pandas as pd
import pytest

from report import bib, load_corpus
from report.cli import main
from report.paths import BIBFILE, ROOT, SEEDS

BROKEN_MANIFEST = """
- id: alpha-2024-03-03
  file: alpha.txt
  title: "Moscow weighs a new partner"
  outlet: Fixture News
  published: 2024-02-30
  kind: news
- id: alpha-2024-03-03
  file: beta.txt
  title: "Duplicate id"
  outlet: Fixture Commentary
  published: 2024
  kind: commentary
- id: gamma-2025-07
  file: gamma.txt
  outlet: Fixture Institute
  published: 2025-07
  kind: analysis
- id: ghost-2024
  file: ghost.txt
  title: "An entry whose file is missing"
  outlet: Nowhere
  published: 2024
  kind: news
- id: empty-2024
  file: empty.txt
  title: "An empty file"
  outlet: Nowhere
  published: 2024
  kind: news
- id: latin1-2024
  file: latin1.txt
  title: "Not UTF-8"
  outlet: Nowhere
  published: 2024-05
  kind: report
"""


@pytest.fixture
def broken(corpus_copy):
    (corpus_copy / "sources.yml").write_text(BROKEN_MANIFEST, encoding="utf-8")
    (corpus_copy / "empty.txt").write_bytes(b"")
    (corpus_copy / "latin1.txt").write_bytes("Kaboul, Afghanistan: caf\xe9".encode("latin-1"))
    (corpus_copy / "stray.txt").write_text("A file nobody listed.\n", encoding="utf-8")
    return corpus_copy


def run(*args):
    return subprocess.run([sys.executable, "-m", "report", *args], capture_output=True, text=True, cwd=ROOT)


def test_check_names_every_problem_and_exits_2(broken):
    result = run("check", str(broken))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    expected = [
        # (file, entry, field, words of the message)
        ("corpus/sources.yml", "entry id alpha-2024-03-03 #1", "field published", "not a real date"),
        ("corpus/sources.yml", "entry id alpha-2024-03-03 #2", "field id", "duplicate id"),
        ("corpus/sources.yml", "entry id gamma-2025-07 #3", "field title", "missing"),
        ("corpus/ghost.txt", "entry id ghost-2024", "field file", "does not exist"),
        ("corpus/empty.txt", "entry id empty-2024", "field file", "empty"),
        ("corpus/latin1.txt", "entry id latin1-2024", "field file", "not UTF-8"),
        ("corpus/stray.txt", "entry (none)", "field file", "no entry in the manifest"),
    ]
    for file, entry, field, words in expected:
        hits = [ln for ln in lines if ln.startswith(file + ":") and entry in ln and field in ln and words in ln]
        assert len(hits) == 1, (file, entry, field, words, lines)
    assert lines[-1].startswith(f"{len(expected)} problem(s)")


@pytest.mark.parametrize("manifest, field, words", [
    ("- {id: x, file: alpha.txt, title: t, outlet: o, published: 2024-13, kind: news}", "published", "not a real date"),
    ("- {id: x, file: alpha.txt, title: t, outlet: o, published: June 2024, kind: news}", "published", "YYYY"),
    ("- {id: Bad_Id, file: alpha.txt, title: t, outlet: o, published: 2024, kind: news}", "id", "lowercase"),
    ("- {id: x, file: ../alpha.txt, title: t, outlet: o, published: 2024, kind: news}", "file", "plain file name"),
    ("- {id: x, file: alpha.txt, title: t, outlet: o, published: 2024, kind: blog}", "kind", "not one of"),
    ("- {id: x, file: alpha.txt, title: t, outlet: o, published: 2024, kind: news, url: www.x.org}", "url", "https"),
    ("- {id: x, file: alpha.txt, title: t, outlet: o, published: 2024, kind: news, accessed: 2025-01-02}", "accessed",
     "only with a url"),
    ("- {id: x, file: alpha.txt, title: t, outlet: o, published: 2024, kind: news, url: 'https://x.org/a', "
     "accessed: 2025-02-30}", "accessed", "not a real date"),
    ("- {id: x, file: alpha.txt, title: t, outlet: o, published: 2024, kind: news, url: 'https://x.org/a', "
     "accessed: 2999-01-01}", "accessed", "after today"),
    ("- {id: x, file: alpha.txt, title: t, outlet: o, published: 2024, kind: news, publshed: 2024}", "publshed",
     "unknown field"),
    ("- {id: x, file: alpha.txt, title: [5], outlet: o, published: 2024, kind: news}", "title", "must be text"),
    ("- [not, a, mapping]", "-", "mapping"),
    ("id: x\nfile: alpha.txt", "-", "list of entries"),
    ("- id: x\n  title: [unclosed", "-", "not valid YAML at line"),
])
def test_malformed_fields_are_named(corpus_copy, manifest, field, words, capsys):
    (corpus_copy / "sources.yml").write_text(manifest + "\n", encoding="utf-8")
    assert main(["check", str(corpus_copy)]) == 2
    err = capsys.readouterr().err
    assert any(f"field {field}:" in ln and words in ln for ln in err.splitlines()), err


def test_missing_manifest_and_missing_folder(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "sources.yml: entry (none): field -: the manifest is missing" in err
    assert "a.txt: entry (none): field file: article file has no entry" in err
    assert main(["check", str(tmp_path / "nope")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_nul_bytes_are_refused(corpus_copy, capsys):
    (corpus_copy / "beta.txt").write_bytes(b"Some text\x00with a NUL.\n")
    assert main(["check", str(corpus_copy)]) == 2
    assert "beta.txt: entry id beta-2024: field file: contains NUL bytes" in capsys.readouterr().err


def test_oversized_file_symlink_outside_and_reserved_id_are_refused(corpus_copy, tmp_path, capsys):
    (corpus_copy / "alpha.txt").write_bytes(b"Moscow. " * (10 * 1024 * 1024 // 8))  # a 10 MiB article
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret text outside the corpus.\n", encoding="utf-8")
    (corpus_copy / "beta.txt").unlink()
    (corpus_copy / "beta.txt").symlink_to(outside)
    manifest = (corpus_copy / "sources.yml").read_text(encoding="utf-8").replace("id: gamma-2025-07", "id: bibliography")
    (corpus_copy / "sources.yml").write_text(manifest, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in corpus_copy.iterdir()}
    assert main(["check", str(corpus_copy)]) == 2
    err = capsys.readouterr().err
    assert "alpha.txt: entry id alpha-2024-03-03: field file: is 10,485,760 bytes, over the limit" in err
    assert "beta.txt: entry id beta-2024: field file: is a symbolic link to a file outside the corpus folder" in err
    assert "field id: 'bibliography' is the name of one of the book's pages" in err
    assert {p.name: p.read_bytes() for p in corpus_copy.iterdir()} == before  # nothing touched
    assert outside.read_text(encoding="utf-8") == "Secret text outside the corpus.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["outside.txt", corpus_copy.name])


def test_extract_writes_sorted_identical_csvs(fixture_dir, tmp_path):
    out1, out2 = tmp_path / "one", tmp_path / "two"
    assert run("extract", str(fixture_dir), "--out", str(out1)).returncode == 0
    assert run("extract", str(fixture_dir), "--out", str(out2)).returncode == 0
    names = sorted(p.name for p in out1.iterdir())
    assert names == sorted(f"{t}.csv" for t in ("sources", "paragraphs", "sentences", "events", "quotes", "numbers",
                                                 "mentions", "codes", "statements", "claims"))
    for name in names:
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes()
    paragraphs = pd.read_csv(out1 / "paragraphs.csv")
    assert list(paragraphs.columns[:6]) == ["source_id", "paragraph", "char_start", "char_end", "text", "boilerplate"]
    assert paragraphs.equals(paragraphs.sort_values(["source_id", "paragraph"], ignore_index=True))


def test_extract_refuses_bad_corpus_and_writes_nothing(broken, tmp_path):
    out = tmp_path / "out"
    assert run("extract", str(broken), "--out", str(out)).returncode == 2
    assert not out.exists()


def test_extract_refuses_a_file_as_output(fixture_dir, tmp_path):
    target = tmp_path / "file.csv"
    target.write_text("x", encoding="utf-8")
    result = run("extract", str(fixture_dir), "--out", str(target))
    assert result.returncode == 2 and "must be a folder" in result.stderr


def test_check_passes_on_the_seeds():
    result = run("check", str(SEEDS))
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout


def test_committed_bibliography_matches_the_manifest():
    """book/references.bib is generated (make bib); this keeps the committed copy in sync."""
    assert BIBFILE.read_text(encoding="utf-8") == bib.bibtex(load_corpus(SEEDS).sources)


def test_bibtex_escapes_latex_and_uses_outlet_as_corporate_author(fixture_dir):
    sources = load_corpus(fixture_dir).sources.assign(title="50% & $5 #1 {x}")
    text = bib.bibtex(sources)
    assert r"50\% \& \$5 \#1 \{x\}" in text
    assert "author = {{Fixture News}}" in text and "author = {Jane Roe}" in text
    assert text.count("@misc{") == len(sources)


def test_an_access_date_reaches_the_bibliography(fixture_dir):
    """`accessed` in the manifest becomes BibTeX's urldate, which the bibliography prints after the url."""
    import pybtex.database
    import pybtex.plugin

    from report.publish.sphinx_fixes import AuthorYearLabels, AuthorYearStyle

    pybtex.plugin.register_plugin("pybtex.style.labels", "authoryear", AuthorYearLabels)  # as the extension does
    sources = load_corpus(fixture_dir).sources.assign(url="https://example.org/a", accessed="2025-01-02")
    text = bib.bibtex(sources)
    assert text.count("urldate = {2025-01-02}") == len(sources)
    style = AuthorYearStyle()
    entries = pybtex.database.parse_string(text, "bibtex")
    rendered = [e.text.render_as("text") for e in style.format_entries(entries.entries.values())]
    assert all("visited on 2025-01-02" in r for r in rendered), rendered[0]
