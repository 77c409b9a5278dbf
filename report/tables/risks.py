"""Chapter 6 (notebooks/06_risks): the risks the sources name for Moscow, against the motives they
give, and the sources that see no cost at all."""

from __future__ import annotations

import pandas as pd

from ..analysis import claims, criticism, door, judgments
from ..analysis.profiles import independent_count, source_profiles
from ..corpus import Corpus
from ..extract.claims import AUTHOR


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


def voiced_on_record(corpus: Corpus) -> list[str]:
    """The sources on the record (their profile's sourcing) with a risk claim in a speaker's words (not the
    author's), sorted."""
    p = source_profiles(corpus)
    best = set(p.source_id[p.sourcing == "on-record"])
    risk = claims.claims(corpus, kind="risk")
    return sorted(set(risk.source_id[risk.who != AUTHOR]) & best)


def weighed(corpus: Corpus) -> pd.DataFrame:
    """Table 6.1: the risks the sources name, weighed by who names them. For each risk (most named first,
    `claims.ranking`): how many sources name it and in how many sentences; then, leaving out the sentences
    that look ahead to a step since taken (`criticism.steps_since_taken`: "an obstacle to recognition",
    written before it), how many sources still name it, how many of those are independent
    (`profiles.independent_count`) and the best reliability among them (`criticism.reliability`).
    Index: risk (label). Columns: sources, sentences, still open, independent, best grade."""
    ranked = claims.ranking(corpus, "risk")
    ranked = ranked[ranked.sources > 0]
    c = door.affirmed_claims(claims.of_kind(corpus, "risk"))
    since = criticism.steps_since_taken(corpus)
    gone = set(zip(since.source_id, since.paragraph, since.sentence))
    c = c[[k not in gone for k in zip(c.source_id, c.paragraph, c.sentence)]]
    per = c.groupby("category").source_id.agg(lambda x: sorted(set(x)))
    per.index = per.index.map(claims.labels("risk"))
    rel = criticism.reliability(corpus).set_index("source_id").reliability
    rows = [{"sources": int(ranked.loc[label, "sources"]), "sentences": int(ranked.loc[label, "sentences"]),
             "still open": len(per.get(label, [])), "independent": independent_count(corpus, per.get(label, [])),
             "best grade": min((rel[s] for s in per.get(label, [])), default="")} for label in ranked.index]
    return pd.DataFrame(rows, index=ranked.index, columns=["sources", "sentences", "still open", "independent", "best grade"])


def graded_apart(corpus: Corpus) -> dict:
    """The risks `weighed` splits by who still names them: `reliable`, those a source of the corpus's best
    reliability names; `derivative_only`, those no independent source names (labels, in table order);
    `grade`, that best reliability; and `overtaken_reliable`, per risk, the sources of that grade that name it
    only in sentences about a step since taken."""
    w = weighed(corpus)
    rel = criticism.reliability(corpus).set_index("source_id").reliability
    best = min(rel)
    c = door.affirmed_claims(claims.of_kind(corpus, "risk"))
    since = criticism.steps_since_taken(corpus)
    gone = set(zip(since.source_id, since.paragraph, since.sentence))
    c = c.assign(open=[k not in gone for k in zip(c.source_id, c.paragraph, c.sentence)],
                 label=c.category.map(claims.labels("risk")))
    still = c.groupby(["label", "source_id"]).open.any()
    overtaken = {label: sorted(s for (lab, s), is_open in still.items() if lab == label and not is_open and rel[s] == best)
                 for label in w.index}
    return {"reliable": list(w.index[w["best grade"] == best]), "derivative_only": list(w.index[w.independent == 0]),
            "grade": best, "overtaken_reliable": overtaken}
