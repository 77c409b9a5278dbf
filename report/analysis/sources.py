"""Source criticism in this corpus: what each source asserts, how much of it another source
confirms or contradicts, and how many of its dates another source gives differently."""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus
from .door import evidence, per_evidence, published
from .profiles import source_profiles
from .timeline import date_disputes


def _items(corpus: Corpus) -> pd.DataFrame:
    """What each source asserts, as comparable items: a motive or risk category it claims, an act it
    affirms or denies of an actor. Columns: source_id, item, polarity (affirmed | negated), when (the
    statement's date, else the source's publication date)."""
    ev = evidence(corpus)
    dates = published(corpus)
    c = ev["claims"]
    stance = c.stance.map({"affirmed": "affirmed", "denied": "negated"}) if "stance" in c.columns else "affirmed"
    claims = pd.DataFrame({"source_id": c.source_id, "item": c.kind + ": " + c.category, "polarity": stance,
                           "when": c.source_id.map(dates)})
    st = ev["statements"]
    st = st[st.polarity.isin(["affirmed", "negated"])]
    statements = pd.DataFrame({"source_id": st.source_id, "item": st.actor_id + " " + st.act, "polarity": st.polarity,
                               "when": st.as_of})
    return pd.concat([claims, statements], ignore_index=True).drop_duplicates(ignore_index=True)


@per_evidence
def verdicts(corpus: Corpus) -> pd.DataFrame:
    """Each item a source asserts and what the other sources make of it: confirmed (another states it
    too), contradicted (a later denial of what it affirms, an earlier affirmation of what it denies), or
    alone. Columns: source_id, item, polarity, when, verdict, by (the sources that confirm or contradict,
    joined). In source order (oldest first), then item."""
    items = _items(corpus).drop_duplicates(["source_id", "item", "polarity"])
    rows = []
    for sid in source_profiles(corpus).source_id:
        mine = items[items.source_id == sid]
        others = items[items.source_id != sid]
        for r in mine.sort_values(["item", "polarity"]).itertuples():
            same = others[others["item"] == r.item]
            agree = same[same.polarity == r.polarity]
            # a later denial contradicts an affirmation; an earlier denial was true at its date, and a
            # later affirmation of what an earlier statement denied is a change, not a contradiction
            if r.polarity == "affirmed":
                disagree = same[(same.polarity != r.polarity) & (same.when >= r.when)]
            else:
                disagree = same[(same.polarity != r.polarity) & (same.when <= r.when)]
            verdict, by = (("contradicted", disagree) if len(disagree) else ("confirmed", agree) if len(agree)
                           else ("alone", agree))
            rows.append({"source_id": sid, "item": r.item, "polarity": r.polarity, "when": r.when, "verdict": verdict,
                         "by": ", ".join(sorted(set(by.source_id)))})
    return pd.DataFrame(rows, columns=["source_id", "item", "polarity", "when", "verdict", "by"])


def corroboration(corpus: Corpus) -> pd.DataFrame:
    """Per source: how many of its items (claims by category, statements by actor and act) another
    source confirms, how many another contradicts (a later denial of what it affirms, an earlier
    affirmation of what it denies), how many stand alone, and how many of its dates another source
    gives differently.

    Columns: source_id, outlet, grade, items, confirmed, contradicted, alone, disputed dates. Oldest first.
    """
    v = verdicts(corpus)
    disputes = date_disputes(corpus)
    rows = []
    for s in source_profiles(corpus).to_dict("records"):
        mine = v[v.source_id == s["source_id"]]
        count = mine.verdict.value_counts()
        rows.append({"source_id": s["source_id"], "outlet": s["outlet"], "grade": s["grade"],
                     "items": len(mine), "confirmed": int(count.get("confirmed", 0)),
                     "contradicted": int(count.get("contradicted", 0)), "alone": int(count.get("alone", 0)),
                     "disputed dates": int((disputes.source_id == s["source_id"]).sum())})
    return pd.DataFrame(rows, columns=["source_id", "outlet", "grade", "items", "confirmed", "contradicted", "alone",
                                       "disputed dates"])
