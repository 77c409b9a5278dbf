"""report/tables/western_divergence.py (chapter 7: positions towards the Taliban and who holds contrary
ones) on the fixture corpus tests/fixtures/tables/actors/ (a1, a2, a3), plus tests/fixtures/tables/path/
for dated positions, with answers counted by hand from the texts.

Affirmed statements (acts.yml) of the actors corpus, one a sentence:

    a1 3  China accepted the credentials of the Taliban ambassador.        China, accepts_envoy
    a1 4  The United States opposed recognition of the Taliban.             United States, opposes
    a2 2  China opposed recognition of the Taliban.                         China, opposes
    a3 3  The United States opposed recognition ... (sentence 1)            United States, opposes
          Washington again opposed recognition ... (sentence 2)             United States, opposes
    a3 4  Russia officially recognised the Taliban government.              Russia, recognises
    a3 5  China accepted a Taliban envoy.                                   China, accepts_envoy

"We will not recognise the Taliban" (a2 3) has no actor the gazetteer knows ("We"). The sentence dates
nothing, so a position's date is its source's publication date. Quotations (not terms): a2 3, Karen
Decker's, coded western_divergence/recognition; a3 6, with no speaker, coded western_divergence/west and
security/terrorism.
"""

from pathlib import Path

import pytest
import yaml

from report import load_corpus
from report.publish.provenance import EvidenceTable
from report.tables import western_divergence as wd

FIXTURES = Path(__file__).parent / "fixtures"
ACTS = yaml.safe_load((Path(__file__).parents[1] / "report" / "codebook" / "acts.yml").read_text(
    encoding="utf-8"))["acts"]
RECOGNISES, ACCEPTS, DELISTS = (ACTS[a]["label"] for a in ("recognises", "accepts_envoy", "delists"))
LISTS, ENGAGES, OPPOSES = (ACTS[a]["label"] for a in ("lists", "engages", "opposes"))
A1, A2, A3 = "a1-2024-03", "a2-2024-09", "a3-2025-01"
T1, T2 = "t1-2025-07-05", "t2-2025-07-20"


@pytest.fixture(scope="module")
def actors():
    return load_corpus(FIXTURES / "tables" / "actors")


@pytest.fixture(scope="module")
def path():
    return load_corpus(FIXTURES / "tables" / "path")


def test_labels_are_the_codebook_labels():
    assert (RECOGNISES, ACCEPTS, OPPOSES) == ("recognises the Taliban government",
                                              "accepts or accredits a Taliban envoy",
                                              "opposes recognition or normalisation")


# ---------------------------------------------------------------------------------------------
# theme_quotes
# ---------------------------------------------------------------------------------------------

def test_theme_quotes_are_the_quotations_of_coded_sentences(actors):
    t = wd.theme_quotes(actors, "western_divergence")
    assert isinstance(t, EvidenceTable) and t.columns == ["speaker", "kind", "quote"]
    assert list(zip(t.df.source_id, t.df.paragraph, t.df.speaker, t.df.kind, t.df.quote)) == [
        (A2, 3, "Karen Decker", "direct", "We will not recognise the Taliban"),
        (A3, 6, "not named", "direct", "Moscow wants the West as a partner against terrorism."),
    ]
    security = wd.theme_quotes(actors, "security")
    assert list(zip(security.df.source_id, security.df.paragraph)) == [(A3, 6)]
    assert len(wd.theme_quotes(actors, "china_alignment")) == 0  # no quotation in a sentence naming China
    assert 'href="appendix_sources.html#src-a2-2024-09-p3"' in t._repr_html_()


def test_theme_quotes_leave_out_terms():
    # tests/fixtures/hardcases: "Its critics call the Taliban a “terrorist organization”, and Russia’s 2023
    # foreign policy concept speaks of “the Eurasian space for cooperation.”" (paragraph 10) is coded
    # western_divergence (terrorist organization) and holds a term and a partial quotation
    hard = load_corpus(FIXTURES / "hardcases")
    t = wd.theme_quotes(hard, "western_divergence").df
    p10 = t[t.paragraph == 10]
    assert list(p10.kind) == ["partial"] and "term" not in set(t.kind)
    assert p10.speaker.tolist() == ["Russia's 2023 Foreign Policy Concept"]


# ---------------------------------------------------------------------------------------------
# positions
# ---------------------------------------------------------------------------------------------

def test_positions_one_row_per_actor_act_and_paragraph(actors):
    p = wd.positions(actors)
    assert list(p.columns) == ["actor", "stance", "date", "published", "source_id", "paragraph", "text"]
    # by actor, then act in codebook order (recognises, accepts_envoy, ..., opposes), then publication
    assert list(zip(p.actor, p.stance, p.date, p.published, p.source_id, p.paragraph)) == [
        ("China", ACCEPTS, "2024-03", "2024-03", A1, 3),
        ("China", ACCEPTS, "2025-01", "2025-01", A3, 5),
        ("China", OPPOSES, "2024-09", "2024-09", A2, 2),
        ("Russia", RECOGNISES, "2025-01", "2025-01", A3, 4),
        ("United States", OPPOSES, "2024-03", "2024-03", A1, 4),
        # a3 3 says it twice: listed once, with the paragraph's first sentence
        ("United States", OPPOSES, "2025-01", "2025-01", A3, 3),
    ]
    assert p.text.iloc[5] == "The United States opposed recognition of the Taliban."
    assert list(p.index) == list(range(6))
    assert wd.positions(actors).equals(p)


def test_positions_take_the_date_of_their_sentence(path):
    p = wd.positions(path)
    # t3's denials ("has not recognised", "No country has recognised") are no positions
    assert list(zip(p.actor, p.stance, p.date, p.published, p.source_id, p.paragraph)) == [
        ("Russia", RECOGNISES, "2025-07-03", "2025-07-05", T1, 4),
        ("Russia", RECOGNISES, "2025-06-03", "2025-07-20", T2, 1),
        ("Russia", ACCEPTS, "2025-07-03", "2025-07-05", T1, 5),
        ("Russia", DELISTS, "2025-04", "2025-07-05", T1, 3),
        ("Russia", DELISTS, "2025-04", "2025-07-20", T2, 2),
        ("Russia", LISTS, "2003-02", "2025-07-05", T1, 1),
        ("Russia", ENGAGES, "2021-09-20", "2025-07-05", T1, 2),
    ]


# ---------------------------------------------------------------------------------------------
# position_summary
# ---------------------------------------------------------------------------------------------

def test_position_summary_counts_sources(actors):
    s = wd.position_summary(actors)
    assert s.index.name == "actor"
    assert list(s.columns) == [RECOGNISES, ACCEPTS, OPPOSES]  # codebook order, only the acts someone holds
    assert list(s.index) == ["China", "United States", "Russia"]  # 3, 2 and 1 positions
    assert s.loc["China"].tolist() == [0, 2, 1]
    assert s.loc["United States"].tolist() == [0, 0, 2]  # a1 and a3; a3's two sentences count once
    assert s.loc["Russia"].tolist() == [1, 0, 0]
    assert list(wd.position_summary(actors, min_sentences=2).index) == ["China", "United States"]
    assert wd.position_summary(actors).equals(s)


def test_position_summary_of_the_path_corpus(path):
    s = wd.position_summary(path)
    assert list(s.columns) == [RECOGNISES, ACCEPTS, DELISTS, LISTS, ENGAGES]
    assert s.loc["Russia"].tolist() == [2, 1, 2, 1, 1]


# ---------------------------------------------------------------------------------------------
# conflicting_positions
# ---------------------------------------------------------------------------------------------

def test_conflicting_positions(actors):
    c = wd.conflicting_positions(actors)
    assert list(c.columns) == ["actor", "stance", "sources", "first_published", "last_published"]
    # China accepts a Taliban envoy (a1, a3) and opposes recognition (a2); the United States only opposes
    # and Russia only recognises
    assert c.to_dict("records") == [
        {"actor": "China", "stance": ACCEPTS, "sources": f"{A1}, {A3}", "first_published": "2024-03",
         "last_published": "2025-01"},
        {"actor": "China", "stance": OPPOSES, "sources": A2, "first_published": "2024-09",
         "last_published": "2024-09"},
    ]
    assert wd.conflicting_positions(actors).equals(c)


def test_no_conflict_without_opposition(path):
    c = wd.conflicting_positions(path)
    assert c.empty and list(c.columns) == ["actor", "stance", "sources", "first_published", "last_published"]
