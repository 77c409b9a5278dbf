"""The report package: parse the corpus, extract evidence, compute the book's tables and figures.

`load_corpus`, `Corpus`, `CorpusError` and `Problem` are read from their modules on first use (PEP 562): importing
a light module of the package (the Sphinx extension `report.publish.sphinx_fixes`, loaded by every build of the
book) does not import spaCy and pandas with the corpus.
"""

from importlib import import_module

_LAZY = {"Corpus": "corpus", "load_corpus": "corpus", "CorpusError": "problems", "Problem": "problems"}

__all__ = ["Corpus", "CorpusError", "Problem", "load_corpus"]


def __getattr__(attr: str):
    if attr in _LAZY:
        return getattr(import_module(f".{_LAZY[attr]}", __name__), attr)
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
