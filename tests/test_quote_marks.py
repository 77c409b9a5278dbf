"""Quotation marks are codebook data (quotes.yml `quote_marks`): every pair it lists opens a quotation,
angle quotes («…») and low-high quotes („…“) included, with the same speaker rules as curly quotes;
the sentence splitter and the parse's candidate test read the same pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from report import codebook, load_corpus
from report.extract import evidence
from report.extract.parsed import is_candidate
from report.extract.quotes import find_quotes
from report.nlp import pipeline, quote_marks


def write_corpus(folder: Path, *paragraphs: str) -> Path:
    """A one-article corpus in `folder`: a title line and `paragraphs`."""
    folder.mkdir()
    body = "\n\n".join(paragraphs)
    (folder / "a.txt").write_text(f"A headline for the test\n\n{body}\n", encoding="utf-8")
    (folder / "sources.yml").write_text(
        "- id: test-article\n  file: a.txt\n  title: \"A headline for the test\"\n  outlet: Test Wire\n"
        "  published: 2025-07-04\n  kind: news\n", encoding="utf-8")
    return folder


def quotes(folder: Path) -> list[tuple[str, str, str, str, bool]]:
    """(quote, speaker, speaker_id, kind, unclosed) of every quotation of the corpus in `folder`."""
    q = evidence(load_corpus(folder))["quotes"]
    return [(r.quote, r.speaker, r.speaker_id, r.kind, bool(r.unclosed)) for r in q.itertuples()]


def test_the_marks_are_the_codebooks():
    entry = codebook.load("quotes")["quote_marks"]
    marks = quote_marks()
    assert list(marks.pairs) == [tuple(p) for p in entry["pairs"]] + [(m, m) for m in entry["straight"]]
    assert {"«", "„"} <= marks.opening_marks and {"»", "“"} <= marks.closing_marks
    assert marks.straight == set(entry["straight"])


@pytest.mark.parametrize("text, inner", [
    ("Lavrov said: «We will work with them.»", "We will work with them."),
    ("Lavrov said: „We will work with them.“", "We will work with them."),
    ("“We will work with them.”", "We will work with them."),
    ("‘We will work with them,’ he said.", "We will work with them,"),
    ('"We will work with them," he said.', "We will work with them,"),
    ("'We won't work with them,' he said.", "We won't work with them,"),  # the apostrophe does not close
])
def test_every_pair_opens_a_quotation(text, inner):
    found = find_quotes(text)
    assert len(found) == 1 and not found[0].unclosed
    assert text[found[0].inner_start:found[0].inner_end] == inner


def test_an_unclosed_straight_apostrophe_opens_nothing():
    assert find_quotes("Music of the '90s is back, Lavrov said.") == []


def test_angle_quotes_with_a_speaker(tmp_path):
    folder = write_corpus(tmp_path / "c", "Sergey Lavrov said: «We will work with them.»")
    assert quotes(folder) == [("We will work with them.", "Sergey Lavrov", "sergey-lavrov", "direct", False)]


def test_low_high_quotes_with_a_speaker(tmp_path):
    folder = write_corpus(tmp_path / "c", "„We will work with the Taliban government,“ Sergey Lavrov told reporters.")
    assert quotes(folder) == [("We will work with the Taliban government", "Sergey Lavrov", "sergey-lavrov",
                               "direct", False)]


def test_angle_quotes_without_a_speaker(tmp_path):
    folder = write_corpus(tmp_path / "c", "Moscow calls the movement «a partner in the fight against terrorism» now.")
    assert quotes(folder) == [("a partner in the fight against terrorism", "", "", "partial", False)]


def test_an_unclosed_angle_quote_runs_to_the_end_of_its_paragraph(tmp_path):
    folder = write_corpus(tmp_path / "c", "Sergey Lavrov said: «We will work with them.")
    assert quotes(folder) == [("We will work with them.", "Sergey Lavrov", "sergey-lavrov", "direct", True)]


@pytest.mark.parametrize("text", ["He paused. «We will work with them.»", "He paused. „We will work with them.“"])
def test_an_opening_mark_starts_the_next_sentence(text):
    sentences = [s.text for s in pipeline()(text).sents]
    assert sentences == ["He paused.", text.split(". ", 1)[1]]


@pytest.mark.parametrize("text", ["Lavrov said: «We will work with them.»", "Lavrov said: „We will work with them.“"])
def test_a_sentence_with_marks_and_a_speech_verb_is_parsed(text):
    assert is_candidate(text)
