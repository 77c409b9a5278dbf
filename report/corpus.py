"""Parse a corpus folder into the base tables: sources, paragraphs, sentences.

`load_corpus()` is the one entry point. It validates the folder, raises CorpusError
with every problem found, and otherwise returns a Corpus; results are memoised per
process, keyed on the folder and the size and modification time of its files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc

from . import schemas
from .boilerplate import count_words, flag_paragraphs
from .diskcache import folder_digest
from .manifest import Entry, validate_folder
from .nlp import pipeline
from .paths import SEEDS
from .problems import CorpusError

LINE_RE = re.compile(r"[^\n]+")


@dataclass(frozen=True, eq=False)
class Corpus:
    """The parsed corpus. Tables are sorted by their key; treat them as read-only."""

    folder: Path
    sources: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    texts: dict[str, str] = field(repr=False)  # decoded, newline-normalised text by source id
    docs: dict[tuple[str, int], Doc] = field(repr=False)  # the spaCy parse of each paragraph
    # the digest of the folder's files taken before they were read (report.diskcache keys results by it, and
    # keys none when the folder has changed since)
    digest: str = field(default="", repr=False)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(char_start, char_end) of each paragraph: every line with text, without its outer whitespace.

    Web articles copied as text put one paragraph on a line, with or without blank lines
    between them; a line is therefore the unit.
    """
    spans = []
    for m in LINE_RE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            start = m.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence within a parsed paragraph."""
    return [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]


def _parse_source(entry: Entry, text: str, docs: dict) -> tuple[list[dict], list[dict]]:
    spans = split_paragraphs(text)
    ptexts = [text[a:b] for a, b in spans]
    flags = flag_paragraphs(ptexts)
    parsed = list(pipeline().pipe(ptexts))
    docs.update({(entry.id, n): doc for n, doc in enumerate(parsed, start=1)})
    paragraphs = [
        {"source_id": entry.id, "paragraph": n, "char_start": a, "char_end": b, "text": t,
         "boilerplate": bool(flag), "boilerplate_rule": flag}
        for n, ((a, b), t, flag) in enumerate(zip(spans, ptexts, flags), start=1)
    ]
    sentences = [
        {"source_id": entry.id, "paragraph": n, "sentence": k, "char_start": a + s, "char_end": a + e,
         "text": text[a + s:a + e]}
        for n, ((a, _), doc) in enumerate(zip(spans, parsed), start=1)
        for k, (s, e) in enumerate(sentence_spans(doc), start=1)
    ]
    return paragraphs, sentences


def _sources_table(entries: list[Entry], paragraphs: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    body = paragraphs[~paragraphs["boilerplate"]]
    body_sentences = sentences.merge(body[["source_id", "paragraph"]], on=["source_id", "paragraph"])
    rows = []
    for e in entries:
        mine = paragraphs[paragraphs["source_id"] == e.id]
        rows.append({
            "source_id": e.id, "file": e.file, "title": e.title, "outlet": e.outlet, "author": e.author,
            "published": e.published, "published_precision": e.precision, "published_note": e.published_note,
            "url": e.url, "accessed": e.accessed, "kind": e.kind, "publisher": e.publisher,
            "expertise": e.expertise, "sourcing": e.sourcing, "origin": e.origin, "based_on": e.based_on,
            "licence": e.licence, "licence_note": e.licence_note,
            "words": int(sum(count_words(t) for t in body.loc[body["source_id"] == e.id, "text"])),
            "paragraphs": len(mine),
            "boilerplate_paragraphs": int(mine["boilerplate"].sum()),
            "sentences": int((body_sentences["source_id"] == e.id).sum()),
        })
    return pd.DataFrame(rows, columns=list(schemas.SOURCES.columns))


def parse_corpus(folder: Path) -> Corpus:
    """Validate and parse a corpus folder (not memoised; see load_corpus)."""
    folder = Path(folder)
    digest = folder_digest(folder) if folder.is_dir() else ""
    entries, texts, problems = validate_folder(folder)
    if problems:
        raise CorpusError(problems)
    entries = sorted(entries, key=lambda e: e.id)
    prows, srows, docs = [], [], {}
    for e in entries:
        p, s = _parse_source(e, texts[e.id], docs)
        prows += p
        srows += s
    paragraphs = pd.DataFrame(prows, columns=list(schemas.PARAGRAPHS.columns))
    sentences = pd.DataFrame(srows, columns=list(schemas.SENTENCES.columns))
    paragraphs = paragraphs.astype({"source_id": str, "text": str, "boilerplate_rule": str, "boilerplate": bool})
    sentences = sentences.astype({"source_id": str, "text": str})
    sources = _sources_table(entries, paragraphs, sentences)
    return Corpus(
        folder=folder,
        sources=schemas.SOURCES.validate(sources.sort_values("source_id", ignore_index=True)),
        paragraphs=schemas.PARAGRAPHS.validate(paragraphs.sort_values(["source_id", "paragraph"], ignore_index=True)),
        sentences=schemas.SENTENCES.validate(
            sentences.sort_values(["source_id", "paragraph", "sentence"], ignore_index=True)),
        texts=texts,
        docs=docs,
        digest=digest,
    )


_MEMO: dict[tuple, Corpus] = {}


def _fingerprint(folder: Path) -> tuple:
    if not folder.is_dir():
        return ()
    return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()))


def load_corpus(seeds_dir: str | Path | None = None) -> Corpus:
    """The parsed corpus of `seeds_dir` (default: the book's seeds/), memoised per process."""
    folder = Path(seeds_dir) if seeds_dir is not None else SEEDS
    key = (str(folder.resolve()), _fingerprint(folder))
    if key not in _MEMO:
        _MEMO[key] = parse_corpus(folder)
    return _MEMO[key]
