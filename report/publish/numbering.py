"""Table numbers and captions, the same in the web edition and the PDF.

A table's number is its page's label and its place on the page: "Table 3.2" is the second table
of chapter 3. The labels follow the table of contents (`_toc.yml`) as the PDF numbers it
(`sphinx_fixes.toc_roles`): the pages of the numbered part are chapters 1, 2, ...; every page after
it is a lettered appendix A, B, ... except the bibliography (back matter); pages before it (the key
judgments) are front matter, whose tables are numbered 1, 2, ... without a label.

The number is given in the kernel, when the table is displayed: a notebook names itself once
(`start`, called by `figures.use_house_style`), and every table it then shows takes the next
number, in both its HTML and its LaTeX. `Table(content, caption)` shows a DataFrame, an evidence
table or a collapsed list with its caption; a table displayed bare is numbered too, with the
caption its DataFrame carries in `attrs["caption"]`, if any (a test requires one for every table
of the book).
"""

from __future__ import annotations

import html
import re
import string
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from ..paths import ROOT
from . import latex

CAPTION_CLASS = "report-caption"


def _is_back_matter(entry: str, root: Path) -> bool:
    page = root / f"{entry}.md"
    return page.is_file() and "{bibliography}" in page.read_text(encoding="utf-8")


def page_labels(toc: Path | None = None) -> dict[str, str]:
    """Each page of the book (its name without folder or suffix) -> its label: "1" ... for the
    numbered chapters, "A" ... for the pages after them, "" for front and back matter."""
    toc = Path(toc) if toc else ROOT / "_toc.yml"
    parts = yaml.safe_load(toc.read_text(encoding="utf-8")).get("parts", [])
    labels: dict[str, str] = {}
    chapter, letters, seen_numbered = 0, iter(string.ascii_uppercase), False
    for part in parts:
        for entry in part.get("chapters", []):
            name = Path(entry["file"]).name
            if part.get("numbered"):
                seen_numbered, chapter = True, chapter + 1
                labels[name] = str(chapter)
            elif seen_numbered and not _is_back_matter(entry["file"], toc.parent):
                labels[name] = next(letters)
            else:
                labels[name] = ""
    return labels


@dataclass
class _State:
    page: str = ""
    label: str = ""
    count: int = 0


_STATE = _State()


def start(page: str, toc: Path | None = None) -> str:
    """Begin numbering the tables of `page` (a notebook's name, e.g. "03_security"); returns its label.
    An unknown page is an error naming it: its tables could not be numbered as the book numbers them."""
    labels = page_labels(toc)
    if page not in labels:
        raise KeyError(f"{page!r} is not a page of the table of contents (_toc.yml): "
                       f"its tables cannot be numbered; pages: {', '.join(labels)}")
    _STATE.page, _STATE.label, _STATE.count = page, labels[page], 0
    return _STATE.label


def next_number() -> str:
    """The next table's number on the current page: "3.2", "B.1", or "2" in the front matter."""
    _STATE.count += 1
    return f"{_STATE.label}.{_STATE.count}" if _STATE.label else str(_STATE.count)


def anchor(number: str) -> str:
    """The HTML id and PDF target of a table: "table-3-2"."""
    return "table-" + re.sub(r"[^A-Za-z0-9]+", "-", number)


def caption_html(number: str, caption: str) -> str:
    """The caption line above a table: its number in bold, then the caption, escaped."""
    text = f" {html.escape(caption)}" if caption else ""
    return (f'<p class="{CAPTION_CLASS}" id="{anchor(number)}"><span class="caption-number">Table {number}.</span>'
            f"{text}</p>")


def caption_latex(number: str, caption: str) -> str:
    """The longtable caption lines: the first page's caption (with a link target) and the continuation
    caption repeated on later pages, each ending a row."""
    text = f" {latex.escape(caption)}" if caption else ""
    return (f"\\caption*{{\\hypertarget{{{anchor(number)}}}{{}}\\textbf{{Table {number}.}}{text}}}\\\\\n",
            f"\\caption*{{\\textbf{{Table {number}}} (continued)}}\\\\\n")


class Table:
    """A table with its number and caption: `content` is a DataFrame, an evidence table or a collapsed
    list (anything with `table_bundle(number, caption)`). Displaying it takes the next number."""

    def __init__(self, content, caption: str):
        self.content = content
        self.caption = caption

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return bundle(self.content, next_number(), self.caption)

    def __repr__(self) -> str:
        return f"Table: {self.caption}\n{self.content!r}"


def bundle(content, number: str, caption: str) -> dict:
    """The HTML and LaTeX of `content` shown as table `number` with `caption`."""
    if isinstance(content, pd.DataFrame):
        return {"text/html": caption_html(number, caption) + latex.html_table(content),
                latex.LATEX_MIME: latex.dataframe(content, caption_latex(number, caption))}
    return content.table_bundle(number, caption)


def dataframe_bundle(df: pd.DataFrame) -> dict:
    """A DataFrame displayed bare: the next number, and the caption in its `attrs`, if any."""
    return bundle(df, next_number(), str(df.attrs.get("caption", "")))


def register_dataframe_formatter() -> None:
    """In an IPython kernel, show every displayed DataFrame as a numbered table: its HTML with human
    labels and no default index (`latex.html_table`) and its LaTeX twin under `latex.LATEX_MIME`, both
    from one call (`dataframe_bundle`), so that the number is taken once; no-op outside IPython."""
    try:
        from IPython import get_ipython  # optional: only a notebook kernel has it
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    shell.display_formatter.mimebundle_formatter.for_type(pd.DataFrame, lambda df, include=None, exclude=None:
                                                          dataframe_bundle(df))
    # pandas' own HTML must not win over the bundle's (a type-registered formatter would)
    shell.display_formatter.formatters["text/html"].pop(pd.DataFrame, None)
