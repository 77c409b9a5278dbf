"""The book around the tables: chapter structure, provenance links, escaping, downloads, a new source."""

import html
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from report import analysis, bib, load_corpus, schemas
from report.analysis import criticism
from report.tables import appendix_data, sources, timeline
from report.cli import all_tables
from report.paths import DATA_DIR, ROOT, SEEDS
from report.publish.provenance import EvidenceTable, anchor

NOTEBOOKS = ROOT / "notebooks"
CHAPTERS = sorted(NOTEBOOKS.glob("0[1-8]_*.ipynb"))
TABLE_MODULES = sorted(p.stem for p in (ROOT / "report" / "tables").glob("*.py") if p.stem != "__init__")
NEW = Path(__file__).parent / "fixtures" / "new_article"


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _html_outputs(path):
    for cell in _cells(path):
        for out in cell.get("outputs", []):
            text = out.get("data", {}).get("text/html")
            if text:
                yield "".join(text) if isinstance(text, list) else text


def test_toc_lists_every_notebook_and_page():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for nb in NOTEBOOKS.glob("*.ipynb"):
        assert f"notebooks/{nb.stem}" in toc, nb
    for entry in re.findall(r"file: (\S+)", toc):
        assert (ROOT / f"{entry}.ipynb").exists() or (ROOT / f"{entry}.md").exists(), entry


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_every_chapter_has_tables_glue_and_citations(path):
    cells = _cells(path)
    code = "\n".join(_source(c) for c in cells if c["cell_type"] == "code")
    prose = "\n".join(_source(c) for c in cells if c["cell_type"] == "markdown")
    # at least two calls of the page modules of report/tables/ (a table module, or the shared lists)
    assert len(re.findall(r"(?<![\w.])(?:" + "|".join(TABLE_MODULES) + r")\.\w+\(", code)) >= 2
    # a figure where it carries a message of its own (none repeats its table): captioned, named, rendered
    figures = [c for c in cells if c["metadata"].get("mystnb", {}).get("figure")]
    assert all(f["metadata"]["mystnb"]["figure"].get("caption") for f in figures)
    for f in figures:
        assert "fig-" in f["metadata"]["mystnb"]["figure"]["name"]
        assert any(o.get("data", {}).get("image/png") for o in f["outputs"]), "figure not rendered"
    assert "{glue:text}" in prose and "glue(" in code
    assert "{cite" in prose
    assert all(c.get("execution_count") for c in cells if c["cell_type"] == "code"), "notebook must be committed executed"
    # no number typed into the prose: every digit comes from a role ({glue:text}, {numref}, {cite})
    for para in prose.split("\n\n"):
        plain = re.sub(r"\{[^}]+\}`[^`]*`", "", para)
        plain = re.sub(r"`[^`]*`", "", plain)
        plain = re.sub(r"\([\w-]+\)=", "", plain)  # a page label
        assert not re.search(r"\d", plain), para


def test_every_provenance_link_has_its_anchor():
    anchors = set()
    for text in _html_outputs(NOTEBOOKS / "appendix_sources.ipynb"):
        anchors |= set(re.findall(r'id="(src-[^"]+)"', text))
    corpus = load_corpus()
    assert {anchor(r.source_id, r.paragraph) for r in corpus.paragraphs.itertuples()} <= anchors
    links = 0
    for nb in NOTEBOOKS.glob("*.ipynb"):
        for text in _html_outputs(nb):
            for target in re.findall(r'href="appendix_sources\.html#([^"]+)"', text):
                assert target in anchors, (nb.name, target)
                links += 1
    assert links > 100


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_no_table_is_shown_truncated_and_every_table_reaches_the_pdf(path):
    """pandas elides rows and columns beyond its display limits: every notebook sets the house
    display options, so no committed table has a '...' row; and every HTML table has a LaTeX twin."""
    for cell in _cells(path):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            text = "".join(data.get("text/html", ""))
            assert "<td>...</td>" not in text and "<th>...</th>" not in text, path.name
            if "<table" in text:
                assert "application/x-report-latex" in data, path.name


def test_evidence_tables_escape_source_text():
    df = pd.DataFrame([{"source_id": "x-1", "paragraph": 1, "text": '<script>alert(1)</script> & "q"'}])
    out = EvidenceTable(df)._repr_html_()
    assert "<script>" not in out and html.escape('<script>alert(1)</script>') in out


def test_data_dictionary_describes_every_column():
    described = yaml.safe_load((ROOT / "report" / "data_dictionary.yml").read_text(encoding="utf-8"))
    for table, spec in described.items():
        schema = getattr(schemas, table.upper())
        assert set(spec["columns"]) == set(schema.columns), table
        assert all(str(v).strip() for v in spec["columns"].values())
    assert set(described) == set(all_tables(load_corpus()))
    assert (appendix_data.data_dictionary().description != "").all()


def test_committed_downloads_match_the_extraction(tmp_path):
    """book/data/*.csv are written by `make bib`; the committed copies must be current."""
    from report.cli import write_tables

    for path in write_tables(all_tables(load_corpus()), tmp_path):
        assert (DATA_DIR / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_new_source_reaches_every_table_the_timeline_and_the_bibliography(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    shutil.copy(NEW / "005_fixture_addition.txt", seeds)
    manifest = seeds / "sources.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n" + (NEW / "entry.yml").read_text(encoding="utf-8"),
                        encoding="utf-8")
    corpus = load_corpus(seeds)
    sid = "fixture-wire-2025-09"
    assert sid in sources.source_register(corpus).index
    assert sid in sources.theme_coverage(corpus).index
    steps = timeline.milestones(corpus)
    assert (steps.date == "2025-09-12").any() and sid in " ".join(steps.source_ids)
    claims = analysis.evidence(corpus)["numbers"]
    assert (claims.source_id == sid).any() and 500_000_000 in set(claims.value)
    quotes = analysis.evidence(corpus)["quotes"]
    assert ((quotes.source_id == sid) & (quotes.speaker == "Sergey Lavrov")).any()
    assert sid in set(criticism.reliability(corpus).source_id) and sid in set(timeline.run_up(corpus).source_ids.str.cat(sep=", ").split(", "))
    assert f"@misc{{{sid}," in bib.bibtex(corpus.sources)
    assert sid in sources.source_sizes(corpus).index
