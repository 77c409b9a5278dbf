"""Determinism of the whole book: two clean builds, in two scratch copies at different paths, compared
file by file.

Prints the time of each build, how many files each produced, and every file that differs or exists in
one build only (none is expected: the HTML, the CSV downloads, the figures and the search index are
byte-identical). The tests compare the committed outputs with the build's own execution
(`tests/built/`); this script checks the whole `_build/html` tree, which is too slow for `make test`.
Usage: python benchmarks/two_clean_builds.py   (takes about three minutes); exits 1 on a difference.
Smallest size: --smallest compares two clean builds of the one-page book of build_cost.py (its table of
contents cut to build_cost.SMALLEST_PAGE, one short notebook), about fifteen seconds: every step runs,
but only that page, the theme's files and the search index are compared (tests/test_benchmarks.py
runs it).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import sys
import tempfile
from pathlib import Path

from build_cost import SMALLEST_PAGE, build, scratch_copy, smallest_book


def digests(html: Path) -> dict[str, str]:
    return {p.relative_to(html).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(html.rglob("*")) if p.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smallest", action="store_true", help=f"a one-page book ({SMALLEST_PAGE}) instead")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
    if args.smallest:
        print(f"smallest size: a one-page book ({SMALLEST_PAGE})")
    trees = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("first", "second-build"):
            book = scratch_copy(Path(tmp) / name)
            if args.smallest:
                smallest_book(book)
            seconds, executed = build(book)
            trees.append(digests(book / "_build" / "html"))
            print(f"clean build in {name + '/':14} {seconds:6.1f} s, {executed} notebooks executed, "
                  f"{len(trees[-1])} files")
    first, second = trees
    only = sorted(set(first) ^ set(second))
    differ = sorted(k for k in set(first) & set(second) if first[k] != second[k])
    csv = [k for k in first if k.endswith(".csv")]
    png = [k for k in first if k.endswith(".png")]
    print(f"compared: {len(set(first) & set(second))} files ({len(csv)} CSV downloads, {len(png)} PNG images)")
    print(f"in one build only: {len(only)}")
    print(f"differing: {len(differ)}")
    for k in only + differ:
        print(f"  {k}")
    sys.exit(1 if only or differ else 0)


if __name__ == "__main__":
    main()
