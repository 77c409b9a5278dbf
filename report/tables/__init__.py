"""What one page shows, one module per notebook and named like it: pure functions of a Corpus, each
returning a new, explicitly sorted frame, or a provenance-linked list (`*_list`, display objects of
report.publish). They read the evidence through report.analysis only.

- `key_judgments`; `sources` (chapter 1), `timeline` (2), `motives` (the motive chapters 3 to 5, one
  pattern) with `trade` (4) and `china` (5), `risks` (6), `western_divergence` (7), `synthesis` (8);
- `method`, `appendix_codebook`, `appendix_data`: the method and the appendices;
- `lists`: the evidence lists several pages show (claims, quotations, statements, passages).
"""
