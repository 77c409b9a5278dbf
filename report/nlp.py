"""The rule-based spaCy pipeline: English tokenizer, abbreviation special cases, sentencizer,
and an EntityRuler built from the gazetteer.

No pretrained model is used: everything the pipeline knows comes from report/codebook/.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.attrs import SENT_START
from spacy.symbols import ORTH
from spacy.tokens import Doc

from . import codebook, gazetteer
from .manifest import MAX_BYTES



@dataclass(frozen=True)
class QuoteMarks:
    """The quotation marks of the codebook (quotes.yml `quote_marks`), as the extractors ask about them."""

    pairs: tuple[tuple[str, str], ...]  # (opening, closing), in codebook order; a straight mark is (m, m)
    apostrophes: frozenset[str]  # closing marks that also write an apostrophe: their pairs nest

    @property
    def straight(self) -> frozenset[str]:
        """Marks that open and close alike (" and ')."""
        return frozenset(a for a, b in self.pairs if a == b)

    @property
    def closing(self) -> dict[str, str]:
        """Opening mark -> its closing mark, for the pairs of two different marks."""
        return {a: b for a, b in self.pairs if a != b}

    @property
    def opening_marks(self) -> frozenset[str]:
        """Every mark that opens a quotation, straight ones included."""
        return frozenset(a for a, _ in self.pairs)

    @property
    def closing_marks(self) -> frozenset[str]:
        return frozenset(b for _, b in self.pairs)

    @property
    def marks(self) -> frozenset[str]:
        return self.opening_marks | self.closing_marks


@cache
def quote_marks() -> QuoteMarks:
    """The quotation marks of codebook/quotes.yml."""
    entry = codebook.load("quotes")["quote_marks"]
    pairs = [(a, b) for a, b in entry["pairs"]] + [(m, m) for m in entry["straight"]]
    return QuoteMarks(tuple(pairs), frozenset(entry["apostrophes"]))


def _is_opening_quote(doc: Doc, i: int) -> bool:
    """Token i is a quotation mark that opens what follows it."""
    tok = doc[i]
    marks = quote_marks()
    if tok.text in marks.closing:
        return True
    # a straight quote opens when it is glued to the next token and not to the previous one
    return tok.text in marks.straight and tok.whitespace_ == "" and (i == 0 or doc[i - 1].whitespace_ != "")


@Language.component("sentence_fixes")
def sentence_fixes(doc: Doc) -> Doc:
    """Three general corrections to the sentencizer's boundaries.

    - An opening quotation mark after a full stop belongs to the next sentence, not the
      end of the previous one ('... journalists. “We have ...').
    - A 'sentence' that starts with a lowercase letter continues the previous one
      (an abbreviation the tokenizer did not know, such as 'approx. five').
    - A full stop inside parentheses that the sentence opened, and that close later in the
      paragraph, ends no sentence ("(ISIS-K; see ‘Islamists’. The Moscow attack’), which ...").
    """
    # the boundaries are read and written as one array: setting Token.is_sent_start one token at a
    # time re-checks the whole document each time, which is quadratic in a paragraph's length
    starts = doc.to_array([SENT_START]).astype("int64")  # 1 starts a sentence, -1 does not, 0 unset
    last_close = max((t.i for t in doc if t.text == ")"), default=-1)
    depth = 0  # parentheses opened since the current sentence began and not yet closed
    for i in range(1, len(doc)):
        prev = doc[i - 1].text
        depth = depth + 1 if prev == "(" else max(depth - 1, 0) if prev == ")" else depth
        if starts[i] != 1:
            continue
        if doc[i].text[:1].islower() or (depth and i < last_close):
            starts[i] = -1
        elif _is_opening_quote(doc, i - 1) and starts[i - 1] != 1:
            starts[i - 1], starts[i] = 1, -1
            depth = 0  # a sentence begins at the quotation mark
        else:
            depth = 0  # a sentence begins here
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


@cache
def pipeline() -> Language:
    """The shared pipeline (built once per process)."""
    nlp = spacy.blank("en")
    # no model here (only the tokenizer, the sentencizer and the gazetteer's rules), so spaCy's 1,000,000-
    # character guard against a parser's memory does not apply: a paragraph may be as long as a file may be
    nlp.max_length = MAX_BYTES + 1
    for abbr in codebook.load("abbreviations")["abbreviations"]:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sentence_fixes")
    ruler = nlp.add_pipe("entity_ruler", config={"validate": True})
    ruler.add_patterns(gazetteer.ruler_patterns(lambda alias: [t.text for t in nlp.make_doc(alias)]))
    return nlp
