"""Chapter 6 (notebooks/06_risks): the risks the sources name for Moscow, against the motives they
give, and the sources that see no cost at all."""

from __future__ import annotations

import pandas as pd

from ..analysis import claims, criticism, door, judgments, numbers
from ..codebook import load
from ..corpus import Corpus


def facts(corpus: Corpus) -> dict:
    """Figures for the chapter's opening: sources and claim sentences of risks and of motives, all sources."""
    risk, motive = claims.claims(corpus, kind="risk"), claims.claims(corpus)
    return {"n_risk_sources": int(risk.source_id.nunique()), "n_risk_claims": len(risk),
            "n_motive_sources": len(claims.stating_sources(corpus)), "n_all": len(corpus.sources),
            "n_motive_claims": len(motive)}


def no_cost_sources(corpus: Corpus) -> list[str]:
    """The sources that say in so many words that Moscow's course costs it nothing (the words `no_cost` of
    codebook/guards.yml in a body sentence), oldest first."""
    body = door.body_sentences(corpus)
    saying = set(body.source_id[door.naming(corpus, body, judgments.vocabulary("words")["no_cost"])])
    return [s for s in door.source_order(corpus) if s in saying]


def weighed(corpus: Corpus) -> pd.DataFrame:
    """Table 6.1: the risks weighed by who still names them (`criticism.weighed_risks`)."""
    return criticism.weighed_risks(corpus)


def graded_apart(corpus: Corpus) -> dict:
    """The risks split by the best grade behind them (`criticism.risks_graded_apart`)."""
    return criticism.risks_graded_apart(corpus)


def thin_returns(corpus: Corpus) -> dict:
    """What the best short brief's own figures say of Moscow's returns (reading.yml, `brief`; the key figures
    `aid`, `need` and `workers` of `numbers.number_about`): the figures (`figures`, by fact id), and `failures`
    while the reading "a shallow relationship, a risk the brief does not name as one" does not hold (a figure
    missing or given by another source, or the brief naming an economic disappointment itself)."""
    brief = load("reading")["brief"]
    found = {f: numbers.number_about(corpus, f) for f in ("aid", "need", "workers")}
    failures = [f"the {f} figure is not the brief's" for f, r in found.items() if r is None or r["source_id"] != brief]
    risks = claims.of_kind(corpus, "risk")
    if ((risks.source_id == brief) & (risks.category == "economic_disappointment")).any():
        failures.append(f"{brief} names an economic disappointment itself")
    outlets = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    return {"brief": outlets.get(brief, brief), "failures": failures,
            "figures": {f: (r["number"] if r else "") for f, r in found.items()}}
