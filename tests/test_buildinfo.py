"""The build stamp and the book's citation (report/publish/buildinfo.py): read from git and CITATION.cff at build
time, with a fallback and never an exception where there is no repository or no citation file."""

import shutil
import subprocess

import pytest

from report.publish import buildinfo
from report.publish.buildinfo import UNVERSIONED, Citation, Version
from report.paths import ROOT
from report.publish.sphinx_fixes import AuthorYearLabels

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def _git(repo, *args):
    env = {"GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "a",
           "GIT_COMMITTER_EMAIL": "a@example.org", "GIT_AUTHOR_DATE": "2024-03-05T10:00:00+00:00",
           "GIT_COMMITTER_DATE": "2024-03-05T23:30:00-05:00", "PATH": "/usr/bin:/bin", "HOME": str(repo)}
    return subprocess.run([GIT, "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def test_a_folder_outside_git_is_unversioned(tmp_path):
    assert buildinfo.version(tmp_path) == Version(UNVERSIONED, "")
    assert buildinfo.version(tmp_path / "missing") == Version(UNVERSIONED, "")
    assert Version().label() == "unversioned build"


@needs_git
def test_the_version_is_the_short_commit_and_the_commit_date(tmp_path):
    _git(tmp_path, "init", "-q")
    (tmp_path / "a.txt").write_text("a")
    _git(tmp_path, "add", "a.txt")
    _git(tmp_path, "commit", "-q", "-m", "first")
    full = _git(tmp_path, "rev-parse", "HEAD").strip()
    ver = buildinfo.version(tmp_path)
    # the committer's date in the committer's own time zone: the same on every machine, whatever the clock
    assert ver == Version(full[:7], "2024-03-05") and ver.year == "2024"
    assert ver.label() == f"version {full[:7]} of 2024-03-05"
    (tmp_path / "a.txt").write_text("b")
    assert buildinfo.version(tmp_path).commit == full[:7] + "+modified"
    (tmp_path / "sub").mkdir()
    assert buildinfo.version(tmp_path / "sub").commit == UNVERSIONED  # not the top of the working tree


@needs_git
def test_a_repository_without_commits_is_unversioned(tmp_path):
    _git(tmp_path, "init", "-q")
    assert buildinfo.version(tmp_path) == Version()


def test_the_citation_comes_from_citation_cff():
    cite = buildinfo.citation(ROOT)
    assert cite.title.startswith("Russia's recognition of the Taliban")
    assert cite.authors == ["Taliban Recognition Evidence Project"]  # a group a reader can cite
    assert cite.license == "CC-BY-4.0" and cite.license_url.startswith("https://creativecommons.org/")
    assert "Taliban" in cite.keywords


def test_without_a_readable_citation_file_the_fallbacks_stand_in(tmp_path):
    assert buildinfo.citation(tmp_path, "Title", "Someone") == Citation("Title", ["Someone"])
    (tmp_path / "CITATION.cff").write_text("title: [unclosed")
    assert buildinfo.citation(tmp_path, "Title", "") == Citation("Title", [])
    (tmp_path / "CITATION.cff").write_text("authors:\n  - given-names: Ada\n    family-names: Lovelace\n"
                                           "repository-code: https://example.org/r\n")
    cite = buildinfo.citation(tmp_path, "Title")
    assert cite.authors == ["Ada Lovelace"] and cite.repository == "https://example.org/r" and cite.title == "Title"


def test_bibtex_and_reference_name_the_version_and_the_repository():
    cite = Citation("A {T}itle", ["Org", "Ada Lovelace"], license="CC-BY-4.0", repository="https://example.org/r")
    ver = Version("abc1234", "2026-01-02")
    entry = buildinfo.bibtex(cite, ver)
    assert entry.startswith(f"@book{{{buildinfo.BIBTEX_KEY},\n") and entry.endswith("\n}")
    assert "author = {{Org} and {Ada Lovelace}}," in entry
    assert "title = {A (T)itle}," in entry  # a brace in a value cannot end the field
    assert "version = {abc1234}," in entry and "year = {2026}," in entry
    assert r"howpublished = {\url{https://example.org/r}}," in entry and "url = {https://example.org/r}," in entry
    assert entry.count("{") == entry.count("}")
    assert buildinfo.reference(cite, ver) == ("Org; Ada Lovelace (2026). A {T}itle. Jupyter Book, version abc1234 "
                                              "of 2026-01-02. https://example.org/r. Licence: CC-BY-4.0.")
    assert "year" not in buildinfo.bibtex(cite, Version()) and "(n.d.)" in buildinfo.reference(cite, Version())


def test_bibliography_labels_read_like_the_author_year_citations():
    from pybtex.database import parse_string

    bib = parse_string("@misc{a, author = {{The Outlet}}, title = {T}, year = {2024}}\n"
                       "@misc{b, author = {Ada Lovelace and Charles Babbage}, title = {U}, year = {1843}}\n"
                       "@misc{c, author = {A One and B Two and C Three}, title = {V}, year = {2020}}\n", "bibtex")
    labels = list(AuthorYearLabels().format_labels(bib.entries.values()))
    assert labels == ["The Outlet, 2024", "Lovelace and Babbage, 1843", "One et al., 2020"]
