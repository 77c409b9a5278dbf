"""The PDF holds the book: every chapter, every figure, tables, the bibliography, and provenance
links from evidence rows to the paragraphs of the source-text appendix. Source text cannot reach
TeX as markup."""

import re
import subprocess

import nbformat
import pytest
from pypdf import PdfReader

from report import latex
from report.corpus import load_corpus
from report.paths import ROOT, SEEDS


@pytest.fixture(scope="module")
def text(pdf):
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pdf.pages))


def _titles(outline):
    for item in outline:
        yield from (_titles(item) if isinstance(item, list) else [item.title])


def test_every_page_of_the_book_is_a_chapter_of_the_pdf(pdf):
    titles = set(_titles(pdf.outline))
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        title = next(line[2:].strip() for cell in nbformat.read(path, as_version=4).cells
                     if cell.cell_type == "markdown" for line in cell.source.splitlines() if line.startswith("# "))
        assert title in titles, path.name
    assert "Bibliography" in titles


def test_every_figure_is_in_the_pdf(pdf):
    pngs = sum(1 for path in (ROOT / "notebooks").glob("*.ipynb")
               for cell in nbformat.read(path, as_version=4).cells for out in cell.get("outputs", [])
               if "image/png" in out.get("data", {}))
    assert pngs > 0 and sum(len(page.images) for page in pdf.pages) == pngs


def test_tables_and_bibliography_hold_every_source(text):
    corpus = load_corpus(SEEDS)
    for src in corpus.sources.itertuples():
        assert text.count(src.source_id) >= 3, src.source_id  # register, evidence rows, source texts
        assert re.sub(r"\s+", " ", src.title) in text, src.title  # bibliography and source-text heading
    assert "??" not in text  # no unresolved reference


def test_provenance_links_land_on_defined_paragraph_targets(pdf):
    targets = {name for name in pdf.named_destinations if name.startswith("src-")}
    corpus = load_corpus(SEEDS)
    assert {f"src-{r.source_id}-p{r.paragraph}" for r in corpus.paragraphs.itertuples()} <= targets
    links = [a.get_object()["/A"].get_object().get("/D") for page in pdf.pages for a in page.get("/Annots", []) or []
             if a.get_object().get("/Subtype") == "/Link" and "/A" in a.get_object()]
    provenance = [d for d in links if isinstance(d, str) and d.startswith("src-")]
    assert len(provenance) > 100
    assert set(provenance) <= targets


def test_hostile_text_typesets_as_the_same_characters(tmp_path, xelatex):
    hostile = r"\input{/etc/passwd} ^^5cinput{x} 100% $x^2$ & #1 _a ~ [opt] {b} <script>|" + "y" * 300
    body = latex.longtable(["text"], [[latex.escape(hostile)]], [1.0])
    tex = tmp_path / "t.tex"
    tex.write_text("\\documentclass{article}\\usepackage{fontspec}\\usepackage{array,longtable}"
                   "\\begin{document}\n" + latex.escape(hostile) + "\n\n" + body + "\\end{document}\n",
                   encoding="utf-8")
    run = subprocess.run([xelatex, "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", tex.name],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:]
    out = re.sub(r"\s+", "", " ".join(p.extract_text() for p in PdfReader(tmp_path / "t.pdf").pages))
    expected = re.sub(r"\s+", "", hostile)
    assert out.count(expected) == 2, out[:400]
    assert "root:" not in out
