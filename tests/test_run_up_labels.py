"""The run-up's short labels (report.tables.timeline.short_label): what a dated sentence says happened, on
sentences written for these tests (each a shape the sources use), parsed by the pinned pretrained parser."""

from __future__ import annotations

import pytest

from report.nlp import pipeline
from report.tables.timeline import short_label

CASES = [
    # a clause on a noun: the noun it is about, without "which was"
    ("The Kabul Forum, which was founded in 2019, has become a venue for talks.", "2019", "The Kabul Forum founded"),
    # a leading "when" is not part of what happened
    ("This was shown when Moscow was holding large drills in Kyrgyzstan in May 2023, signalling its readiness.",
     "May 2023", "Moscow was holding large drills in Kyrgyzstan"),
    # a leading participle ("attending a summit") is left out, the speaker kept
    ("In June 2022, attending a summit in Tashkent, the Uzbek foreign minister said the corridor would open soon.",
     "June 2022", "The Uzbek foreign minister said the corridor would open…"),
    # the subject stays when the parse hangs it on the aside
    ("As the annual trade fair, hosted by the prime minister, opened in Kazan in early May, an unusual thing happened.",
     "early May", "The annual trade fair, hosted by the prime minister…"),
    # a cut label does not end on a little word ("of the…")
    ("The committee met in March 2020 to review the list of banned groups and the terms of their removal from it.",
     "March 2020", "The committee met to review the list of banned…"),
]


@pytest.mark.parametrize("text, date_text, label", CASES)
def test_short_label(text, date_text, label):
    assert short_label(pipeline()(text), text, date_text) == label


def test_a_label_that_introduces_the_next_paragraph_quotes_its_opening_words():
    from report.tables.timeline import LABEL_WORDS, with_what_follows

    said = with_what_follows("The envoy said", "In 2023, the envoy said:",
                             "Our doors stay open to every neighbour who respects our choices and our law.")
    assert said == "The envoy said: “Our doors stay open to every…”"  # 3 + 6 words
    assert len(said.split()) <= LABEL_WORDS[1]
    assert with_what_follows("The envoy said", "In 2023, the envoy said:", "Short reply.") == \
        "The envoy said: “Short reply.”"
    # a sentence that does not end in a colon, or a last paragraph, keeps its label
    assert with_what_follows("The forum opened", "In 2023, the forum opened.", "Next.") == "The forum opened"
    assert with_what_follows("The envoy said", "In 2023, the envoy said:", None) == "The envoy said"
