"""`python -m report changes REF` (report/changes.py): what the sources and codings changed in the book
since a git ref, tested on a fixture repository with two commits: the fixture corpus without gamma, then
with gamma and an adjudicated coding of alpha. And the cite page's list of the changes since the previous
tagged version (`cite-changes`, the `changes-since-tag` directive), on the same repository with its first
commit tagged."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from docutils.core import publish_from_doctree
from docutils.frontend import get_default_settings
from docutils.utils import new_document
from docutils.writers.html5_polyglot import Writer as Html5Writer

from report import changes
from report.publish import buildinfo, sphinx_fixes

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("repo")
    seeds, codings = repo / "seeds", repo / "codings"
    shutil.copytree(FIXTURES / "corpus", seeds)
    codings.mkdir()
    manifest = (seeds / "sources.yml").read_text(encoding="utf-8")
    without_gamma = manifest[:manifest.index("- id: gamma-2025-07")]
    (seeds / "sources.yml").write_text(without_gamma, encoding="utf-8")
    (seeds / "gamma.txt").unlink()
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "alpha and beta")
    (seeds / "sources.yml").write_text(manifest, encoding="utf-8")
    shutil.copy(FIXTURES / "corpus" / "gamma.txt", seeds)
    coding = yaml.safe_load((FIXTURES / "codings" / "alpha-2024-03-03.a.yml").read_text(encoding="utf-8"))
    coding.pop("coder")
    coding["coders"] = ["a", "b"]
    (codings / "alpha-2024-03-03.yml").write_text(yaml.safe_dump(coding, allow_unicode=True), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "gamma, and alpha coded")
    return repo


def test_the_inputs_at_a_ref_are_read_from_git(repo, tmp_path):
    out = changes.checkout_inputs(repo, "HEAD~1", tmp_path, {"seeds": "seeds", "codings": "codings"})
    assert sorted(p.name for p in out["seeds"].iterdir()) == ["alpha.txt", "beta.txt", "sources.yml"]
    assert list(out["codings"].iterdir()) == []


def test_changes_name_the_new_rows_per_source_with_their_status(repo):
    lines = changes.changes("HEAD~1", repo, repo / "seeds", repo / "codings")
    gamma = [line for line in lines if "of gamma-2025-07" in line]
    assert gamma and all("machine" in line and "0 removed" in line for line in gamma)  # new and unreviewed
    alpha = [line for line in lines if line.startswith("claims of alpha-2024-03-03")]
    # the coding of alpha: the economic claim the machine missed is added as reviewed, the pragmatism claim
    # the machine had found is confirmed by review
    assert alpha and "1 reviewed" in alpha[0] and "1 confirmed by review" in alpha[0]
    assert not [line for line in lines if line.startswith(("statements of beta", "claims of beta"))]  # unchanged
    assert changes.changes("HEAD", repo, repo / "seeds", repo / "codings") == []


def test_an_unknown_ref_is_one_line_and_exit_2():
    run = subprocess.run([sys.executable, "-m", "report", "changes", "no-such-ref"], capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert run.returncode == 2 and "'no-such-ref' is not a commit" in run.stderr and "Traceback" not in run.stderr


# ------------------------------------------------------------------------------------------
# The cite page: the changes since the previous tagged version (report.publish.sphinx_fixes)
# ------------------------------------------------------------------------------------------

def html_of(nodelist: list) -> str:
    """The nodes the cite page's directive returns, written as the HTML writer writes them."""
    settings = get_default_settings(Html5Writer)
    doc = new_document("<cite>", settings)
    doc.extend(nodelist)
    return publish_from_doctree(doc, writer_name="html5", settings_overrides={"output_encoding": "unicode"})


@pytest.fixture(scope="module")
def tagged(repo, tmp_path_factory) -> Path:
    """The fixture repository with the first commit tagged v1 (alpha and beta), HEAD the second."""
    clone = tmp_path_factory.mktemp("tagged") / "repo"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True, capture_output=True)
    git(clone, "tag", "v1", "HEAD~1")
    return clone


def test_the_previous_tagged_version_is_the_newest_tag_before_head(repo, tagged, tmp_path):
    assert buildinfo.previous_tag(repo) is None  # no tag
    tag = buildinfo.previous_tag(tagged)
    assert tag.name == "v1" and len(tag.commit) >= 7 and tag.date[:2] == "20"
    # the book built from a tagged commit lists the changes since the tag before it
    clone = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(tagged), str(clone)], check=True, capture_output=True)
    git(clone, "tag", "-a", "-m", "second", "v2", "HEAD")
    assert buildinfo.previous_tag(clone).name == "v1"
    git(clone, "tag", "-d", "v1")
    assert buildinfo.previous_tag(clone) is None


def test_the_cite_page_lists_the_changes_since_the_previous_tag(tagged):
    tag = buildinfo.previous_tag(tagged)
    data = changes.since_previous_tag(tagged, tagged / "seeds", tagged / "codings")
    assert data["tag"] == "v1" and data["commit"] == tag.commit
    assert data["lines"] == changes.changes("v1", tagged, tagged / "seeds", tagged / "codings")
    assert sphinx_fixes.changes_problem(tag, data) is None
    page = html_of(sphinx_fixes.changes_nodes(tag, data))
    assert f"version v1 (commit {tag.commit} of {tag.date})" in page
    assert "Evidence rows" in page and "claims of gamma-2025-07: 1 added (1 machine), 0 removed" in page
    assert "claims of alpha-2024-03-03: " in page and "confirmed by review" in page


def test_the_cite_page_escapes_what_it_lists():
    tag = buildinfo.Tag("v1<b>", "abc1234", "2026-01-02")
    hostile = ['key judgment j1: text was "<script>alert(1)</script>", now "*x* & [y](javascript:z) $x$"',
               "claims of evil\x1b[31m\u202e<img src=x onerror=alert(1)>: 1 added, 0 removed"]
    page = html_of(sphinx_fixes.changes_nodes(tag, {"tag": tag.name, "commit": tag.commit, "lines": hostile}))
    assert "<script>" not in page and "<img" not in page and "<b>" not in page and "\x1b" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x" in page and "v1&lt;b&gt;" in page
    assert "*x* &amp; [y](javascript:z) $x$" in page and "\\x1b[31m\\u202e" in page  # as text, not markup


def test_without_an_earlier_tagged_version_the_cite_page_says_so_in_one_sentence(repo, tmp_path, monkeypatch):
    one = html_of(sphinx_fixes.changes_nodes(None, None))
    assert one.count("<p") == 1 and sphinx_fixes.FIRST_VERSION in one
    assert changes.since_previous_tag(repo, repo / "seeds", repo / "codings") == {"tag": None}  # untagged
    assert buildinfo.previous_tag(tmp_path) is None  # not a git repository
    shutil.copytree(repo, tmp_path / "copy")
    assert buildinfo.previous_tag(tmp_path / "copy" / "seeds") is None  # inside one, but not its top
    monkeypatch.setenv("PATH", str(tmp_path))  # no git
    assert changes.since_previous_tag(repo, repo / "seeds", repo / "codings") == {"tag": None}


def test_changes_not_computed_for_this_tag_are_named_not_shown():
    tag = buildinfo.Tag("v2", "abc1234", "2026-01-02")
    assert "have not been computed" in sphinx_fixes.changes_problem(tag, None)
    stale = {"tag": "v1", "commit": "0000000", "lines": ["key figure x: was 1, now 2"]}
    assert "not since 'v2'" in sphinx_fixes.changes_problem(tag, stale)
    assert "key figure" not in html_of(sphinx_fixes.changes_nodes(tag, stale))
    failed = {"tag": "v2", "commit": "abc1234", "error": "'refs/tags/v2' is not a commit of the git repository /r"}
    assert "could not be computed" in html_of(sphinx_fixes.changes_nodes(tag, failed))
    same = {"tag": "v2", "commit": "abc1234", "lines": []}
    assert "Nothing the book says has changed since version v2" in html_of(sphinx_fixes.changes_nodes(tag, same))


def test_the_list_is_rewritten_only_when_it_changes(tagged, tmp_path):
    out = tmp_path / "_build" / "cite-changes.json"
    args = (tagged, tagged / "seeds", tagged / "codings")
    assert changes.write_since_previous_tag(out, *args)
    assert json.loads(out.read_text(encoding="utf-8"))["tag"] == "v1"
    assert not changes.write_since_previous_tag(out, *args)  # the same list: the file (and its date) kept


def test_cite_changes_writes_the_json_the_cite_page_reads(tmp_path):
    out = tmp_path / "cite-changes.json"
    run = subprocess.run([sys.executable, "-m", "report", "cite-changes", str(out)], capture_output=True, text=True,
                         cwd=ROOT, timeout=600)
    assert run.returncode == 0 and "written" in run.stdout and "Traceback" not in run.stderr
    assert "tag" in json.loads(out.read_text(encoding="utf-8"))
