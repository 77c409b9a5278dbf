"""Re-execute notebooks in place, as nbval and the book will: a fresh kernel in the notebook's folder."""

from __future__ import annotations

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
