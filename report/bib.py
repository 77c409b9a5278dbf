"""The book's bibliography, generated from the manifest (one BibTeX entry per source)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                  "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def latex_escape(text: str) -> str:
    """Escape the characters BibTeX/LaTeX treat as markup."""
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in " ".join(text.split()))


def bibtex_entry(src: pd.Series) -> str:
    """One @misc entry; an unsigned article's outlet stands as its (corporate) author."""
    author = latex_escape(src["author"]) if isinstance(src["author"], str) else "{" + latex_escape(src["outlet"]) + "}"
    fields = [("author", "{" + author + "}"), ("title", "{{" + latex_escape(src["title"]) + "}}"),
              ("howpublished", "{" + latex_escape(src["outlet"]) + "}"), ("year", "{" + src["published"][:4] + "}")]
    if len(src["published"]) >= 7:
        fields.append(("month", _MONTHS[int(src["published"][5:7]) - 1]))
    if isinstance(src["url"], str):
        fields.append(("url", "{" + src["url"] + "}"))
    if isinstance(src.get("accessed"), str):
        fields.append(("urldate", "{" + src["accessed"] + "}"))
    if isinstance(src["published_note"], str):
        fields.append(("note", "{" + latex_escape(src["published_note"]) + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@misc{{{src['source_id']},\n{body}\n}}\n"


def bibtex(sources: pd.DataFrame) -> str:
    """The whole .bib file for a sources table, entries sorted by id."""
    header = "% Generated from seeds/sources.yml by `python -m report bib`; do not edit by hand.\n\n"
    return header + "\n".join(bibtex_entry(row) for _, row in sources.sort_values("source_id").iterrows())


def write_if_changed(path: Path, content: str) -> bool:
    """Write `content` unless the file already holds it (keeps mtimes, and so build caches, stable)."""
    path = Path(path)
    if path.is_file() and path.read_text(encoding="utf-8") == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8", newline="\n")
    return True
