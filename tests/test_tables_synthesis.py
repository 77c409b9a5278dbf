"""report/tables/synthesis.py (chapter 8: the key judgments with their confidence, the motives source
by source) on tests/fixtures/reading/ (r1-r4, all published in 2024; grades A, B, D, E; r3
rewrites r2), whose claims are hand-counted: security in r1, r2 and r3 (one sentence each), economic in
r4; r1 affirms and r2 (later) denies that Russia recognises the Taliban."""

from pathlib import Path

import pytest

from report import load_corpus
from report.tables import synthesis

READING = Path(__file__).parent / "fixtures" / "reading"
SECURITY = "security and counter-terrorism"
ECONOMIC = "trade, transit and economic stakes"


@pytest.fixture(scope="module")
def small():
    return load_corpus(READING)


def test_what_each_source_puts_first_in_words(small, monkeypatch):
    import pandas as pd

    from report.analysis import claims
    from report.analysis.door import LEAD_COLUMNS
    rows = [("r1-2024-01", 3, 1, "security", "thesis", "author", "security and trade, both"),
            ("r1-2024-01", 3, 1, "economic", "thesis", "author", "security and trade, both"),
            ("r2-2024-06", 2, 1, "security", "said", "experts", "security tops the agenda")]
    monkeypatch.setattr(claims, "lead_rows", lambda corpus: (
        pd.DataFrame([dict(zip(LEAD_COLUMNS, r)) for r in rows], columns=LEAD_COLUMNS),
        ["r1-2024-01", "r2-2024-06", "r4-2024-08"]))
    assert synthesis.put_first_phrase(small, "security") == (
        f"Fixture Wire (as its thesis, beside “{ECONOMIC}”) and Fixture Institute (in so many words, in the words of experts)")
    assert synthesis.put_first_phrase(small, "china") == ""
    assert synthesis.weigh_none(small) == ["r4-2024-08"]  # coded, and puts nothing first; r3 is not coded
    table = synthesis.leads_list(small)
    assert list(table.df.source_id) == ["r1-2024-01", "r2-2024-06"]
    assert list(table.df["first"]) == [f"{SECURITY} and {ECONOMIC}", SECURITY]
    assert list(table.df["how"]) == ["as its thesis", "in so many words"]


def test_the_ranked_motives_table_weighs_who_gives_each(small):
    """Security: r1, r2 and r3, but r3 rewrites r2, so two independent; r1 and r2 contradict each other on the
    recognition, so the best of them is graded C (A and B lowered). Economic: r4 alone (E, lowered to F). No
    recognition is dated in the fixture, so no source wrote after it; no claim is denied."""
    t = synthesis.ranked_motives(small)
    assert list(t.columns) == ["put first by", "sources", "independent", "best grade", "written after the step",
                               "denied by"]
    assert t.loc[SECURITY].tolist() == [0, 3, 2, "C", 0, 0]
    assert t.loc[ECONOMIC].tolist() == [0, 1, 1, "F", 0, 0]
    assert list(t.index[:2]) == [SECURITY, ECONOMIC]  # by independent sources first
    level = synthesis.leaders_level(small, 2)  # security and the economy differ in sources and grade
    assert not level["holds"] and level["names"] == [SECURITY, ECONOMIC]


def test_the_three_leading_motives_stand_level_on_the_seeds():
    """On the seeds: security, the economy and leverage against the West are each given by three independent
    sources, the best graded B, and by both sources written after the recognition (OSW and Stratheia)."""
    level = synthesis.leaders_level(load_corpus())
    assert level == {"holds": True, "names": [SECURITY, ECONOMIC, "against the West"], "n_independent": 3,
                     "grade": "B", "n_after": 2}


def _aims(monkeypatch, rows):
    import pandas as pd

    from report.analysis import claims
    aims = pd.DataFrame(rows, columns=["source_id", "paragraph", "sentence", "category"])
    real = claims.of_kind
    monkeypatch.setattr(claims, "of_kind", lambda corpus, kind="motive": aims if kind == "aim" else real(corpus, kind))


def test_the_taliban_aims_weighed_by_who_gives_them(small, monkeypatch):
    """Recognition from r1, r2 and r3 (r3 rewrites r2: two independent; r1 and r2 lowered to C); trade from r4 alone
    in two sentences (E, lowered to F). Recognition leads, from three sources, two of them independent."""
    _aims(monkeypatch, [("r1-2024-01", 1, 1, "recognition"), ("r2-2024-06", 1, 1, "recognition"),
                        ("r3-2024-07", 1, 1, "recognition"), ("r4-2024-08", 1, 1, "economic"),
                        ("r4-2024-08", 2, 1, "economic")])
    t = synthesis.aims_weighed(small)
    assert list(t.columns) == ["sources", "independent", "best grade", "written after the step", "sentences"]
    assert t.index.tolist() == ["recognition, legitimacy and international standing", "trade, investment and aid"]
    assert t.iloc[0].tolist() == [3, 2, "C", 0, 3] and t.iloc[1].tolist() == [1, 1, "F", 0, 2]
    sought = synthesis.recognition_sought(small)
    assert sought["failures"] == [] and sought["n"] == 3 and sought["with"] == []
    assert sought["phrase"].startswith("Fixture Wire, Fixture Institute and ")


def test_recognition_is_not_the_leading_aim_when_fewer_sources_give_it(small, monkeypatch):
    _aims(monkeypatch, [("r1-2024-01", 1, 1, "economic"), ("r2-2024-06", 1, 1, "economic"),
                        ("r4-2024-08", 1, 1, "recognition")])
    failures = synthesis.recognition_sought(small)["failures"]
    assert len(failures) == 2 and "more sources (2)" in failures[0] and "given by 1 sources" in failures[1]
    _aims(monkeypatch, [])
    assert synthesis.recognition_sought(small)["failures"] == ["no source gives recognition as an aim of the Taliban"]


def test_trade_ran_before_the_recognition_on_the_seeds():
    """OSW ¶8 dates its trade figure 2024; the recognition is dated July 2025."""
    assert synthesis.trade_before_recognition(load_corpus()) == []


def test_trade_before_recognition_fails_without_a_dated_recognition(small):
    assert synthesis.trade_before_recognition(small) != []


def test_moscows_side_of_the_formal_step_on_the_seeds():
    """On the seeds (read by hand): OSW ¶6 gives the listing as what barred any formal deepening of ties; the
    Monitor ¶29 gives Sotnikov's 'political recognition can lead to beneficial security cooperation ... and even
    lucrative business dealings' (ODRI ¶15's 'before formal recognition can be considered' is no such claim)."""
    r = synthesis.recognition_reasons(load_corpus())
    assert r["failures"] == [] and r["legal"] == "OSW Centre for Eastern Studies"
    assert r["brings"] == "The Christian Science Monitor" and r["brings_who"] == "Vladimir Sotnikov"


def test_moscows_side_fails_where_no_source_gives_it(small):
    assert len(synthesis.recognition_reasons(small)["failures"]) >= 2


def test_an_officials_words_from_a_primary_source():
    """On the seeds (read by hand): the Monitor, a primary source, quotes Putin's 'We have always believed that we need
    to deal with reality' (¶11); Lavrov's and Kabulov's words come only from derivative sources."""
    q = synthesis.official_quote(load_corpus(), "pragmatism")
    assert (q["speaker"], q["source_id"], q["paragraph"]) == ("Vladimir Putin", "csm-2024-06-13", 11)
    assert q["quote"].startswith("We have always believed that we need to deal with reality")


def test_no_officials_words_where_none_are_quoted(small):
    assert synthesis.official_quote(small, "pragmatism") is None
