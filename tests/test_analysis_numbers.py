"""report/analysis/numbers.py (the hard numbers and the number each fact of the key-figures box rests
on) on fixtures with hand-counted answers:

- tests/fixtures/tables/path/ (t1, t2, t3): t1 6 and t2 3 both give trade of "$300 million";
- tests/fixtures/corpus/ (alpha, beta, gamma): gamma 2.2 "Trade reached $300 million in 2024."; alpha's
  "5 percent" is neither money nor a count of at least `key_figures.min_count`;
- tests/fixtures/reading/ (r1-r4): no number at all;
- the seeds, for money, large counts and the facts of the box.
"""

from pathlib import Path

import pytest

from report import load_corpus
from report.analysis import numbers

FIXTURES = Path(__file__).parent / "fixtures"
T1, T2 = "t1-2025-07-05", "t2-2025-07-20"
GAMMA = "gamma-2025-07"
COLUMNS = ["source_id", "paragraph", "number", "value", "unit", "also_given_by", "sentence", "sentence_number"]


@pytest.fixture(scope="module")
def path():
    return load_corpus(FIXTURES / "tables" / "path")


def test_hard_numbers_given_by_two_sources(path):
    f = numbers.hard_numbers(path)
    assert list(f.columns) == COLUMNS
    assert list(zip(f.source_id, f.paragraph, f.number, f.value, f.unit, f.also_given_by, f.sentence_number)) == [
        (T1, 6, "$300 million", 300_000_000, "USD", T2, 1),
        (T2, 3, "$300 million", 300_000_000, "USD", T1, 1),
    ]
    assert f.sentence.iloc[1] == "Trade between Russia and Afghanistan reached $300 million."
    about = numbers.number_about(path, "trade")
    assert {k: v for k, v in about.items() if k != "words"} == {
        "number": "$300 million", "source_id": T1, "paragraph": 6, "also_given_by": T2, "corroborated": True}
    assert numbers.number_about(path, "need") is None


def test_a_small_count_is_no_hard_number():
    corpus = load_corpus(FIXTURES / "corpus")
    f = numbers.hard_numbers(corpus)
    assert f[["source_id", "paragraph", "number", "unit", "also_given_by"]].to_dict("records") == [
        {"source_id": GAMMA, "paragraph": 2, "number": "$300 million", "unit": "USD", "also_given_by": ""}]
    about = numbers.number_about(corpus, "trade")
    assert {k: v for k, v in about.items() if k != "words"} == {
        "number": "$300 million", "source_id": GAMMA, "paragraph": 2, "also_given_by": "", "corroborated": False}


def test_a_corpus_without_numbers():
    small = load_corpus(FIXTURES / "reading")
    f = numbers.hard_numbers(small)
    assert f.empty and list(f.columns) == COLUMNS
    assert all(numbers.number_about(small, fact) is None for fact in numbers.facts())


def test_every_fact_of_the_box_has_units_and_words():
    assert numbers.facts() and all(f["units"] and f["words"] and f["label"] for f in numbers.facts().values())
    with pytest.raises(KeyError):
        numbers.number_about(load_corpus(FIXTURES / "reading"), "no such fact")


def test_hard_numbers_of_the_seeds_keep_money_and_large_counts():
    seeds = load_corpus()
    f = numbers.hard_numbers(seeds)
    assert "USD" in set(f.unit) and (f.value >= 100).all()
    assert "two sides" not in set(f.number)  # a small count is rhetoric
    trade = numbers.number_about(seeds, "trade")
    assert trade["number"] == "an estimated $300 million" and trade["source_id"] == "osw-2025-07"
    assert numbers.number_about(seeds, "need")["number"] == "over 20 million"
    # each figure in the source's words, with the sentence before when it judges that fact (read by hand: OSW ¶8)
    assert trade["words"] == ("In 2024, bilateral trade reached an estimated $300 million, with an extreme imbalance "
                              "in Russia’s favour.")  # the Salang Tunnel sentence before it names no trade
    assert numbers.number_about(seeds, "aid")["words"].startswith("Russian humanitarian aid to Afghanistan remains limited. ")
    assert numbers.number_about(seeds, "workers")["words"].startswith(
        "The Kremlin’s openness to labour migration is similarly symbolic. ")


def test_the_one_year_a_sentence_gives():
    from report.analysis.numbers import one_year
    assert one_year("In 2024, bilateral trade reached an estimated $300 million.") == "2024"
    assert one_year("Between 2022 and 2024, it reached approximately 50,000 people.") is None
    assert one_year("Trade reached $300 million.") is None


def test_a_figure_dated_by_the_one_year_its_sentence_gives():
    from report.analysis.numbers import dated
    assert dated({"number": "$300 million", "words": "In 2024, trade reached $300 million."}) == "$300 million in 2024"
    assert dated({"number": "$300 million", "words": "In 2024, trade reached $300 million."}, " ({year})") == (
        "$300 million (2024)")
    assert dated({"number": "2003", "words": "In 2003, the court ruled."}) == "2003"
    assert dated({"number": "50,000", "words": "Between 2022 and 2024, aid reached 50,000."}) == "50,000"
