"""The reading path of the built book and what a reader meets on it: the words a page shows with its
folded lists closed, and the words of the machinery (extractors, parses, codebooks, rules) that belong in
the method appendix alone. `make built` holds the book to the limits (tests/built/test_reading_path.py)."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from .. import codebook


def spec() -> dict:
    """The reading path of codebook/reading.yml: pages, max_words, machinery, not_machinery."""
    return codebook.load("reading")["reading_path"]


PAGES = [f"{page}.html" for page in spec()["pages"]]  # under _build/html, in reading order
MAX_WORDS = spec()["max_words"]
# what is not read unless the reader asks: folded lists, hidden code, the page's furniture
HIDDEN = "details, .cell_input, script, style, .headerlink, .buildinfo, footer"


def _terms(words: list[str]) -> re.Pattern:
    """A pattern of the codebook's terms: a word ending in * is a prefix; case is ignored."""
    parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.I)


WORD = re.compile(r"\w[\w'’-]*")


def visible_text(html: str) -> str:
    """The text of a page's article with its folded lists and hidden parts removed."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article") or soup.find("main") or soup
    for tag in article.select(HIDDEN):
        tag.decompose()
    return article.get_text(" ")


def page_words(html_dir: Path) -> dict[str, int]:
    """Visible words of each page of the reading path, in reading order."""
    return {page: len(WORD.findall(visible_text((Path(html_dir) / page).read_text(encoding="utf-8")))) for page in PAGES}


def machinery(html_dir: Path) -> dict[str, list[str]]:
    """The words of the machinery each page of the reading path shows (a page with none is left out)."""
    out = {}
    for page in PAGES:
        text = _terms(spec()["not_machinery"]).sub(" ", visible_text((Path(html_dir) / page).read_text(encoding="utf-8")))
        found = _terms(spec()["machinery"]).findall(text)
        if found:
            out[page] = found
    return out
