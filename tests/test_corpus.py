"""The base tables on the fixture corpus (hand-counted) and on the seeds."""

import re

import pytest

from report import load_corpus
from report.corpus import parse_corpus
from report.nlp import pipeline
from report.paths import SEEDS


def test_fixture_counts_match_hand_counts(fixture_dir, expected):
    corpus = load_corpus(fixture_dir)
    assert sorted(corpus.sources.source_id) == sorted(expected)
    for sid, exp in expected.items():
        src = corpus.sources.set_index("source_id").loc[sid]
        paras = corpus.paragraphs.query("source_id == @sid")
        assert src.paragraphs == exp["paragraphs"] == len(paras)
        flagged = dict(zip(paras.paragraph[paras.boilerplate], paras.boilerplate_rule[paras.boilerplate]))
        assert flagged == exp["boilerplate"]
        assert src.boilerplate_paragraphs == len(exp["boilerplate"])
        sents = corpus.sentences.query("source_id == @sid").groupby("paragraph").size()
        for para, n in exp["sentences"].items():
            assert sents[para] == n, (sid, para)
        assert src.sentences == exp["body_sentences"]
        assert src.words == exp["words"]


def test_offsets_point_at_the_text(fixture_dir):
    corpus = load_corpus(fixture_dir)
    for table in (corpus.paragraphs, corpus.sentences):
        for row in table.itertuples():
            assert corpus.texts[row.source_id][row.char_start:row.char_end] == row.text


def _rebuilds(corpus):
    """Paragraph texts, in order, rebuild each file's text but for the whitespace between them."""
    for sid, text in corpus.texts.items():
        paras = corpus.paragraphs.query("source_id == @sid").sort_values("paragraph")
        pos = 0
        for row in paras.itertuples():
            assert text[pos:row.char_start].strip() == "", (sid, row.paragraph)
            assert text[row.char_start:row.char_end] == row.text
            pos = row.char_end
        assert text[pos:].strip() == ""


def test_every_seed_paragraph_is_kept_in_order():
    corpus = load_corpus(SEEDS)
    assert len(corpus.texts) == len(corpus.sources) > 0
    _rebuilds(corpus)


def test_fixture_paragraphs_rebuild_the_text(fixture_dir):
    _rebuilds(load_corpus(fixture_dir))


def test_sentences_tile_each_paragraph():
    corpus = load_corpus(SEEDS)
    joined = corpus.sentences.groupby(["source_id", "paragraph"])["text"].agg("".join)
    for row in corpus.paragraphs.itertuples():
        assert re.sub(r"\s", "", joined[(row.source_id, row.paragraph)]) == re.sub(r"\s", "", row.text)


@pytest.mark.parametrize("text, expected", [
    ("The U.S. and NATO left. It was cold.", ["The U.S. and NATO left.", "It was cold."]),
    ("Mr. Putin went to St. Petersburg in Sept. 2024. He spoke.",
     ["Mr. Putin went to St. Petersburg in Sept. 2024.", "He spoke."]),
    ("Lt. Col. Ivanov paid approx. 5 dollars. No. 5 won.", ["Lt. Col. Ivanov paid approx. 5 dollars.", "No. 5 won."]),
    ("“We deal with it.” “We must,” he said.", ["“We deal with it.”", "“We must,” he said."]),
    ('He said it. "Fine," she said.', ["He said it.", '"Fine," she said.']),
    ("It rose by 5 pct. and then fell.", ["It rose by 5 pct. and then fell."]),
    # a full stop inside parentheses the sentence opened, closed later, ends nothing
    ("It fights ISIS-K (see ‘Islamists’. The attack’), which it names. Next.",
     ["It fights ISIS-K (see ‘Islamists’. The attack’), which it names.", "Next."]),
    ("He left (it was late. Very late.) She stayed.", ["He left (it was late. Very late.)", "She stayed."]),
    # a parenthesis that never closes, or closes in its own sentence, changes nothing
    ("A stray ( bracket. Then a sentence.", ["A stray ( bracket.", "Then a sentence."]),
    ("1) First point. 2) Second point.", ["1) First point.", "2) Second point."]),
])
def test_sentence_splitting_survives_abbreviations_and_quotes(text, expected):
    assert [s.text for s in pipeline()(text).sents] == expected


def test_crlf_and_bom_give_the_same_tables(corpus_copy, fixture_dir):
    for path in corpus_copy.glob("*.txt"):
        raw = path.read_bytes().replace(b"\n", b"\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + raw)
    lf, crlf = parse_corpus(fixture_dir), parse_corpus(corpus_copy)
    for name in ("sources", "paragraphs", "sentences"):
        assert getattr(lf, name).equals(getattr(crlf, name)), name


def test_load_corpus_is_memoised_and_sees_changes(corpus_copy):
    first = load_corpus(corpus_copy)
    assert load_corpus(corpus_copy) is first
    path = corpus_copy / "beta.txt"
    path.write_text(path.read_text(encoding="utf-8") + "A new closing line about Moscow.\n", encoding="utf-8")
    assert load_corpus(corpus_copy).sources.set_index("source_id").loc["beta-2024", "paragraphs"] == 5


def test_tables_are_sorted_by_key():
    corpus = load_corpus(SEEDS)
    for table, key in ((corpus.sources, ["source_id"]), (corpus.paragraphs, ["source_id", "paragraph"]),
                       (corpus.sentences, ["source_id", "paragraph", "sentence"])):
        assert table.equals(table.sort_values(key, ignore_index=True))
