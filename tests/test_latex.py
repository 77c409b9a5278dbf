"""Tables for the PDF (report/latex.py) and the LaTeX-only doctree changes (report/sphinx_fixes.py),
without TeX; `make pdf` compiles them (tests/pdf)."""

import pandas as pd
from docutils import nodes
from docutils.utils import new_document

from report import latex
from report.provenance import EvidenceTable
from report.sphinx_fixes import latex_tree

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
    assert r"a\_b & 30.50 & 5 \\" in out and r"c & 1.25 & 3 \\" in out
    assert out.count(r"\raggedleft") == 2  # the two numeric columns


def test_a_range_index_is_left_out():
    assert r"\textbf{x} \\" in latex.dataframe(pd.DataFrame({"x": ["v"]}))


def test_evidence_table_links_each_row_to_its_paragraph_target():
    table = EvidenceTable(pd.DataFrame({"source_id": ["osw-2025-07"], "paragraph": [3], "text": ["50% & more"]}))
    out = table._repr_mimebundle_()[latex.LATEX_MIME]
    assert r"\hyperlink{src-osw-2025-07-p3}{osw-2025-07~¶3} & 50\% \& more \\" in out


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
    assert [type(n).__name__ for n in top.children] == ["title", "rubric", "paragraph", "container"]
    assert top[1]["ids"] == ["what"] and top[1].astext() == "What it stands on"
    assert [c["classes"] for c in cell.children] == [["cell_output"]]
