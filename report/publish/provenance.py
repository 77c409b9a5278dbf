"""Provenance: each evidence row links to its paragraph in the source-text appendix.

Everything here that reaches HTML is escaped: source text is untrusted. Containers of
source text also carry `tex2jax_ignore mathjax_ignore`, so that MathJax, which the book
loads for notebook outputs, never typesets "$$...$$" written in a source.
"""

from __future__ import annotations

import html

import pandas as pd

from .. import codebook
from ..analysis.door import MACHINE, evidence, machine_evidence
from ..evaluate import load_annotations
from ..paths import SEED_ANNOTATIONS
from . import latex, numbering

NO_MATH = "tex2jax_ignore mathjax_ignore"
SOURCES_PAGE = "appendix_sources.html"  # the source-text appendix, next to the chapter pages
LONG_COLUMNS = {"text", "quote", "sentence_text"}  # take the width that is left
NARROW_COLUMNS = {"date", "date_end", "when", "sources", "pair", "published", "value", "unit", "qualifier", "kind",
                  "paragraph", "matched"}  # 5em; any other column 8em


def _col(name: str) -> str:
    if name in LONG_COLUMNS:
        return "<col>"
    return f'<col style="width:{5 if name in NARROW_COLUMNS else 8}em">'


def anchor(source_id: str, paragraph: int) -> str:
    """The HTML id of a paragraph in the source-text appendix."""
    return f"src-{source_id}-p{int(paragraph)}"


def href(source_id: str, paragraph: int) -> str:
    return f"{SOURCES_PAGE}#{anchor(source_id, paragraph)}"


class EvidenceTable:
    """A table shown as escaped HTML with a link from each row to its source paragraph.

    `df` needs `source_id` and `paragraph` columns; its other columns are shown as text.
    """

    def __init__(self, df: pd.DataFrame, columns: list[str] | None = None):
        self.df = df.reset_index(drop=True)
        self.columns = columns or [c for c in df.columns if c not in ("source_id", "paragraph")]

    def __len__(self) -> int:
        return len(self.df)

    def unreviewed(self) -> int:
        """How many rows are the machine reader's, from a source no one has coded yet (`coded` is machine)."""
        return int((self.df["coded"] == MACHINE).sum()) if "coded" in self.df.columns else 0

    def _caption(self, caption: str) -> str:
        """The caption, saying how many rows no one has reviewed when there are any."""
        n = self.unreviewed()
        return caption + (f" ({n} of {len(self)} rows unreviewed: the machine reader's, from sources not yet "
                          "coded by hand)" if n else "")

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(latex.human(c))}</th>" for c in ["source", *self.columns])
        widths = ['<col style="width:8em">'] + [_col(c) for c in self.columns]
        rows = []
        for r in self.df.itertuples(index=False):
            r = r._asdict()
            link = (f'<a class="provenance" href="{html.escape(href(r["source_id"], r["paragraph"]))}">'
                    f'{html.escape(r["source_id"])}&nbsp;¶{int(r["paragraph"])}</a>'
                    + (' <span class="unreviewed">unreviewed</span>' if r.get("coded") == MACHINE else ""))
            cells = "".join(f"<td>{html.escape(_text(r[c]))}</td>" for c in self.columns)
            rows.append(f"<tr><td>{link}</td>{cells}</tr>")
        return latex.keep_whole_html(f'<table class="dataframe evidence {NO_MATH}"><colgroup>{"".join(widths)}</colgroup>'
                                     f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')

    def latex(self, caption: tuple[str, str] = ("", "")) -> str:
        """The PDF's version: a longtable whose first column links to the paragraph in the appendix."""
        rows = []
        for r in self.df.itertuples(index=False):
            r = r._asdict()
            link = (f"\\hyperlink{{{latex.target(anchor(r['source_id'], r['paragraph']))}}}"
                    f"{{{latex.keep_whole(latex.escape(r['source_id']))}~¶{int(r['paragraph'])}}}"
                    + (" (unreviewed)" if r.get("coded") == MACHINE else ""))
            rows.append([link, *(latex.keep_whole(latex.escape(_text(r[c]))) for c in self.columns)])
        cells = [[f"{r.source_id} ¶{int(r.paragraph)}" for r in self.df.itertuples()],
                 *[[_text(v) for v in self.df[c]] for c in self.columns]]
        heads = ["source", *self.columns]
        needs = [latex._needs(col, latex.human(head)) for col, head in zip(cells, heads)]
        # the long text column takes most of what the others leave: a sentence reads badly 3 words a line
        needs = [(least, max(wanted, 4 * latex.LINE_CHARS)) if head in LONG_COLUMNS else (least, wanted)
                 for (least, wanted), head in zip(needs, heads)]
        widths = latex._allot(needs)
        return latex.longtable([latex.escape(latex.human(c)) for c in ["source", *self.columns]], rows, widths,
                               caption=caption)

    def table_bundle(self, number: str, caption: str) -> dict:
        """Shown as table `number` with `caption` (`numbering.Table`), in HTML and LaTeX."""
        caption = self._caption(caption)
        return {"text/html": numbering.caption_html(number, caption) + self._repr_html_(),
                latex.LATEX_MIME: self.latex(numbering.caption_latex(number, caption))}

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        """Displayed bare: numbered, with no caption."""
        return self.table_bundle(numbering.next_number(), "")

    def __repr__(self) -> str:
        return self.df[["source_id", "paragraph", *self.columns]].to_string(index=False)


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _sources_with_paragraphs(corpus):
    """Each source, by date then id, with an iterator over its paragraphs in order."""
    for src in corpus.sources.sort_values(["published", "source_id"]).itertuples():
        yield src, corpus.paragraphs[corpus.paragraphs.source_id == src.source_id].itertuples()


def reprintable(licence) -> bool:
    """May the book reprint a text under `licence` in full (its `reprint` in codebook/licences.yml)? A text
    with no licence, or one that may not be reprinted, is shown only in the paragraphs the book cites."""
    return isinstance(licence, str) and bool(codebook.load("licences")["licences"].get(licence, {}).get("reprint"))


def cited_paragraphs(corpus) -> set[tuple[str, int]]:
    """The paragraphs the book cites: every paragraph with a row in a table of the machine's evidence or of
    the book's (the reviewed codings; the chapters list sentences from all of them), every boilerplate paragraph (chapter 1 lists them) and every
    paragraph of a hand annotation (the method chapter lists the extractors' errors; the book reads it
    under the annotation switch of report.analysis.evidence)."""
    cited = {(s, int(p)) for tables in (machine_evidence(corpus), evidence(corpus)) for table in tables.values()
             for s, p in zip(table.source_id, table.paragraph)}
    bp = corpus.paragraphs[corpus.paragraphs.boilerplate]
    cited |= {(s, int(p)) for s, p in zip(bp.source_id, bp.paragraph)}
    for table in load_annotations(corpus, SEED_ANNOTATIONS).values():
        cited |= {(s, int(p)) for s, p in zip(table.source_id, table.paragraph)}
    return cited


def _licence_note(src, shown: int, total: int) -> str:
    licence = src.licence if isinstance(src.licence, str) else "no licence recorded"
    if reprintable(src.licence):
        return f"Reproduced in full under its licence ({licence})."
    if shown == total:
        return (f"Licence: {licence}. The book does not reprint this text as such; each of its {total} paragraphs is "
                "cited as evidence or listed as set aside (page furniture, chapter 1), and quoted under its number.")
    return (f"Licence: {licence}. The book does not reprint this text; it quotes the {shown} of its {total} "
            "paragraphs that it cites as evidence, each under its number, and withholds the others.")


def _licensed_sources(corpus):
    """Each source (by date, then id) with its paragraphs, whether its licence lets the book reprint it in
    full, and the numbers of the paragraphs shown: all of them, or those the book cites."""
    cited = cited_paragraphs(corpus)
    for src, paras in _sources_with_paragraphs(corpus):
        paras = list(paras)
        full = reprintable(src.licence)
        yield src, paras, full, {p.paragraph for p in paras if full or (src.source_id, p.paragraph) in cited}


def source_texts_html(corpus) -> str:
    """Every source, one block per source, one anchored paragraph per paragraph: the full text when its
    licence allows, else only the paragraphs the book cites (as quotations; the others keep their anchor
    and number but not their text); boilerplate paragraphs are marked with the rule that flagged them."""
    parts = []
    for src, paras, full, shown in _licensed_sources(corpus):
        original = (f' <a class="original" href="{html.escape(src.url)}">Read the original.</a>'
                    if isinstance(src.url, str) else "")
        parts.append(f'<section class="source-text {NO_MATH}" id="src-{html.escape(src.source_id)}">'
                     f"<h3>{html.escape(src.source_id)}: {html.escape(src.title)}</h3>"
                     f"<p class=\"source-meta\">{html.escape(src.outlet)}, {html.escape(src.published)}; "
                     f"file <code>{html.escape(src.file)}</code>. "
                     f"{html.escape(_licence_note(src, len(shown), len(paras)))}{original}</p>")
        for p in paras:
            aid = anchor(src.source_id, p.paragraph)
            number = f'<a class="para-number" href="#{aid}">¶{p.paragraph}</a> '
            if p.paragraph not in shown:
                parts.append(f'<p class="paragraph withheld" id="{aid}">{number}'
                             '<span class="withheld">[not cited; not reproduced]</span></p>')
                continue
            mark = (f' <span class="boilerplate">[boilerplate: {html.escape(p.boilerplate_rule)}]</span>'
                    if p.boilerplate else "")
            cls = "paragraph boilerplate-paragraph" if p.boilerplate else "paragraph"
            body = html.escape(p.text) if full else f"“{html.escape(p.text)}”"
            parts.append(f'<p class="{cls}" id="{aid}">{number}{body}{mark}</p>')
        parts.append("</section>")
    return "\n".join(parts)


def source_texts_latex(corpus) -> str:
    """The PDF's version of source_texts_html(): a hyperref target on every paragraph, so that the
    evidence tables' links land on it; the same licence rule."""
    parts = []
    for src, paras, full, shown in _licensed_sources(corpus):
        original = f" Original: {latex.url(src.url)}." if isinstance(src.url, str) else ""
        parts.append(f"\\subsection*{{{latex.escape(src.source_id)}: {latex.escape(src.title)}}}\n"
                     f"\\hypertarget{{{latex.target('src-' + src.source_id)}}}{{}}"
                     f"\\emph{{{latex.escape(src.outlet)}, {latex.escape(src.published)}; "
                     f"file \\texttt{{{latex.escape(src.file)}}}. "
                     f"{latex.escape(_licence_note(src, len(shown), len(paras)))}}}{original}\\par\n")
        for p in paras:
            target = f"\\par\\noindent\\hypertarget{{{latex.target(anchor(src.source_id, p.paragraph))}}}{{}}"
            if p.paragraph not in shown:
                parts.append(f"{target}\\textbf{{¶{int(p.paragraph)}}} \\emph{{[not cited; not reproduced]}}\\par\n")
                continue
            mark = (f" \\emph{{[boilerplate: {latex.escape(p.boilerplate_rule)}]}}" if p.boilerplate else "")
            body = latex.escape(p.text) if full else f"“{latex.escape(p.text)}”"
            parts.append(f"{target}\\textbf{{¶{int(p.paragraph)}}} {body}{mark}\\par\n")
    return "{\\small\n" + "".join(parts) + "}\n"


class SourceTexts:
    """Displays source_texts_html() in a notebook."""

    def __init__(self, corpus):
        self.corpus = corpus

    def _repr_html_(self) -> str:
        return source_texts_html(self.corpus)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {latex.LATEX_MIME: source_texts_latex(self.corpus)}

    def __repr__(self) -> str:
        return f"<source texts of {len(self.corpus.sources)} sources>"


def _links_html(evidence: pd.DataFrame) -> str:
    pairs = evidence[["source_id", "paragraph"]].drop_duplicates().itertuples(index=False)
    return ", ".join(f'<a class="provenance" href="{html.escape(href(s, p))}">{html.escape(s)}&nbsp;¶{int(p)}</a>'
                     for s, p in pairs) or "none"


def _links_latex(evidence: pd.DataFrame) -> str:
    pairs = evidence[["source_id", "paragraph"]].drop_duplicates().itertuples(index=False)
    return ", ".join(f"\\hyperlink{{{latex.target(anchor(s, p))}}}{{{latex.escape(s)}~¶{int(p)}}}"
                     for s, p in pairs) or "none"


class JudgmentList:
    """Key judgments (report.analysis.judgments.Judgment) as numbered blocks: the judgment, its confidence
    with what it rests on in short (`shorts`, one per judgment) and the strongest alternative view; folded
    under them on the web, what the confidence rests on in full (`bases`), links to every paragraph of its
    evidence with the sentences, and the paragraphs of the alternative view."""

    def __init__(self, judgments: list, start: int = 1, bases: list[str] | None = None,
                 shorts: list[str] | None = None):
        self.judgments = judgments
        self.start = start
        self.bases = bases if bases is not None else [""] * len(judgments)
        self.shorts = shorts if shorts is not None else [""] * len(judgments)

    def _repr_html_(self) -> str:
        blocks = []
        for i, (j, basis, short) in enumerate(zip(self.judgments, self.bases, self.shorts), self.start):
            rows = "".join(
                f'<li><a class="provenance" href="{html.escape(href(r.source_id, r.paragraph))}">'
                f'{html.escape(r.source_id)}&nbsp;¶{int(r.paragraph)}</a> {html.escape(_text(r.text))}</li>'
                for r in j.evidence.drop_duplicates(["source_id", "paragraph", "sentence"]).itertuples())
            n = j.evidence.drop_duplicates(["source_id", "paragraph", "sentence"]).shape[0]
            blocks.append(
                f'<div class="judgment {NO_MATH}" id="judgment-{html.escape(j.id)}">'
                f'<p class="judgment-text"><strong>{i}. {html.escape(j.text)}</strong></p>'
                f'<p><span class="confidence confidence-{html.escape(j.level)}">{html.escape(j.label)}</span>'
                f'{" (" + html.escape(short) + ")" if short else ""}. '
                f'<span class="judgment-alternative"><em>Alternative view.</em> {html.escape(j.alternative)}</span></p>'
                f'<details class="judgment-evidence"><summary>What it rests on: the {n} sentences, and the '
                f'alternative\'s paragraphs</summary><p>{html.escape(basis[:1].upper() + basis[1:])}.</p>'
                f'<p>Rests on: {_links_html(j.evidence)}.</p><ul>{rows}</ul>'
                f'<p>The alternative view rests on: {_links_html(j.alternative_evidence)}.</p></details></div>')
        return "".join(blocks)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        items = []
        for j, basis in zip(self.judgments, self.bases):
            items.append(
                f"\\item \\textbf{{{latex.escape(j.text)}}}\\par\n"
                f"\\textit{{{latex.escape(j.label)}}}: {latex.escape(basis)}.\\par\n"
                f"Rests on: {_links_latex(j.evidence)}.\\par\n"
                f"\\textit{{Alternative view.}} {latex.escape(j.alternative)} ({_links_latex(j.alternative_evidence)})")
        body = "\n".join(items)
        return {latex.LATEX_MIME: f"\\begin{{enumerate}}\\setcounter{{enumi}}{{{self.start - 1}}}\n{body}\n"
                                  "\\end{enumerate}\n"}

    def __repr__(self) -> str:
        return "\n".join(f"{i}. {j.text} [{j.label}: {basis}]"
                         for i, (j, basis) in enumerate(zip(self.judgments, self.bases), self.start))


class Collapsed:
    """A long table shown folded on the web, under a one-line summary the reader clicks to open (an HTML
    `<details>`); printed in full in the PDF."""

    def __init__(self, table, summary: str):
        self.table = table
        self.summary = summary

    def _repr_html_(self) -> str:
        inner = (latex.html_table(self.table) if isinstance(self.table, pd.DataFrame) else self.table._repr_html_())
        return (f'<details class="collapsed-table"><summary>{html.escape(self.summary)}</summary>'
                f"{inner}</details>")

    def table_bundle(self, number: str, caption: str) -> dict:
        """Shown as table `number` with `caption`: the caption stays visible above the folded list (and says
        how many of an evidence table's rows no one reviewed)."""
        if isinstance(self.table, EvidenceTable):
            caption = self.table._caption(caption)
        tex = numbering.caption_latex(number, caption)
        return {"text/html": numbering.caption_html(number, caption) + self._repr_html_(),
                latex.LATEX_MIME: latex.dataframe(self.table, tex) if isinstance(self.table, pd.DataFrame)
                else self.table.latex(tex)}

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return self.table_bundle(numbering.next_number(), "")

    def __repr__(self) -> str:
        return f"{self.summary}\n{self.table!r}"
