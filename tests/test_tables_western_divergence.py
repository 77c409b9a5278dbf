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

tests/fixtures/reading/ (r1 affirms, r2 denies that Russia recognises the Taliban) for the statement
matrix; and the seeds with their hand annotation (tests/annotations/), which the chapter's tables read
under `report.analysis.using_evidence`.
"""

from pathlib import Path

import pandas as pd
import pytest
import yaml

from report import analysis, load_corpus
from report.analysis import door
from report.codebook import load
from report.evaluate import load_annotations
from report.paths import SEED_ANNOTATIONS
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


# ---------------------------------------------------------------------------------------------
# statement_matrix and short_act_columns
# ---------------------------------------------------------------------------------------------

def test_statement_matrix_one_column_per_polarity_group():
    small = load_corpus(FIXTURES / "reading")
    m = wd.statement_matrix(small)
    assert m.index.name == "actor" and list(m.columns) == list(load("reading")["matrix_columns"])
    assert m.loc["Russia", "affirmed"] == "recognises 1" and m.loc["Russia", "denied"] == "recognises 1"
    assert m.loc["Russia", "expected or reported"] == ""


def test_statement_matrix_counts_sources_most_statements_first(actors):
    m = wd.statement_matrix(actors)
    # China: envoy in a1 and a3, opposes in a2; the United States opposes in a1 and a3 (a3's two sentences
    # count once); Russia recognises in a3
    assert list(m.index) == ["China", "United States", "Russia"]
    assert m.loc["China", "affirmed"] == "accepts an envoy 2, opposes 1"
    assert m.loc["United States", "affirmed"] == "opposes 2" and m.loc["Russia", "affirmed"] == "recognises 1"
    assert (m.drop(columns="affirmed") == "").all().all()


def test_short_act_columns(actors):
    summary = wd.position_summary(actors)
    assert wd.short_act_columns(summary) == ["recognises", "accepts an envoy", "opposes"]
    other = pd.DataFrame(columns=[ACTS["lists"]["label"], "total"])
    assert wd.short_act_columns(other) == [ACTS["lists"]["short"], "total"]  # other columns are kept


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


def test_no_conflict_without_opposition(path):
    c = wd.conflicting_positions(path)
    assert c.empty and list(c.columns) == ["actor", "stance", "sources", "first_published", "last_published"]


# ---------------------------------------------------------------------------------------------
# the chapter on the hand annotation
# ---------------------------------------------------------------------------------------------

def test_the_chapter_tables_read_the_hand_annotation():
    """Chapter 7's tables read the one door: under the hand annotation of the seeds their positions are
    the annotators' affirmed statements, not the extractor's."""
    seeds = load_corpus()
    machine_positions, machine_summary = wd.positions(seeds), wd.position_summary(seeds)
    gold = load_annotations(seeds, list(SEED_ANNOTATIONS))["statements"]
    affirmed = gold[gold.polarity == "affirmed"]
    with analysis.using_evidence(door.annotated_evidence(seeds, SEED_ANNOTATIONS)):
        seen = analysis.evidence(seeds)["statements"]
        assert int((seen.polarity == "affirmed").sum()) == len(affirmed)
        annotated_positions, annotated_summary = wd.positions(seeds), wd.position_summary(seeds)
    assert not annotated_positions.equals(machine_positions)
    assert not annotated_summary.equals(machine_summary)
    # every position shown is an affirmed statement of the annotation, in its paragraph
    actor_col = "actor_id" if "actor_id" in affirmed.columns else "actor"
    names = dict(zip(seen.actor_id, seen.actor))
    annotated = set(zip(affirmed[actor_col].map(names), affirmed.source_id, affirmed.paragraph))
    assert set(zip(annotated_positions.actor, annotated_positions.source_id, annotated_positions.paragraph)) <= annotated
    # and the extraction is read again outside the block
    assert wd.positions(seeds).equals(machine_positions)
