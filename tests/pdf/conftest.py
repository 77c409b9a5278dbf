"""Tests of the PDF: `make pdf` runs them after building it (they are left out of `make unit`)."""

import shutil

import pytest
from pypdf import PdfReader

from report.paths import ROOT

PDF = ROOT / "_build" / "book.pdf"


@pytest.fixture(scope="session")
def pdf():
    if not PDF.is_file():
        pytest.fail(f"{PDF}: no PDF: run `make pdf`", pytrace=False)
    return PdfReader(PDF)


@pytest.fixture(scope="session")
def xelatex():
    found = shutil.which("xelatex")
    if not found:
        pytest.fail("xelatex not found: `make pdf` installs TeX Live", pytrace=False)
    return found
