"""A disputed date keeps its event on the timeline, on the adopted date (tests/fixtures/envoy_dispute).

A primary source on the record dates Russia's acceptance of the Taliban ambassador's credentials to
3 July 2025, in the sentence before the one that states the act; an independent derivative source dates
it to 4 July 2025. The primary's date is adopted; the 4 July statement is left out; the adopted date
re-dates the act its paragraph affirms, which is found by the event kind of the stances
(codebook/analysis.yml), named like the act of acts.yml (`accepts_envoy`). With the two names apart,
the event fell off the timeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from report import load_corpus
from report.analysis.timeline import dated_acts

FIXTURE = Path(__file__).parent / "fixtures" / "envoy_dispute"


@pytest.fixture(scope="module")
def timeline():
    return dated_acts(load_corpus(FIXTURE))


def test_the_envoy_event_is_on_the_timeline_on_the_adopted_date(timeline):
    envoy = timeline[(timeline.actor == "Russia") & (timeline.act == "accepts_envoy")]
    assert list(envoy.date) == ["2025-07-03"]
    row = envoy.iloc[0]
    assert (row.source_id, row.paragraph, row.sources) == ("wire-2025-07-05", 2, 1)
    assert "accepted the credentials" in row.text


def test_the_rejected_date_is_not_on_the_timeline(timeline):
    assert "2025-07-04" not in set(timeline.date)
    assert "digest-2025-07" not in set(timeline.source_id)


def test_the_unrelated_source_adds_no_event(timeline):
    assert "grain-2025-06" not in set(timeline.source_id)
    assert len(timeline) == 1
