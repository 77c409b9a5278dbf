"""The boilerplate rules, one behaviour at a time, and a lint of the rule file."""

import re

import pytest

from report import codebook
from report.boilerplate import count_words, flag_paragraphs, is_title_case, rules

ARTICLE = ["Moscow and the Taliban agreed on trade through Afghanistan.",
           "The Taliban delegation met Russian companies at the forum in Moscow."]


def test_rule_file_lints():
    data = codebook.load("boilerplate")
    ids = [r["id"] for r in data["rules"]]
    assert len(ids) == len(set(ids))
    allowed = {"id", "description", "pattern", "ignore_case", "max_words", "off_topic", "title_case", "tail",
               "max_shared", "after_colon", "followed_by", "preceded_by", "min_repeated", "min_repeated_pairs",
               "extends"}
    for raw in data["rules"]:
        assert set(raw) <= allowed, raw["id"]
        assert raw["description"].strip()
        if "pattern" in raw:
            re.compile(raw["pattern"])
        if "followed_by" in raw:
            assert raw["followed_by"] in ids
        assert set(raw) - {"id", "description", "ignore_case", "extends"}, f"{raw['id']} has no condition"
    assert len(rules()[0]) == len(ids)


@pytest.mark.parametrize("line, rule", [
    ("Dmitri Lovetsky/AP", "photo_credit"),
    ("June 13, 2024", "dateline"),
    ("13 June 2024", "dateline"),
    ("Comments are closed.", "site_footer"),
    ("Exit mobile version", "site_footer"),
    ("Disclaimer: The opinions expressed here are the author's own.", "disclaimer"),
    ("This article is republished from The Conversation under a Creative Commons license.", "republication"),
])
def test_single_line_rules(line, rule):
    assert flag_paragraphs(ARTICLE + [line] + ARTICLE)[2] == rule


def test_caption_is_the_paragraph_above_a_credit():
    flags = flag_paragraphs(ARTICLE + ["Mr. Putin leaves a session of the forum in Moscow.", "Anton Vaganov/Reuters"])
    assert flags[2:] == ["photo_caption", "photo_credit"]


def test_editorial_box_heading_and_the_framing_it_introduces():
    assert flag_paragraphs(ARTICLE + ["Why We Wrote This", "A box about Moscow.", "Moscow and Kabul met."])[2:] == [
        "editorial_box", "framing", ""]


def test_teaser_is_short_off_topic_sentence_case_and_unrelated():
    teaser = "Special treatment? How judges are handling Trump ahead of election."
    assert flag_paragraphs(ARTICLE + [teaser] + ARTICLE)[2] == "teaser"
    # a heading in title case is not a teaser (it is a section label), nor is a short body line that shares the
    # article's words
    assert flag_paragraphs(ARTICLE + ["Interests and Goals"] + ARTICLE)[2] == "section_label"
    assert flag_paragraphs(ARTICLE + ["The delegation agreed on more trade."] + ARTICLE)[2] == ""
    # nor a paragraph introduced by a colon (a block quotation)
    assert flag_paragraphs(ARTICLE + ["In 2022, Putin said:", "Real democracy is for every civilisation."])[3] == ""


def test_author_bio_only_at_the_end():
    bio = "Anna Ivanova is a senior fellow at the Institute of Studies."
    assert flag_paragraphs(ARTICLE + [bio])[-1] == "author_bio"
    assert flag_paragraphs([bio] + ARTICLE * 3)[0] != "author_bio"


def test_words_and_title_case():
    assert count_words("The U.S. paid $1,000 to Kabul-based firms.") == 7
    assert is_title_case("Russia’s Diplomatic Strategy in Central Asia")
    assert not is_title_case("Ukraine’s nationalist Azov fighters strive to clear name")


def test_pull_quote_repeats_a_sentence_in_order():
    body = ["Russia hopes to enlist the support of the Taliban against ISIS, because the Taliban is less "
            "dangerous than ISIS, an expert says.", "Moscow and Kabul met in the spring to talk about trade."]
    assert flag_paragraphs(body + ["“The Taliban is less dangerous than ISIS”"] + body)[2] == "pull_quote"
    # a short line on the same subject, in other words, is text
    spoken = ['A State Department spokesperson said the allies "remain deeply troubled by the steps."',
              '"Now is not the time to take any steps," the spokesperson said.']
    assert flag_paragraphs(spoken) == ["", ""]
