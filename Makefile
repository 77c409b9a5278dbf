# `make book` and `make test` each create .venv from requirements.txt when it is missing or stale.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))

.PHONY: book test unit nbval notebooks bib clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# generated inputs of the book: the bibliography and the CSV downloads (committed; a test keeps them in sync)
bib: $(STAMP)
	$(BIN)/python -m report bib seeds --out book/references.bib
	$(BIN)/python -m report extract seeds --out book/data > /dev/null

# jupyter-cache keys on a notebook's code only: when the package, codebook or seeds change,
# the cached outputs are stale, so the cache is cleared before the build
INPUTS := $(shell find report seeds -type f -not -path '*/__pycache__/*' 2>/dev/null)
_build/.inputs: $(INPUTS)
	rm -rf _build/.jupyter_cache _build/.doctrees
	mkdir -p _build && touch $@

book: bib _build/.inputs
	$(BIN)/jupyter-book build . -W --keep-going

# unit tests, strict nbval against the committed outputs, then the -W book build
test: unit nbval book

unit: $(STAMP)
	$(BIN)/python -m pytest -q tests

nbval: $(STAMP)
	$(BIN)/python -m pytest -q --nbval --nbval-current-env notebooks/


# after changing the package, codebook or seeds: re-execute every notebook and commit the outputs
notebooks: $(STAMP)
	$(BIN)/python -m report run-notebooks $(NOTEBOOKS)

clean:
	rm -rf _build
