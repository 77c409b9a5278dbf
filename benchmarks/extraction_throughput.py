"""Extraction throughput: words per second of parsing plus evidence extraction, after imports.

Runs on the seed corpus and on copies replicated 10x and 100x under new ids, and prints
the time, the words per second and the time per 1x, which stays flat when cost grows
linearly. Usage: python benchmarks/extraction_throughput.py [--factors 1 10 100]
Smallest size: --smallest runs the 1x and 2x copies only, a few seconds (2x, as the smallest to repeat
an entry, checks that the copies' manifest is written without YAML aliases; tests/test_benchmarks.py
runs it).
"""

from __future__ import annotations

import argparse
import platform
import shutil
import tempfile
import time
from pathlib import Path

import yaml

from report.corpus import parse_corpus
from report.extract import evidence
from report.paths import MANIFEST_NAME, SEEDS


class _NoAliases(yaml.SafeDumper):
    """Writes every value out: the copies of an entry share its objects (its `published` date), which
    PyYAML would otherwise dump once as an anchor (&id001) and then as aliases (*id001), and the
    manifest refuses anchors and aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def replicate(seeds: Path, factor: int, dest: Path) -> Path:
    """A corpus folder holding `factor` copies of every seed article, each under a new id and file name."""
    entries = yaml.safe_load((seeds / MANIFEST_NAME).read_text(encoding="utf-8"))
    out = []
    for k in range(factor):
        for e in entries:
            name = f"r{k:03d}_{e['file']}"
            shutil.copyfile(seeds / e["file"], dest / name)
            out.append({**e, "id": f"{e['id']}-r{k:03d}", "file": name})
    (dest / MANIFEST_NAME).write_text(yaml.dump(out, Dumper=_NoAliases, sort_keys=False, allow_unicode=True),
                                      encoding="utf-8")
    return dest


def measure(folder: Path) -> tuple[float, int, int, int]:
    """(seconds, sources, body words, evidence rows) of parsing and extracting one folder."""
    start = time.perf_counter()
    corpus = parse_corpus(folder)
    tables = evidence(corpus)
    elapsed = time.perf_counter() - start
    return elapsed, len(corpus.sources), int(corpus.sources["words"].sum()), sum(len(t) for t in tables.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--smallest", action="store_true", help="the 1x and 2x copies only")
    args = parser.parse_args()
    factors = [1, 2] if args.smallest else args.factors
    measure(SEEDS)  # warm-up: builds the pipelines (rule-based and pretrained) and the term indexes once
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"{'factor':>6} {'sources':>8} {'words':>9} {'rows':>8} {'seconds':>9} {'words/s':>9} {'s per 1x':>9}")
    for factor in factors:
        with tempfile.TemporaryDirectory() as tmp:
            folder = replicate(SEEDS, factor, Path(tmp))
            seconds, sources, words, rows = measure(folder)
        print(f"{factor:>6} {sources:>8} {words:>9} {rows:>8} {seconds:>9.2f} {words / seconds:>9.0f} "
              f"{seconds / factor:>9.3f}", flush=True)


if __name__ == "__main__":
    main()
