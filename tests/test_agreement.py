"""report/agreement.py: Krippendorff's alpha against a hand computation, and the fields of two blind codings
of one fixture article (tests/fixtures/codings/alpha-2024-03-03.{a,b}.yml) compared by hand."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from report import agreement, codings, load_corpus

FIXTURES = Path(__file__).parent / "fixtures"


def test_alpha_by_hand():
    # units (a,a) (a,a) (b,b) (b,a): coincidences o_aa 4, o_bb 2, o_ab = o_ba 1; n_a 5, n_b 3, n 8;
    # D_o = 2/8, D_e = 2*5*3/(8*7) = 30/56, alpha = 1 - (2/8)/(30/56) = 16/30
    assert agreement.alpha([("a", "a"), ("a", "a"), ("b", "b"), ("b", "a")]) == pytest.approx(16 / 30)
    assert agreement.alpha([("a", "a"), ("b", "b")]) == pytest.approx(1.0)
    assert math.isnan(agreement.alpha([("a", "a"), ("a", "a")]))  # one value only: undefined
    assert math.isnan(agreement.alpha([]))


@pytest.fixture(scope="module")
def pair():
    corpus = load_corpus(FIXTURES / "corpus")
    a, _ = codings.read(FIXTURES / "codings" / "alpha-2024-03-03.a.yml", corpus)
    b, _ = codings.read(FIXTURES / "codings" / "alpha-2024-03-03.b.yml", corpus)
    return corpus, a, b


def test_field_values_of_two_codings(pair):
    corpus, a, b = pair
    values = agreement.field_values(corpus, a, b)
    n = len(corpus.sentences[corpus.sentences.source_id == a.source_id])
    assert all(len(values[f]) == n for f in values if f.endswith(("who does what", "categories", "found")))
    assert [v for v in values["statements: who does what"] if v != ("none", "none")] == [
        ("russia engages", "russia engages")]
    assert values["statements: polarity"] == [("affirmed", "reported")]
    # a codes pragmatism in the quotation's first sentence and economic in Ivanov's; b pragmatism in the second
    assert sorted(v for v in values["claims: motive categories"] if v != ("none", "none")) == [
        ("economic", "none"), ("none", "pragmatism"), ("pragmatism", "none")]
    assert [v for v in values["claims: risk categories"] if v != ("none", "none")] == [("none", "reputational")]
    assert values["claims: stance"] == []  # no claim both coded in the same sentence
    assert values["quotes: speaker"] == [("sergey-lavrov", "sergey-lavrov")]  # "Lavrov" is Sergei Lavrov
    assert values["quotes: attribution"] == [("venue", "named")]


def test_reliability_table(pair):
    corpus, a, b = pair
    table = agreement.reliability(corpus, [(a, b)])
    assert list(table.columns) == ["units", "agreement", "alpha"]
    assert table.loc["statements: who does what", "alpha"] == 1.0
    assert table.loc["statements: polarity", "units"] == 1 and table.loc["statements: polarity", "agreement"] == 0
    assert math.isnan(table.loc["claims: assessment categories", "alpha"])  # nothing coded by either


def test_lead_agreement_compares_each_sources_lead_motives(tmp_path):
    corpus = load_corpus(FIXTURES / "corpus")
    head = "source: alpha-2024-03-03\ncoder: {c}\nleads:\n"
    row = '  - {{paragraph: 9, quote: "the partners would expand trade", category: {cat}, basis: said, who: author}}\n'
    files = {"c": head.format(c="c") + row.format(cat="economic"),
             "d": head.format(c="d") + row.format(cat="economic"),
             "e": head.format(c="e") + row.format(cat="security"),
             "f": "source: alpha-2024-03-03\ncoder: f\nleads: []\n"}
    read = {}
    for c, text in files.items():
        (tmp_path / f"{c}.yml").write_text(text, encoding="utf-8")
        read[c], problems = codings.read(tmp_path / f"{c}.yml", corpus)
        assert problems == []
    same = agreement.lead_reliability([(read["c"], read["d"])])
    assert same.index.tolist() == ["leads: lead motives"] and same.loc["leads: lead motives", "agreement"] == 100
    apart = agreement.lead_reliability([(read["c"], read["e"]), (read["c"], read["f"])])
    assert apart.loc["leads: lead motives", "units"] == 2 and apart.loc["leads: lead motives", "agreement"] == 0
