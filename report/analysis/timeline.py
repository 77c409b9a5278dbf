"""The timeline: dated mentions and the signals of their sentences, dates two sources give
differently with the version adopted and why, and the acts the sources affirm with a date of their own (`dated_acts`)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..codebook import load
from ..corpus import Corpus
from .door import SENTENCE_KEY, affirmed_claims, evidence, per_evidence, published
from .profiles import independent_count, source_profiles
from .statements import act_labels


def _instrument(name: str):
    """One entry of codebook/analysis.yml."""
    return load("analysis")[name]


def _sentence_signals(corpus: Corpus) -> pd.DataFrame:
    """Per body sentence: the actors beyond the common ones, the sub-codes, and the event kinds
    (stances firing in the sentence or the next one). Index: sentence key."""
    ev = evidence(corpus)
    m = ev["mentions"]
    m = m[~m.actor_id.isin(_instrument("common_actors"))]
    actors = m.groupby(SENTENCE_KEY)["actor_id"].agg(frozenset).rename("actors")
    codes = ev["codes"].assign(tag=lambda d: d.theme + "." + d.code).groupby(SENTENCE_KEY)["tag"].agg(
        frozenset).rename("codes")
    st = ev["stances"]
    st = st[st.category.isin(_instrument("event_kinds"))]
    previous = st.assign(sentence=st.sentence - 1).query("sentence >= 1")  # the next sentence's kinds count too
    kinds = pd.concat([st, previous]).groupby(SENTENCE_KEY)["category"].agg(frozenset).rename("kinds")
    return pd.concat([actors, codes, kinds], axis=1)


@per_evidence
def dated_mentions(corpus: Corpus) -> pd.DataFrame:
    """Resolved date expressions (rows of the `events` evidence table) with the signals of their sentence and
    their source's publication date.

    Columns: source_id, paragraph, sentence, char_start, date_text, date, date_end, precision, text,
    published, actors, codes, kinds (sets).
    """
    ev = evidence(corpus)["events"].query("resolved")
    sig = _sentence_signals(corpus)
    out = ev.join(sig, on=SENTENCE_KEY).merge(corpus.sources[["source_id", "published"]], on="source_id")
    empty = frozenset()
    sets = {c: out[c].apply(lambda v: v if isinstance(v, frozenset) else empty) for c in ("actors", "codes", "kinds")}
    return out.assign(**sets)[
        ["source_id", "paragraph", "sentence", "char_start", "date_text", "date", "date_end", "precision", "text",
         "published", "actors", "codes", "kinds"]]


@per_evidence
def date_disagreements(corpus: Corpus) -> pd.DataFrame:
    """Pairs of sources that date what looks like the same event differently.

    Two resolved mentions in different sources disagree when both are dated to the day or month,
    their dates differ by at most `disagreement_window_days`, and they are of the same event kind
    (analysis.yml). Columns: source_a, paragraph_a, date_a, text_a, source_b, paragraph_b, date_b,
    text_b, shared (the event kinds in common).
    """
    window = _instrument("disagreement_window_days")
    rows = dated_mentions(corpus).query("precision in ['day', 'month'] and date_end == ''").to_dict("records")
    out = []
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if a["source_id"] == b["source_id"] or a["date"] == b["date"]:
                continue
            da, db = (dt.date.fromisoformat((x["date"] + "-01")[:10]) for x in (a, b))
            shared = a["kinds"] & b["kinds"]
            if abs((da - db).days) <= window and shared:
                first, second = sorted([a, b], key=lambda r: r["source_id"])
                out.append({"source_a": first["source_id"], "paragraph_a": first["paragraph"], "date_a": first["date"],
                            "text_a": first["text"], "source_b": second["source_id"],
                            "paragraph_b": second["paragraph"], "date_b": second["date"], "text_b": second["text"],
                            "shared": ", ".join(sorted(shared))})
    cols = ["source_a", "paragraph_a", "date_a", "text_a", "source_b", "paragraph_b", "date_b", "text_b", "shared"]
    return pd.DataFrame(out, columns=cols).sort_values(["source_a", "source_b", "date_a"], ignore_index=True)


@per_evidence
def date_disputes(corpus: Corpus) -> pd.DataFrame:
    """The dated mentions on each side of a date disagreement, with the version adopted and why.

    Two sources disagree when they date the same kind of event differently (`date_disagreements`).
    For each disputed kind the versions are compared by the adoption rules of the codebook:
    primary over derivative, then corroboration (independent sources giving the date), then grade.
    Columns: event (kind), date, source_id, paragraph, text, sources (giving this date), adopted (bool),
    rule (the label of the rule that decided, or "undecided").
    """
    pairs = date_disagreements(corpus)
    cols = ["event", "date", "source_id", "paragraph", "text", "sources", "adopted", "rule"]
    if pairs.empty:
        return pd.DataFrame(columns=cols)
    profiles = source_profiles(corpus).set_index("source_id")
    rules = load("reading")["adoption_rules"]
    rows = []
    for event, group in pairs.groupby("shared", sort=True):
        versions: dict[str, dict] = {}
        for side in ("a", "b"):
            for r in group.to_dict("records"):
                v = versions.setdefault(r[f"date_{side}"], {})
                v.setdefault(r[f"source_{side}"], (r[f"paragraph_{side}"], r[f"text_{side}"]))
        scores = {}
        for date, sources in versions.items():
            ids = list(sources)
            scores[date] = {"corroboration": -independent_count(corpus, ids),
                            "primary": 0 if any(profiles.loc[s, "origin"] == "primary" for s in ids) else 1,
                            "grade": min(int(profiles.loc[s, "rank"]) for s in ids)}
        winner, rule = None, "undecided"
        for r in rules:
            best = min(v[r["rule"]] for v in scores.values())
            leaders = [d for d, v in scores.items() if v[r["rule"]] == best]
            if len(leaders) == 1:
                winner, rule = leaders[0], r["label"]
                if r["rule"] == "corroboration":  # say how many: a derivative source whose original is unknown counts none
                    against = max(-v["corroboration"] for d, v in scores.items() if d != winner)
                    rule += (" (the other version's sources are all derivative)" if against == 0
                             else f" ({-best} independent against {against})")
                break
        for date, sources in sorted(versions.items()):
            for sid, (paragraph, text) in sorted(sources.items()):
                rows.append({"event": event, "date": date, "source_id": sid, "paragraph": int(paragraph), "text": text,
                             "sources": len(sources), "adopted": date == winner, "rule": rule})
    return pd.DataFrame(rows, columns=cols)


def adoption_order() -> str:
    """The tests that decide between two versions of a date, in the order they are tried, in words."""
    return ", then ".join(r["short"] for r in load("reading")["adoption_rules"])


def adopted_date(corpus: Corpus, event: str) -> dict | None:
    """The adopted version of a disputed event date: {date, rule, sources, rejected, rejected_sources};
    None if undisputed."""
    d = date_disputes(corpus)
    d = d[d.event.str.split(", ").apply(lambda kinds: event in kinds)]
    if d.empty or not d.adopted.any():
        return None
    win = d[d.adopted]
    return {"date": win.date.iloc[0], "rule": win.rule.iloc[0], "sources": sorted(set(win.source_id)),
            "rejected": sorted(set(d[~d.adopted].date)), "rejected_sources": sorted(set(d[~d.adopted].source_id))}


@per_evidence
def dated_acts(corpus: Corpus) -> pd.DataFrame:
    """The timeline's events: the acts the sources affirm with a date of their own, oldest first (not the
    `events` evidence table, which holds every date expression, nor `dated_mentions`).

    An event is an act the text affirms (a statement) with a date the text gives for it (the statement's
    as_of is a date of its own sentence, not the publication date); statements of the same actor, act and
    date are one event. The version of a disputed date that was not adopted is left out. Columns: date,
    actor, act, event (e.g. "Russia removes the Taliban from a terrorist list"), sources, source_ids,
    source_id and paragraph (the earliest source's sentence), text.
    """
    ev = evidence(corpus)
    st = ev["statements"].query("polarity == 'affirmed'")
    dates = ev["events"].query("resolved").groupby(SENTENCE_KEY)["date"].agg(set)
    own = [a in dates.get(tuple(k), set()) for a, k in zip(st.as_of, st[SENTENCE_KEY].itertuples(index=False))]
    st = st[pd.Series(own, index=st.index, dtype=bool)]  # a boolean mask even when empty (an empty list selects columns)
    disputes = date_disputes(corpus)
    adopted = disputes.adopted.astype(bool)  # an empty frame's column is of objects: `~` must not select columns
    rejected = set(zip(disputes[~adopted].source_id, disputes[~adopted].date))
    st = st[pd.Series([(s, d) not in rejected for s, d in zip(st.source_id, st.as_of)], index=st.index, dtype=bool)]
    # the adopted version of a disputed date dates the act of that kind its paragraph affirms
    # ("On 3 July, Russia's Ministry ... accepted the credentials. With this act, Russia became the first
    # country ... to recognise")
    affirmed = ev["statements"].query("polarity == 'affirmed'")
    for r in disputes[adopted].itertuples():
        same = affirmed[(affirmed.source_id == r.source_id) & (affirmed.paragraph == r.paragraph)
                        & affirmed.act.isin(r.event.split(", "))]
        st = pd.concat([st, same.assign(as_of=r.date)], ignore_index=True)
    dates_of = published(corpus)
    labels = act_labels()
    rows = []
    for (date, actor_id, act), group in st.groupby(["as_of", "actor_id", "act"], sort=True):
        group = group.assign(_p=group.source_id.map(dates_of)).sort_values(["_p", "source_id", "paragraph"])
        first = group.iloc[0]
        rows.append({"date": date, "actor": first.actor, "act": act, "event": f"{first.actor} {labels[act]}",
                     "sources": group.source_id.nunique(), "source_ids": ", ".join(sorted(set(group.source_id))),
                     "source_id": first.source_id, "paragraph": int(first.paragraph), "text": first.text})
    cols = ["date", "actor", "act", "event", "sources", "source_ids", "source_id", "paragraph", "text"]
    return pd.DataFrame(rows, columns=cols).sort_values(["date", "event"], ignore_index=True)


def recognition_path(corpus: Corpus) -> dict:
    """The steps from listing to recognition, from the events: the recogniser's listing, its first dated
    engagement, its delisting, its recognition and its first accepted envoy (dates, or None), whether
    listing, delisting and recognition come in that order, whether the recognition falls on a day it
    accepted an envoy, and the adopted version of the recognition date (`adopted_date`, or None)."""
    e = dated_acts(corpus)
    recognisers = e.actor[e.act == "recognises"]
    mine = e[e.actor == recognisers.iloc[0]] if len(recognisers) else e.iloc[0:0]

    def first(act: str) -> str | None:
        dates = mine.date[mine.act == act]
        return dates.iloc[0] if len(dates) else None

    out = {"listing": first("lists"), "engagement": first("engages"), "delisting": first("delists"),
           "recognition": first("recognises"), "envoy": first("accepts_envoy")}
    out["ordered"] = all(out[a] and out[b] and out[a] < out[b]
                         for a, b in [("listing", "delisting"), ("delisting", "recognition")])
    # an envoy accepted on the day of the recognition (an earlier envoy, a chargé d'affaires accredited
    # years before, does not make the recognition's own envoy any less its own)
    out["same_day_as_envoy"] = bool(out["recognition"] and out["recognition"] in set(mine.date[mine.act == "accepts_envoy"]))
    out["adopted"] = adopted_date(corpus, "recognises")
    return out



def why_now(corpus: Corpus) -> dict:
    """What the sources say about the timing of the recognition: the delisting and the recognition dates
    (`recognition_path`), when the discussion of delisting began (the earliest date the sources give an
    expected delisting by the recogniser), the sources that give the listing as a legal obstacle to
    formal ties (motive claims of the `domestic_legal` category), and the share of the sentences giving
    Moscow a motive that were written before the delisting. `failures` lists the parts of the chapter's
    reading that no longer hold."""
    path = recognition_path(corpus)
    ev = evidence(corpus)
    dates = published(corpus)
    st = ev["statements"]
    recogniser = st.actor_id[(st.act == "recognises") & (st.polarity == "affirmed")]
    who = recogniser.iloc[0] if len(recogniser) else None
    talk = st[(st.actor_id == who) & (st.act == "delists") & (st.polarity == "prospective")
              & (st.as_of != st.source_id.map(dates))]
    c = affirmed_claims(ev["claims"])
    legal = sorted(set(c.source_id[(c.kind == "motive") & (c.category == "domestic_legal")]))
    motives = c[c.kind == "motive"].drop_duplicates(SENTENCE_KEY)
    delisting = path["delisting"]
    before = int((motives.source_id.map(dates) < (delisting or "")).sum()) if delisting else 0
    out = {"delisting": delisting, "recognition": path["recognition"], "engagement": path["engagement"],
           "discussion_began": talk.as_of.min() if len(talk) else None, "legal_sources": legal,
           "legal_text": " ".join(c.text[(c.kind == "motive") & (c.category == "domestic_legal")]),
           "motive_share_before": round(100 * before / len(motives)) if len(motives) else 0}
    failures = []
    if not (delisting and path["recognition"] and delisting < path["recognition"]):
        failures.append("no delisting dated before the recognition")
    if not legal:
        failures.append("no source gives the listing as an obstacle to formal ties")
    if not (out["discussion_began"] and delisting and out["discussion_began"] < delisting):
        failures.append("no source dates the discussion of delisting before the delisting")
    if out["motive_share_before"] <= 50:
        failures.append(f"only {out['motive_share_before']} % of the motive sentences predate the delisting")
    return {**out, "failures": failures}
