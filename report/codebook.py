"""Load the human-authored instruments in report/codebook/ (one loader for all of them)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .paths import CODEBOOK


@cache
def load(name: str, folder: Path = CODEBOOK) -> dict:
    """The parsed YAML file `<folder>/<name>.yml`."""
    with open(Path(folder) / f"{name}.yml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)
