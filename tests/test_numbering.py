"""Table numbers and captions (report/publish/numbering.py): the labels follow the table of contents,
every table of the committed notebooks is numbered and captioned, the same in HTML and LaTeX."""

import json
import re

import pandas as pd
import pytest

from report.paths import ROOT
from report.publish import latex, numbering
from report.publish.provenance import Collapsed, EvidenceTable

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
HTML_NUMBER = re.compile(r'<p class="report-caption" id="table-[\w-]+"><span class="caption-number">Table ([\w.]+)\.</span>'
                         r"( [^<]+)?</p>")
LATEX_NUMBER = re.compile(r"\\caption\*\{\\hypertarget\{table-[\w-]+\}\{\}\\textbf\{Table ([\w.]+)\.\}( [^}]+)?\}")


def test_labels_follow_the_table_of_contents():
    labels = numbering.page_labels()
    assert [labels[f"0{i}_{n}"] for i, n in enumerate(
        ["sources", "timeline", "security", "trade", "china", "risks", "western_divergence", "synthesis"], 1)] == \
        [str(i) for i in range(1, 9)]
    assert [labels[p] for p in ("method", "appendix_sources", "appendix_codebook", "appendix_data", "cite")] == \
        list("ABCDE")
    assert labels["key_judgments"] == "" and labels["bibliography"] == ""


def test_a_toc_of_ones_own(tmp_path):
    (tmp_path / "back.md").write_text("# Refs\n\n```{bibliography}\n```\n", encoding="utf-8")
    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-book\nroot: intro\nparts:\n  - chapters: [{file: front}]\n"
                   "  - numbered: true\n    chapters: [{file: a}, {file: b}]\n"
                   "  - chapters: [{file: x}, {file: back}, {file: y}]\n", encoding="utf-8")
    assert numbering.page_labels(toc) == {"front": "", "a": "1", "b": "2", "x": "A", "back": "", "y": "B"}


def test_numbers_count_from_one_on_each_page_and_an_unknown_page_is_named():
    assert numbering.start("03_security") == "3"
    assert [numbering.next_number() for _ in range(3)] == ["3.1", "3.2", "3.3"]
    numbering.start("key_judgments")
    assert numbering.next_number() == "1"
    numbering.start("appendix_codebook")
    assert numbering.next_number() == "C.1"
    with pytest.raises(KeyError, match="'09_nowhere' is not a page"):
        numbering.start("09_nowhere")


def test_a_caption_is_escaped_in_both_editions():
    hostile = "<script>x</script> 50% & $5 {b}"
    assert "<script>" not in numbering.caption_html("2.1", hostile)
    first, continued = numbering.caption_latex("2.1", hostile)
    assert r"50\% \& \$5 \{b\}" in first and "Table 2.1" in continued


@pytest.mark.parametrize("content", [
    pd.DataFrame({"a_b": [1, 2]}),
    EvidenceTable(pd.DataFrame({"source_id": ["s"], "paragraph": [1], "text": ["t"]})),
    Collapsed(pd.DataFrame({"x": ["v"]}), "Show it"),
], ids=["dataframe", "evidence", "collapsed"])
def test_a_table_shows_one_number_the_same_in_html_and_latex(content):
    numbering.start("07_western_divergence")
    bundle = numbering.Table(content, "What it shows")._repr_mimebundle_()
    assert HTML_NUMBER.search(bundle["text/html"]).groups() == ("7.1", " What it shows")
    assert LATEX_NUMBER.search(bundle[latex.LATEX_MIME]).groups() == ("7.1", " What it shows")
    assert numbering.next_number() == "7.2"  # one display, one number


def test_a_bare_dataframe_takes_its_caption_from_attrs():
    numbering.start("01_sources")
    df = pd.DataFrame({"x": [1]})
    df.attrs["caption"] = "Carried"
    assert "Table 1.1.</span> Carried" in numbering.dataframe_bundle(df)["text/html"]


def _tables(path):
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "longtable" in data.get(latex.LATEX_MIME, ""):
                yield cell["id"], data


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_table_of_the_book_is_numbered_in_order_and_captioned(path):
    label = numbering.page_labels()[path.stem]
    tables = list(_tables(path))
    if tables:  # the notebook names itself, so its tables take its label
        assert f'use_house_style(\\"{path.stem}\\")' in path.read_text(encoding="utf-8"), path.stem
    for k, (cell, data) in enumerate(tables, 1):
        expected = f"{label}.{k}" if label else str(k)
        html = HTML_NUMBER.search("".join(data["text/html"]))
        tex = LATEX_NUMBER.search(data[latex.LATEX_MIME])
        assert html and tex, f"{path.stem} cell {cell}: a table without its number"
        assert html[1] == tex[1] == expected, f"{path.stem} cell {cell}: table {html[1]}/{tex[1]}, expected {expected}"
        assert html[2] and tex[2] and html[2].strip(), f"{path.stem} cell {cell}: table {expected} has no caption"


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if numbering.page_labels()[p.stem].isalpha()]
                         + [ROOT / "book" / "cite.md"], ids=lambda p: p.stem)
def test_an_appendix_names_its_letter_in_its_title(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        text = "\n".join("".join(c["source"]) for c in json.loads(text)["cells"] if c["cell_type"] == "markdown")
    title = re.search(r"^# (.+)$", text, re.M)[1]
    assert title.startswith(f"Appendix {numbering.page_labels()[path.stem]}: "), title


@pytest.mark.parametrize("path", NOTEBOOKS + sorted((ROOT / "book").glob("*.md")), ids=lambda p: p.stem)
def test_a_link_to_an_appendix_names_its_letter(path):
    text = path.read_text(encoding="utf-8")
    labels = numbering.page_labels()
    for letter, page in re.findall(r"\[Appendix ([A-Z])\]\((?:\.\./notebooks/|\.\./book/)?(\w+)\)", text):
        assert labels[page] == letter, f"{path.name}: [Appendix {letter}]({page}) but {page} is Appendix {labels[page]}"


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.stem[0].isdigit() or p.stem == "key_judgments"],
                         ids=lambda p: p.stem)
def test_no_repository_path_in_the_text_of_a_chapter(path):
    """Readers of the PDF have no repository at hand: chapters name the appendix, not the file."""
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        caption = cell["metadata"].get("mystnb", {}).get("figure", {}).get("caption", "")
        assert not re.search(r"report/|seeds/|tests/|\.ya?ml\b|\.py\b", caption), (path.stem, cell["id"], caption)
        if cell["cell_type"] == "markdown":
            text = "".join(cell["source"])
            assert not re.search(r"`[^`]*(?:report/|seeds/|tests/|\.ya?ml\b|\.py\b)[^`]*`", text), (path.stem, cell["id"])
