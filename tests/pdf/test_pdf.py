"""The PDF holds the book: every chapter, every figure, tables, the bibliography, and provenance
links from evidence rows to the paragraphs of the source-text appendix. Source text cannot reach
TeX as markup."""

import re
import subprocess
from pathlib import Path

import nbformat
import pytest
import yaml
from pypdf import PdfReader

from report.publish import buildinfo, latex, numbering
from report.publish.sphinx_fixes import APPENDIX_TITLE, INTRODUCTION
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
        match = APPENDIX_TITLE.match(title)
        assert (match["rest"] if match else title) in titles, path.name
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


# --- the print edition: title page, front matter, appendices, one bibliography, citation, links ---

def _plain(s: str) -> str:
    """Text as extracted, with typographic apostrophes and all whitespace runs made plain."""
    return re.sub(r"\s+", " ", s.replace("\u2019", "'")).strip()


def _page_texts(pdf) -> list[str]:
    return [_plain(page.extract_text()) for page in pdf.pages]


def _doc_title(path) -> str:
    if path.suffix == ".ipynb":
        lines = [line for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "markdown"
                 for line in cell.source.splitlines()]
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
    return next(line[2:].strip() for line in lines if line.startswith("# "))


def _doc_path(name: str):
    return next(ROOT / f"{name}{suffix}" for suffix in (".ipynb", ".md") if (ROOT / f"{name}{suffix}").is_file())


def toc_labels() -> tuple[str, list[tuple[str, str]]]:
    """From `_toc.yml`: the root's title, and (label, title) of every other page in order: numbers for
    the numbered parts, letters for the pages after them, none for front and back matter (the labels
    the table numbers use, `numbering.page_labels`). An appendix's title drops its "Appendix B: ",
    which LaTeX prints as the heading's label."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    labels = numbering.page_labels()
    entries = []
    for part in toc["parts"]:
        for chapter in part["chapters"]:
            title = _plain(_doc_title(_doc_path(chapter["file"])))
            match = APPENDIX_TITLE.match(title)
            entries.append((labels[Path(chapter["file"]).name], match["rest"] if match else title))
    return _plain(_doc_title(_doc_path(toc["root"]))), entries


def bibliography_title() -> str:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    path = next(_doc_path(c["file"]) for part in toc["parts"] for c in part["chapters"]
                if "{bibliography}" in _doc_path(c["file"]).read_text(encoding="utf-8"))
    return _plain(_doc_title(path))


@pytest.fixture(scope="module")
def pages(pdf):
    return _page_texts(pdf)


@pytest.fixture(scope="module")
def contents(pages):
    """The text of the table of contents: from the page headed Contents up to the introduction."""
    start = next(i for i, t in enumerate(pages) if t.upper().startswith("CONTENTS"))
    end = next(i for i in range(start + 1, len(pages)) if not re.search(r"\.\s?\.\s?\.", pages[i]))
    return " ".join(pages[start:end])


def _built_version(pages) -> buildinfo.Version:
    """The version on the title page; it must be the checkout's commit and date (an edit made since the
    build may add or drop `+modified`, which says nothing about the PDF)."""
    ver = buildinfo.version(ROOT)
    if not ver.date:
        assert "Unversioned build" in pages[0]
        return ver
    found = re.search(r"Version (\S+) of (\d{4}-\d{2}-\d{2})", pages[0])
    assert found, pages[0][-300:]
    assert found[1].split("+")[0] == ver.commit.split("+")[0] and found[2] == ver.date, (found[0], ver)
    return buildinfo.Version(found[1], found[2])


def test_the_title_page_has_title_authors_licence_and_the_version_of_the_build(pages):
    cite = buildinfo.citation(ROOT)
    first = pages[0]
    # the title is set in a large sans face whose word spaces are kerns, not glyphs: pypdf may not see them
    assert _plain(cite.title).replace(" ", "") in first.replace(" ", "")
    assert all(_plain(a) in first for a in cite.authors)
    _built_version(pages)
    assert cite.license and cite.license in first
    if cite.repository:
        assert cite.repository in first.replace(" ", "")


def test_the_pdf_metadata_comes_from_citation_cff(pdf):
    cite = buildinfo.citation(ROOT)
    meta = pdf.metadata
    assert meta.title == cite.title
    assert meta.author == ", ".join(cite.authors)
    assert _plain(meta.subject) == _plain(cite.abstract)
    assert meta["/Keywords"] == ", ".join(cite.keywords)


def test_contents_list_the_introduction_numbered_chapters_lettered_appendices_and_one_bibliography(contents, pdf):
    _, entries = toc_labels()
    root_title = INTRODUCTION  # the root page opens the PDF as its introduction; the book's title is on the title page
    assert contents.count(root_title) >= 1 and not re.search(r"\b\d+ " + re.escape(root_title), contents)
    for label, title in entries:
        expected = f"{label} {title}" if label else title
        assert expected in contents, expected
    bibliography = bibliography_title()
    assert contents.count(bibliography) == 1
    last_appendix = [f"{label} {title}" for label, title in entries if label][-1]
    assert re.search(re.escape(last_appendix) + r" \d+ " + re.escape(bibliography) + r" \d+", contents)  # no number
    assert list(_titles(pdf.outline)).count(bibliography) == 1
    assert list(_titles(pdf.outline))[0].replace("\u2019", "'") == root_title


def test_the_bibliography_appears_once_with_author_year_labels(pages):
    corpus = load_corpus(SEEDS)
    heads = [i for i, t in enumerate(pages) if t.upper().startswith("BIBLIOGRAPHY")]
    assert len(heads) == 1, heads
    text = " ".join(pages[heads[0]:])
    for src in corpus.sources.itertuples():
        year = src.published[:4]
        name = src.author.split()[-1] if isinstance(src.author, str) and src.author else src.outlet
        assert f"[{name}, {year}]" in text, (src.source_id, name)
    assert not re.search(r"\[\d+\]", text)


def test_no_page_is_blank(pdf, pages):
    blank = [i + 1 for i, (page, text) in enumerate(zip(pdf.pages, pages)) if not text and not page.images]
    assert not blank, f"blank pages: {blank}"
    print(f"PDF: {len(pdf.pages)} pages")


def test_the_cite_page_gives_the_version_in_plain_copyable_bibtex(pages):
    cite, ver = buildinfo.citation(ROOT), _built_version(pages)
    page = next(t for t in pages if "@book{" in t)
    assert f"@book{{{buildinfo.BIBTEX_KEY}," in page
    assert f"version = {{{ver.commit}}}" in page
    assert _plain(buildinfo.reference(cite, ver)).replace(" ", "") in page.replace(" ", "")
    assert "\u21aa" not in page and "\u2192" not in page  # no line-continuation marks
    if cite.repository:
        assert cite.repository in page.replace(" ", "")


def test_every_internal_link_lands_on_a_destination(pdf):
    names = set(pdf.named_destinations)
    dests, explicit = [], 0
    for page in pdf.pages:
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            action = action.get_object() if action is not None else None
            if action is not None and action.get("/S") == "/URI":
                continue
            dest = action.get("/D") if action is not None else annot.get("/Dest")
            if isinstance(dest, str) or hasattr(dest, "original_bytes"):
                dests.append(str(dest))
            else:
                explicit += 1  # an explicit [page /XYZ ...] destination always lands on its page
    missing = sorted({d for d in dests if d not in names})
    assert dests and not missing, missing[:20]


TEX = ROOT / "_build" / "latex" / "book.tex"
LOG = ROOT / "_build" / "latex" / "book.log"


def _table_lines() -> set[int]:
    """The lines of book.tex inside a table (longtable, tabular, tabulary)."""
    inside, depth = set(), 0
    for number, line in enumerate(TEX.read_text(encoding="utf-8").splitlines(), 1):
        depth += len(re.findall(r"\\begin\{(?:longtable|tabular|tabulary)\}", line))
        if depth:
            inside.add(number)
        depth -= len(re.findall(r"\\end\{(?:longtable|tabular|tabulary)\}", line))
    return inside


def test_no_table_overflows_its_columns_or_the_text_block(pdf):
    """Zero overfull boxes from tables in the LaTeX log: no cell runs into the next or into the margin."""
    inside = _table_lines()
    log = LOG.read_text(encoding="utf-8", errors="replace")
    found = [(m[1], int(m[2])) for m in re.finditer(r"Overfull \\hbox \(([\d.]+)pt too wide\) .*? at lines (\d+)--\d+", log)]
    in_tables = [(width, line) for width, line in found if line in inside]
    assert not in_tables, f"{len(in_tables)} overfull boxes in tables, e.g. book.tex lines {in_tables[:5]}"
    print(f"PDF: {len(found)} overfull boxes, {len(in_tables)} of them in tables")


def test_every_table_is_numbered_and_captioned_as_in_the_web_edition(pages):
    """Every longtable opens with its caption; the numbers are the notebooks' (the web edition's) and
    each appears on a page of the PDF."""
    tex = TEX.read_text(encoding="utf-8")
    tables = re.findall(r"\\begin\{longtable\}\{.*?\}\n(.*?)\n", tex)
    captions = [re.match(r"\\caption\*\{\\hypertarget\{table-[\w-]+\}\{\}\\textbf\{Table ([\w.]+)\.\} \S", t) for t in tables]
    assert tables and all(captions), [t[:80] for t, c in zip(tables, captions) if not c][:3]
    numbers = [c[1] for c in captions]
    web = [m for path in sorted((ROOT / "notebooks").glob("*.ipynb")) for cell in nbformat.read(path, as_version=4).cells
           for out in cell.get("outputs", []) for m in re.findall(r'<span class="caption-number">Table ([\w.]+)\.</span>',
                                                                  str(out.get("data", {}).get("text/html", "")))]
    assert sorted(numbers) == sorted(web)
    assert len(set(numbers)) == len(numbers), "two tables with one number"
    text = re.sub(r"\s+", "", " ".join(pages))  # text extraction may drop or add the space after "Table"
    assert [n for n in numbers if f"Table{n}." not in text] == []
    print(f"PDF: {len(numbers)} numbered tables")


def test_no_tex_reaches_the_page_as_text(text):
    """A command that should have been typeset (or escaped) prints as its name: a URL passed through the
    text escape into `\\url` printed "https:/\\protect\\penalty..." before it was fixed."""
    leaked = re.findall(r"\\(?:protect|penalty|allowbreak|textbackslash|hyperlink|url|par)\b", text)
    assert not leaked, leaked[:5]
