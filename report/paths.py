"""Where things live. Every other module and notebook takes its paths from here."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the corpus the book is built from; REPORT_SEEDS points the notebooks at another folder
SEEDS = Path(os.environ.get("REPORT_SEEDS") or ROOT / "seeds")
CODEBOOK = Path(__file__).resolve().parent / "codebook"
BOOK = ROOT / "book"
BIBFILE = BOOK / "references.bib"
MANIFEST_NAME = "sources.yml"
ANNOTATIONS = ROOT / "tests" / "annotations" / "seeds.yml"
DATA_DICTIONARY = Path(__file__).resolve().parent / "data_dictionary.yml"
DATA_DIR = BOOK / "data"
