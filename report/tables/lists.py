"""Evidence lists that several pages show: sentence-level rows with a link to their paragraph
(display objects of report.publish.provenance)."""

from __future__ import annotations

import pandas as pd

from ..analysis import claims, criticism, door, statements
from ..corpus import Corpus
from ..extract.claims import AUTHOR
from ..prose import and_join
from ..publish.provenance import EvidenceTable

AUTHOR_WORDS = "the author"  # how a claim in the author's own words shows its `who`
NO_SPEAKER = "not named"  # how a quotation whose speaker was not found shows it
UNCLOSED = "its quotation marks never close: where the quoted words end is unknown"
STEP_TAKEN = "written before a step it looks ahead to, since taken"  # a claim about an act done since


def passages(df: pd.DataFrame, columns: list[str]) -> EvidenceTable:
    """Any sentence-level frame with source_id and paragraph, shown with provenance links."""
    return EvidenceTable(df, columns)


def claims_list(corpus: Corpus, category: str | None = None, kind: str = "motive") -> EvidenceTable:
    """The claims of `category` (all categories of `kind` when None, with their labels): who says it and
    the sentence, and a note on a sentence that names a border, or neighbours, that do not exist (`criticism.false_borders`),
    or on a risk whose sentence looks ahead to a step since taken (`criticism.steps_since_taken`: "an
    obstacle to recognition", written before it), when one does."""
    c = claims.claims(corpus, category, kind)
    c = c.assign(who=c.who.replace(AUTHOR, AUTHOR_WORDS))
    columns = ["who", "text"] if category else ["categories", "who", "text"]
    wrong = criticism.false_borders(corpus)
    borders = wrong.groupby(["source_id", "paragraph"]).phrase.agg(list).to_dict()
    ahead = (criticism.steps_since_taken(corpus).groupby(["source_id", "paragraph", "sentence"]).step.agg("; ".join)
             if kind == "risk" else pd.Series(dtype=str))  # a risk to a step since taken is no risk of today

    def flag(s: str, p: int, n: int, text: str) -> str:  # the first that applies: a false border, a step since taken
        phrase = next((b for b in borders.get((s, p), []) if b in text), None)
        if phrase:
            return f"names a border, or neighbours, that do not exist ({phrase})"
        return f"{STEP_TAKEN}: {ahead[(s, p, n)]}" if (s, p, n) in ahead.index else ""

    note = [flag(s, int(p), int(n), t) for s, p, n, t in zip(c.source_id, c.paragraph, c.sentence, c.text)]
    if any(note):  # an error of fact in the sentence is flagged where it is shown (its source's track record)
        c, columns = c.assign(note=note), [*columns, "note"]
    return EvidenceTable(c, columns)


UNCONFIRMED = {"unconfirmed_quote": "only a derivative source gives it, with no venue",  # how such quotations are flagged
               "unconfirmed_dated_quote": "only a derivative source gives it"}


def quotations_list(corpus: Corpus, category: str | None, kind: str = "motive") -> EvidenceTable:
    """The quotations inside the claims of `category`: speaker, quote, and a note on a paragraph where a
    derivative source quotes a named speaker with no venue that no other source confirms (the track
    record's `unconfirmed_quote`, or with a venue, `unconfirmed_dated_quote`), so that such words are never
    shown as an official's without a flag, and where its quotation marks never close
    (`criticism.unclosed_quotes`)."""
    q = claims.quotations(corpus, category, kind)
    t = criticism.track_records(corpus)
    t = t[t.problem.isin(list(UNCONFIRMED))].sort_values("problem")  # a bare quotation's flag wins
    flagged = {(s, int(p)): UNCONFIRMED[k] for s, p, k in zip(t.source_id, t.paragraph, t.problem)}
    unclosed = criticism.unclosed_paragraphs(corpus)
    note = ["; ".join(n for n in (flagged.get((s, int(p)), ""), UNCLOSED if (s, int(p)) in unclosed else "") if n)
            for s, p in zip(q.source_id, q.paragraph)]
    return EvidenceTable(q.assign(speaker=q.speaker.replace("", NO_SPEAKER), note=note), ["speaker", "quote", "note"])


def statements_list(corpus: Corpus, acts: list[str], polarity: list[str] | None = None) -> EvidenceTable:
    """Statements of `acts` (and `polarity`), oldest source first: the statement in a few words
    ("Russia · delists · expected"), its date and the sentence."""
    return EvidenceTable(statements.statements(corpus, acts, polarity), ["statement", "date", "text"])


def outlets(corpus: Corpus, ids) -> str:
    """The outlets of the sources `ids`, in words ("Stratheia and The Conversation")."""
    names = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    return and_join([names[i] for i in ids])


def ordered_outlets(corpus: Corpus, ids) -> str:
    """The outlets of the sources `ids`, oldest source first (`door.source_order`), in words."""
    wanted = set(ids)
    return outlets(corpus, [s for s in door.source_order(corpus) if s in wanted])


def voiced(corpus: Corpus, rows: pd.DataFrame) -> str:
    """Who says what `rows` (evidence rows: source_id, paragraph, sentence) say, in words: for each source
    (oldest first), the speakers of the quotations that hold the rows' sentences, "quoted by" the outlet
    ("Vladimir Sotnikov, quoted by The Christian Science Monitor"), else the outlet alone."""
    names = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    quotes = door.evidence(corpus)["quotes"]
    spans = corpus.sentences.set_index(["source_id", "paragraph", "sentence"])
    order = {s: i for i, s in enumerate(door.source_order(corpus))}
    parts = []
    for sid in sorted(set(rows.source_id), key=order.get):
        speakers = []
        for r in rows[rows.source_id == sid].drop_duplicates(door.SENTENCE_KEY).itertuples():
            start, end = spans.loc[(sid, r.paragraph, r.sentence), ["char_start", "char_end"]]
            held = quotes[(quotes.source_id == sid) & (quotes.char_start < end) & (quotes.char_end > start)
                          & (quotes.speaker.fillna("") != "")]
            speakers += [x for x in held.speaker if x not in speakers]
        parts.append(f"{and_join(speakers)}, quoted by {names[sid]}" if speakers else names[sid])
    return and_join(parts)


DERIVATIVE_ONLY = {1: "only a derivative source says so", 2: "only derivative sources say so"}  # flags in prose


def others_moving_phrase(corpus: Corpus, key: str) -> str:
    """The states of `statements.others_moving` under `key` ("envoy", "delisting") in words, flagged when
    every source that reports them is derivative ("Kazakhstan and Kyrgyzstan (only a derivative source says
    so)")."""
    return and_join(statements.others_moving(corpus)[key]) + derivative_flag(
        corpus, statements.others_moving_sources(corpus)[key])


def derivative_flag(corpus: Corpus, ids) -> str:
    """" (only a derivative source says so)" when every source of `ids` is derivative (and there is one), else ""."""
    origin = dict(zip(corpus.sources.source_id, corpus.sources.origin))
    ids = list(ids)
    derivative = bool(ids) and all(origin.get(s) == "derivative" for s in ids)
    return f" ({DERIVATIVE_ONLY[min(len(ids), 2)]})" if derivative else ""
