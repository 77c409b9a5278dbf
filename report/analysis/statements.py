"""Statements: who does what to the Taliban, as the book's evidence gives it (acts of
codebook/acts.yml, with their polarity and the date they hold for)."""

from __future__ import annotations

import re

import pandas as pd

from ..codebook import load
from ..corpus import Corpus
from ..gazetteer import actors, home
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


def organs_behind(corpus: Corpus, act: str = "delists") -> pd.DataFrame:
    """Which organs of the home state each source names as moving towards `act` before it was done: the
    gazetteer's organisations that represent the home state, named in a sentence stating the act as
    prospective for it (lobbied for, recommended, requested), less those a sentence of any source names as
    doing the act (the court that removed the listing received the request; it did not push for it). One
    row per source that names any, oldest first.

    Columns: source_id, organs (their names, in the order the source first names them), paragraphs (sorted).
    """
    st = evidence(corpus)["statements"]
    st = st[(st.act == act) & (st.actor_id == home())]
    organs = [a for a in actors().values() if a.represents == home() and a.type == "organisation"]
    patterns = {a.name: re.compile("|".join(rf"\b{re.escape(x)}\b" for x in sorted(a.aliases, key=len, reverse=True)),
                                   re.IGNORECASE) for a in organs}
    doers = {n for text in st.text[st.polarity == "affirmed"] for n, pat in patterns.items() if pat.search(text)}
    patterns = {n: pat for n, pat in patterns.items() if n not in doers}
    st = st[st.polarity == "prospective"]
    found: dict[str, dict] = {}
    for r in st.drop_duplicates(["source_id", "paragraph", "sentence"]).itertuples():
        hits = sorted((m.start(), n) for n, pat in patterns.items() if (m := pat.search(r.text)))
        for _, n in hits:
            entry = found.setdefault(r.source_id, {"organs": [], "paragraphs": set()})
            if n not in entry["organs"]:
                entry["organs"].append(n)
            entry["paragraphs"].add(int(r.paragraph))
    order = published(corpus)
    rows = [{"source_id": s, "organs": v["organs"], "paragraphs": sorted(v["paragraphs"])}
            for s, v in sorted(found.items(), key=lambda kv: (order[kv[0]], kv[0]))]
    return pd.DataFrame(rows, columns=["source_id", "organs", "paragraphs"])


def organs_differ(corpus: Corpus, act: str = "delists") -> bool:
    """True when at least two sources name the organs behind `act` (`organs_behind`) and they name different
    ones: a difference the reader should see, though each list may be partial rather than wrong."""
    o = organs_behind(corpus, act)
    return len(o) >= 2 and len({frozenset(x) for x in o.organs}) > 1


def recognition_turn(corpus: Corpus) -> dict:
    """When the home country's denials of recognition end and its affirmations begin: the latest date of a
    statement denying that it recognises the Taliban and the earliest affirming it (statement dates)."""
    st = evidence(corpus)["statements"]
    st = st[(st.actor_id == home()) & (st.act == "recognises")]
    denied, affirmed = st.as_of[st.polarity == "negated"], st.as_of[st.polarity == "affirmed"]
    return {"last_denial": max(denied) if len(denied) else None,
            "first_affirmation": min(affirmed) if len(affirmed) else None}
