"""Tables for the PDF (report/publish/latex.py) and the LaTeX-only doctree changes (report/publish/sphinx_fixes.py),
without TeX; `make pdf` compiles them (tests/pdf)."""

import pandas as pd
from docutils import nodes
from sphinx import addnodes
from docutils.utils import new_document

from report.publish import latex
from report.publish.provenance import EvidenceTable
from report.publish.buildinfo import Citation, Version
from report.publish.sphinx_fixes import bibtex_latex, citation_nodes, latex_title_page, latex_tree

HOSTILE = r"\input{/etc/passwd} ^^5cinput 100% $x$ & #1 _a ~ [opt] {b} <i>|"


def test_escape_leaves_no_tex_special_unescaped():
    out = latex.escape(HOSTILE)
    assert "\\input" not in out and "^^" not in out
    for char in "%$&#_":
        assert out.count(char) == out.count("\\" + char)
    assert out.count("{") == out.count("}")


def test_escape_breaks_very_long_words_and_drops_control_characters():
    out = latex.escape("a" * 100 + "\x07\nnext")
    assert out.count(r"\allowbreak{}") == 4 and "\x07" not in out and "\n" not in out
    assert out.endswith("  next")


def test_dataframe_table_shows_index_and_formats_like_pandas():
    df = pd.DataFrame({"share": [30.5, 1.25], "sources": [5, 3]}, index=pd.Index(["a_b", "c"], name="code"))
    out = latex.dataframe(df)
    assert r"\textbf{code} & \textbf{share} & \textbf{sources}" in out
    assert r"a b & 30.50 & 5 \\" in out and r"c & 1.25 & 3 \\" in out  # row labels read as words
    assert out.count(r"\raggedleft") == 2  # the two numeric columns


def test_a_range_index_is_left_out():
    assert r"\textbf{x} \\" in latex.dataframe(pd.DataFrame({"x": ["v"]}))


def test_evidence_table_links_each_row_to_its_paragraph_target():
    table = EvidenceTable(pd.DataFrame({"source_id": ["osw-2025-07"], "paragraph": [3], "text": ["50% & more"]}))
    out = table._repr_mimebundle_()[latex.LATEX_MIME]
    assert r"\hyperlink{src-osw-2025-07-p3}{\mbox{osw-2025-07}~¶3} & 50\% \& more \\" in out


def test_the_mime_plugin_renders_only_its_own_type_as_raw_latex():
    class Data:
        mime_type, string = latex.LATEX_MIME, r"\relax"
    [node] = latex.LatexTables.handle_mime(None, Data, False)
    assert node["format"] == "latex" and node.astext() == r"\relax"
    assert latex.LatexTables.handle_mime(None, Data, True) is None
    Data.mime_type = "text/html"
    assert latex.LatexTables.handle_mime(None, Data, False) is None


def test_latex_tree_drops_code_and_unnumbers_the_introduction():
    doc = new_document("intro")
    top = nodes.section(ids=["book"])
    top += nodes.title("", "Book")
    intro = nodes.section(ids=["what"], names=["what"])
    intro += [nodes.title("", "What it stands on"), nodes.paragraph("", "text")]
    cell = nodes.container(classes=["cell"])
    cell += [nodes.container(classes=["cell_input"]), nodes.container(classes=["cell_output"])]
    top += [intro, cell]
    doc += top
    latex_tree(doc, "intro")
    assert [type(n).__name__ for n in top.children] == ["title", "raw", "rubric", "paragraph", "container"]
    assert top[2]["ids"] == ["what"] and top[2].astext() == "What it stands on"
    assert [c["classes"] for c in cell.children] == [["cell_output"]]


def test_the_introduction_is_front_matter_in_the_contents_and_running_head():
    doc = new_document("intro")
    top = nodes.section(ids=["book"])
    top += [nodes.title("", "Russia's 100% book"), nodes.paragraph("", "text")]
    doc += top
    latex_tree(doc, "intro")
    raw = top[1]
    assert raw["format"] == "latex"
    # the book's title is on the title page; the root page is the introduction
    assert r"\addcontentsline{toc}{chapter}{Introduction}" in raw.astext()
    assert r"\chapter*{Introduction}" in raw.astext() and r"\markboth{Introduction}" in raw.astext()
    assert "100" not in raw.astext()


def test_appendix_and_back_matter_are_marked_before_their_documents():
    doc = new_document("intro")
    top = nodes.section(ids=["book"])
    top += nodes.title("", "Book")
    files = [addnodes.start_of_file(docname=name) for name in ("ch1", "method", "appx", "bib")]
    top += files
    doc += top
    latex_tree(doc, "intro", appendix="method", back_matter={"bib"})
    kinds = [n.astext().strip() if isinstance(n, nodes.raw) else n["docname"] for n in top.children[2:]]
    assert kinds == ["ch1", r"\appendix", "method", "appx", r"\setcounter{secnumdepth}{-1}", "bib"]


def test_the_bibtex_of_the_cite_page_is_plain_text_in_latex():
    out = bibtex_latex("@book{key,\n  title = {A & B 100%},\n}")
    assert "PYG" not in out and "Verbatim" not in out
    assert r"A\ \&\ B\ 100\%" in out and out.count("\\par\n") == 3


def test_citation_placeholders_become_reference_or_bibtex():
    cite = Citation(title="T", authors=["A"], license="CC-BY-4.0")
    ver = Version("abc1234", "2026-01-02")
    [para] = citation_nodes("reference", cite, ver, latex=False)
    assert para.astext() == "A (2026). T. Jupyter Book, version abc1234 of 2026-01-02. Licence: CC-BY-4.0."
    [block] = citation_nodes("bibtex", cite, ver, latex=False)
    assert isinstance(block, nodes.literal_block) and "version = {abc1234}" in block.astext()
    [raw] = citation_nodes("bibtex", cite, ver, latex=True)
    assert raw["format"] == "latex" and "abc1234" in raw.astext()


def test_title_page_and_metadata_escape_their_values():
    cite = Citation(title="T & 100%", authors=["A_b", "C"], license="CC-BY-4.0", repository="https://example.org/r",
                    abstract="x$y", keywords=["k1", "k#2"])
    page = latex_title_page(cite, Version("abc1234", "2026-01-02"))
    assert r"pdftitle={T \& 100\%}" in page and r"pdfauthor={A\_b, C}" in page and r"pdfkeywords={k1, k\#2}" in page
    assert r"Version \texttt{abc1234} of 2026-01-02" in page and r"\url{https://example.org/r}" in page
    assert "Creative Commons Attribution 4.0 International" in page
    assert "Unversioned build" in latex_title_page(cite, Version())
    hostile = latex_title_page(Citation(title="t", authors=[], repository="https://x.org/}\\input{y}"), Version())
    assert r"\url{https://x.org/}" not in hostile and r"\input{y}" not in hostile


def test_html_tables_have_human_labels_no_default_index_and_escape():
    import pandas as pd

    from report.publish.latex import html_table

    out = html_table(pd.DataFrame({"source_ids": ["<b>x</b> $$y$$"], "n": [1]}))
    assert "<th>source ids</th>" in out and "source_ids" not in out
    assert "&lt;b&gt;" in out and "<b>" not in out and "tex2jax_ignore" in out
    assert "<th>0</th>" not in out  # the default 0..n-1 index is not shown
    labelled = html_table(pd.DataFrame({"x_y": [1]}, index=pd.Index(["r"], name="the_src")))
    assert "<th>the src</th>" in labelled and "<td>r</td>" in labelled and "<th>x y</th>" in labelled
    head = labelled.split("<thead>")[1].split("</thead>")[0]
    assert head.count("<tr") == 1  # the row labels' name heads their column, not a header row of its own


def test_a_collapsed_table_folds_on_the_web_and_prints_in_full():
    from report.publish.provenance import Collapsed

    table = EvidenceTable(pd.DataFrame({"source_id": ["osw-2025-07"], "paragraph": [3], "text": ["<b>x</b>"]}))
    folded = Collapsed(table, "Show the 1 <row>")
    out = folded._repr_html_()
    assert out.startswith('<details class="collapsed-table"><summary>Show the 1 &lt;row&gt;</summary>')
    assert "&lt;b&gt;x&lt;/b&gt;" in out and "<b>" not in out
    assert folded.table_bundle("2.1", "c")[latex.LATEX_MIME] == table.table_bundle("2.1", "c")[latex.LATEX_MIME]


def test_columns_get_the_least_they_need_then_share_the_rest():
    needs = [(10.0, 10.0), (12.0, 60.0), (8.0, 20.0)]  # a number column, a text column, a short label
    assert latex._allot(needs, line=100) == [10.0, 60.0, 20.0]  # all it wants fits: each gets it
    widths = latex._allot(needs, line=50)
    assert all(w >= lo for w, (lo, _) in zip(widths, needs)) and abs(sum(widths) - 50) < 1e-9
    assert widths[0] == 10.0 and widths[1] > widths[2]  # the column that wants most gets most of the rest
    assert latex._allot([(60.0, 60.0), (50.0, 80.0)], line=100) == [60.0, 50.0]  # too wide: the least, named by the PDF check
    least, wanted = latex._needs(["2024-07-03", "a long text of several words"], "published")
    assert least == round(len("published") * 1.2) + latex.GAP_CHARS and wanted == len("a long text of several words") + latex.GAP_CHARS


def test_a_url_is_a_link_printed_as_written():
    assert latex.url("https://odri.media/a-b/c_d?x=1") == r"\url{https://odri.media/a-b/c_d?x=1}"
    assert "allowbreak" not in latex.url("https://x.org/a/b-c")  # \url breaks it itself
    assert latex.url("https://x.org/%7B}") == latex.escape("https://x.org/%7B}")  # not safe in \url: text


def test_dates_and_source_ids_stay_whole_in_table_cells():
    assert latex.keep_whole("csm-2024-06-13 said on 2025-07-03, counter-terrorism") == (
        r"\mbox{csm-2024-06-13} said on \mbox{2025-07-03}, counter-terrorism")
    html = latex.keep_whole_html('<th>2024-06-13</th><td><a href="x.html#src-csm-2024-06-13-p2">csm-2024-06-13 ¶2</a> '
                                 'on 2025-07-03</td>')
    assert html == ('<th>2024-06-13</th><td><a href="x.html#src-csm-2024-06-13-p2">csm-2024-06-13 ¶2</a> '
                    'on <span class="nobr">2025-07-03</span></td>')  # dates in cells only; ids may break on the web
    least, _ = latex._needs(["conversation-2024-04 ¶12"], "source")
    assert least == len("conversation-2024-04") + latex.GAP_CHARS  # not broken at its hyphens
    table = latex.dataframe(pd.DataFrame({"published": ["2024-06-13"]}))
    assert r"\mbox{2024-06-13}" in table
