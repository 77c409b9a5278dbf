"""Quotation speakers beyond persons (issue 23): an organisation or ministry of the gazetteer that is the
subject of the speech verb is the speaker; a pronoun speaker keeps the words even when its clause names a
second person. Every sentence is written for the test."""

from __future__ import annotations

from pathlib import Path

from report import load_corpus
from report.extract import evidence


def write_corpus(folder: Path, *paragraphs: str) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("A headline for the test\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (folder / "sources.yml").write_text(
        "- id: test-article\n  file: a.txt\n  title: \"A headline for the test\"\n  outlet: Test Wire\n"
        "  published: 2025-07-04\n  kind: news\n", encoding="utf-8")
    return folder


def speakers(folder: Path) -> list[tuple[str, str]]:
    q = evidence(load_corpus(folder))["quotes"]
    return [(r.quote, r.speaker_id or r.speaker) for r in q.itertuples()]


def test_a_ministry_of_the_gazetteer_is_the_speaker(tmp_path):
    folder = write_corpus(tmp_path / "c", "The Russian Foreign Ministry said the talks were “useful and frank” "
                                          "and called for more meetings.")
    assert speakers(folder) == [("useful and frank", "russian-foreign-ministry")]


def test_an_organisation_after_the_quotation_is_the_speaker(tmp_path):
    folder = write_corpus(tmp_path / "c", "“The dialogue will continue,” stated the Russian Foreign Ministry "
                                          "in a note to the press.")
    assert speakers(folder) == [("The dialogue will continue", "russian-foreign-ministry")]


def test_a_pronoun_speaker_keeps_the_words_when_the_clause_names_another_person(tmp_path):
    folder = write_corpus(tmp_path / "c",
                          "Karen Decker gave a briefing in Kabul on Thursday about the visit of the Taliban delegation "
                          "and the plans of the embassy for the coming weeks.",
                          "She said Sergey Lavrov will chair the meeting, and that “the main focus” would be trade.")
    assert speakers(folder)[-1] == ("the main focus", "karen-decker")
