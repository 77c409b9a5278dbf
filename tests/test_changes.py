"""`python -m report changes REF` (report/changes.py): what the sources and codings changed in the book
since a git ref, tested on a fixture repository with two commits: the fixture corpus without gamma, then
with gamma and an adjudicated coding of alpha."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from report import changes

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
