"""Source criticism the Admiralty way: each source's track record in this corpus and the reliability it
earns (its profile grade, lowered by the problems of its record), graded apart from the credibility of
what it says (report/analysis/judgments.py, `confidence`). The rules are codebook data
(codebook/reading.yml, `grades` and `reliability`).

A source's track record lists, each with the paragraph it rests on:
- contradicted: an act it reports that a later source denies (or an earlier one affirms what it denies)
  (`sources.verdicts`), unless the source itself says both; claims are assessments, whose disagreements
  are disputes (`disputes`), not faults of a source;
- premature: an act done once (`reliability.once`: a listing, a delisting, a recognition) that it reports
  done before a later source dates it (after the source was written);
- overtaken: such an act that it expects or denies and a later source dates after it was written (true
  at its date; a reader should know that events moved on); a denial that any state does it ("no country
  has recognised them", `reliability.any_state`) is overtaken by the first state that does;
- disputed date: a date it gives that another source gives differently, in the version the book does not
  adopt (`timeline.date_disputes`);
- unconfirmed quotation: words a derivative source gives a named speaker, with no venue or date, that no
  other source gives; with a venue or date, the same words are still unconfirmed (the source names no
  original), which lowers nothing but is listed;
- single derivative: a dated event, a date of the run-up (from the timeline's `focus_from` year) or a hard
  figure that only one derivative source gives;
- no such border: a border it names between two states of the gazetteer that share none (actors.yml,
  `borders`; "the Pakistan-Tajikistan border"), found by `false_borders`; lowers nothing.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from .. import codings
from ..codebook import load
from ..corpus import Corpus
from ..diskcache import on_disk
from ..gazetteer import actors
from ..paths import CODINGS
from ..prose import long_date
from .door import MACHINE, REVIEWED, affirmed_claims, evidence, per_evidence, published, source_order
from .numbers import hard_numbers
from . import claims
from .profiles import grade_rules, independent_count, source_profiles
from .sources import verdicts
from .statements import act_labels
from .timeline import date_disputes, dated_acts, dated_mentions

RECORD_COLUMNS = ["source_id", "problem", "paragraph", "item", "by"]
WORDS = re.compile(r"[\w’'-]+")
QUOTED_PARAGRAPHS = 3  # an overtaken expectation or denial quotes the source's words from this many paragraphs


def spec() -> dict:
    """The reliability section of codebook/reading.yml: the scale and the problems of a track record."""
    return load("reading")["reliability"]


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@cache
@on_disk
def attributed_quotes(corpus: Corpus) -> pd.DataFrame:
    """The quotations with how they are attributed: a coded source's reviewed quotations (codings/), the
    machine reader's elsewhere (a named speaker counts as `named`, none as `none`). Columns: source_id,
    paragraph, quote, speaker, attribution (venue | named | none), coded (reviewed | machine)."""
    paths = codings.adjudicated_files_for(corpus, CODINGS)
    parts, coded = [], set()
    for path in paths:
        coding, _ = codings.read(path, corpus)
        if coding is None:  # the door has refused it already, naming its problems
            continue
        coded.add(coding.source_id)
        q = coding.rows["quotes"]
        parts.append(pd.DataFrame({"source_id": q.source_id, "paragraph": q.paragraph, "quote": q.quote,
                                   "speaker": q.speaker, "attribution": q.attribution, "coded": REVIEWED}))
    m = evidence(corpus)["quotes"]
    m = m[~m.source_id.isin(coded)]
    parts.append(pd.DataFrame({"source_id": m.source_id, "paragraph": m.paragraph, "quote": m.quote,
                               "speaker": m.speaker, "attribution": m.speaker.map(lambda s: "named" if s else "none"),
                               "coded": MACHINE}))
    cols = ["source_id", "paragraph", "quote", "speaker", "attribution", "coded"]
    out = pd.concat(parts, ignore_index=True)[cols].astype({"paragraph": int})
    return out.sort_values(["source_id", "paragraph", "quote"], ignore_index=True)


def _first_dates(corpus: Corpus) -> dict[tuple[str, str], dict]:
    """The earliest dated event of each (actor, act), with the sources that date it."""
    out = {}
    for r in dated_acts(corpus).itertuples():
        out.setdefault((r.actor, r.act), {"date": r.date, "source_id": r.source_id, "paragraph": r.paragraph,
                                          "event": r.event})
    return out


def _clip(text: str, words: int = 14) -> str:
    """The first `words` words of a sentence, with an ellipsis when it is longer."""
    w = text.split()
    return " ".join(w[:words]) + ("…" if len(w) > words else "")


def _after(date: str, written: str) -> bool:
    """Whether `date` falls after `written` (ISO dates of any precision: 2025-04 is not after 2025)."""
    return date > written and not date.startswith(written)


@per_evidence
def overtaking(corpus: Corpus) -> pd.DataFrame:
    """Statements of an act done once (`reliability.once`) that a later source dates after the statement's
    source was written (for a group that stands for every state, `reliability.any_state`, the act by any
    state), each with that later event. Columns: source_id, paragraph, sentence, polarity, any_state (the
    statement's actor stands for every state), words (the statement's own words), step (the event in words),
    date, by_source, by_paragraph. In evidence order."""
    dates, first = published(corpus), _first_dates(corpus)
    once, any_state = set(spec()["once"]), set(spec().get("any_state", []))
    first_by_anyone = {}  # act -> the earliest dated event of it, whoever the actor
    for (_, act), when in sorted(first.items(), key=lambda kv: kv[1]["date"]):
        first_by_anyone.setdefault(act, when)
    st = evidence(corpus)["statements"]
    rows = []
    for r in st[st.act.isin(once)].itertuples():
        when = first_by_anyone.get(r.act) if r.actor_id in any_state else first.get((r.actor, r.act))
        if when is None or when["source_id"] == r.source_id or not _after(when["date"], dates[r.source_id]):
            continue
        rows.append({"source_id": r.source_id, "paragraph": int(r.paragraph), "sentence": int(r.sentence),
                     "polarity": r.polarity, "any_state": r.actor_id in any_state,
                     "words": corpus.texts.get(r.source_id, "")[int(r.char_start):int(r.char_end)].strip(),
                     "step": when["event"], "date": when["date"], "by_source": when["source_id"],
                     "by_paragraph": int(when["paragraph"])})
    return pd.DataFrame(rows, columns=["source_id", "paragraph", "sentence", "polarity", "any_state", "words",
                                       "step", "date", "by_source", "by_paragraph"])


def steps_since_taken(corpus: Corpus) -> pd.DataFrame:
    """Sentences that look ahead to an act done once that a later source dates after the sentence's source was
    written (`overtaking`, expected acts): a claim in such a sentence (a risk named as "an obstacle to
    recognition") was about a step since taken, and is flagged where it is shown. Columns: source_id,
    paragraph, sentence, step (the act in words and its date). One row per sentence and act, in source order."""
    o = overtaking(corpus)
    o = o[o.polarity == "prospective"]
    out = pd.DataFrame({"source_id": o.source_id, "paragraph": o.paragraph, "sentence": o.sentence,
                        "step": [f"{e}, {long_date(d)}" for e, d in zip(o.step, o.date)]}).drop_duplicates()
    return out.sort_values(["source_id", "paragraph", "sentence", "step"], ignore_index=True)


def borne_out(corpus: Corpus) -> list[str]:
    """The sources that report a plan or expectation of a named state's act done once that a later source
    reports done (`overtaking`, expected acts): the credit `borne_out` of a track record."""
    o = overtaking(corpus)
    return sorted(set(o.source_id[(o.polarity == "prospective") & ~o.any_state.astype(bool)]))


def unclosed_paragraphs(corpus: Corpus) -> set[tuple[str, int]]:
    """The (source_id, paragraph) pairs of `unclosed_quotes`."""
    u = unclosed_quotes(corpus)
    return set(zip(u.source_id, u.paragraph.astype(int)))


def unclosed_quotes(corpus: Corpus) -> pd.DataFrame:
    """Paragraphs where a quotation mark opens and nothing closes it after (quotes.yml `quote_marks`: a pair
    whose closing mark is neither an apostrophe nor another pair's opening mark), so that where the quoted
    words end, and the author's begin, is unknown. Columns: source_id, paragraph."""
    marks = load("quotes")["quote_marks"]
    openings = {o for o, _ in marks["pairs"]}
    pairs = [(o, c) for o, c in marks["pairs"] if c not in marks["apostrophes"] and c not in openings]
    p = corpus.paragraphs
    rows = [{"source_id": sid, "paragraph": int(n)} for sid, n, text in zip(p.source_id, p.paragraph, p.text)
            if any(o in text and text.rfind(o) > text.rfind(c) for o, c in pairs)]
    return pd.DataFrame(rows, columns=["source_id", "paragraph"])


@cache
def _border_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """A pattern of a border named by two states ("the A-B border", "the border between A and B") and the
    state each name or alias stands for (actors.yml)."""
    names = {alias: a.id for a in actors().values() if a.type == "state" for alias in (a.name, *a.aliases)}
    state = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"\b(?P<a>{state})\s*[-–—]\s*(?P<b>{state})\s+border"
                         rf"|\bborder\s+between\s+(?:the\s+)?(?P<c>{state})\s+and\s+(?:the\s+)?(?P<d>{state})\b")
    return pattern, names


def _neighbour_pattern() -> re.Pattern:
    """A pattern of states named as a state's neighbours ("neighbours of A, like B and C", "A's neighbours
    B and C"; actors.yml, `neighbour_words` and `example_words`): the state in `of`, the list in `named`."""
    spec = load("actors")
    names = {alias for a in actors().values() if a.type == "state" for alias in (a.name, *a.aliases)}
    state = "(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + ")"
    near = "(?:" + "|".join(re.escape(w) for w in spec.get("neighbour_words", [])) + ")"
    like = "(?:" + "|".join(re.escape(w) for w in spec.get("example_words", [])) + ")"
    listed = rf"{state}(?:\s*,\s*(?:and\s+)?{state}|\s+and\s+{state})*"
    return re.compile(rf"\b{near}\s+of\s+(?:the\s+)?(?P<of>{state}),?\s+{like}\s+(?P<named>{listed})"
                      rf"|\b(?P<of2>{state})[’']s\s+{near},?\s+(?:{like}\s+)?(?P<named2>{listed})")


def false_borders(corpus: Corpus) -> pd.DataFrame:
    """The borders the sources name between two states of the gazetteer that share none (actors.yml,
    `borders`), and the states they name as a state's neighbours that share no border with it, one row per
    mention. Columns: source_id, paragraph, phrase (as the source writes it)."""
    pattern, names = _border_pattern()
    neighbours = _neighbour_pattern()
    state = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    shared = {frozenset(pair) for pair in load("actors").get("borders", [])}
    p = corpus.paragraphs
    rows = []
    for sid, para, text in zip(p.source_id, p.paragraph, p.text):
        for m in pattern.finditer(text):
            a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
            if names[a] != names[b] and frozenset((names[a], names[b])) not in shared:
                rows.append({"source_id": sid, "paragraph": int(para), "phrase": m.group(0)})
        for m in neighbours.finditer(text):
            of = names[m.group("of") or m.group("of2")]
            named = [names[n] for n in state.findall(m.group("named") or m.group("named2"))]
            if any(n != of and frozenset((n, of)) not in shared for n in named):
                rows.append({"source_id": sid, "paragraph": int(para), "phrase": m.group(0)})
    return pd.DataFrame(rows, columns=["source_id", "paragraph", "phrase"]).sort_values(
        ["source_id", "paragraph"], kind="stable").reset_index(drop=True)


def two_speakers(corpus: Corpus) -> pd.DataFrame:
    """The words a source gives to two speakers: two claim sentences of one source, each a speaker's (not the
    author's), the speakers different, that share a run of at least `min_words` words (reading.yml, the
    `two_speakers` problem). One row per pair, at the later sentence. Columns: source_id, paragraph, sentence,
    words (the shared run, as the later sentence writes it), first (the earlier speaker), first_paragraph,
    second (the later speaker)."""
    from difflib import SequenceMatcher
    need = next(p["min_words"] for p in spec()["problems"] if p["id"] == "two_speakers")
    c = evidence(corpus)["claims"]
    c = c[c.who != "author"].drop_duplicates(["source_id", "paragraph", "sentence", "who"])
    c = c.sort_values(["source_id", "paragraph", "sentence"], kind="stable")
    rows, seen = [], set()
    for sid, group in c.groupby("source_id", sort=False):
        items = list(zip(group.paragraph, group.sentence, group.who, group.text))
        for i, (p1, s1, w1, t1) in enumerate(items):
            for p2, s2, w2, t2 in items[i + 1:]:
                if w1.lower() == w2.lower() or (p1, s1) == (p2, s2) or (sid, p2, s2, w1, w2) in seen:
                    continue
                a, b = WORDS.findall(t1), WORDS.findall(t2)
                m = SequenceMatcher(None, [x.lower() for x in a], [x.lower() for x in b], autojunk=False)
                k = m.find_longest_match(0, len(a), 0, len(b))
                if k.size >= need:
                    seen.add((sid, p2, s2, w1, w2))
                    rows.append({"source_id": sid, "paragraph": int(p2), "sentence": int(s2),
                                 "words": " ".join(b[k.b:k.b + k.size]), "first": w1, "first_paragraph": int(p1),
                                 "second": w2})
    return pd.DataFrame(rows, columns=["source_id", "paragraph", "sentence", "words", "first", "first_paragraph",
                                       "second"])


@per_evidence
def track_records(corpus: Corpus) -> pd.DataFrame:
    """Every problem of every source's track record (module docstring). Columns: source_id, problem (the id
    of `reliability.problems`), paragraph, item (what the problem is, in words), by (the sources that show
    it). In source order, then problem and paragraph."""
    profiles = source_profiles(corpus).set_index("source_id")
    derivative = {s for s in profiles.index if profiles.loc[s, "origin"] == "derivative"}
    st = evidence(corpus)["statements"]
    rows = []
    v = verdicts(corpus)
    labels = act_labels()
    facts = v[~v["item"].str.contains(": ", regex=False)]  # statements of who did what; claims are assessments
    both = facts.groupby(["source_id", "item"]).polarity.nunique()
    torn = set(both[both > 1].index)  # a source that affirms and denies the same act is not contradicted on it
    for r in facts[facts.verdict == "contradicted"].itertuples():
        by = [b for b in r.by.split(", ") if (b, r.item) not in torn]
        if (r.source_id, r.item) in torn or not by:
            continue
        said = st[(st.source_id == r.source_id) & (st.actor_id + " " + st.act == r.item) & (st.polarity == r.polarity)]
        rows.append({"source_id": r.source_id, "problem": "contradicted", "paragraph": int(said.paragraph.min()),
                     "item": f"{'says' if r.polarity == 'affirmed' else 'denies'}: {said.actor.iloc[0]} "
                             f"{labels[r.item.split(' ')[1]]}", "by": ", ".join(by)})
    disputes = date_disputes(corpus)
    for event, group in disputes.groupby("event"):
        kept = group[group.adopted.astype(bool)]
        for r in group[~group.adopted.astype(bool)].itertuples():
            rows.append({"source_id": r.source_id, "problem": "disputed_date", "paragraph": int(r.paragraph),
                         "item": f"dates the act ({' and '.join(labels[a] for a in event.split(', '))}) "
                                 f"{long_date(r.date)}; the book adopts {', '.join(long_date(d) for d in sorted(set(kept.date)))}",
                         "by": ", ".join(sorted(set(kept.source_id)))})
    for r in overtaking(corpus).itertuples():
        if r.polarity == "affirmed":
            problem, item = "premature", f"reports done: {r.step}; dated {long_date(r.date)}"
        elif r.polarity in ("prospective", "negated"):
            word = ("expects" if r.polarity == "prospective" else "denies") + (" (of any state)" if r.any_state else "")
            problem, item = "overtaken", f"{word}: {r.step}; done {long_date(r.date)}"
        else:
            continue
        rows.append({"source_id": r.source_id, "problem": problem, "paragraph": r.paragraph, "item": item,
                     "by": f"{r.by_source} ¶{r.by_paragraph}", "words": r.words})
    q = attributed_quotes(corpus)
    texts = {s: _words(t) for s, t in corpus.texts.items()}
    unclosed = unclosed_paragraphs(corpus)
    for r in q[q.source_id.isin(derivative) & q.attribution.isin(["named", "venue"])].itertuples():
        words = _words(r.quote)
        if any(words and words in t for s, t in texts.items() if s != r.source_id):
            continue
        bare = r.attribution == "named"
        rows.append({"source_id": r.source_id, "problem": "unconfirmed_quote" if bare else "unconfirmed_dated_quote",
                     "paragraph": int(r.paragraph),
                     "item": f"“{r.quote}” ({r.speaker}, {'no venue or date' if bare else 'no other source gives it'}"
                             + ("; its quotation marks never close, so where the words end is unknown"
                                if (r.source_id, int(r.paragraph)) in unclosed else "") + ")",
                     "by": ""})
    for r in dated_acts(corpus).itertuples():
        ids = r.source_ids.split(", ")
        if len(ids) == 1 and ids[0] in derivative:
            rows.append({"source_id": ids[0], "problem": "single_derivative", "paragraph": int(r.paragraph),
                         "item": f"{r.event}, {long_date(r.date)}", "by": ""})
    mentions = dated_mentions(corpus)
    since = str(load("reading")["timeline"]["focus_from"])
    for r in mentions[mentions.source_id.isin(derivative) & (mentions.date.str[:4] >= since)].itertuples():
        same = mentions[(mentions.date == r.date) & (mentions.precision == r.precision) & (mentions.source_id != r.source_id)]
        set_aside = ((disputes.source_id == r.source_id) & (disputes.date == r.date)).any()  # a disputed date
        listed = any(x["source_id"] == r.source_id and x["paragraph"] == r.paragraph and x["problem"] == "single_derivative"
                     for x in rows)  # its dated act is listed already
        if same.empty and not set_aside and not listed:  # a date of the run-up that only this derivative source gives
            rows.append({"source_id": r.source_id, "problem": "single_derivative", "paragraph": int(r.paragraph),
                         "item": f"dates {long_date(r.date)}: “{_clip(r.text)}”", "by": ""})
    for r in hard_numbers(corpus).itertuples():
        if r.source_id in derivative and not r.also_given_by:
            rows.append({"source_id": r.source_id, "problem": "single_derivative", "paragraph": int(r.paragraph),
                         "item": f"{r.number} {r.unit}".strip(), "by": ""})
    for r in two_speakers(corpus).itertuples():
        rows.append({"source_id": r.source_id, "problem": "two_speakers", "paragraph": r.paragraph,
                     "item": f"“{r.words}”: {r.first}'s words (¶{r.first_paragraph}), then {r.second}'s", "by": ""})
    for r in false_borders(corpus).itertuples():
        rows.append({"source_id": r.source_id, "problem": "no_such_border", "paragraph": r.paragraph,
                     "item": f"“{r.phrase}”", "by": "the gazetteer's borders"})
    order = {s: i for i, s in enumerate(source_order(corpus))}
    kinds = [p["id"] for p in spec()["problems"]]
    out = pd.DataFrame(rows, columns=RECORD_COLUMNS + ["words"])
    out["words"] = out.words.astype(object).where(out.words.notna(), "")
    # the same problem in several paragraphs (a forecast repeated by a quoted expert) is listed once, at its first
    # paragraph, naming the others; an expectation or a denial overtaken gives the source's own words for each, so
    # that a reader sees what was expected ("will probably have to wait") and not only that it came
    key = ["source_id", "problem", "item"]
    also = out.groupby(key).paragraph.agg(lambda p: sorted(set(p))[1:])
    quoted = out[out.words != ""].sort_values("paragraph", kind="stable").drop_duplicates(key + ["paragraph"])
    words = {k: list(zip(g.words, g.paragraph)) for k, g in quoted.groupby(key)}
    out = out.sort_values("paragraph", kind="stable").drop_duplicates(key)

    def in_words(k) -> str:  # the first words of each paragraph, at most QUOTED_PARAGRAPHS of them
        said = words[k]
        shown = "; ".join(f"“{w}” (¶{n})" for w, n in said[:QUOTED_PARAGRAPHS])
        rest = [n for _, n in said[QUOTED_PARAGRAPHS:]]
        return f": {shown}" + (f" (also {', '.join(f'¶{n}' for n in rest)})" if rest else "")

    out["item"] = [i + (in_words((s, p, i)) if (s, p, i) in words
                        else " (also " + ", ".join(f"¶{n}" for n in also[(s, p, i)]) + ")" if also[(s, p, i)] else "")
                   for s, p, i in zip(out.source_id, out.problem, out.item)]
    out = out[RECORD_COLUMNS]
    key = out.source_id.map(order) * 100 + out.problem.map(kinds.index)
    return out.assign(_k=key).sort_values(["_k", "paragraph", "item"]).drop(columns="_k").reset_index(drop=True)


@per_evidence
def credits(corpus: Corpus) -> dict[str, list[str]]:
    """Each source's kinds of credit (`reliability.credits`): `borne_out` when it reported a plan or
    expectation that a later source reports carried out (`borne_out`)."""
    found = {"borne_out": set(borne_out(corpus))}
    kinds = [c["id"] for c in spec().get("credits", [])]
    return {s: [k for k in kinds if s in found.get(k, set())] for s in corpus.sources.source_id}


def reliability(corpus: Corpus) -> pd.DataFrame:
    """Each source's reliability: its profile grade (`grades`), lowered one step for each kind of problem of
    its track record that `reliability.problems` marks `lowers`, to `reliability.floor` at worst, then
    raised one step for each kind of credit (`credits`), back to its profile grade at best (a grade that
    cannot be judged stays). Columns: source_id, outlet, profile (grade), problems (the kinds that lowered
    it, joined), credits (the kinds that raised it, joined), reliability (letter), label, rank (1 best).
    Oldest first."""
    scale = spec()["scale"]
    letters = list(scale)
    lowering = {p["id"] for p in spec()["problems"] if p.get("lowers")}
    records = track_records(corpus)
    credited = credits(corpus)
    floor = letters.index(spec()["floor"])
    rows = []
    for p in source_profiles(corpus).itertuples():
        kinds = sorted(set(records.problem[(records.source_id == p.source_id) & records.problem.isin(lowering)]))
        profile = at = letters.index(p.grade)
        raised = []
        if at < floor:
            at = min(at + len(kinds), floor)
            raised = credited.get(p.source_id, [])[:at - profile]  # only what a problem took away
            at -= len(raised)
        rows.append({"source_id": p.source_id, "outlet": p.outlet, "profile": p.grade,
                     "problems": ", ".join(kinds), "credits": ", ".join(raised), "reliability": letters[at],
                     "label": scale[letters[at]], "rank": at + 1})
    return pd.DataFrame(rows, columns=["source_id", "outlet", "profile", "problems", "credits", "reliability",
                                       "label", "rank"])


def problem_labels() -> dict[str, str]:
    """Problem id -> how the book names it."""
    return {p["id"]: p["label"] for p in spec()["problems"]}


def grade_letters() -> list[str]:
    """The letters of the reliability scale, best first (the profile grades are among them)."""
    letters = list(spec()["scale"])
    assert all(g["grade"] in letters for g in grade_rules()), "a profile grade is not on the reliability scale"
    return letters


def _risk_claims(corpus: Corpus) -> pd.DataFrame:
    """The affirmed risk claims, with `open`: False for a sentence that looks ahead to a step since taken
    (`steps_since_taken`: "an obstacle to recognition", written before it), and `label`."""
    c = affirmed_claims(claims.of_kind(corpus, "risk"))
    since = steps_since_taken(corpus)
    gone = set(zip(since.source_id, since.paragraph, since.sentence))
    still = pd.Series([k not in gone for k in zip(c.source_id, c.paragraph, c.sentence)], index=c.index, dtype=bool)
    return c.assign(open=still, label=c.category.map(claims.labels("risk")))  # a boolean mask even when empty


def weighed_risks(corpus: Corpus) -> pd.DataFrame:
    """The risks the sources name, weighed by who names them. For each risk (most named first,
    `claims.ranking`): how many sources name it and in how many sentences; then, leaving out the sentences
    about a step since taken (`_risk_claims`), how many sources still name it, how many of those are
    independent (`profiles.independent_count`) and the best reliability among them (`reliability`).
    Index: risk (label). Columns: sources, sentences, still open, independent, best grade."""
    ranked = claims.ranking(corpus, "risk")
    ranked = ranked[ranked.sources > 0]
    c = _risk_claims(corpus)
    per = c[c.open].groupby("label").source_id.agg(lambda x: sorted(set(x)))
    rel = reliability(corpus).set_index("source_id").reliability
    rows = [{"sources": int(ranked.loc[label, "sources"]), "sentences": int(ranked.loc[label, "sentences"]),
             "still open": len(per.get(label, [])), "independent": independent_count(corpus, per.get(label, [])),
             "best grade": min((rel[s] for s in per.get(label, [])), default="")} for label in ranked.index]
    return pd.DataFrame(rows, index=ranked.index, columns=["sources", "sentences", "still open", "independent", "best grade"])


def risks_graded_apart(corpus: Corpus) -> dict:
    """The risks `weighed_risks` splits by who still names them: `reliable`, those a source of the corpus's best
    reliability names; `derivative_only`, those no independent source names (labels, in table order);
    `grade`, that best reliability; `overtaken_reliable`, per risk, the sources of that grade that name it
    only in sentences about a step since taken; and `voices`, per reliable risk, who names it in those sources'
    open sentences ("author", or the speakers), sorted."""
    w = weighed_risks(corpus)
    rel = reliability(corpus).set_index("source_id").reliability
    best = min(rel)
    rows = _risk_claims(corpus)
    still = rows.groupby(["label", "source_id"]).open.any()
    overtaken = {label: sorted(s for (lab, s), is_open in still.items() if lab == label and not is_open and rel[s] == best)
                 for label in w.index}
    reliable = list(w.index[w["best grade"] == best])
    top = rows[rows.open & (rows.source_id.map(rel) == best)]
    voices = {label: sorted(set(top.who[top.label == label])) for label in reliable}
    return {"reliable": reliable, "derivative_only": list(w.index[w.independent == 0]),
            "grade": best, "overtaken_reliable": overtaken, "voices": voices}
