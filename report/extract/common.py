"""What every extractor shares: the body paragraphs, parsed once, and sentence look-up."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

from spacy.tokens import Doc

from ..corpus import Corpus, sentence_spans
from ..gazetteer import resolve_entity


@dataclass(frozen=True)
class BodyParagraph:
    source_id: str
    paragraph: int
    char_start: int  # offset of the paragraph in the source text
    doc: Doc
    sentences: list[tuple[int, int]]  # sentence spans within the paragraph

    @cached_property
    def text(self) -> str:
        """The paragraph's text (built from its tokens once: every extractor reads it per match)."""
        return self.doc.text

    @cached_property
    def _starts(self) -> list[int]:
        return [a for a, _ in self.sentences]

    def sentence_at(self, offset: int) -> int:
        """1-based number of the sentence holding paragraph offset `offset`."""
        return max(1, bisect_right(self._starts, offset))

    @cached_property
    def entities(self) -> list[tuple[int, int, str, str]]:
        """The paragraph's gazetteer entities, resolved once: (start, end, actor id, rule), in text order."""
        return [(e.start_char, e.end_char, *resolve_entity(e)) for e in self.doc.ents]

    @cached_property
    def _entity_starts(self) -> list[int]:
        return [e[0] for e in self.entities]

    def entities_in(self, a: int, b: int) -> list[tuple[int, int, str, str]]:
        """The entities that start within paragraph offsets [a, b), in text order (a binary search, not a scan)."""
        return self.entities[bisect_left(self._entity_starts, a):bisect_left(self._entity_starts, b)]

    def sentence_text(self, number: int) -> str:
        a, b = self.sentences[number - 1]
        return self.text[a:b]


def body_paragraphs(corpus: Corpus) -> Iterator[BodyParagraph]:
    """The non-boilerplate paragraphs in source and paragraph order."""
    for row in corpus.paragraphs.itertuples():
        if not row.boilerplate:
            doc = corpus.docs[(row.source_id, row.paragraph)]
            yield BodyParagraph(row.source_id, row.paragraph, row.char_start, doc, sentence_spans(doc))
