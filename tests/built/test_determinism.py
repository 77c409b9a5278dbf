"""Determinism across builds and machines: the book's own clean execution of every notebook gives
outputs identical to the committed ones (every MIME type, PNG bytes included), and the CSV downloads
are byte for byte the tables a fresh `report extract` writes under another hash seed.

The committed outputs come from `make notebooks` on the committer's machine, a clean run of the same
inputs; `make book` clears jupyter-cache whenever the package, codebook or seeds change, so the cache
always holds a clean execution of the current inputs. On a fresh clone (CI) the build is clean.
"""

import os
import subprocess
import sys

import nbformat
import pytest
from jupyter_cache import get_cache

from report.paths import DATA_DIR, ROOT, SEEDS

TABLES = ("sources", "paragraphs", "sentences", "events", "quotes", "numbers", "mentions", "codes", "statements",
          "claims")
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _outputs(nb) -> list:
    """Each code cell's outputs without execution counts (those depend on how cells were run)."""
    return [[{k: v for k, v in out.items() if k != "execution_count"} for out in cell.get("outputs", [])]
            for cell in nb.cells if cell.cell_type == "code"]


def _first_difference(committed: list, built: list) -> str:
    for i, (a, b) in enumerate(zip(committed, built)):
        if a != b:
            kinds = sorted({k for x, y in zip(a, b) for k in set(x.get("data", {})) | set(y.get("data", {}))
                            if x.get("data", {}).get(k) != y.get("data", {}).get(k)})
            return f"code cell {i}: {len(a)} vs {len(b)} outputs; differing MIME types {kinds or 'other fields'}"
    return f"{len(committed)} vs {len(built)} code cells"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_build_reproduces_the_committed_outputs(build, path):
    nb = nbformat.read(path, as_version=4)
    cache = get_cache(build / ".jupyter_cache")
    try:
        record = cache.match_cache_notebook(nb)
    except KeyError:
        pytest.fail(f"{path.name}: the book build holds no execution of this notebook's code", pytrace=False)
    executed = cache.get_cache_bundle(record.pk).nb
    committed, built = _outputs(nb), _outputs(executed)
    assert committed == built, f"{path.name}: {_first_difference(committed, built)}"


def test_the_compared_outputs_include_figures_and_tables():
    kinds = {k for path in NOTEBOOKS for cell in nbformat.read(path, as_version=4).cells
             for out in cell.get("outputs", []) for k in out.get("data", {})}
    assert {"image/png", "text/html", "text/plain"} <= kinds


def test_csv_downloads_are_the_tables_a_fresh_extract_writes(build, tmp_path):
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    subprocess.run([sys.executable, "-m", "report", "extract", str(SEEDS), "--out", str(tmp_path)],
                   check=True, env=env, capture_output=True)
    downloads = {p.name: p for p in (build / "html" / "_downloads").rglob("*.csv")}
    names = {f"{name}.csv" for name in TABLES}
    assert set(downloads) == names
    for name in sorted(names):
        fresh = (tmp_path / name).read_bytes()
        assert downloads[name].read_bytes() == fresh, f"{name}: the book's download differs from a fresh extract"
        assert (DATA_DIR / name).read_bytes() == fresh, f"{name}: book/data differs from a fresh extract"
