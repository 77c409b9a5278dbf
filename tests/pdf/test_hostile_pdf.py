"""The hostile article of `tests/fixtures/hostile/` (HTML, MyST and Sphinx markup, and TeX: `\\input`,
`\\write18`, `^^5c`, `\\end{document}`, specials) added to the corpus: the book still compiles to a PDF
in which all of it is typeset as the same characters, in the tables, the source texts and the
bibliography, and nothing is read from or written to the disk."""

import re

import pytest
from pypdf import PdfReader

from hostile_book import HOSTILE, hostile_book

SENTENCE = "Moscow and the Taliban talk about trade."


@pytest.fixture(scope="module")
def book(tmp_path_factory, xelatex):
    return hostile_book(tmp_path_factory.mktemp("hostile-pdf"), "pdflatex")


@pytest.fixture(scope="module")
def text(book):
    """The PDF's text without whitespace (line breaks fall anywhere in it)."""
    reader = PdfReader(book / "_build" / "latex" / "book.pdf")
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def _bare(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_every_hostile_paragraph_is_typeset_as_written(text):
    paragraphs = [p for p in HOSTILE.joinpath("hostile.txt").read_text(encoding="utf-8").split("\n")
                  if p.strip() and len(p) < 1000]
    for p in paragraphs:
        assert _bare(p) in text, p


def test_tex_in_the_source_is_not_executed(book, text):
    assert _bare(r"\input{/etc/passwd} \write18{touch pwned} ^^5cinput{x} \end{document}") in text
    assert "root:" not in text
    assert not list(book.rglob("pwned*"))


def test_the_long_line_is_typeset_whole(text):
    """Some sentences are split by a page's running head or a hyphenation, hence the 2 % allowance;
    a line cut short (a TeX buffer overflow) would lose far more."""
    line = max(HOSTILE.joinpath("hostile.txt").read_text(encoding="utf-8").split("\n"), key=len)
    assert len(line) >= 100_000
    assert text.count(_bare(SENTENCE)) >= 0.98 * line.count(SENTENCE)


def test_the_hostile_title_and_outlet_are_text_in_the_bibliography(text):
    assert _bare("<script>alert('title')</script> {download}`x` $$y$$") in text
    assert _bare("Hostile <i>Outlet</i>") in text
