"""The book's tables in the PDF.

A notebook output reaches the PDF only through a MIME type that the LaTeX builder renders, and
myst-nb renders `text/latex` as display math. So tables carry their LaTeX under a MIME type of our
own, `LATEX_MIME`, that the `LatexTables` plugin (entry point `myst_nb.mime_renderers`) puts into the
LaTeX output as raw LaTeX, for the LaTeX builder only; HTML pages keep their HTML.

Everything that reaches LaTeX from a table goes through `escape`: source text is untrusted, and an
unescaped backslash, brace, `%`, `^^` or `$` would be read as TeX.
"""

from __future__ import annotations

import re

import pandas as pd
from pandas.io.formats.format import format_array

LATEX_MIME = "application/x-report-latex"
_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#", "%": r"\%",
    "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}", "[": "{[}", "]": "{]}",
    "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
}
_SPECIALS_RE = re.compile("|".join(re.escape(c) for c in _SPECIALS))
_LONG_WORD = re.compile(r"[^\s\-–—/]{31,}")  # a run of characters with no place to break
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_DASHES = re.compile(r"[–—/]")
WORD_CHUNK = 20  # a word longer than 30 characters may break every 20 characters


def escape(text) -> str:
    """`text` as LaTeX that typesets exactly those characters.

    TeX specials are replaced by commands, control characters by spaces, line breaks by spaces,
    very long words (URLs, a 100,000-character token) get break points so they wrap, and so do en and
    em dashes and slashes ("Uzbekistan–Afghanistan–Pakistan").
    """
    text = _CONTROL.sub(" ", "" if text is None else str(text)).replace("\n", " ").replace("\r", " ")

    def chunks(match: re.Match) -> str:
        word = match.group(0)
        return "\x00".join(word[i:i + WORD_CHUNK] for i in range(0, len(word), WORD_CHUNK))

    text = _LONG_WORD.sub(chunks, text)
    text = _SPECIALS_RE.sub(lambda m: _SPECIALS[m.group(0)], text)
    text = _DASHES.sub(lambda m: m.group(0) + "\x00", text)  # TeX breaks after a hyphen, not after these
    return text.replace("\x00", r"\allowbreak{}")


_SAFE_URL = re.compile(r"https://[A-Za-z0-9._~:/?=&+@!,;()-]+")


def url(address: str) -> str:
    """An address as a PDF link printed as written (`\\url`, which breaks it where it must), when it holds
    only characters `\\url` reads as they are; any other address as escaped text."""
    return rf"\url{{{address}}}" if _SAFE_URL.fullmatch(address) else escape(address)


def target(name: str) -> str:
    """A hyperref target or link name: letters, digits and hyphens only."""
    return re.sub(r"[^A-Za-z0-9-]", "-", str(name))


def longtable(header: list[str], rows: list[list[str]], widths: list[float], right: set[int] = frozenset(),
              size: str = r"\small", caption: tuple[str, str] = ("", "")) -> str:
    """A longtable filling the line width; `header` and `rows` are LaTeX already escaped, `widths`
    relative column widths, `right` the columns aligned right. The header repeats on each page, under
    the continuation caption; `caption` is (first caption, continuation caption), each a row
    (`numbering.caption_latex`)."""
    total = sum(widths)
    gaps = 2 * (len(widths) - 1) / len(widths)  # \tabcolsep between columns, shared out (none at the edges)
    # \hspace{0pt} lets TeX hyphenate a cell's first word too, so no word runs into the next column
    spec = "".join(
        (r">{\raggedleft\arraybackslash\hspace{0pt}}" if i in right else r">{\raggedright\arraybackslash\hspace{0pt}}")
        + f"p{{\\dimexpr {w / total:.4f}\\linewidth - {gaps:.3f}\\tabcolsep\\relax}}"
        for i, w in enumerate(widths))
    head = " & ".join(rf"\textbf{{{h}}}" for h in header) + r" \\ \hline"
    body = "\n".join(" & ".join(r) + r" \\" for r in rows)
    first, continued = caption
    return (f"\\begingroup{size}\n\\begin{{longtable}}{{@{{}}{spec}@{{}}}}\n{first}\\hline\n{head}\n\\endfirsthead\n"
            f"{continued}\\hline\n{head}\n\\endhead\n{body}\n\\hline\n\\end{{longtable}}\n\\endgroup\n")


# the text block holds about this many characters of a table set in \small (letter paper, 1in margins)
LINE_CHARS = 95
GAP_CHARS = 3  # the space between two columns (2\tabcolsep), in characters
_WORD_BREAKS = re.compile(r"\s+|(?<=[-–—/])")  # a line may break at a space, after a hyphen, dash or slash
# a date (2025-07-03) or a source id (csm-2024-06-13) is kept on one line in a table cell
WHOLE = re.compile(r"(?<![\w-])(?:[a-z][a-z0-9]*-)*\d{4}-\d{2}(?:-\d{2})?(?![\w-])")


def keep_whole(escaped: str) -> str:
    """`escaped` (LaTeX, as `escape` gives it) with every date and source id boxed, so that no line
    breaks at their hyphens; their characters are not TeX specials, so escaping left them as they were."""
    return WHOLE.sub(lambda m: r"\mbox{" + m.group(0) + "}", escaped)


DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}(?:-\d{2})?(?![\w-])")


def keep_whole_html(escaped: str) -> str:
    """On the web, the dates in table cells (the text between tags inside a `<td>`, never an attribute or
    a heading) wrapped in a span that does not break. Source ids may still break at their hyphens there:
    kept whole, they would widen the narrow source column past the article's at 1300 px."""
    def cell(td: re.Match) -> str:
        return re.sub(r">([^<]+)<", lambda t: ">" + DATE.sub(lambda m: f'<span class="nobr">{m.group(0)}</span>',
                                                             t.group(1)) + "<", td.group(0))
    return re.sub(r"<td[^>]*>.*?</td>", cell, escaped, flags=re.S)


def _needs(strings: list[str], heading: str) -> tuple[float, float]:
    """What a column needs, in characters: (least, wanted). It can be no narrower than its longest word
    or heading word (a word ends at a space or a hyphen; a heading is set in bold, a fifth wider); it would like its longest value, up to
    50 characters. Both include the gap to the next column."""
    words = max([len(w) for s in strings for w in _WORD_BREAKS.split(WHOLE.sub(lambda m: "x" * len(m[0]), s))]
                + [round(len(w) * 1.2) for w in _WORD_BREAKS.split(heading)] + [1])
    least = min(words, 30) + GAP_CHARS
    wanted = max(min(max([len(s) for s in strings] + [1]), 50) + GAP_CHARS, least)
    return float(least), float(wanted)


def _allot(needs: list[tuple[float, float]], line: float = LINE_CHARS) -> list[float]:
    """Column widths for a line of `line` characters: every column gets the least it needs first, and
    what is left of the line is shared in proportion to how much more each would like. A table whose
    least needs exceed the line still gets them (the PDF check then names it: it needs fewer columns)."""
    least = [n[0] for n in needs]
    more = [n[1] - n[0] for n in needs]
    spare = line - sum(least)
    if spare <= 0 or sum(more) == 0:
        return least
    share = min(1.0, spare / sum(more))
    return [lo + m * share for lo, m in zip(least, more)]


def _formatted(values) -> list[str]:
    return [s.strip() for s in format_array(pd.Series(values).to_numpy(), None, na_rep="")]


def human(name) -> str:
    """A column or index name as a reader sees it: "source_ids" -> "source ids"."""
    return str(name).replace("_", " ")


def _label(value) -> str:
    return " / ".join(str(v) for v in value) if isinstance(value, tuple) else str(value)


def _heading(value) -> str:
    return " / ".join(human(v) for v in value) if isinstance(value, tuple) else human(value)


def dataframe(df: pd.DataFrame, caption: tuple[str, str] = ("", "")) -> str:
    """A DataFrame as a LaTeX longtable: its index first unless it is the default 0..n-1 range,
    values formatted as pandas shows them, numbers aligned right; `caption` as for `longtable`."""
    show_index = not isinstance(df.index, pd.RangeIndex)
    columns = [_heading(c) for c in df.columns]
    cells = [_formatted(df.iloc[:, i]) for i in range(df.shape[1])]
    right = {i for i in range(df.shape[1]) if pd.api.types.is_numeric_dtype(df.dtypes.iloc[i])}
    if show_index:
        name = " / ".join(human(n) for n in df.index.names if n is not None)
        columns = [name, *columns]
        cells = [[human(_label(v)) for v in df.index], *cells]
        right = {i + 1 for i in right}
    widths = _allot([_needs(col, head) for col, head in zip(cells, columns)])
    rows = [[keep_whole(escape(col[r])) for col in cells] for r in range(len(df))]
    return longtable([escape(c) for c in columns], rows, widths, right, caption=caption)


def html_table(df: pd.DataFrame) -> str:
    """A DataFrame as the web edition shows it: human column and row labels, its index only when it
    labels the rows (not the default 0..n-1 range), every value escaped."""
    show_index = not isinstance(df.index, pd.RangeIndex)
    shown = df.rename(columns=human)
    if isinstance(shown.columns, pd.MultiIndex):
        shown.columns = shown.columns.set_names([human(n) if n is not None else None for n in shown.columns.names])
    shown.index = shown.index.set_names([human(n) if n is not None else None for n in shown.index.names])
    if show_index:  # row labels read as words too ("statements_key_acts" -> "statements key acts")
        shown = shown.rename(index=lambda v: human(v) if isinstance(v, str) else v)
        if not isinstance(shown.columns, pd.MultiIndex):
            # the row labels become the first column(s), headed in the one header row (pandas would give
            # the index's name a header row of its own, empty but for that name)
            shown = shown.reset_index(names=[n if n is not None else "" for n in shown.index.names])
            show_index = False
    # pandas adds the "dataframe" class; MathJax must never typeset source text ("$$" in an article)
    return keep_whole_html(shown.to_html(index=show_index, escape=True, na_rep="", border=0,
                                         classes="report-table tex2jax_ignore mathjax_ignore"))


class LatexTables:
    """myst-nb MIME renderer: `LATEX_MIME` output becomes raw LaTeX in the LaTeX builder, and is
    never chosen by another builder (it has no priority there)."""

    mime_priority_overrides = [("latex", LATEX_MIME, 1)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != LATEX_MIME or inline:
            return None
        from docutils import nodes  # Sphinx's: imported only when the LaTeX builder renders, not by notebooks

        return [nodes.raw("", data.string, format="latex")]
