"""Re-execute notebooks in place, as nbval and the book will: a fresh kernel in the notebook's folder; or run
their code in this process, writing nothing, to learn which guarded sentences still hold."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

TIMEOUT = 300


def execute_in_place(path: Path, kernel_name: str = "python3") -> None:
    """Run every cell of the notebook at `path` top to bottom and store the outputs in the file."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=TIMEOUT, kernel_name=kernel_name,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in nb.cells:  # execution timestamps would make every run differ
        cell.get("metadata", {}).pop("execution", None)
    nbformat.write(nb, path)


def run_code(path: Path) -> None:
    """Run the code cells of the notebook at `path` in this process, in a namespace of their own and in the
    notebook's folder, writing nothing and showing nothing: what `python -m report guards` needs to learn
    which sentences still hold, without a kernel per page or a stored output. Raises what a cell raises."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    namespace: dict = {"__name__": "__main__"}
    here = os.getcwd()
    os.chdir(path.parent)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            for i, cell in enumerate(nb.cells):
                if cell.cell_type == "code":
                    exec(compile(cell.source, f"{path.name}[{i}]", "exec"), namespace)  # noqa: S102 (our notebooks)
    finally:
        os.chdir(here)
