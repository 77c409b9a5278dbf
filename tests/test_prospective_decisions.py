"""A decision, plan, announcement, intention, agreement to or expectation that an act will happen is
prospective, not the act (codebook/acts.yml, `polarity`; codings/GUIDE.md), for every act of the codebook.

The sentences are written for this test (none is taken from seeds/ or the development corpus). Each is
its own one-paragraph article of one corpus, extracted once; a case gives the (actor, act, polarity) rows
its sentence must give, and nothing else.
"""

from pathlib import Path

import pytest

from report import codebook, load_corpus
from report.extract.events import events_table
from report.extract.statements import statements_table

# a decision, plan, announcement or expectation of the act: prospective
DECISIONS = [
    # recognises
    ("Moscow has decided to recognise the Taliban government before the end of the year.",
     {("russia", "recognises", "prospective")}),
    ("The Kremlin announced that Russia would formally recognise the Taliban administration.",
     {("russia", "recognises", "prospective")}),
    ("Belarus intends to recognise the Islamic Emirate once its ambassador arrives.",
     {("belarus", "recognises", "prospective")}),
    ("Kazakhstan is expected to recognise the Taliban government next spring.",
     {("kazakhstan", "recognises", "prospective")}),
    # the noun of the act, governed by a decision, a plan or a modifier of intent
    ("Russia's decision to grant formal recognition to the Taliban was welcomed in Kabul.",
     {("russia", "recognises", "prospective")}),
    ("Uzbekistan announced plans for the recognition of the Taliban government.",
     {("uzbekistan", "recognises", "prospective")}),
    ("Russia's planned recognition of the Taliban regime worries Western capitals.",
     {("russia", "recognises", "prospective")}),
    # accepts_envoy
    ("Russia agreed to accept the credentials of a Taliban ambassador.", {("russia", "accepts_envoy", "prospective")}),
    ("Beijing moves to accredit a Taliban diplomat as chargé d'affaires.", {("china", "accepts_envoy", "prospective")}),
    ("Kazakhstan will accept a Taliban envoy at its embassy in Astana.",
     {("kazakhstan", "accepts_envoy", "prospective")}),
    # delists
    ("A principal decision has been made by Russia to remove the Taliban from its list of banned groups.",
     {("russia", "delists", "prospective")}),
    ("Russia's principal decision had been made to remove the Taliban from the list of terrorist organisations.",
     {("russia", "delists", "prospective")}),
    ("Kyrgyzstan decides to remove the Taliban from its list of terrorist organisations.",
     {("kyrgyzstan", "delists", "prospective")}),
    ("Russia is set to take the Taliban off its terrorist list.", {("russia", "delists", "prospective")}),
    ("Moscow prepares to strike the Taliban off its list of terrorist organisations.",
     {("russia", "delists", "prospective")}),
    ("Russia's decision on the removal of the Taliban from its terrorist list came after years of talks.",
     {("russia", "delists", "prospective")}),
    # a push for the act by one organ of the state: a recommendation, a request, lobbying
    ("The Russian Foreign Ministry recommended to remove the Taliban from the list of banned organisations.",
     {("russia", "delists", "prospective")}),
    ("Russia's justice ministry is lobbying to remove the Taliban from its terrorist list.",
     {("russia", "delists", "prospective")}),
    ("Kyrgyzstan requested to remove the Taliban from the list of terrorist organisations.",
     {("kyrgyzstan", "delists", "prospective")}),
    # lists
    ("Tajikistan plans to designate the Taliban a terrorist organisation.", {("tajikistan", "lists", "prospective")}),
    ("Russia decided to ban the Taliban as a terrorist organisation in 2003.", {("russia", "lists", "prospective")}),
    # engages
    ("Russia agreed to hold talks with the Taliban in Kazan.", {("russia", "engages", "prospective")}),
    ("China plans to host a Taliban delegation in Beijing next month.", {("china", "engages", "prospective")}),
    ("Uzbekistan is preparing to sign a transit agreement with the Taliban.", {("uzbekistan", "engages", "prospective")}),
    # sets_conditions
    ("The United States decided to make recognition of the Taliban conditional on the rights of women.",
     {("united-states", "sets_conditions", "prospective")}),
    ("The European Union intends to set conditions for any recognition of the Taliban.",
     {("european-union", "sets_conditions", "prospective")}),
    # opposes
    ("Washington vowed to block the Taliban's bid for the Afghan seat at the United Nations.",
     {("united-states", "opposes", "prospective")}),
    ("The United States has decided to oppose any recognition of the Taliban government.",
     {("united-states", "opposes", "prospective")}),
]

# the act itself was done: affirmed, also beside a decision to do it
DONE = [
    ("Russia recognised the Taliban government on 3 July.", {("russia", "recognises", "affirmed")}),
    ("Russia moved quickly and recognised the Taliban government.", {("russia", "recognises", "affirmed")}),
    ("Russia's Foreign Ministry accepted the credentials of the Taliban ambassador.",
     {("russia", "accepts_envoy", "affirmed")}),
    ("Kazakhstan removed the Taliban from its list of terrorist organisations.", {("kazakhstan", "delists", "affirmed")}),
    ("Russia decided in April to remove the Taliban from its list of terrorist organisations, and the Supreme "
     "Court removed them on 17 April.", {("russia", "delists", "affirmed")}),
    ("Kyrgyzstan decided to remove the Taliban from its terrorist list and removed them a week later.",
     {("kyrgyzstan", "delists", "affirmed")}),
    ("Russia designated the Taliban a terrorist organisation in 2003.", {("russia", "lists", "affirmed")}),
    ("Russia hosted a Taliban delegation in Kazan.", {("russia", "engages", "affirmed")}),
    ("The United States set conditions for the recognition of the Taliban.",
     {("united-states", "sets_conditions", "affirmed")}),
    ("Washington opposed the recognition of the Taliban government.", {("united-states", "opposes", "affirmed")}),
]

# a decision whose agent the sentence does not name: no act, and above all no affirmed one
NO_ACT = [
    "Officials said a principal decision had already been made to remove the Taliban from the banned list.",
]

CASES = DECISIONS + DONE + [(s, set()) for s in NO_ACT]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, set[tuple[str, str, str]]]:
    """sentence -> its (actor, act, polarity) rows: every sentence one article of one corpus, extracted once."""
    folder = tmp_path_factory.mktemp("decisions")
    entries = []
    for i, (sentence, _) in enumerate(CASES):
        (folder / f"s{i:02d}.txt").write_text(sentence + "\n", encoding="utf-8")
        entries.append(f"- id: s{i:02d}\n  file: s{i:02d}.txt\n  title: T\n  outlet: O\n  author: null\n"
                       f"  published: 2024-06-13\n  url: null\n  kind: news\n")
    (folder / "sources.yml").write_text("".join(entries), encoding="utf-8")
    corpus = load_corpus(Path(folder))
    assert not corpus.paragraphs.boilerplate.any(), "a test sentence was read as boilerplate"
    st = statements_table(corpus, events_table(corpus))
    return {sentence: set(zip(st[st.source_id == f"s{i:02d}"].actor_id, st[st.source_id == f"s{i:02d}"].act,
                              st[st.source_id == f"s{i:02d}"].polarity))
            for i, (sentence, _) in enumerate(CASES)}


def test_every_act_has_a_decision_case_and_an_act_done_case():
    acts = set(codebook.load("acts")["acts"])
    assert {act for _, rows in DECISIONS for _, act, _ in rows} == acts
    assert {act for _, rows in DONE for _, act, _ in rows} == acts


def test_no_definition_counts_a_decision_as_the_act():
    """The codebook defines each act by what is done: no definition says "or decides to"."""
    for act, spec in codebook.load("acts")["acts"].items():
        assert "decide" not in spec["label"].lower(), act


@pytest.mark.parametrize("sentence, expected", DECISIONS, ids=[s[:50] for s, _ in DECISIONS])
def test_a_decision_plan_or_announcement_of_an_act_is_prospective(extracted, sentence, expected):
    assert extracted[sentence] == expected


@pytest.mark.parametrize("sentence, expected", DONE, ids=[s[:50] for s, _ in DONE])
def test_an_act_done_is_affirmed_even_beside_a_decision(extracted, sentence, expected):
    assert extracted[sentence] == expected


@pytest.mark.parametrize("sentence", NO_ACT)
def test_a_decision_without_an_agent_is_no_affirmed_act(extracted, sentence):
    assert not {row for row in extracted[sentence] if row[2] == "affirmed"}
