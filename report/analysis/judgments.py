"""Key judgments: the evidence rows a selector chooses, the confidence they bear, and the checks
that guard a judgment's sentence (codebook/reading.yml, `judgments`). A chapter sentence that
restates a key judgment calls that judgment's `check`; its other guards select rows by name
(`named`, codebook/guards.yml)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd

from ..codebook import load
from ..corpus import Corpus
from ..gazetteer import actors, home
from ..guards import guard_all
from .claims import labels, lead_rows, ranking
from .door import MACHINE, SENTENCE_KEY, affirmed_claims, evidence, naming, per_evidence, published, sentence_texts
from .criticism import reliability, risks_graded_apart
from .profiles import derivative_count, independent_count
from .timeline import adopted_date, dated_acts


def codebook() -> dict:
    """codebook/reading.yml."""
    return load("reading")


def questions() -> dict[str, str]:
    """Question id -> its wording, in the book's order."""
    return codebook()["questions"]


# ---------------------------------------------------------------------------------------
# Selecting evidence
# ---------------------------------------------------------------------------------------

def matches(series: pd.Series, wanted) -> pd.Series:
    """Whether each value is `wanted` (a value or a list of them; a value ending in * is a prefix)."""
    values = wanted if isinstance(wanted, list) else [wanted]
    exact = [v for v in values if not str(v).endswith("*")]
    hit = series.astype(str).isin([str(v) for v in exact])
    for v in values:
        if str(v).endswith("*"):
            hit |= series.astype(str).str.lower().str.startswith(str(v)[:-1].lower())
    return hit


def select(corpus: Corpus, selectors: list[dict]) -> pd.DataFrame:
    """The evidence rows chosen by `selectors` (union), one row per sentence and item.

    Columns: source_id, paragraph, sentence, table, item (what the row says, e.g. "motive: security"
    or "Russia recognises (affirmed)"), text (the sentence). Sorted by source and position. Memoised per
    corpus, evidence and selectors (the pages ask for the same rows many times).
    """
    return _select(corpus, json.dumps(selectors or [], sort_keys=True, default=str))


@per_evidence
def _select(corpus: Corpus, selectors_json: str) -> pd.DataFrame:
    selectors = json.loads(selectors_json)
    ev = evidence(corpus)
    texts = sentence_texts(corpus)
    parts = []
    for sel in selectors or []:
        table = ev[sel["table"]]
        if sel["table"] == "claims" and "stance" not in sel:  # a denied claim states the contrary
            table = affirmed_claims(table)
        keep = pd.Series(True, index=table.index)
        for column, wanted in sel.items():
            if column == "stance" and column not in table.columns:  # evidence without stances affirms every claim
                keep &= "affirmed" in (wanted if isinstance(wanted, list) else [wanted])
            elif column not in ("table", "mentions"):
                keep &= matches(table[column], wanted)
        if "mentions" in sel:  # the sentence names one of these words (a word ending in * is a prefix)
            keep &= naming(corpus, table, sel["mentions"])
        rows = table[keep]
        if sel["table"] == "claims":
            item = rows.kind + ": " + rows.category
        elif sel["table"] == "statements":
            item = rows.actor + " " + rows.act + " (" + rows.polarity + ")"
        else:  # a term category of analysis.yml (`recognition_claims`, `stances`)
            item = sel["table"] + ": " + rows.category
        parts.append(pd.DataFrame({"source_id": rows.source_id, "paragraph": rows.paragraph,
                                   "sentence": rows.sentence, "table": sel["table"], "item": item}))
    cols = SENTENCE_KEY + ["table", "item"]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)
    out = out.drop_duplicates(cols).astype({"paragraph": int, "sentence": int})
    out["text"] = [texts.get((s, p, n), "") for s, p, n in zip(out.source_id, out.paragraph, out.sentence)]
    return out.sort_values(cols, ignore_index=True)


def named(corpus: Corpus, name: str) -> pd.DataFrame:
    """The rows of the named selectors `name` of codebook/guards.yml (`select`)."""
    return select(corpus, load("guards")["selectors"][name])


# ---------------------------------------------------------------------------------------
# Confidence
# ---------------------------------------------------------------------------------------

def contradicting_sources(corpus: Corpus, rows: pd.DataFrame, contrary: pd.DataFrame) -> list[str]:
    """Sources with a contrary row published no earlier than the earliest evidence."""
    if rows.empty or contrary.empty:
        return []
    dates = published(corpus)
    first = min(dates[s] for s in rows.source_id)
    return sorted({s for s in contrary.source_id if dates[s] >= first and s not in set(rows.source_id)})


def written_after(corpus: Corpus, rows: pd.DataFrame, act: str) -> pd.DataFrame:
    """The rows whose source was published on or after the first date the sources give the act `act`
    (`timeline.dated_acts`; a month of publication counts from that month): a source written before a
    step cannot assess the step itself. Every row when no source dates the act."""
    acts = dated_acts(corpus)
    first = acts.date[acts.act == act].min() if (acts.act == act).any() else None
    if first is None or rows.empty:
        return rows
    dates = published(corpus)
    return rows[[dates[s] >= first[:len(dates[s])] for s in rows.source_id]].reset_index(drop=True)


def divided_sources(corpus: Corpus, rows: pd.DataFrame, contrary: pd.DataFrame) -> list[str]:
    """Sources of the evidence `rows` that also make a contrary assessment (a claims row of `contrary`),
    published no earlier than the earliest evidence: a source that reads the step both ways is divided, and
    counts against the judgment as a contradicting one does. A contrary statement of an act is left out: a
    source that reports an act both ways reports it at two dates (its track record, not a dispute)."""
    if rows.empty or contrary.empty:
        return []
    dates = published(corpus)
    first = min(dates[s] for s in rows.source_id)
    claims = contrary[contrary.table == "claims"]
    return sorted({s for s in claims.source_id if dates[s] >= first and s in set(rows.source_id)})


def confidence(corpus: Corpus, rows: pd.DataFrame, contradicting: list[str], inference: bool = False) -> dict:
    """The first confidence level of the codebook whose thresholds hold for the evidence `rows`: how many
    independent sources state it, the best reliability among them (`criticism.reliability`: the source
    graded apart from the information), how many contradict it, how many of its rows are unreviewed (the
    machine reader's, from sources no one has coded), and whether it is the authors' inference rather
    than what the sources state (`inference`)."""
    rel = reliability(corpus).set_index("source_id")
    sources = sorted(set(rows.source_id))
    n = independent_count(corpus, sources)
    letters = list(codebook()["reliability"]["scale"])
    best = min((int(rel.loc[s, "rank"]) for s in sources), default=99)
    unreviewed = int((rows.coded == MACHINE).sum()) if "coded" in rows.columns else 0
    for level in codebook()["confidence"]:
        if (n >= level["independent"] and len(contradicting) <= level.get("contradicting", 99)
                and best <= (letters.index(level["best_reliability"]) + 1 if "best_reliability" in level else 99)
                and unreviewed <= level.get("unreviewed", 10**9) and (level.get("inference", True) or not inference)):
            return {**level, "independent": n, "derivative": derivative_count(corpus, sources), "sources": sources,
                    "best_rank": best, "unreviewed": unreviewed, "inference": inference}
    raise ValueError("the last confidence level must have no thresholds")


# ---------------------------------------------------------------------------------------
# Checks that guard a judgment's sentence: each returns None when it holds, else why not
# ---------------------------------------------------------------------------------------

def judgment_value(judgment: dict, column: str):
    """The value the judgment's first selector naming `column` gives it (None when none does)."""
    for sel in judgment["evidence"]:
        if column in sel:
            return sel[column]
    return None


CHECK_PARAMETERS = ("check", "sources", "before_act", "after_act", "categories", "derivative", "home_voiced")  # the keys of a check that are not a selector's


def _own(corpus, rows, spec) -> pd.DataFrame:
    """The rows a check counts: its own selector when it names a table, else the judgment's evidence."""
    if "table" in spec:
        return select(corpus, [{k: v for k, v in spec.items() if k not in CHECK_PARAMETERS}])
    return rows


def _denominator(corpus, spec, judgment) -> int:
    """How many sources a share is taken of: for claims of a kind, the sources that state a claim of that
    kind (a source that gives Moscow no motive at all says nothing about which motive comes first); else
    every source."""
    kind = spec.get("kind") if "table" in spec else judgment_value(judgment, "kind")
    table = spec.get("table") if "table" in spec else next((s["table"] for s in judgment["evidence"]), None)
    if table == "claims" and isinstance(kind, str):
        c = affirmed_claims(evidence(corpus)["claims"])
        return int(c.source_id[c.kind == kind].nunique())
    return len(corpus.sources)


def _check_majority(corpus, rows, spec, judgment) -> str | None:
    n = _own(corpus, rows, spec).source_id.nunique()
    total = _denominator(corpus, spec, judgment)
    return None if n * 2 > total else f"only {n} of {total} sources state it, not a majority"


def _check_minority(corpus, rows, spec, judgment) -> str | None:
    n = _own(corpus, rows, spec).source_id.nunique()
    total = _denominator(corpus, spec, judgment)
    return None if n * 2 < total else f"{n} of {total} sources state it, no longer a minority"


def _check_at_least(corpus, rows, spec, judgment) -> str | None:
    n = _own(corpus, rows, spec).source_id.nunique()
    return None if n >= spec["sources"] else f"only {n} source(s) state it, fewer than {spec['sources']}"


def _check_at_most(corpus, rows, spec, judgment) -> str | None:
    """No more than `sources` sources give the rows (a sentence that says "one source's account")."""
    n = _own(corpus, rows, spec).source_id.nunique()
    return None if 0 < n <= spec["sources"] else f"{n} source(s) state it, not 1 to {spec['sources']}"


def _check_mostly_derivative(corpus, rows, spec, judgment) -> str | None:
    """More than half of the sentences of the rows (the check's own selector, else the judgment's evidence)
    come from derivative sources."""
    own = _own(corpus, rows, spec)[SENTENCE_KEY].drop_duplicates()
    origin = dict(zip(corpus.sources.source_id, corpus.sources.origin))
    n = int(sum(origin.get(s) == "derivative" for s in own.source_id))
    return None if len(own) and n * 2 > len(own) else f"{n} of {len(own)} sentences come from derivative sources"


def _check_only_actor(corpus, rows, spec, judgment) -> str | None:
    chosen = select(corpus, [{k: v for k, v in spec.items() if k not in ("check", "actor_id")}])
    st = evidence(corpus)["statements"].merge(chosen[SENTENCE_KEY], on=SENTENCE_KEY)
    st = st[matches(st.act, spec["act"]) & matches(st.polarity, spec["polarity"])]
    others = sorted(set(st.actor_id) - {spec["actor_id"]})
    present = spec["actor_id"] in set(st.actor_id)
    if others or not present:
        return (f"other actors do it too: {', '.join(others)}" if others else f"{spec['actor_id']} no longer does it")
    return None


def _check_fewer_sources_than(corpus, rows, spec, judgment) -> str | None:
    n, rival = rows.source_id.nunique(), _own(corpus, rows, spec).source_id.nunique()
    return None if n < rival else f"{n} sources state it, no fewer than the {rival} of the comparison"


def _check_fewer_sentences_everywhere(corpus, rows, spec, judgment) -> str | None:
    """In every source that states rows of the comparison (`_own`), the judgment's rows take fewer
    sentences than the comparison's (a source's risks against its motives)."""
    key = ["source_id", "paragraph", "sentence"]
    mine = rows.drop_duplicates(key).groupby("source_id").size()
    rival = _own(corpus, rows, spec).drop_duplicates(key).groupby("source_id").size()
    level = [s for s in rival.index if mine.get(s, 0) >= rival[s]]
    return None if not level else ("as many sentences or more than the comparison in "
                                   + ", ".join(f"{s} ({int(mine.get(s, 0))} against {int(rival[s])})" for s in level))


def _check_every_source(corpus, rows, spec, judgment) -> str | None:
    """Every source that states a claim of the judgment's kind states this one."""
    kind = judgment_value(judgment, "kind")
    c = affirmed_claims(evidence(corpus)["claims"])
    stating = set(c.source_id[c.kind == kind]) if isinstance(kind, str) else set(corpus.sources.source_id)
    missing = sorted(stating - set(_own(corpus, rows, spec).source_id))
    return None if not missing else f"not every source that states a {kind} states it: {', '.join(missing)} do not"


def _check_derivative_only(corpus, rows, spec, judgment) -> str | None:
    """Every source of the rows (the check's own selector, else the judgment's evidence) is derivative."""
    ids = sorted(set(_own(corpus, rows, spec).source_id))
    origin = dict(zip(corpus.sources.source_id, corpus.sources.origin))
    primary = [s for s in ids if origin.get(s) != "derivative"]
    return None if ids and not primary else f"primary sources give it: {', '.join(primary) or 'no source at all'}"


def _check_published_before(corpus, rows, spec, judgment) -> str | None:
    """Every source of the rows was published before the date the book adopts for the act `before_act`."""
    adopted = adopted_date(corpus, spec["before_act"])
    if adopted is None:
        return f"no date of {spec['before_act']} is adopted"
    dates = published(corpus)
    later = sorted(s for s in set(_own(corpus, rows, spec).source_id) if dates[s] >= adopted["date"])
    return None if not later else f"published on or after {adopted['date']}: {', '.join(later)}"


def _check_specialist_after(corpus, rows, spec, judgment) -> str | None:
    """A primary source by specialists, published on or after the date the book adopts for the act
    `after_act`, gives the rows."""
    adopted = adopted_date(corpus, spec["after_act"])
    if adopted is None:
        return f"no date of {spec['after_act']} is adopted"
    profile = corpus.sources.set_index("source_id")
    dates = published(corpus)
    found = [s for s in sorted(set(_own(corpus, rows, spec).source_id))
             if profile.loc[s, "expertise"] == "specialist" and profile.loc[s, "origin"] != "derivative"
             and dates[s] >= adopted["date"][:len(dates[s])]]  # a month of publication: that month or later
    return None if found else f"no specialist primary source written on or after {adopted['date']} gives it"


def _check_single_figure(corpus, rows, spec, judgment) -> str | None:
    """The sources give exactly one hard figure in `units`, from one source."""
    numbers = evidence(corpus)["numbers"]
    hit = numbers[numbers.unit.isin(spec["units"])]
    return None if hit.value.nunique() == 1 and hit.source_id.nunique() == 1 else (
        f"{hit.value.nunique()} figures in {', '.join(spec['units'])} from {hit.source_id.nunique()} sources")


def _check_present(corpus, rows, spec, judgment) -> str | None:
    chosen = select(corpus, [{k: v for k, v in spec.items() if k != "check"}])
    return None if len(chosen) else "no row of the evidence says it any more"


def _check_figures_given(corpus, rows, spec, judgment) -> str | None:
    numbers = evidence(corpus)["numbers"]
    hit = numbers[numbers.unit.isin(spec["units"]) & numbers.source_id.isin(set(rows.source_id))]
    return None if len(hit) else f"no source of the evidence gives a figure in {', '.join(spec['units'])}"


def _check_put_first_most(corpus, rows, spec, judgment) -> str | None:
    """More sources themselves put the category first (their coded `leads`) than any other motive."""
    r = ranking(corpus, "motive")
    label = labels("motive")[spec["category"]]
    first = r["put first by"]
    top = int(first.max())
    return None if top > 0 and first[label] == top and int((first == top).sum()) == 1 else (
        "it is no longer the motive most sources put first: " + ", ".join(f"{k} {int(v)}" for k, v in first.items() if v))


def _check_put_first_with_another(corpus, rows, spec, judgment) -> str | None:
    """Every source that puts the category first puts another motive first beside it, or says so only in
    others' words (`who` not the author): none puts it alone first in its own voice."""
    leads, _ = lead_rows(corpus)
    mine = leads[leads.category == spec["category"]]
    alone = [s for s, w in zip(mine.source_id, mine.who)
             if w == "author" and leads[leads.source_id == s].category.nunique() == 1]
    return None if len(mine) and not alone else (
        f"{', '.join(alone)} puts it first alone, in its own voice" if alone else "no source puts it first")


def _check_put_first_by_none(corpus, rows, spec, judgment) -> str | None:
    """Sources are coded for their lead motive and none of them puts the category first."""
    leads, coded = lead_rows(corpus)
    first = sorted(set(leads.source_id[leads.category == spec["category"]]))
    return None if coded and not first else (
        f"put first by {', '.join(first)}" if first else "no source is coded for what it puts first")


def _check_specialists_weigh_none(corpus, rows, spec, judgment) -> str | None:
    """Every primary source by specialists is coded for its lead motive and puts none first."""
    leads, coded = lead_rows(corpus)
    profile = corpus.sources.set_index("source_id")
    specialists = [s for s in profile.index
                   if profile.loc[s, "expertise"] == "specialist" and profile.loc[s, "origin"] != "derivative"]
    bad = [s for s in specialists if s not in coded or s in set(leads.source_id)]
    return None if specialists and not bad else (
        f"a specialist analysis puts a motive first, or is not coded for it: {', '.join(bad)}" if bad
        else "no primary source by specialists")


def _check_reliable_risks(corpus, rows, spec, judgment) -> str | None:
    """The risks a source of the corpus's best grade still names (`criticism.risks_graded_apart`) are exactly
    `categories`, each of `derivative` is named only by sources that are not independent, and each of
    `home_voiced` is named in those sources only in the words of the home country's officials (the gazetteer's
    people who represent it)."""
    apart = risks_graded_apart(corpus)
    names = labels("risk")
    wrong = []
    if set(apart["reliable"]) != {names[c] for c in spec["categories"]}:
        wrong.append(f"the risks a source graded {apart['grade']} still names are {apart['reliable']}")
    wrong += [f"{names[c]} is not named by derivative sources only" for c in spec.get("derivative", [])
              if names[c] not in apart["derivative_only"]]
    officials = {a.name for a in actors().values() if a.principal == home() and a.type == "person"}
    for c in spec.get("home_voiced", []):  # named only in the words of the home country's officials
        voices = apart["voices"].get(names[c], [])
        if not voices or not set(voices) <= officials:
            wrong.append(f"{names[c]} is named by {voices}, not only by officials of the home country")
    return "; ".join(wrong) or None


def _check_level(corpus, rows, spec, judgment) -> str | None:
    """The motives of `categories` stand level when weighed by who gives them: the same number of independent
    sources (`profiles.independent_count`) and the same best grade among those (`criticism.reliability`)."""
    rel = reliability(corpus).set_index("source_id")
    c = affirmed_claims(evidence(corpus)["claims"])
    weights = {}
    for category in spec["categories"]:
        ids = sorted(set(c.source_id[(c.kind == "motive") & (c.category == category)]))
        weights[category] = (independent_count(corpus, ids), min((rel.loc[s, "reliability"] for s in ids), default=""))
    return None if len(set(weights.values())) == 1 else f"not level: {weights}"


CHECKS = {"level": _check_level, "majority": _check_majority, "reliable_risks": _check_reliable_risks, "minority": _check_minority, "at_least": _check_at_least, "at_most": _check_at_most, "mostly_derivative": _check_mostly_derivative,
          "fewer_sources_than": _check_fewer_sources_than, "every_source": _check_every_source,
          "fewer_sentences_everywhere": _check_fewer_sentences_everywhere,
          "only_actor": _check_only_actor,
          "put_first_most": _check_put_first_most, "put_first_with_another": _check_put_first_with_another,
          "specialists_weigh_none": _check_specialists_weigh_none, "put_first_by_none": _check_put_first_by_none,
          "derivative_only": _check_derivative_only, "specialist_after": _check_specialist_after, "published_before": _check_published_before, "single_figure": _check_single_figure, "present": _check_present, "figures_given": _check_figures_given}


# ---------------------------------------------------------------------------------------
# Judgments
# ---------------------------------------------------------------------------------------

@dataclass
class Judgment:
    id: str
    question: str
    text: str
    level: str
    label: str
    confidence: dict  # the level of the codebook, with the sources it counted, how many independent, the best rank
    evidence: pd.DataFrame
    alternative: str
    alternative_evidence: pd.DataFrame
    basis_template: str | None = None  # the codebook's wording of what it rests on (`basis`), if any
    contradicting: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    divided: list[str] = field(default_factory=list)  # sources of the evidence that also assess it the other way


def spec_of(judgment_id: str) -> dict:
    """The codebook entry of the key judgment `judgment_id`."""
    found = [j for j in codebook()["judgments"] if j["id"] == judgment_id]
    if not found:
        raise KeyError(f"no key judgment {judgment_id!r} in codebook/reading.yml")
    return found[0]


def _rows(corpus: Corpus, spec: dict) -> pd.DataFrame:
    """The evidence of a judgment: its selectors' rows, less the sources of its `unless` rows."""
    rows = select(corpus, spec["evidence"])
    if spec.get("unless"):  # a judgment of absence rests on the sources that say nothing of the kind
        exceptions = set(select(corpus, spec["unless"]).source_id)
        rows = rows[~rows.source_id.isin(exceptions)].reset_index(drop=True)
    return rows


def check(corpus: Corpus, judgment_id: str, names: list[str] | str | None = None) -> list[str]:
    """Why the key judgment `judgment_id` no longer holds: the failures of its checks (`holds`), of all or
    only of those named `names` (a name may be a check of its alternative view); [] when they hold. A chapter sentence that restates the judgment guards
    itself with this."""
    spec = spec_of(judgment_id)
    wanted = [names] if isinstance(names, str) else names
    alt = spec.get("alternative", {})
    both = [(c, False) for c in spec.get("holds", [])] + [(c, True) for c in alt.get("holds", [])]
    chosen = [(c, a) for c, a in both if (wanted is None and not a) or (wanted is not None and c["check"] in wanted)]
    if wanted is not None and {c["check"] for c, _ in chosen} != set(wanted):
        raise KeyError(f"key judgment {judgment_id!r} has no check {sorted(set(wanted) - {c['check'] for c, _ in chosen})}")
    rows = {False: _rows(corpus, spec), True: _alternative_rows(corpus, spec)}
    return [msg for c, a in chosen if (msg := CHECKS[c["check"]](corpus, rows[a], c, spec))]


def _alternative_rows(corpus: Corpus, spec: dict) -> pd.DataFrame:
    """The rows of a judgment's alternative view; for a judgment of a step (`contrary_after`), only those of
    sources written after it, as for its contrary rows."""
    rows = select(corpus, spec.get("alternative", {}).get("evidence", []))
    return written_after(corpus, rows, spec["contrary_after"]) if "contrary_after" in spec else rows


def judge(corpus: Corpus, spec: dict) -> Judgment:
    """One judgment of the codebook, with its confidence, evidence and the result of its checks."""
    rows = _rows(corpus, spec)
    contrary = select(corpus, spec.get("contrary", []))
    if "contrary_after" in spec:  # a judgment of a step: only a source written after it can read it otherwise
        contrary = written_after(corpus, contrary, spec["contrary_after"])
    against = contradicting_sources(corpus, rows, contrary)
    divided = divided_sources(corpus, rows, contrary)
    # a derivative source whose original is unknown is no independent source: it neither bears a judgment
    # nor breaks one (it is still named in the judgment's basis)
    counted = [s for s in against + divided if independent_count(corpus, [s])]
    conf = {**confidence(corpus, rows, counted, inference=bool(spec.get("inference"))), "counted_against": counted}
    failures = [msg for c in spec.get("holds", []) if (msg := CHECKS[c["check"]](corpus, rows, c, spec))]
    alt = spec.get("alternative", {})
    alt_rows = _alternative_rows(corpus, spec)
    if alt.get("text") and alt_rows.empty:
        failures.append("its alternative view no longer has any evidence")
    failures += [f"alternative view: {msg}" for c in alt.get("holds", [])
                 if (msg := CHECKS[c["check"]](corpus, alt_rows, c, spec))]
    return Judgment(id=spec["id"], question=spec["question"], text=" ".join(spec["text"].split()),
                    level=conf["level"], label=conf["label"], confidence=conf, evidence=rows,
                    alternative=" ".join(alt.get("text", "").split()), alternative_evidence=alt_rows,
                    basis_template=spec.get("basis"), contradicting=against, failures=failures,
                    divided=divided)


def judgments(corpus: Corpus) -> list[Judgment]:
    """Every key judgment of the codebook, in codebook order."""
    return [judge(corpus, spec) for spec in codebook()["judgments"]]


def check_judgments(corpus: Corpus) -> list[Judgment]:
    """All judgments; a judgment whose checks fail fails its guard (`report.guards.guard`: raises
    GuardFailed, or is collected under REPORT_GUARDS_LOG so that every failure is named in one run)."""
    out = judgments(corpus)
    guard_all([(f'Key judgment "{j.id}": {j.text[:90]}...', not j.failures, "; ".join(j.failures)) for j in out])
    return out


def by_question(judged: list[Judgment]) -> dict[str, list[Judgment]]:
    """The judgments grouped by question, in the book's order of the questions."""
    return {q: [j for j in judged if j.question == q] for q in questions()}


def vocabulary(section: str) -> dict:
    """One section of codebook/guards.yml: the words, selectors, categories, actors or rules the chapters'
    guarded sentences name."""
    return load("guards")[section]
