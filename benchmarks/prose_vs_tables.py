"""Words of interpretation against words of tables, per page of the built HTML book.

Run after `make book`: python benchmarks/prose_vs_tables.py [_build/html]
- prose: the authors' paragraphs and list items outside notebook outputs (glued values included);
- judgments: the key judgments' own words (judgment, confidence, alternative), not the evidence
  sentences collapsed under them;
- tables: the text of every table cell (source sentences included);
- evidence lists: the sentences listed under the judgments.
Prints one line per page and the totals.
Smallest size: --smallest needs no built book: it builds the one-page book of build_cost.py (its table
of contents cut to build_cost.SMALLEST_PAGE, one short notebook, about ten seconds) in a temporary
folder and counts that page alone (tests/test_benchmarks.py runs it).
"""

import argparse
import re
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

PAGES = ["book/intro", "notebooks/key_judgments"] + [f"notebooks/{p}" for p in (
    "01_sources", "02_timeline", "03_security", "04_trade", "05_china", "06_risks", "07_western_divergence",
    "08_synthesis")]
WORD = re.compile(r"[^\W_]+(?:[’'.,-][^\W_]+)*")


def words(text: str) -> int:
    return len(WORD.findall(text))


def count(path: Path) -> tuple[int, int, int, int]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    main = soup.find("main") or soup
    tables = sum(words(t.get_text(" ")) for t in main.find_all("table"))
    details = sum(words(d.get_text(" ")) for d in main.select("div.judgment details"))
    judgments = sum(words(d.get_text(" ")) for d in main.select("div.judgment")) - details
    prose = 0
    for el in main.find_all(["p", "li"]):
        if el.find_parent(["table", "figure"]) or el.find_parent(class_=re.compile(r"\b(cell_output|output|judgment)\b")):
            continue
        if el.find_parent(["li"]) and el.name == "p":
            continue  # a list item's paragraph is counted with the item
        prose += words(el.get_text(" "))
    return prose, judgments, tables, details


def main(root: Path, pages: list[str]) -> None:
    missing = [page for page in pages if not (root / f"{page}.html").is_file()]
    if missing:
        sys.exit(f"{root}: no built page {', '.join(missing)}; run `make book` first, or use --smallest")
    totals = [0, 0, 0, 0]
    print(f"{'page':34} {'prose':>6} {'judgments':>9} {'tables':>7} {'evidence lists':>14}")
    for page in pages:
        row = count(root / f"{page}.html")
        print(f"{page:34} {row[0]:6d} {row[1]:9d} {row[2]:7d} {row[3]:14d}")
        totals = [a + b for a, b in zip(totals, row)]
    print(f"{'total':34} {totals[0]:6d} {totals[1]:9d} {totals[2]:7d} {totals[3]:14d}")


def smallest() -> None:
    """Builds the one-page book in a temporary folder and counts its page."""
    from build_cost import SMALLEST_PAGE, build, scratch_copy, smallest_book

    with tempfile.TemporaryDirectory() as tmp:
        book = scratch_copy(Path(tmp) / "book")
        smallest_book(book)
        build(book)
        print(f"smallest size: a one-page book ({SMALLEST_PAGE})")
        main(book / "_build" / "html", [SMALLEST_PAGE])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=Path("_build/html"), help="the built HTML book")
    parser.add_argument("--smallest", action="store_true", help="build a one-page book and count it instead")
    args = parser.parse_args()
    if args.smallest:
        smallest()
    else:
        main(args.root, PAGES)
