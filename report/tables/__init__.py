"""The book's tables, one module per notebook: pure functions of a Corpus, each returning a new,
explicitly sorted frame (or, for evidence lists, a provenance-linked display object).

- `frames`: helpers every chapter module shares (evidence tables, body sentences, passages);
- `sources` (chapter 1), `timeline` (2), `trade` (4), `china` (5), `western_divergence` (7);
- `method`, `appendix_codebook`, `appendix_data`: the method and the appendices.

Chapters 3, 6 and 8 and the key judgments show only tables of the analysis layer shared by several
chapters (`report.motives`, `report.reading`), so they have no module here.
"""
