"""Command line: `python -m report check|extract|bib SEEDS_DIR ...`, `run-notebooks NB...` and `browser-check HTML_DIR`.

Exit status: 0 on success, 2 when the corpus folder (or an output path) has problems;
problems are printed to stderr, one line each, naming the file, the entry and the field.
`browser-check` exits 1 when a page of the built book has a problem (one line each, naming the
page), 2 when there is no built book.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import bib
from .corpus import load_corpus
from .problems import CorpusError

EXIT_PROBLEMS = 2


def all_tables(corpus) -> dict:
    """The tables `extract` writes, by file stem: three base tables and every evidence table."""
    from .extract import evidence

    return {"sources": corpus.sources, "paragraphs": corpus.paragraphs, "sentences": corpus.sentences,
            **evidence(corpus)}


def write_tables(tables: dict, out: Path) -> list[Path]:
    """Write each table as `<name>.csv` (UTF-8, LF, no index); returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, df in sorted(tables.items()):
        path = out / f"{name}.csv"
        df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        paths.append(path)
    return paths


#: pages photographed by `browser-check --screenshots`: the introduction and one chapter with figures
SCREENSHOT_PAGES = {"book/intro.html": "intro.png", "notebooks/03_security.html": "chapter-03-security.png"}


def _browser_check(html_dir: Path, shots: Path | None) -> int:
    from .browser import check_site

    targets = {page: shots / name for page, name in SCREENSHOT_PAGES.items()} if shots else None
    try:
        report = check_site(html_dir, targets)
    except FileNotFoundError as err:
        return _fail([str(err)])
    for line in report.problems:
        print(line, file=sys.stderr)
    print(f"{html_dir}: {report.summary()}")
    for path in report.screenshots:
        print(f"screenshot: {path}")
    return 1 if report.problems else 0


def _fail(lines: list[str]) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    return EXIT_PROBLEMS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m report", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="validate a corpus folder (manifest and article files)")
    p_check.add_argument("seeds_dir", type=Path)
    p_extract = sub.add_parser("extract", help="validate, parse and write the tables as CSV")
    p_extract.add_argument("seeds_dir", type=Path)
    p_extract.add_argument("--out", type=Path, required=True, help="output folder (created if missing)")
    p_bib = sub.add_parser("bib", help="write the BibTeX bibliography generated from the manifest")
    p_bib.add_argument("seeds_dir", type=Path)
    p_bib.add_argument("--out", type=Path, required=True, help="the .bib file to write")
    p_run = sub.add_parser("run-notebooks", help="re-execute notebooks in place and store their outputs")
    p_run.add_argument("notebooks", type=Path, nargs="+")
    p_browser = sub.add_parser("browser-check", help="open every page of the built book in headless Chromium "
                               "and check console errors, links and anchors")
    p_browser.add_argument("html_dir", type=Path)
    p_browser.add_argument("--screenshots", type=Path, help="folder for screenshots of the introduction and a chapter")
    args = parser.parse_args(argv)

    if args.command == "browser-check":
        return _browser_check(args.html_dir, args.screenshots)

    if args.command == "run-notebooks":
        from .notebooks import execute_in_place

        for path in args.notebooks:
            execute_in_place(path)
            print(f"{path}: executed")
        return 0

    out = getattr(args, "out", None)
    if args.command == "extract" and out.exists() and not out.is_dir():
        return _fail([f"{out}: --out must be a folder, and this is a file"])
    try:
        corpus = load_corpus(args.seeds_dir)
    except CorpusError as err:
        lines = [str(p) for p in err.problems]
        return _fail(lines + [f"{len(lines)} problem(s) in {args.seeds_dir}; nothing written"])

    if args.command == "check":
        s = corpus.sources
        print(f"{args.seeds_dir}: OK: {len(s)} sources, {int(s.paragraphs.sum())} paragraphs, "
              f"{int(s.sentences.sum())} body sentences, {int(s.words.sum())} body words")
    elif args.command == "extract":
        for path in write_tables(all_tables(corpus), out):
            print(path)
    elif args.command == "bib":
        changed = bib.write_if_changed(out, bib.bibtex(corpus.sources))
        print(f"{out}: {'written' if changed else 'unchanged'}")
    return 0
