"""Build cost of the book, measured in a scratch copy of the repository.

Prints:
- the floor: starting one kernel per notebook and importing pandas, matplotlib and report in it;
- the clean build (no _build/), and its ratio to the floor;
- the no-change rebuild (jupyter-cache should execute nothing);
- the rebuild after one notebook's code changes (only that notebook should execute).
Usage: python benchmarks/build_cost.py   (takes a few minutes)
Smallest size: --smallest takes the same four measurements on a one-page book (its table of contents
cut to SMALLEST_PAGE, one short notebook): one kernel for the floor, three builds of that notebook. It
runs every step of the full benchmark in well under a minute, but its figures say nothing about the
whole book's cost (tests/test_benchmarks.py runs it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import start_new_kernel

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
IMPORTS = "import pandas, matplotlib.pyplot, report; _ = report.load_corpus()"
# the page of the smallest book: a short notebook (two code cells) that builds alone under -W (it refers
# to no other page)
SMALLEST_PAGE = "notebooks/appendix_data"


def floor(n_notebooks: int) -> float:
    start = time.perf_counter()
    for _ in range(n_notebooks):
        km, kc = start_new_kernel(kernel_name="python3")
        try:
            kc.execute_interactive(IMPORTS, timeout=120)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return time.perf_counter() - start


def build(book: Path) -> tuple[float, int]:
    """Seconds of `jupyter-book build`, and how many notebooks it executed."""
    start = time.perf_counter()
    env = {**os.environ, "REPORT_CACHE": str(book / "_build" / ".report-cache")}  # as `make book` sets it
    out = subprocess.run([str(BIN / "jupyter-book"), "build", ".", "-W", "--keep-going"], cwd=book,
                         capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(out.stdout[-2000:] + out.stderr[-2000:])
    return seconds, len(re.findall(r"Executing notebook", out.stdout + out.stderr))


def scratch_copy(dest: Path) -> Path:
    """The repository's working files copied to dest, without .venv, _build and .git."""
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__"))
    return dest


def smallest_book(book: Path) -> Path:
    """Cuts the table of contents of a scratch copy down to SMALLEST_PAGE: a book of one notebook."""
    (book / "_toc.yml").write_text(f"format: jb-book\nroot: {SMALLEST_PAGE}\n", encoding="utf-8")
    return book / f"{SMALLEST_PAGE}.ipynb"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smallest", action="store_true", help=f"a one-page book ({SMALLEST_PAGE}) instead")
    args = parser.parse_args()
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        book = scratch_copy(Path(tmp) / "book")
        target = book / "notebooks" / "04_trade.ipynb"
        if args.smallest:
            target = smallest_book(book)
            notebooks = [target]
            print(f"smallest size: a one-page book ({SMALLEST_PAGE})")
        print(f"notebooks: {len(notebooks)}")
        f = floor(len(notebooks))
        print(f"floor (kernel start + imports, x{len(notebooks)}): {f:7.1f} s")
        clean, executed = build(book)
        print(f"clean build:                         {clean:7.1f} s  ({clean / f:.2f} x floor; {executed} executed)")
        again, executed = build(book)
        print(f"no-change rebuild:                   {again:7.1f} s  ({executed} notebooks executed)")
        nb = json.loads(target.read_text(encoding="utf-8"))
        cell = next(c for c in nb["cells"] if c["cell_type"] == "code")
        cell["source"] = (cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])) + "\n# touched"
        target.write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding="utf-8")
        one, executed = build(book)
        print(f"rebuild after one notebook changed:  {one:7.1f} s  ({executed} notebook(s) executed)")


if __name__ == "__main__":
    main()
