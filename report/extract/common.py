"""What every extractor shares: the body paragraphs, parsed once, and sentence look-up."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Doc

from ..corpus import Corpus, sentence_spans


@dataclass(frozen=True)
class BodyParagraph:
    source_id: str
    paragraph: int
    char_start: int  # offset of the paragraph in the source text
    doc: Doc
    sentences: list[tuple[int, int]]  # sentence spans within the paragraph

    @property
    def text(self) -> str:
        return self.doc.text

    def sentence_at(self, offset: int) -> int:
        """1-based number of the sentence holding paragraph offset `offset`."""
        starts = [a for a, _ in self.sentences]
        return max(1, bisect_right(starts, offset))

    def sentence_text(self, number: int) -> str:
        a, b = self.sentences[number - 1]
        return self.text[a:b]


def body_paragraphs(corpus: Corpus) -> Iterator[BodyParagraph]:
    """The non-boilerplate paragraphs in source and paragraph order."""
    for row in corpus.paragraphs.itertuples():
        if not row.boilerplate:
            doc = corpus.docs[(row.source_id, row.paragraph)]
            yield BodyParagraph(row.source_id, row.paragraph, row.char_start, doc, sentence_spans(doc))
