"""Load the human-authored instruments in report/codebook/ (one loader for all of them)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .paths import CODEBOOK

# the team's own YAML (codebook, annotations, data dictionary) is read with libyaml's safe loader when it is
# there: the same values as PyYAML's, many times faster. Files from outside (manifest, codings) go through
# report.manifest's checked reader instead.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str, folder: Path = CODEBOOK) -> dict:
    """The parsed YAML file `<folder>/<name>.yml`."""
    with open(Path(folder) / f"{name}.yml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SAFE_LOADER)
