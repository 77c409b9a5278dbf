"""The one door to the book's evidence: `evidence(corpus)`.

It is the machine reader's tables (`report.extract.evidence`) and the term categories of
codebook/analysis.yml (`stances`, `recognition_claims`), with the statements and claims of the
reviewed codings (codings/) in place of the machine's for every coded source, each row marked
`coded` (reviewed or machine). Other evidence can be swapped in: `using_evidence(tables)` in code,
or REPORT_EVIDENCE=machine|annotated in the environment. Every page reads through here; only the
method page, which describes the machine reader, calls `report.extract.evidence` itself.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from functools import cache, wraps

import pandas as pd

from .. import codings, extract
from ..diskcache import on_disk, paused
from ..corpus import Corpus
from ..evaluate import load_annotations
from ..extract.categories import categories
from ..gazetteer import actors
from ..paths import CODINGS, SEED_ANNOTATIONS

SENTENCE_KEY = ["source_id", "paragraph", "sentence"]
CATEGORY_SECTIONS = ("stances", "recognition_claims")  # term categories of analysis.yml read as evidence

_OVERRIDE: list[dict[str, pd.DataFrame]] = []
_SWITCHED: dict[tuple[Corpus, str], dict[str, pd.DataFrame]] = {}


def per_evidence(fn):
    """Memoise `fn(corpus, *args)` (args: simple values), a frame computed from the evidence, once per corpus,
    arguments and evidence mode (pages
    call the same source criticism and timeline many times). Under `using_evidence` it is computed afresh
    each time (the tables swapped in are not a key); each caller gets its own copy."""
    store: dict[tuple[Corpus, str], pd.DataFrame] = {}
    kept = on_disk(fn)  # shared by the notebooks of a build (report.diskcache), keyed by the mode too

    @wraps(fn)
    def memoised(corpus: Corpus, *args) -> pd.DataFrame:
        if _OVERRIDE:
            return fn(corpus, *args)
        key = (corpus, os.environ.get("REPORT_EVIDENCE") or MODES[0], *args)  # a Corpus hashes by identity
        if key not in store:
            store[key] = kept(corpus, *args)
        return store[key].copy()
    return memoised


@contextmanager
def using_evidence(tables: dict[str, pd.DataFrame]):
    """Read every page on other evidence tables, such as the hand annotation of the seeds (tests check
    that every key judgment holds on it as well as on the extraction). Tables `tables` lacks are the
    machine reader's."""
    _OVERRIDE.append(tables)
    try:
        with paused():
            yield
    finally:
        _OVERRIDE.pop()


@cache
@on_disk
def machine_evidence(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The machine reader's tables and the term categories, by name."""
    return {**extract.evidence(corpus), **{s: categories(corpus, s) for s in CATEGORY_SECTIONS}}


MODES = ("reviewed", "machine", "annotated")  # REPORT_EVIDENCE; the book is built on the first


def evidence(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The book's evidence tables by name: events, quotes, numbers, mentions, codes, statements,
    claims (the extraction's columns), stances and recognition_claims (term categories: source_id,
    paragraph, sentence, category, matched). The statements and claims are the adjudicated codings
    (codings/) where a source is coded and the machine reader's rows elsewhere (`reviewed_evidence`).
    REPORT_EVIDENCE=machine gives the machine reader's rows everywhere; REPORT_EVIDENCE=annotated the
    older hand annotation (tests/annotations/)."""
    if _OVERRIDE:
        return {**machine_evidence(corpus), **_OVERRIDE[-1]}
    mode = os.environ.get("REPORT_EVIDENCE") or MODES[0]
    if mode not in MODES:
        raise ValueError(f"REPORT_EVIDENCE={mode!r}: must be one of {', '.join(MODES)}")
    if mode == "machine":
        return machine_evidence(corpus)
    if (corpus, mode) not in _SWITCHED:  # a Corpus hashes by identity, and the key keeps it alive
        _SWITCHED[(corpus, mode)] = _switched(corpus, mode)
    return _SWITCHED[(corpus, mode)]


@on_disk
def _switched(corpus: Corpus, mode: str) -> dict[str, pd.DataFrame]:
    return annotated_evidence(corpus, SEED_ANNOTATIONS) if mode == "annotated" else reviewed_evidence(corpus)


def annotated_evidence(corpus: Corpus, paths) -> dict[str, pd.DataFrame]:
    """The evidence tables with statements and claims replaced by the hand annotation in `paths`
    (report.evaluate's format), for reading the judgments on what the annotators found."""
    ev = dict(machine_evidence(corpus))
    gold = load_annotations(corpus, list(paths))
    published = dict(zip(corpus.sources.source_id, corpus.sources.published))
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


def source_order(corpus: Corpus) -> list[str]:
    """Source ids, oldest first (the order of every per-source table)."""
    return list(corpus.sources.sort_values(["published", "source_id"]).source_id)


def published(corpus: Corpus) -> dict[str, str]:
    """Source id -> its publication date as the manifest gives it."""
    return dict(zip(corpus.sources.source_id, corpus.sources.published))


ESTIMATE = "Estimate"  # a published_note that begins so marks a date the text does not give (README, manifest)


def date_estimated(corpus: Corpus) -> dict[str, bool]:
    """Source id -> whether its publication date is an estimate (the text carries none; its `published_note`
    begins "Estimate"), so that a date taken from it is never shown as though the source gave it."""
    notes = corpus.sources.published_note.fillna("")
    return {sid: str(note).strip().startswith(ESTIMATE) for sid, note in zip(corpus.sources.source_id, notes)}


def body_sentences(corpus: Corpus) -> pd.DataFrame:
    """The sentences of body (non-boilerplate) paragraphs. Columns: source_id, paragraph, sentence, text."""
    body = corpus.paragraphs.query("~boilerplate")[["source_id", "paragraph"]]
    return corpus.sentences.merge(body, on=["source_id", "paragraph"])[SENTENCE_KEY + ["text"]]


def sentence_texts(corpus: Corpus) -> pd.Series:
    """Every sentence's text, indexed by source_id, paragraph, sentence (a copy of one made once per corpus)."""
    return _sentence_texts(corpus).copy()


@cache
def _sentence_texts(corpus: Corpus) -> pd.Series:
    return corpus.sentences.set_index(SENTENCE_KEY)["text"]


def words_pattern(words: list[str]) -> re.Pattern:
    """A case-blind pattern for any of `words` as whole words; a word ending in * is a prefix."""
    alternatives = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + r"(?!\w)" for w in words)
    return re.compile(r"(?<!\w)(?:" + alternatives + ")", re.I)  # not \b: a word may begin or end with a dot ("U.S.")


def naming(corpus: Corpus, rows: pd.DataFrame, words: list[str]) -> pd.Series:
    """For each sentence-level row of `rows`, whether its sentence holds one of `words` (`words_pattern`)."""
    texts = sentence_texts(corpus)
    text = pd.Series([texts.get(k, "") for k in zip(rows.source_id, rows.paragraph, rows.sentence)], index=rows.index,
                     dtype=object)
    return text.str.contains(words_pattern(words)) if len(rows) else pd.Series(False, index=rows.index, dtype=bool)


REVIEWED = "reviewed"  # a row a reviewer confirmed or added (the adjudicated coding of its source)
MACHINE = "machine"  # a row of the machine reader no one has reviewed yet (its source is not coded)


def _adjudicated(corpus: Corpus, paths=None) -> list[codings.Coding]:
    """The adjudicated codings `paths` (by default the `codings/<source>.yml` of the sources in `corpus`), read;
    raises ValueError naming every problem of a coding file."""
    paths = codings.adjudicated_files_for(corpus, CODINGS) if paths is None else list(paths)
    read = [codings.read(p, corpus) for p in paths]
    problems = [str(p) for _, found in read for p in found]
    if problems:
        raise ValueError("the codings cannot be read:\n" + "\n".join(problems))
    return [c for c, _ in read]


def reviewed_evidence(corpus: Corpus, paths=None) -> dict[str, pd.DataFrame]:
    """The evidence with the adjudicated codings (`paths`, by default the `codings/<source>.yml` of the sources
    in `corpus`) in place
    of the machine's statements and claims for the sources they code; the machine's rows elsewhere.

    Statements and claims keep the extraction's columns and add `coded` (reviewed or machine) and
    `machine_found` (for a reviewed row, whether the machine reader found it too: the same actor and act,
    or kind and category, in the same sentence; true for a machine row); claims add `stance` (affirmed or
    denied; a machine row is affirmed). A reviewed statement holds for the date its coding gives, else for
    its source's publication date. Raises ValueError naming every problem of a coding file.
    """
    machine = machine_evidence(corpus)
    coded = {c.source_id: c for c in _adjudicated(corpus, paths)}
    texts = sentence_texts(corpus)
    dates = published(corpus)
    names = {a.id: a.name for a in actors().values()}
    st, cl = machine["statements"], machine["claims"]
    found_st = set(zip(st.source_id, st.paragraph, st.sentence, st.actor_id, st.act))
    found_cl = set(zip(cl.source_id, cl.paragraph, cl.sentence, cl.kind, cl.category))
    parts_st = [st[~st.source_id.isin(coded)].assign(coded=MACHINE, machine_found=True)]
    parts_cl = [cl[~cl.source_id.isin(coded)].assign(coded=MACHINE, machine_found=True, stance="affirmed")]
    for sid, coding in sorted(coded.items()):
        r = coding.rows["statements"]
        keys = list(zip(r.source_id, r.paragraph, r.sentence))
        parts_st.append(pd.DataFrame({
            "source_id": r.source_id, "paragraph": r.paragraph, "sentence": r.sentence, "char_start": r.char_start,
            "char_end": r.char_end, "actor_id": r.actor_id, "actor": r.actor_id.map(lambda a: names.get(a, a)),
            "act": r.act, "polarity": r.polarity, "as_of": r.date.where(r.date != "", dates[sid]), "trigger": "",
            "text": [texts.get(k, "") for k in keys], "coded": REVIEWED,
            "machine_found": [k + (a, t) in found_st for k, a, t in zip(keys, r.actor_id, r.act)]}))
        c = coding.rows["claims"]
        keys = list(zip(c.source_id, c.paragraph, c.sentence))
        parts_cl.append(pd.DataFrame({
            "source_id": c.source_id, "paragraph": c.paragraph, "sentence": c.sentence, "kind": c.kind,
            "category": c.category, "char_start": c.char_start, "char_end": c.char_end, "who": c.who,
            "speaker_id": "", "marker": "", "cue": "", "text": [texts.get(k, "") for k in keys], "coded": REVIEWED,
            "machine_found": [k + (kd, cat) in found_cl for k, kd, cat in zip(keys, c.kind, c.category)],
            "stance": c.stance}))
    out = dict(machine)
    out["statements"] = (pd.concat(parts_st, ignore_index=True)
                         .drop_duplicates(["source_id", "paragraph", "sentence", "actor_id", "act", "polarity"])
                         .sort_values(["source_id", "paragraph", "sentence", "actor_id", "act"], ignore_index=True))
    out["claims"] = (pd.concat(parts_cl, ignore_index=True)
                     .drop_duplicates(["source_id", "paragraph", "sentence", "kind", "category", "stance"])
                     .sort_values(["source_id", "paragraph", "sentence", "kind", "category"], ignore_index=True))
    return out


LEAD_COLUMNS = ["source_id", "paragraph", "sentence", "category", "basis", "who", "quote"]


def reviewed_leads(corpus: Corpus, paths=None) -> tuple[pd.DataFrame, list[str]]:
    """How the coded sources themselves weigh Moscow's motives (`leads`, codings/GUIDE.md): (one row per
    source and motive it puts first, with the ground and the words; the sources whose adjudicated coding
    holds the `leads` section, those with no row weighing no motive above the others). A source not coded
    for leads is in neither: the machine reader proposes no lead. Raises ValueError naming every problem
    of a coding file."""
    held = [c for c in _adjudicated(corpus, paths) if codings.LEADS in c.sections]
    parts = [c.rows[codings.LEADS] for c in held if len(c.rows[codings.LEADS])]
    rows = (pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=codings.COLUMNS[codings.LEADS]))
    rows = rows.drop_duplicates(["source_id", "category"]).sort_values(["source_id", "paragraph", "category"],
                                                                      ignore_index=True)
    return rows[LEAD_COLUMNS], sorted(c.source_id for c in held)


def affirmed_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims a source affirms: a reviewed claim may be denied ("not a story of shared values"), which is
    no claim of its category; the machine's claims carry no stance and are all affirmed."""
    return claims[claims.stance == "affirmed"] if "stance" in claims.columns else claims
