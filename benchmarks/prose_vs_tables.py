"""Words of interpretation against words of tables, per page of the built HTML book.

Run after `make book`: python benchmarks/prose_vs_tables.py [_build/html]
Prose is the text of paragraphs and list items outside notebook outputs (the authors' words, with
glued values); table words are the text of every table cell; judgment words are the key judgments'
sentences and alternatives. Prints one line per page and the totals.
"""

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

PAGES = ["book/intro", "notebooks/key_judgments"] + [f"notebooks/{p}" for p in (
    "01_sources", "02_timeline", "03_security", "04_trade", "05_china", "06_risks", "07_western_divergence",
    "08_synthesis")]
WORD = re.compile(r"[^\W_]+(?:[’'.,-][^\W_]+)*")


class Counter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.prose, self.table, self.judgment = [], 0, 0, 0

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "hr", "meta", "link", "input", "col"):
            return
        cls = dict(attrs).get("class") or ""
        self.stack.append((tag, cls))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        tags = [t for t, _ in self.stack]
        classes = " ".join(c for _, c in self.stack)
        if "main" not in tags or "script" in tags or "style" in tags or "nav" in tags:
            return
        n = len(WORD.findall(data))
        if "table" in tags:
            self.table += n
        elif "judgment" in classes:
            self.judgment += n
        elif ("cell_output" not in classes and "output" not in classes.split()
              and ("p" in tags or "li" in tags) and "highlight" not in classes):
            self.prose += n


def main(root: Path) -> None:
    totals = [0, 0, 0]
    print(f"{'page':32} {'prose':>7} {'judgments':>10} {'tables':>7}")
    for page in PAGES:
        c = Counter()
        c.feed((root / f"{page}.html").read_text(encoding="utf-8"))
        print(f"{page:32} {c.prose:7d} {c.judgment:10d} {c.table:7d}")
        for i, v in enumerate((c.prose, c.judgment, c.table)):
            totals[i] += v
    print(f"{'total':32} {totals[0]:7d} {totals[1]:10d} {totals[2]:7d}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html"))
