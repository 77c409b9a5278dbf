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

Also the seeds with their hand annotation (tests/annotations/), which the chapter's tables read
under `report.analysis.using_evidence`.
"""

from pathlib import Path

import pytest
import yaml

from report import analysis, load_corpus
from report.analysis import door
from report.evaluate import load_annotations
from report.paths import SEED_ANNOTATIONS
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
# theme_quotes
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# the chapter on the hand annotation
# ---------------------------------------------------------------------------------------------



def test_the_chapter_tables_read_the_hand_annotation():
    """Chapter 7's tables read the one door: under the hand annotation of the seeds their positions are
    the annotators' affirmed statements, not the book's evidence."""
    seeds = load_corpus()
    book_positions = wd.positions(seeds)
    gold = load_annotations(seeds, list(SEED_ANNOTATIONS))["statements"]
    affirmed = gold[gold.polarity == "affirmed"]
    with analysis.using_evidence(door.annotated_evidence(seeds, SEED_ANNOTATIONS)):
        seen = analysis.evidence(seeds)["statements"]
        assert int((seen.polarity == "affirmed").sum()) == len(affirmed)
        annotated_positions = wd.positions(seeds)
    assert not annotated_positions.equals(book_positions)
    actor_col = "actor_id" if "actor_id" in affirmed.columns else "actor"
    names = dict(zip(seen.actor_id, seen.actor))
    annotated = set(zip(affirmed[actor_col].map(names), affirmed.source_id, affirmed.paragraph))
    assert set(zip(annotated_positions.actor, annotated_positions.source_id, annotated_positions.paragraph)) <= annotated
    assert wd.positions(seeds).equals(book_positions)  # and the book's evidence is read again outside the block


def test_arguments_of_divergence_on_the_seeds():
    seeds = load_corpus()
    a = wd.arguments(seeds)
    assert list(a.columns) == ["id", "made by", "sentences"] and (a.sentences > 0).all()
    assert a.set_index("id").loc["migration", "made by"] == "OSW Centre for Eastern Studies"
    said = wd.arguments_list(seeds)
    assert len(said) >= len(a) and set(said.df.argument) == set(a.index)


def test_the_west_is_last_reported_before_the_recognition():
    w = wd.western_position(load_corpus())
    # ODRI's report, undated: October 2024 is its estimated publication month
    assert w == {"last": "2024-10", "last_estimated": True, "after_recognition": False}


def test_the_un_layer_on_the_seeds():
    """On the seeds (read by hand): the Conversation quotes the Security Council's resolution (¶4), gives the UN
    seat as the Taliban's aim (¶10) and Moscow's doctrine (Putin's multipolar world, ¶19; the 2023 foreign
    policy plan, ¶14); the Monitor has the UN, with Russia, unwilling to recognise (¶7). ODRI's 'importance in
    Russian foreign policy' (¶10) is no doctrine."""
    un = wd.un_layer(load_corpus())
    assert un["failures"] == [] and un["n_doctrine"] == 1
    assert un["outlets"] == {"council": "The Conversation", "not_recognising": "The Christian Science Monitor",
                             "seat": "The Conversation", "doctrine": "The Conversation"}


def test_the_outlets_of_one_argument():
    assert wd.argument_outlets(load_corpus(), "no_conditions") == "The Conversation and Stratheia"
    assert wd.argument_outlets(load_corpus(), "no_such_argument") == ""
