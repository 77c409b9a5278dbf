"""Statements: who does what to the Taliban, as the book's evidence gives it (acts of
codebook/acts.yml, with their polarity and the date they hold for)."""

from __future__ import annotations

import pandas as pd

from ..codebook import load
from ..corpus import Corpus
from ..gazetteer import home
from .door import evidence, published


def act_labels(short: bool = False) -> dict[str, str]:
    """Act id -> its label in the codebook (codebook/acts.yml), or its short label for table headers;
    in codebook order."""
    return {act: spec["short" if short else "label"] for act, spec in load("acts")["acts"].items()}


def statements(corpus: Corpus, acts: list[str], polarity: list[str] | None = None) -> pd.DataFrame:
    """The statements of `acts` (and of `polarity`), oldest source first, each with the statement in a few
    words ("Russia · delists · expected") and its date.

    Columns: the statements table's, statement, date.
    """
    st = evidence(corpus)["statements"]
    st = st[st.act.isin(acts) & (st.polarity.isin(polarity) if polarity else True)]
    labels = act_labels(short=True)
    statement = st.actor + " · " + st.act.map(labels) + " · " + st.polarity.map(load("reading")["polarity_words"])
    st = st.assign(_p=st.source_id.map(published(corpus)), statement=statement, date=st.as_of).sort_values(
        ["_p", "source_id", "paragraph", "sentence"])
    return st.drop(columns="_p")


def _affirmed(corpus: Corpus) -> pd.DataFrame:
    return evidence(corpus)["statements"].query("polarity == 'affirmed'")


def others_moving(corpus: Corpus) -> dict[str, list[str]]:
    """The states other than the recogniser that the sources affirm accepting a Taliban envoy ("envoy"),
    and those they affirm delisting the Taliban ("delisting"): their names, "the" before those that take
    it (codebook/reading.yml), sorted by name (the article aside)."""
    st = _affirmed(corpus)
    recognisers = set(st.actor_id[st.act == "recognises"])
    article = load("reading")["names_with_article"]
    out = {}
    for key, act in (("envoy", "accepts_envoy"), ("delisting", "delists")):
        rows = st[(st.act == act) & ~st.actor_id.isin(recognisers)].drop_duplicates("actor_id")
        names = (("the " if a in article else "") + n for a, n in zip(rows.actor_id, rows.actor))
        out[key] = sorted(names, key=lambda name: name.removeprefix("the "))
    return out


def others_moving_sources(corpus: Corpus) -> dict[str, list[str]]:
    """The sources that affirm the acts of `others_moving` ("envoy", "delisting"), sorted."""
    st = _affirmed(corpus)
    recognisers = set(st.actor_id[st.act == "recognises"])
    return {key: sorted(set(st.source_id[(st.act == act) & ~st.actor_id.isin(recognisers)]))
            for key, act in (("envoy", "accepts_envoy"), ("delisting", "delists"))}


def others_first_reported(corpus: Corpus) -> dict[str, str]:
    """The earliest date at which the sources show a state other than the recogniser accepting a Taliban
    envoy, and delisting the Taliban: the statement's own date, else its source's publication date
    ("9999" when none does)."""
    st = _affirmed(corpus)
    recognisers = set(st.actor_id[st.act == "recognises"])
    out = {}
    for key, act in (("envoy", "accepts_envoy"), ("delisting", "delists")):
        dates = st.as_of[(st.act == act) & ~st.actor_id.isin(recognisers)]
        out[key] = min(dates) if len(dates) else "9999"
    return out


def early_home_envoy(corpus: Corpus) -> list[str]:
    """The sources that affirm the home country accepting a Taliban envoy in a statement dated before the
    first statement affirming that it recognises them (a diplomat accredited years before the recognition,
    not the recognition's own envoy), sorted; none when no statement affirms the recognition."""
    st = _affirmed(corpus)
    st = st[st.actor_id == home()]
    recognised = st.as_of[st.act == "recognises"]
    if not len(recognised):
        return []
    return sorted(set(st.source_id[(st.act == "accepts_envoy") & (st.as_of < min(recognised))]))


def recognition_turn(corpus: Corpus) -> dict:
    """When the home country's denials of recognition end and its affirmations begin: the latest date of a
    statement denying that it recognises the Taliban and the earliest affirming it (statement dates)."""
    st = evidence(corpus)["statements"]
    st = st[(st.actor_id == home()) & (st.act == "recognises")]
    denied, affirmed = st.as_of[st.polarity == "negated"], st.as_of[st.polarity == "affirmed"]
    return {"last_denial": max(denied) if len(denied) else None,
            "first_affirmation": min(affirmed) if len(affirmed) else None}
