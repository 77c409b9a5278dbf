"""Where things live. Every other module and notebook takes its paths from here."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the corpus the book is built from; REPORT_SEEDS points the notebooks at another folder
SEEDS = Path(os.environ.get("REPORT_SEEDS") or ROOT / "seeds")
CODEBOOK = Path(__file__).resolve().parent / "codebook"
BOOK = ROOT / "book"
NOTEBOOKS = ROOT / "notebooks"
# the reviewed codings: the adjudicated coding of each coded source, and the blind codings (codings/GUIDE.md)
CODINGS = ROOT / "codings"
BIBFILE = BOOK / "references.bib"
MANIFEST_NAME = "sources.yml"
# hand annotations: in sample (the seeds the rules were written on) and out of sample (the
# development corpus: public-domain articles no rule was written on, kept in tests/dev-corpus)
SEED_ANNOTATIONS = sorted((ROOT / "tests" / "annotations").glob("seeds*.yml"))
DEV_CORPUS = ROOT / "tests" / "dev-corpus"
DEV_CODINGS = DEV_CORPUS / "codings"  # the development corpus coded like the seeds (out of sample)
DEV_ANNOTATIONS = [ROOT / "tests" / "annotations" / "dev.yml"]
# a fresh set: articles gathered after the rules were last changed, coded blind and never read while writing a rule
FRESH_CORPUS = ROOT / "tests" / "fresh-corpus"
FRESH_CODINGS = FRESH_CORPUS / "codings"
# what a result kept on disk between notebooks (report/diskcache.py) may depend on, besides the corpus it reads
CACHE_INPUTS = [ROOT / "report", ROOT / "codings", DEV_CORPUS, FRESH_CORPUS, ROOT / "tests" / "annotations",
                ROOT / "requirements.txt", ROOT / "requirements-model.txt", ROOT / "pyproject.toml"]  # the pins too
DATA_DICTIONARY = Path(__file__).resolve().parent / "data_dictionary.yml"
DATA_DIR = BOOK / "data"


def book_pages() -> list[Path]:
    """The files of the book's own pages: its notebooks and its prose pages."""
    return sorted(NOTEBOOKS.glob("*.ipynb")) + sorted(BOOK.glob("*.md"))
