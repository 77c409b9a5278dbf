"""Display: what turns the package's frames into pages, and checks the pages.

- `latex`: tables as HTML and as their LaTeX twin (the PDF), human column labels;
- `provenance`: evidence lists with links to source paragraphs, collapsed lists, source texts;
- `buildinfo`: the build stamp (commit and date) and the book's citation;
- `sphinx_fixes`: the Sphinx extension (footer stamp, PDF front matter, appendices, citation);
- `browser`: the real-browser check of the built book.
"""
