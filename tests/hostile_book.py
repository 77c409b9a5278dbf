"""The book built from the seeds plus the hostile article of `tests/fixtures/hostile/`, used by
`tests/test_hostile.py` (HTML) and `tests/pdf/test_hostile_pdf.py` (PDF)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from report.paths import ROOT, SEEDS

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
BIN = Path(sys.executable).parent


def hostile_book(tmp: Path, builder: str = "html") -> Path:
    """The book built by `builder` (html or pdflatex) from the seeds plus the hostile article of
    `tests/fixtures/hostile/`, in a scratch copy under `tmp`; returns the book's folder."""
    seeds = tmp / "seeds"
    shutil.copytree(SEEDS, seeds)
    shutil.copy(HOSTILE / "hostile.txt", seeds)
    manifest = seeds / "sources.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n" + (HOSTILE / "entry.yml").read_text(
        encoding="utf-8"), encoding="utf-8")
    book = tmp / "book"
    book.mkdir()
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(ROOT / name, book)
    shutil.copytree(ROOT / "notebooks", book / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(ROOT / "book", book / "book", ignore=shutil.ignore_patterns("data"))
    env = {**os.environ, "REPORT_SEEDS": str(seeds)}
    run = lambda *args: subprocess.run(args, cwd=book, env=env, capture_output=True, text=True)  # noqa: E731
    for step in (["check", str(seeds)], ["bib", str(seeds), "--out", "book/references.bib"],
                 ["extract", str(seeds), "--out", "book/data"]):
        result = run(sys.executable, "-m", "report", *step)
        assert result.returncode == 0, f"report {step[0]}: {result.stdout[-2000:]}{result.stderr[-2000:]}"
    result = run(str(BIN / "jupyter-book"), "build", ".", "--builder", builder, "-W", "--keep-going")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return book
