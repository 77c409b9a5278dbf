"""The report package: parse the corpus, extract evidence, compute the book's tables and figures."""

from .corpus import Corpus, load_corpus
from .problems import CorpusError, Problem

__all__ = ["Corpus", "CorpusError", "Problem", "load_corpus"]
