"""Claims: the reasons a text gives for Moscow's engagement with the Taliban, and the risks
it names for Moscow (vocabulary and rules in codebook/claims.yml).

One row per (sentence, kind, category). A sentence is a claim when it is about Moscow (it
names Russia or an actor representing it, or quotes such a speaker), holds a marker of the
kind (purpose or interest for a motive; danger or cost for a risk) and a cue of the
category, once the phrases that only name the terrorist list are blanked out. `who` is the
speaker of a quotation the sentence lies in or holds, else the author.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

import pandas as pd

from .. import codebook
from ..gazetteer import actors, home
from ..nlp import quote_marks
from .common import body_paragraphs
from .terms import TermIndex, index_of

CLAIM_COLUMNS = ["source_id", "paragraph", "sentence", "kind", "category", "char_start", "char_end", "who",
                 "speaker_id", "marker", "cue", "text"]
AUTHOR = "author"  # the value of `who` for the author's own words (a value of the claims table, not vocabulary)


@cache
def vocab() -> dict:
    return codebook.load("claims")


def moscow() -> str:
    """The actor whose engagement the claims are about: the home country of the gazetteer (actors.yml `home`)."""
    return home()


@cache
def _index() -> TermIndex:
    """The markers of each kind and the cues of each category, keyed (kind, part, category)."""
    groups = []
    for kind, spec in vocab()["kinds"].items():
        groups.append(((kind, "marker", ""), tuple(spec["markers"])))
        groups += [((kind, "cue", cat), tuple(c["cues"])) for cat, c in spec["categories"].items()]
    return index_of(tuple(groups))


@cache
def _not_cues() -> re.Pattern:
    phrases = sorted(vocab()["not_cues"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.I)


def _first_actor(para, a: int, b: int, listed: frozenset = frozenset()) -> str:
    """The principal of the first actor the sentence names (places, and names that are one item of a list
    of three or more, aside), or '' when it names none."""
    for start, end, actor_id, rule in para.entities_in(a, b):
        if (start, end) in listed:
            continue
        if rule != "place" and actors()[actor_id].type != "place":
            return actors()[actor_id].principal
    return ""


@cache
def _opening_marks() -> str:
    """The opening quotation marks of the codebook, straight ones included, as one string for `lstrip`."""
    return "".join(sorted(quote_marks().opening_marks))


@cache
def _continuing() -> re.Pattern:
    """A sentence opening with one of `continuing` (case as written) continues the one before it."""
    return re.compile(r"(?:" + "|".join(map(re.escape, vocab()["continuing"])) + r")\b")


@cache
def _negated_cue() -> re.Pattern:
    """A cue that one of `negations` governs (at most two words before it) is denied, not claimed ("a tale of
    strategic necessity, not shared values"; "Russia does not have any ideological ... interests")."""
    words = "|".join(map(re.escape, vocab()["negations"]))
    return re.compile(r"\b(?:" + words + r")\b(?:\W+\w+){0,2}\W*$", re.I)


LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*(?:the\s+)?")


def _listed(para) -> list[tuple[int, int]]:
    """Spans (paragraph offsets) of names that stand in an enumeration of `min_list` or more names
    ("with the participation of China, Iran, Pakistan, and Central Asian republics")."""
    min_list = vocab()["min_list"]
    spans, run = [], []
    for start, end, _, _ in para.entities:
        if run and LIST_GAP.fullmatch(para.text[run[-1][1]:start]):
            run.append((start, end))
            continue
        if len(run) >= min_list:
            spans += run
        run = [(start, end)]
    return spans + (run if len(run) >= min_list else [])


def _about_moscow(para, current: bool = False) -> list[bool]:
    """Per sentence of the paragraph: is it about Moscow's policy? Its first named actor is Moscow or acts for
    it (not "The Afghan minister ... said his priority is to import Russian goods"); a sentence that names no
    actor, or opens with a pronoun ("It aims to present itself as the region's security provider, especially
    compared to the U.S."), continues the one before it, across paragraphs (`current`: the state at the end
    of the paragraph before)."""
    out = []
    listed = frozenset(_listed(para))
    for a, b in para.sentences:
        first = _first_actor(para, a, b, listed)
        if first and not _continuing().match(para.text[a:b].lstrip(" \t" + _opening_marks())):
            current = first == moscow()
        out.append(current)
    return out


def _speaker(spoken: list[tuple[int, int, str, str]], ends: list[int], start: int, end: int) -> tuple[str, str]:
    """(speaker, speaker id) of the first spoken quotation the span lies in or holds, else the author.

    `spoken` is one paragraph's quotations in text order (not overlapping) and `ends` their ends: a binary
    search finds the first that ends after `start`."""
    for a, b, speaker, speaker_id in spoken[bisect_right(ends, start):]:
        if a >= end:
            break
        if b > start:
            return speaker, speaker_id
    return AUTHOR, ""


def claims_table(corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per (sentence, kind, category).

    Columns: source_id, paragraph, sentence, kind (motive, risk), category, char_start, char_end (the
    sentence), who (the author, or the speaker), speaker_id, marker and cue (the words that fired), text.
    """
    russian_speakers = {a.id for a in actors().values() if a.principal == moscow()}
    spoken_by_paragraph: dict[tuple[str, int], list] = {}
    for r in quotes[(quotes.kind != "term") & (quotes.speaker != "")].itertuples():
        spoken_by_paragraph.setdefault((r.source_id, r.paragraph), []).append(
            (r.char_start, r.char_end, r.speaker, r.speaker_id))
    rows = []
    state: dict[str, bool] = {}  # per source: is the last sentence read about Moscow?
    for para in body_paragraphs(corpus):
        q = spoken_by_paragraph.get((para.source_id, para.paragraph), [])
        q_ends = [b for _, b, _, _ in q]
        blanked = {(s.start(), s.end()) for s in _not_cues().finditer(para.text)} | set(_listed(para))
        found: dict[tuple[int, str], dict] = {}
        for start, end, (kind, part, cat), _ in _index().find(para.text):
            if part == "cue" and (any(a <= start < b for a, b in blanked)
                                  or _negated_cue().search(para.text[max(0, start - 60):start])):
                continue
            entry = found.setdefault((para.sentence_at(start), kind), {"markers": [], "cues": {}})
            if part == "marker":
                entry["markers"].append(para.text[start:end])
            else:
                entry["cues"].setdefault(cat, para.text[start:end])
        about = _about_moscow(para, state.get(para.source_id, False))
        state[para.source_id] = about[-1] if about else state.get(para.source_id, False)
        for (number, kind), entry in sorted(found.items()):
            if not entry["markers"] or not entry["cues"]:
                continue
            a, b = para.sentences[number - 1]
            who, speaker_id = _speaker(q, q_ends, para.char_start + a, para.char_start + b)
            # a risk to Moscow is often told through the Taliban's or ISIS-K's conduct, in a paragraph
            # that opens on Moscow ("Nevertheless, Russia incurs risks ... Despite the Taliban guarantees ...")
            if not (about[number - 1] or speaker_id in russian_speakers or (kind == "risk" and about[0])):
                continue
            for cat, cue in entry["cues"].items():
                rows.append({"source_id": para.source_id, "paragraph": para.paragraph, "sentence": number,
                             "kind": kind, "category": cat, "char_start": para.char_start + a,
                             "char_end": para.char_start + b, "who": who, "speaker_id": speaker_id,
                             "marker": entry["markers"][0], "cue": cue, "text": para.text[a:b]})
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)
