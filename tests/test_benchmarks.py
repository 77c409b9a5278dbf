"""Every script of benchmarks/ runs at its smallest size (its --smallest flag) and prints its figures.

Each runs as a subprocess of the tests' own Python (the venv's), from a scratch folder, with its temporary
folders under tmp_path and no bytecode written; nothing is asserted about time. The repository's
`git status` must be the same after the run as before it. The build scripts build a one-page book
(build_cost.SMALLEST_PAGE), so the whole file takes about 45 seconds.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
NUMBER = r"[0-9][0-9,]*(?:\.[0-9]+)?"


def git_status() -> str | None:
    if not shutil.which("git") or not (ROOT / ".git").exists():
        return None
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture
def run(tmp_path):
    """Runs a benchmark script at its smallest size; returns what it printed. Checks afterwards that the
    run changed nothing `git status` sees."""
    before = git_status()
    work = tmp_path / "work"
    temp = tmp_path / "tmp"
    work.mkdir()
    temp.mkdir()

    def _run(script: str) -> str:
        env = {**os.environ, "TMPDIR": str(temp), "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("REPORT_SEEDS", None)
        result = subprocess.run([sys.executable, str(BENCHMARKS / script), "--smallest"], cwd=work, env=env,
                                capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, f"{script} exited {result.returncode}:\n{result.stdout[-3000:]}\n" \
                                       f"{result.stderr[-3000:]}"
        return result.stdout

    yield _run
    assert git_status() == before, "a benchmark changed the repository's files"


def lines(out: str, pattern: str) -> list[re.Match]:
    return [m for line in out.splitlines() if (m := re.fullmatch(pattern, line.strip()))]


def test_extraction_throughput(run):
    out = run("extraction_throughput.py")  # the 2x copy repeats every manifest entry
    rows = lines(out, rf"([12])\s+(\d+)\s+(\d+)\s+(\d+)\s+({NUMBER})\s+({NUMBER})\s+({NUMBER})")
    assert [r[1] for r in rows] == ["1", "2"], out
    for row in rows:
        sources, words, evidence_rows = (int(row[k]) for k in (2, 3, 4))
        assert sources > 0 and words > 0 and evidence_rows > 0, out


def test_stress_inputs(run):
    out = run("stress_inputs.py")
    for case in ("one paragraph", "100,000 short lines", "20,000 quotation marks"):
        rows = lines(out, rf"{case}\s+({NUMBER})\s+({NUMBER})\s+({NUMBER})\s+({NUMBER})(?:\s+({NUMBER}))?")
        assert len(rows) == 2 and rows[1][5], out  # a tenth of the size, then the size with the ratio
    assert lines(out, rf"peak memory: {NUMBER} MiB"), out


def test_prose_vs_tables(run):
    out = run("prose_vs_tables.py")
    pattern = r"\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)"
    pages = lines(out, r"notebooks/\S+" + pattern)
    total = lines(out, "total" + pattern)
    assert len(pages) == 1 and len(total) == 1, out
    assert sum(int(n) for n in total[0].groups()) > 0, out


def test_build_cost(run):
    out = run("build_cost.py")
    assert lines(out, rf"floor \(kernel start \+ imports, x1\):\s+{NUMBER} s"), out
    clean = lines(out, rf"clean build:\s+{NUMBER} s\s+\({NUMBER} x floor; (\d+) executed\)")
    assert clean and int(clean[0][1]) >= 1, out  # the build executed its notebook
    assert lines(out, rf"no-change rebuild:\s+{NUMBER} s\s+\(\d+ notebooks executed\)"), out
    assert lines(out, rf"rebuild after one notebook changed:\s+{NUMBER} s\s+\(\d+ notebook\(s\) executed\)"), out


def test_two_clean_builds(run):
    out = run("two_clean_builds.py")
    builds = lines(out, rf"clean build in \S+\s+{NUMBER} s, (\d+) notebooks executed, (\d+) files")
    assert len(builds) == 2 and all(int(b[2]) > 0 for b in builds), out
    compared = lines(out, r"compared: (\d+) files \(\d+ CSV downloads, \d+ PNG images\)")
    assert compared and int(compared[0][1]) > 0, out
    assert lines(out, r"differing: \d+"), out
