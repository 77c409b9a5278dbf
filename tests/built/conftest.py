"""Tests of the built book: `make built` runs them after `make book` (they are left out of `make unit`)."""

import pytest

from report.paths import ROOT

BUILD = ROOT / "_build"


@pytest.fixture(scope="session")
def build():
    if not (BUILD / "html" / "index.html").is_file() or not (BUILD / ".jupyter_cache").is_dir():
        pytest.fail(f"{BUILD}: no built book (html and jupyter-cache): run `make book` first", pytrace=False)
    return BUILD
