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
from functools import cache

import pandas as pd
from spacy.matcher import Matcher

from .. import codebook
from ..gazetteer import actors
from ..nlp import pipeline
from .codes import term_pattern
from .common import body_paragraphs
from .mentions import resolve_entity

CLAIM_COLUMNS = ["source_id", "paragraph", "sentence", "kind", "category", "char_start", "char_end", "who",
                 "speaker_id", "marker", "cue", "text"]
MOSCOW = "russia"
AUTHOR = "author"


@cache
def vocab() -> dict:
    return codebook.load("claims")


@cache
def _matcher() -> tuple[Matcher, dict]:
    """One Matcher over every marker and cue; match id -> (kind, part, category, term)."""
    m = Matcher(pipeline().vocab, validate=True)
    keys = {}
    for kind, spec in vocab()["kinds"].items():
        entries = [("marker", "", t) for t in spec["markers"]]
        entries += [("cue", cat, t) for cat, c in spec["categories"].items() for t in c["cues"]]
        for part, cat, term in entries:
            key = f"claims|{kind}|{part}|{cat}|{term}"
            m.add(key, [term_pattern(term)])
            keys[pipeline().vocab.strings[key]] = (kind, part, cat)
    return m, keys


@cache
def _not_cues() -> re.Pattern:
    phrases = sorted(vocab()["not_cues"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.I)


def _about_moscow(para, a: int, b: int) -> bool:
    """The first actor the sentence names (places aside) is Moscow or acts for it: the sentence is about
    Moscow's policy, not another party's ("The Afghan minister ... said his priority is to import Russian goods")."""
    for ent in para.doc.ents:
        if a <= ent.start_char < b:
            actor_id, rule = resolve_entity(ent)
            if rule != "place" and actors()[actor_id].type != "place":
                return actors()[actor_id].principal == MOSCOW
    return False


def _speaker(quotes: pd.DataFrame, start: int, end: int) -> tuple[str, str]:
    """(speaker, speaker id) of the spoken quotation the span lies in or holds, else the author."""
    spoken = quotes[(quotes.kind != "term") & (quotes.speaker != "") & (quotes.char_start < end)
                    & (quotes.char_end > start)]
    if len(spoken):
        row = spoken.iloc[0]
        return row.speaker, row.speaker_id
    return AUTHOR, ""


def claims_table(corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per (sentence, kind, category).

    Columns: source_id, paragraph, sentence, kind (motive, risk), category, char_start, char_end (the
    sentence), who (the author, or the speaker), speaker_id, marker and cue (the words that fired), text.
    """
    m, keys = _matcher()
    russian_speakers = {a.id for a in actors().values() if a.principal == MOSCOW}
    rows = []
    for para in body_paragraphs(corpus):
        q = quotes[(quotes.source_id == para.source_id) & (quotes.paragraph == para.paragraph)]
        blanked = {(s.start(), s.end()) for s in _not_cues().finditer(para.text)}
        found: dict[tuple[int, str], dict] = {}
        for match_id, start, end in sorted(m(para.doc), key=lambda x: (x[1], x[2])):
            kind, part, cat = keys[match_id]
            span = para.doc[start:end]
            if part == "cue" and any(a <= span.start_char < b for a, b in blanked):
                continue
            number = para.sentence_at(span.start_char)
            entry = found.setdefault((number, kind), {"markers": [], "cues": {}})
            if part == "marker":
                entry["markers"].append(span.text)
            else:
                entry["cues"].setdefault(cat, span.text)
        for (number, kind), entry in sorted(found.items()):
            if not entry["markers"] or not entry["cues"]:
                continue
            a, b = para.sentences[number - 1]
            who, speaker_id = _speaker(q, para.char_start + a, para.char_start + b)
            if not (_about_moscow(para, a, b) or speaker_id in russian_speakers):
                continue
            for cat, cue in entry["cues"].items():
                rows.append({"source_id": para.source_id, "paragraph": para.paragraph, "sentence": number,
                             "kind": kind, "category": cat, "char_start": para.char_start + a,
                             "char_end": para.char_start + b, "who": who, "speaker_id": speaker_id,
                             "marker": entry["markers"][0], "cue": cue, "text": para.text[a:b]})
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)
