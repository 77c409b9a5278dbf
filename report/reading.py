"""The reading layer: source profiles and grades, corroboration, disputed facts, and key judgments
with a computed confidence, the evidence they rest on and the checks that guard them.

The vocabulary (grades, confidence levels, adoption rules, the judgments and their selectors)
is data in report/codebook/reading.yml; this module only applies it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field

import pandas as pd

from .codebook import load
from .corpus import Corpus
from .guards import GuardFailed

SENTENCE_KEY = ["source_id", "paragraph", "sentence"]
QUESTIONS: dict[str, str] = load("reading")["questions"]  # question id -> its wording, in the book's order


def codebook() -> dict:
    return load("reading")


_OVERRIDE: list[dict[str, pd.DataFrame]] = []


@contextmanager
def using_evidence(tables: dict[str, pd.DataFrame]):
    """Read the judgments and chapters on other evidence tables, such as the hand annotation of the
    seeds (tests check that every key judgment holds on it as well as on the extraction)."""
    _OVERRIDE.append(tables)
    try:
        yield
    finally:
        _OVERRIDE.pop()


def _evidence(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The evidence tables: the extraction, or what `using_evidence` set; with REPORT_EVIDENCE=annotated
    in the environment, the hand annotation of the seeds (a test runs every chapter so, to check that its
    sentences hold on what the annotators found as well as on the extraction)."""
    from .extract import evidence

    if _OVERRIDE:
        return _OVERRIDE[-1]
    if os.environ.get("REPORT_EVIDENCE") == "annotated":
        from .paths import SEED_ANNOTATIONS

        key = id(corpus)
        if key not in _ANNOTATED:
            _ANNOTATED[key] = annotated_evidence(corpus, SEED_ANNOTATIONS, evidence(corpus))
        return _ANNOTATED[key]
    return evidence(corpus)


_ANNOTATED: dict[int, dict[str, pd.DataFrame]] = {}


# ---------------------------------------------------------------------------------------
# Source profiles
# ---------------------------------------------------------------------------------------

def _grade(profile: dict) -> dict:
    for rule in codebook()["grades"]:
        if all(profile.get(k) == v for k, v in rule.items() if k not in ("grade", "rank", "label")):
            return rule
    raise ValueError(f"no grade rule matches {profile}")  # the last rule matches everything (a lint checks)


def source_profiles(corpus: Corpus) -> pd.DataFrame:
    """One row per source: its profile from the manifest and the grade computed from it.

    Columns: source_id, outlet, published, kind, author (the name, or "none named"), sourcing, origin,
    based_on, grade, grade_label, rank. Oldest first.
    """
    rows = []
    for s in corpus.sources.to_dict("records"):
        s = {k: (v if isinstance(v, str) else None) for k, v in s.items()}  # missing optional fields
        g = _grade({"origin": s["origin"], "sourcing": s["sourcing"]})
        rows.append({"source_id": s["source_id"], "outlet": s["outlet"], "published": s["published"], "kind": s["kind"],
                     "author": s["author"] or "none named", "sourcing": s["sourcing"] or "not profiled",
                     "origin": s["origin"] or "not profiled", "based_on": s["based_on"] or "",
                     "grade": g["grade"], "grade_label": g["label"], "rank": int(g["rank"])})
    cols = ["source_id", "outlet", "published", "kind", "author", "sourcing", "origin", "based_on", "grade",
            "grade_label", "rank"]
    return pd.DataFrame(rows, columns=cols).sort_values(["published", "source_id"], ignore_index=True)


def independent_count(corpus: Corpus, source_ids) -> int:
    """How many independent sources among `source_ids`: a derivative source whose `based_on` names
    another of them counts once with it."""
    ids = set(source_ids)
    based = dict(zip(corpus.sources.source_id, corpus.sources.based_on))
    return sum(1 for s in ids if not (based.get(s) in ids and based.get(s) != s))


# ---------------------------------------------------------------------------------------
# Selecting evidence
# ---------------------------------------------------------------------------------------

def _matches(series: pd.Series, wanted) -> pd.Series:
    values = wanted if isinstance(wanted, list) else [wanted]
    exact = [v for v in values if not str(v).endswith("*")]
    hit = series.astype(str).isin([str(v) for v in exact])
    for v in values:
        if str(v).endswith("*"):
            hit |= series.astype(str).str.lower().str.startswith(str(v)[:-1].lower())
    return hit


def words_pattern(words: list[str]) -> re.Pattern:
    """A case-blind pattern for any of `words` as whole words; a word ending in * is a prefix."""
    alternatives = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + r"\b" for w in words)
    return re.compile(r"\b(?:" + alternatives + ")", re.I)


def and_join(names: list[str]) -> str:
    """["A", "B", "C"] -> "A, B and C"; "" for none."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def select(corpus: Corpus, selectors: list[dict]) -> pd.DataFrame:
    """The evidence rows chosen by `selectors` (union), one row per sentence and item.

    Columns: source_id, paragraph, sentence, table, item (what the row says, e.g. "motive: security"
    or "Russia recognises (affirmed)"), text (the sentence). Sorted by source and position.
    """
    ev = _evidence(corpus)
    sentences = corpus.sentences.set_index(SENTENCE_KEY)["text"]
    parts = []
    for sel in selectors or []:
        table = ev[sel["table"]]
        keep = pd.Series(True, index=table.index)
        for column, wanted in sel.items():
            if column not in ("table", "mentions"):
                keep &= _matches(table[column], wanted)
        if "mentions" in sel:  # the sentence names one of these words (a word ending in * is a prefix)
            text = pd.Series([sentences.get((a, b, c), "") for a, b, c in
                              zip(table.source_id, table.paragraph, table.sentence)], index=table.index, dtype=object)
            keep &= text.str.contains(words_pattern(sel["mentions"]))
        rows = table[keep]
        if sel["table"] == "claims":
            item = rows.kind + ": " + rows.category
        else:
            item = rows.actor + " " + rows.act + " (" + rows.polarity + ")"
        parts.append(pd.DataFrame({"source_id": rows.source_id, "paragraph": rows.paragraph,
                                   "sentence": rows.sentence, "table": sel["table"], "item": item}))
    cols = SENTENCE_KEY + ["table", "item"]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)
    out = out.drop_duplicates(cols).astype({"paragraph": int, "sentence": int})
    out["text"] = [sentences.get((s, p, n), "") for s, p, n in zip(out.source_id, out.paragraph, out.sentence)]
    return out.sort_values(cols, ignore_index=True)


# ---------------------------------------------------------------------------------------
# Confidence
# ---------------------------------------------------------------------------------------

def _published(corpus: Corpus) -> dict[str, str]:
    return dict(zip(corpus.sources.source_id, corpus.sources.published))


def contradicting_sources(corpus: Corpus, evidence: pd.DataFrame, contrary: pd.DataFrame) -> list[str]:
    """Sources with a contrary row published no earlier than the earliest evidence."""
    if evidence.empty or contrary.empty:
        return []
    published = _published(corpus)
    first = min(published[s] for s in evidence.source_id)
    return sorted({s for s in contrary.source_id if published[s] >= first and s not in set(evidence.source_id)})


def confidence(corpus: Corpus, evidence: pd.DataFrame, contradicting: list[str]) -> dict:
    """The first confidence level of the codebook whose thresholds hold for this evidence."""
    profiles = source_profiles(corpus).set_index("source_id")
    sources = sorted(set(evidence.source_id))
    n = independent_count(corpus, sources)
    ranks = {g["grade"]: int(g["rank"]) for g in codebook()["grades"]}
    best = min((int(profiles.loc[s, "rank"]) for s in sources), default=99)
    for level in codebook()["confidence"]:
        if (n >= level["independent"] and len(contradicting) <= level.get("contradicting", 99)
                and best <= ranks.get(level.get("best_grade"), 99)):
            return {**level, "independent": n, "sources": sources, "best_rank": best}
    raise ValueError("the last confidence level must have no thresholds")


def basis(corpus: Corpus, conf: dict, contradicting: list[str], template: str | None = None) -> str:
    """What a confidence rests on, in words: how many sources, how independent, their grades, and
    who contradicts. `template` (from the codebook) may word the first part, with {n} and {total}."""
    profiles = source_profiles(corpus).set_index("source_id")
    sources, n, total = conf["sources"], conf["independent"], len(corpus.sources)
    grades = profiles.loc[sources].groupby(["rank", "grade_label"]).size() if sources else pd.Series(dtype=int)
    kinds = "; ".join(f"{v} {label}" for (_, label), v in grades.items())
    said = (template.format(n=len(sources), total=total) if template
            else f"{len(sources)} of {total} sources state it")
    if sources:
        said += (", all independent" if n == len(sources) else f", {n} of them independent") + f" ({kinds})"
    against = (f"contradicted by {len(contradicting)} later source{'s' if len(contradicting) != 1 else ''} "
               f"({', '.join(contradicting)})" if contradicting else "no later source contradicts it")
    return f"{said}; {against}"


def confidence_scale() -> pd.DataFrame:
    """The confidence vocabulary of the codebook. Columns: confidence, meaning, sources (at least),
    best grade (at least), contradicting (at most)."""
    return pd.DataFrame([{"confidence": c["label"], "meaning": c["meaning"], "sources (at least)": c["independent"],
                          "best grade (at least)": c.get("best_grade", "any"),
                          "contradicting (at most)": c.get("contradicting", "any")}
                         for c in codebook()["confidence"]])


# ---------------------------------------------------------------------------------------
# Checks that guard a judgment's sentence
# ---------------------------------------------------------------------------------------

def _check_ranked_first(corpus, evidence, spec, judgment) -> str | None:
    table = _evidence(corpus)[spec["table"]]
    table = table[_matches(table["kind"], spec["kind"])] if "kind" in spec else table
    counts = table.groupby(spec["by"]).source_id.nunique()
    mine = evidence.source_id.nunique()
    rivals = counts.drop(labels=[judgment_value(judgment, spec["by"])], errors="ignore")
    ahead = rivals[rivals >= mine] if len(rivals) else rivals
    if len(ahead):
        return (f"it is no longer named by more sources than any other {spec['by']}: "
                + ", ".join(f"{k} ({v} sources)" for k, v in ahead.items()) + f" against {mine}")
    return None


def judgment_value(judgment: dict, column: str):
    for sel in judgment["evidence"]:
        if column in sel:
            return sel[column]
    return None


def _own(corpus, evidence, spec) -> pd.DataFrame:
    """The rows a check counts: its own selector when it names a table, else the judgment's evidence."""
    if "table" in spec:
        return select(corpus, [{k: v for k, v in spec.items() if k not in ("check", "sources")}])
    return evidence


def _denominator(corpus, spec, judgment) -> tuple[int, str]:
    """How many sources a share is taken of: for claims of a kind, the sources that state a claim of that
    kind (a source that gives Moscow no motive at all says nothing about which motive comes first); else
    every source."""
    kind = spec.get("kind") if "table" in spec else judgment_value(judgment, "kind")
    table = spec.get("table") if "table" in spec else next((s["table"] for s in judgment["evidence"]), None)
    if table == "claims" and isinstance(kind, str):
        c = _evidence(corpus)["claims"]
        return int(c.source_id[c.kind == kind].nunique()), f"sources that state a {kind}"
    return len(corpus.sources), "sources"


def _check_majority(corpus, evidence, spec, judgment) -> str | None:
    n = _own(corpus, evidence, spec).source_id.nunique()
    total, _ = _denominator(corpus, spec, judgment)
    return None if n * 2 > total else f"only {n} of {total} sources state it, not a majority"


def _check_minority(corpus, evidence, spec, judgment) -> str | None:
    n = _own(corpus, evidence, spec).source_id.nunique()
    total, _ = _denominator(corpus, spec, judgment)
    return None if n * 2 < total else f"{n} of {total} sources state it, no longer a minority"


def _check_at_least(corpus, evidence, spec, judgment) -> str | None:
    n = _own(corpus, evidence, spec).source_id.nunique()
    return None if n >= spec["sources"] else f"only {n} source(s) state it, fewer than {spec['sources']}"


def _check_only_actor(corpus, evidence, spec, judgment) -> str | None:
    rows = select(corpus, [{k: v for k, v in spec.items() if k not in ("check", "actor_id")}])
    st = _evidence(corpus)["statements"].merge(rows[SENTENCE_KEY], on=SENTENCE_KEY)
    st = st[_matches(st.act, spec["act"]) & _matches(st.polarity, spec["polarity"])]
    others = sorted(set(st.actor_id) - {spec["actor_id"]})
    present = spec["actor_id"] in set(st.actor_id)
    if others or not present:
        return (f"other actors do it too: {', '.join(others)}" if others else f"{spec['actor_id']} no longer does it")
    return None


def _check_concentrated(corpus, evidence, spec, judgment) -> str | None:
    rows = _own(corpus, evidence, spec)
    counts = rows.source_id.value_counts()
    if len(rows) and counts.iloc[0] * 2 >= len(rows):
        return None
    return f"no single source holds half of its {len(rows)} rows any more"


def _check_fewer_sources_than(corpus, evidence, spec, judgment) -> str | None:
    n, rival = evidence.source_id.nunique(), _own(corpus, evidence, spec).source_id.nunique()
    return None if n < rival else f"{n} sources state it, no fewer than the {rival} of the comparison"


def _check_every_source(corpus, evidence, spec, judgment) -> str | None:
    """Every source that states a claim of the judgment's kind states this one."""
    kind = judgment_value(judgment, "kind")
    c = _evidence(corpus)["claims"]
    stating = set(c.source_id[c.kind == kind]) if isinstance(kind, str) else set(corpus.sources.source_id)
    missing = sorted(stating - set(_own(corpus, evidence, spec).source_id))
    return None if not missing else f"not every source that states a {kind} states it: {', '.join(missing)} do not"


def _check_main_for_majority(corpus, evidence, spec, judgment) -> str | None:
    """The category is the one a majority of sources give the most claim sentences (report.motives.balance)."""
    from .motives import balance, labels

    b = balance(corpus)
    main = b["main motive"][b.motives > 0]
    label = labels(spec.get("kind", "motive"))[spec["category"]]
    n = int((main == label).sum())
    return None if n * 2 > len(main) else f"it takes the most sentences in only {n} of {len(main)} sources"


def _check_most_sentences(corpus, evidence, spec, judgment) -> str | None:
    from .motives import labels, ranking

    r = ranking(corpus, spec.get("kind", "motive"))
    label = labels(spec.get("kind", "motive"))[spec["category"]]
    top = r.sentences.max()
    return None if r.loc[label, "sentences"] == top and (r.sentences == top).sum() == 1 else (
        f"it no longer has the most sentences: {dict(r.sentences)}")


def _check_present(corpus, evidence, spec, judgment) -> str | None:
    rows = select(corpus, [{k: v for k, v in spec.items() if k != "check"}])
    return None if len(rows) else "no row of the evidence says it any more"


def _check_figures_given(corpus, evidence, spec, judgment) -> str | None:
    numbers = _evidence(corpus)["numbers"]
    hit = numbers[numbers.unit.isin(spec["units"]) & numbers.source_id.isin(set(evidence.source_id))]
    return None if len(hit) else f"no source of the evidence gives a figure in {', '.join(spec['units'])}"


CHECKS = {"ranked_first": _check_ranked_first, "majority": _check_majority, "minority": _check_minority,
          "at_least": _check_at_least, "concentrated": _check_concentrated,
          "fewer_sources_than": _check_fewer_sources_than, "every_source": _check_every_source,
          "main_for_majority": _check_main_for_majority, "most_sentences": _check_most_sentences, "only_actor": _check_only_actor, "present": _check_present,
          "figures_given": _check_figures_given}


@dataclass
class Judgment:
    id: str
    question: str
    text: str
    level: str
    label: str
    basis: str
    evidence: pd.DataFrame
    alternative: str
    alternative_evidence: pd.DataFrame
    contradicting: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def judge(corpus: Corpus, spec: dict) -> Judgment:
    """One judgment of the codebook, with its confidence, evidence and the result of its checks."""
    evidence = select(corpus, spec["evidence"])
    if spec.get("unless"):  # a judgment of absence rests on the sources that say nothing of the kind
        exceptions = set(select(corpus, spec["unless"]).source_id)
        evidence = evidence[~evidence.source_id.isin(exceptions)].reset_index(drop=True)
    contrary = select(corpus, spec.get("contrary", []))
    against = contradicting_sources(corpus, evidence, contrary)
    conf = confidence(corpus, evidence, against)
    failures = [msg for check in spec.get("holds", [])
                if (msg := CHECKS[check["check"]](corpus, evidence, check, spec))]
    alt = spec.get("alternative", {})
    alt_evidence = select(corpus, alt.get("evidence", []))
    if alt.get("text") and alt_evidence.empty:
        failures.append("its alternative view no longer has any evidence")
    failures += [f"alternative view: {msg}" for check in alt.get("holds", [])
                 if (msg := CHECKS[check["check"]](corpus, alt_evidence, check, spec))]
    return Judgment(id=spec["id"], question=spec["question"], text=" ".join(spec["text"].split()),
                    level=conf["level"], label=conf["label"], basis=basis(corpus, conf, against, spec.get("basis")),
                    evidence=evidence,
                    alternative=" ".join(alt.get("text", "").split()), alternative_evidence=alt_evidence,
                    contradicting=against, failures=failures)


def judgments(corpus: Corpus) -> list[Judgment]:
    return [judge(corpus, spec) for spec in codebook()["judgments"]]


def check_judgments(corpus: Corpus) -> list[Judgment]:
    """All judgments; raises GuardFailed naming every sentence whose checks fail."""
    out = judgments(corpus)
    failed = [j for j in out if j.failures]
    if failed:
        raise GuardFailed("\n".join(f'Key judgment "{j.id}" ({j.text[:90]}...) no longer holds: '
                                    + "; ".join(j.failures) for j in failed))
    return out


def profile_table(corpus: Corpus) -> pd.DataFrame:
    """The source profiles for the reader, one row per source (the row label), oldest first: its kind, its
    grade (whose label says its origin and sourcing) and its corroboration counts."""
    p = source_profiles(corpus)
    c = corroboration(corpus).set_index("source_id")
    out = pd.DataFrame({"source": p.source_id, "kind": p.kind, "grade": p.grade + ": " + p.grade_label,
                        "items": p.source_id.map(c["items"]), "confirmed": p.source_id.map(c["confirmed"]),
                        "contradicted": p.source_id.map(c["contradicted"]), "alone": p.source_id.map(c["alone"]),
                        "disputed dates": p.source_id.map(c["disputed dates"])})
    return out.set_index("source")


def judgment_summary(corpus: Corpus) -> pd.DataFrame:
    """One row per key judgment, numbered and ordered as on the key-judgments page (grouped by question):
    no., id, judgment (its sentence), confidence (its label), sources (how many independent sources state
    it: `independent_count`), contradicted by."""
    judged = judgments(corpus)
    ordered = [j for q in QUESTIONS for j in judged if j.question == q]
    rows = [{"no.": k, "id": j.id, "judgment": j.text, "confidence": j.label,
             "sources": independent_count(corpus, j.evidence.source_id), "contradicted by": len(j.contradicting)}
            for k, j in enumerate(ordered, 1)]
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------
# Corroboration and disputed facts
# ---------------------------------------------------------------------------------------

def _items(corpus: Corpus) -> pd.DataFrame:
    """What each source asserts, as comparable items: a motive or risk category it claims, an act it
    affirms or denies of an actor. Columns: source_id, item, polarity (affirmed | negated), when (the
    statement's date, else the source's publication date)."""
    ev = _evidence(corpus)
    published = _published(corpus)
    c = ev["claims"]
    claims = pd.DataFrame({"source_id": c.source_id, "item": c.kind + ": " + c.category, "polarity": "affirmed",
                           "when": c.source_id.map(published)})
    st = ev["statements"]
    st = st[st.polarity.isin(["affirmed", "negated"])]
    statements = pd.DataFrame({"source_id": st.source_id, "item": st.actor_id + " " + st.act, "polarity": st.polarity,
                               "when": st.as_of})
    return pd.concat([claims, statements], ignore_index=True).drop_duplicates(ignore_index=True)


def corroboration(corpus: Corpus) -> pd.DataFrame:
    """Per source: how many of its items (claims by category, statements by actor and act) another
    source confirms, how many another contradicts (a later denial of what it affirms, an earlier
    affirmation of what it denies), how many stand alone, and how many of its dates another source
    gives differently.

    Columns: source_id, outlet, grade, items, confirmed, contradicted, alone, disputed dates. Oldest first.
    """
    items = _items(corpus).drop_duplicates(["source_id", "item", "polarity"])
    disputes = date_disputes(corpus)
    rows = []
    for s in source_profiles(corpus).to_dict("records"):
        mine = items[items.source_id == s["source_id"]]
        others = items[items.source_id != s["source_id"]]
        confirmed = contradicted = alone = 0
        for r in mine.itertuples():
            same = others[others["item"] == r.item]
            agree = same[same.polarity == r.polarity]
            # a later denial contradicts an affirmation; an earlier denial was true at its date, and a
            # later affirmation of what an earlier statement denied is a change, not a contradiction
            if r.polarity == "affirmed":
                disagree = same[(same.polarity != r.polarity) & (same.when >= r.when)]
            else:
                disagree = same[(same.polarity != r.polarity) & (same.when <= r.when)]
            if len(disagree):
                contradicted += 1
            elif len(agree):
                confirmed += 1
            else:
                alone += 1
        dated = disputes[(disputes.source_id == s["source_id"])]
        rows.append({"source_id": s["source_id"], "outlet": s["outlet"], "grade": s["grade"],
                     "items": len(mine), "confirmed": confirmed, "contradicted": contradicted, "alone": alone,
                     "disputed dates": len(dated)})
    return pd.DataFrame(rows, columns=["source_id", "outlet", "grade", "items", "confirmed", "contradicted", "alone",
                                       "disputed dates"])


def date_disputes(corpus: Corpus) -> pd.DataFrame:
    """The dated mentions on each side of a date disagreement, with the version adopted and why.

    Two sources disagree when they date the same kind of event differently (report.tables.timeline.date_disagreements).
    For each disputed kind the versions are compared by the adoption rules of the codebook:
    corroboration (independent sources giving the date), then primary over derivative, then grade.
    Columns: event (kind), date, source_id, paragraph, text, sources (giving this date), adopted (bool),
    rule (the label of the rule that decided, or "undecided").
    """
    from .tables.timeline import date_disagreements

    pairs = date_disagreements(corpus)
    cols = ["event", "date", "source_id", "paragraph", "text", "sources", "adopted", "rule"]
    if pairs.empty:
        return pd.DataFrame(columns=cols)
    profiles = source_profiles(corpus).set_index("source_id")
    rules = codebook()["adoption_rules"]
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
                break
        for date, sources in sorted(versions.items()):
            for sid, (paragraph, text) in sorted(sources.items()):
                rows.append({"event": event, "date": date, "source_id": sid, "paragraph": int(paragraph), "text": text,
                             "sources": len(sources), "adopted": date == winner, "rule": rule})
    return pd.DataFrame(rows, columns=cols)


def adopted_date(corpus: Corpus, event: str) -> dict | None:
    """The adopted version of a disputed event date: {date, rule, sources, rejected}; None if undisputed."""
    d = date_disputes(corpus)
    d = d[d.event.str.split(", ").apply(lambda kinds: event in kinds)]
    if d.empty or not d.adopted.any():
        return None
    win = d[d.adopted]
    return {"date": win.date.iloc[0], "rule": win.rule.iloc[0], "sources": sorted(set(win.source_id)),
            "rejected": sorted(set(d[~d.adopted].date)), "rejected_sources": sorted(set(d[~d.adopted].source_id))}


def long_date(iso: str) -> str:
    """'2025-07-03' -> '3 July 2025'; '2025-07' -> 'July 2025'."""
    parts = iso.split("-")
    if len(parts) == 3:
        d = dt.date.fromisoformat(iso)
        return f"{d.day} {d:%B %Y}"
    if len(parts) == 2:
        return f"{dt.date(int(parts[0]), int(parts[1]), 1):%B %Y}"
    return iso


def numbering(groups: dict[str, list]) -> dict[str, int]:
    """The number of the first item of each group when the groups are numbered in one run."""
    starts, n = {}, 1
    for key, items in groups.items():
        starts[key] = n
        n += len(items)
    return starts


def trust_summary(corpus: Corpus) -> dict:
    """Figures for the opening of chapter 1: counts of primary, derivative and on-record sources, the
    on-record sources by id, the share of items another source confirms, and the contradicted items."""
    p = source_profiles(corpus)
    c = corroboration(corpus)
    items = int(c["items"].sum())
    top = p[p["rank"] == p["rank"].min()]
    return {"n_primary": int((p.origin == "primary").sum()), "n_derivative": int((p.origin == "derivative").sum()),
            "n_best": len(top), "best_sources": ", ".join(top.source_id), "best_label": top.grade_label.iloc[0],
            "confirmed_share": round(100 * int(c.confirmed.sum()) / items) if items else 0,
            "n_items": items, "n_contradicted": int(c.contradicted.sum()),
            "n_disputed_dates": int((c["disputed dates"] > 0).sum())}


def most_alone(corpus: Corpus) -> pd.DataFrame:
    """The source(s) with the most unconfirmed items, with their origin. Columns: source_id, origin, alone."""
    p = profile_table(corpus)
    origin = source_profiles(corpus).set_index("source_id").origin
    top = p[p.alone == p.alone.max()]
    return pd.DataFrame({"source_id": top.index, "origin": top.index.map(origin).values, "alone": top.alone.values})


# ---------------------------------------------------------------------------------------
# A timeline of events
# ---------------------------------------------------------------------------------------

def act_labels(short: bool = False) -> dict[str, str]:
    """Act id -> its label in the codebook (report/codebook/acts.yml), or its short label for table headers."""
    return {act: spec["short" if short else "label"] for act, spec in load("acts")["acts"].items()}


def events(corpus: Corpus) -> pd.DataFrame:
    """Dated statements merged into events, oldest first.

    An event is an act the text affirms (a statement) with a date the text gives for it (the statement's
    as_of is a date of its own sentence, not the publication date); statements of the same actor, act and
    date are one event. The version of a disputed date that was not adopted is left out. Columns: date,
    actor, act, event (e.g. "Russia removes the Taliban from a terrorist list"), sources, source_ids,
    source_id and paragraph (the earliest source's sentence), text.
    """
    ev = _evidence(corpus)
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
    published = _published(corpus)
    labels = act_labels()
    rows = []
    for (date, actor_id, act), group in st.groupby(["as_of", "actor_id", "act"], sort=True):
        group = group.assign(_p=group.source_id.map(published)).sort_values(["_p", "source_id", "paragraph"])
        first = group.iloc[0]
        rows.append({"date": date, "actor": first.actor, "act": act, "event": f"{first.actor} {labels[act]}",
                     "sources": group.source_id.nunique(), "source_ids": ", ".join(sorted(set(group.source_id))),
                     "source_id": first.source_id, "paragraph": int(first.paragraph), "text": first.text})
    cols = ["date", "actor", "act", "event", "sources", "source_ids", "source_id", "paragraph", "text"]
    return pd.DataFrame(rows, columns=cols).sort_values(["date", "event"], ignore_index=True)


def split_timeline(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(earlier history, focus): events before and from the year `timeline.focus_from` of the codebook."""
    start = str(codebook()["timeline"]["focus_from"])
    early = table.date.str[:4] < start
    return table[early].reset_index(drop=True), table[~early].reset_index(drop=True)


def recognition_path(corpus: Corpus) -> dict:
    """The steps of chapter 2's answer, from the events: Russia's listing, its first dated engagement,
    its delisting and its recognition (dates, or None), whether the recognition falls on the day it
    accepted an envoy, and the adopted version of the recognition date (or None)."""
    e = events(corpus)
    recognisers = e.actor[e.act == "recognises"]
    russia = e[e.actor == recognisers.iloc[0]] if len(recognisers) else e.iloc[0:0]

    def first(act: str) -> str | None:
        dates = russia.date[russia.act == act]
        return dates.iloc[0] if len(dates) else None

    out = {"listing": first("lists"), "engagement": first("engages"), "delisting": first("delists"),
           "recognition": first("recognises"), "envoy": first("accepts_envoy")}
    out["ordered"] = all(out[a] and out[b] and out[a] < out[b]
                         for a, b in [("listing", "delisting"), ("delisting", "recognition")])
    out["same_day_as_envoy"] = bool(out["recognition"] and out["recognition"] == out["envoy"])
    out["adopted"] = adopted_date(corpus, "recognises")
    return out


def outlets(corpus: Corpus, ids) -> str:
    """The outlets of the sources `ids`, in words ("Stratheia and The Conversation")."""
    names = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    found = [names[i] for i in ids]
    return and_join(found)


def others_moving(corpus: Corpus) -> dict[str, str]:
    """The states other than the recogniser that the sources affirm accepting a Taliban envoy, and
    those they affirm delisting the Taliban, in words."""
    st = _evidence(corpus)["statements"].query("polarity == 'affirmed'")
    recognisers = set(st.actor_id[st.act == "recognises"])
    out = {}
    for key, act in (("envoy", "accepts_envoy"), ("delisting", "delists")):
        rows = st[(st.act == act) & ~st.actor_id.isin(recognisers)].drop_duplicates("actor_id")
        names = sorted(("the " if a in codebook()["names_with_article"] else "") + n
                       for a, n in zip(rows.actor_id, rows.actor))
        out[key] = and_join(names)
    return out


def statements_table(corpus: Corpus, acts: list[str], polarity: list[str] | None = None):
    """Statements of `acts` (and `polarity`), oldest source first, as a provenance-linked table: the
    statement in a few words ("Russia · delists · expected"), its date and the sentence."""
    from .publish.provenance import EvidenceTable

    st = _evidence(corpus)["statements"]
    st = st[st.act.isin(acts) & (st.polarity.isin(polarity) if polarity else True)]
    published = _published(corpus)
    labels = act_labels(short=True)
    statement = st.actor + " · " + st.act.map(labels) + " · " + st.polarity.map(codebook()["polarity_words"])
    st = st.assign(_p=st.source_id.map(published), statement=statement, date=st.as_of).sort_values(
        ["_p", "source_id", "paragraph", "sentence"])
    return EvidenceTable(st, ["statement", "date", "text"])


def statement_matrix(corpus: Corpus) -> pd.DataFrame:
    """Who does what, by polarity: for each actor (row label, most statements first), the acts that sources
    affirm, deny, and expect or report of it, each with how many sources ("recognises 2, delists 2"); one
    column per polarity, so that the table stays narrow."""
    st = _evidence(corpus)["statements"].drop_duplicates(["source_id", "actor_id", "act", "polarity"])
    labels = act_labels(short=True)
    order = st.groupby("actor").size().sort_values(ascending=False, kind="stable").index
    groups = codebook()["matrix_columns"]  # column heading -> the polarities it gathers
    rows = {}
    for actor in order:
        mine = st[st.actor == actor]
        rows[actor] = {}
        for column, polarities in groups.items():
            counts = mine[mine.polarity.isin(polarities)].act.value_counts()
            rows[actor][column] = ", ".join(f"{labels[a]} {int(counts[a])}" for a in labels if a in counts.index)
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(groups)).rename_axis("actor")


def short_act_columns(table: pd.DataFrame) -> list[str]:
    """The short labels of a table whose columns are the acts' long labels (tables.western_divergence.position_summary)."""
    short = {act_labels()[a]: s for a, s in act_labels(short=True).items()}
    return [short.get(c, c) for c in table.columns]


def key_facts(corpus: Corpus) -> pd.DataFrame:
    """The key figures box: the facts of `key_figures.facts` that a source gives, then the key dates of
    the path to recognition, each with its source paragraph and a note (corroborated, disputed, or given
    by one source only). Columns: source_id, paragraph, fact, value, note."""
    from .motives import figure_about, key_figures

    figures = key_figures(corpus)
    rows = []
    for spec in codebook()["key_figures"]["facts"]:
        found = figure_about(corpus, spec["units"], spec["words"])
        if found is None:
            continue
        r = figures[(figures.source_id == found["source_id"]) & (figures.figure == found["figure"])].iloc[0]
        rows.append({"source_id": r.source_id, "paragraph": int(r.paragraph), "fact": spec["label"],
                     "value": found["figure"], "note": (f"also given by {r.also_given_by}" if r.also_given_by
                                                         else "one source only")})
    from .gazetteer import actors

    e = events(corpus)
    adopted = adopted_date(corpus, "recognises")
    key_dates = codebook()["key_figures"]["dates"]
    actor = actors()[key_dates["actor"]].name  # the events table names its actors
    for act, label in ((d["act"], d["label"]) for d in key_dates["facts"]):
        hit = e[(e.act == act) & (e.actor == actor)]
        if hit.empty:
            continue
        r = hit.iloc[0]
        note = (f"{r.sources} sources" if r.sources > 1 else "one source only")
        if act == "recognises" and adopted:
            note += (f"; {', '.join(adopted['rejected_sources'])} gives "
                     f"{', '.join(long_date(d) for d in adopted['rejected'])}, set aside ({adopted['rule']})")
        rows.append({"source_id": r.source_id, "paragraph": int(r.paragraph), "fact": label, "value": long_date(r.date),
                     "note": note})
    return pd.DataFrame(rows, columns=["source_id", "paragraph", "fact", "value", "note"])


# ---------------------------------------------------------------------------------------
# The codebook, for the appendix
# ---------------------------------------------------------------------------------------

def codebook_grades() -> pd.DataFrame:
    """The grade rules of reading.yml. Columns: grade, label, origin, sourcing (empty: any)."""
    return pd.DataFrame([{"grade": g["grade"], "label": g["label"], "origin": g.get("origin", "any"),
                          "sourcing": g.get("sourcing", "any")} for g in codebook()["grades"]]).set_index("grade")


def codebook_judgments() -> pd.DataFrame:
    """The key judgments of reading.yml: id, question, evidence (selectors, in words), checks. A selector
    reads "key: value, key: value", alternatives "a or b", selectors are separated by ";" (every
    separator is a place where a line may break)."""
    def words(selectors):
        return "; ".join(", ".join(f"{k}: {' or '.join(map(str, v)) if isinstance(v, list) else v}"
                                   for k, v in sel.items()) for sel in selectors or [])
    rows = [{"judgment": j["id"], "question": j["question"], "evidence": words(j["evidence"]),
             "unless": words(j.get("unless")), "checks": words(j.get("holds"))} for j in codebook()["judgments"]]
    return pd.DataFrame(rows).set_index("judgment")


def annotated_evidence(corpus: Corpus, paths, extracted: dict | None = None) -> dict[str, pd.DataFrame]:
    """The evidence tables with statements and claims replaced by the hand annotation in `paths`
    (report.evaluate's format), for reading the judgments on what the annotators found."""
    from .evaluate import load_annotations
    from .extract import evidence
    from .gazetteer import actors

    ev = dict(extracted if extracted is not None else evidence(corpus))
    gold = load_annotations(corpus, list(paths))
    published = _published(corpus)
    # the annotation gives no date: a statement takes the date the extractor gave the same act in the same
    # sentence, else its sentence's first resolved date, else the publication date
    events = ev["events"].query("resolved and date != ''").sort_values("char_start")
    dated = events.groupby(SENTENCE_KEY)["date"].first().to_dict()
    x = ev["statements"]
    acts = dict(zip(zip(x.source_id, x.paragraph, x.sentence, x.actor_id, x.act), x.as_of))
    st = gold["statements"]
    names = {a.id: a.name for a in actors().values()}
    actor_col = "actor_id" if "actor_id" in st.columns else "actor"
    ev["statements"] = pd.DataFrame({
        "source_id": st.source_id, "paragraph": st.paragraph, "sentence": st.sentence, "char_start": st.char_start,
        "char_end": st.char_end, "actor_id": st[actor_col], "actor": st[actor_col].map(lambda a: names.get(a, a)),
        "act": st.act, "polarity": st.polarity,
        "as_of": [acts.get(k + (a, t), dated.get(k, published[k[0]])) for k, a, t in
                  zip(zip(st.source_id, st.paragraph, st.sentence), st[actor_col], st.act)],
        "trigger": "", "text": st.text})
    c = gold["claims"]
    ev["claims"] = pd.DataFrame({
        "source_id": c.source_id, "paragraph": c.paragraph, "sentence": c.sentence, "kind": c.kind,
        "category": c.category, "char_start": c.char_start, "char_end": c.char_end, "who": c.who, "speaker_id": "",
        "marker": "", "cue": "", "text": c.text})
    return ev


def others_first_reported(corpus: Corpus) -> dict[str, str]:
    """The earliest date at which the sources show a state other than the recogniser accepting a Taliban
    envoy, and delisting the Taliban: the statement's own date, else its source's publication date."""
    st = _evidence(corpus)["statements"].query("polarity == 'affirmed'")
    recognisers = set(st.actor_id[st.act == "recognises"])
    out = {}
    for key, act in (("envoy", "accepts_envoy"), ("delisting", "delists")):
        dates = st.as_of[(st.act == act) & ~st.actor_id.isin(recognisers)]
        out[key] = min(dates) if len(dates) else "9999"
    return out


def recognition_turn(corpus: Corpus) -> dict:
    """When the recogniser's denials of recognition end and its affirmations begin: the latest date of a
    statement denying that Russia recognises the Taliban and the earliest affirming it (statement dates)."""
    st = _evidence(corpus)["statements"]
    st = st[(st.actor_id == "russia") & (st.act == "recognises")]
    denied, affirmed = st.as_of[st.polarity == "negated"], st.as_of[st.polarity == "affirmed"]
    return {"last_denial": max(denied) if len(denied) else None,
            "first_affirmation": min(affirmed) if len(affirmed) else None}
