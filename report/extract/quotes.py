"""Quotations, their kind and their speaker.

Finding quotations: by the pairs of marks of codebook/quotes.yml (`quote_marks`): curly,
angle („…“, «…») or straight double quotes, with single quotes nested inside them; single
quotes on their own (British style). A quotation that opens and never closes runs to the end
of its paragraph and is flagged `unclosed` (but a straight ' that nothing closes is an
apostrophe: "'90s").

Kinds: `direct` (a quoted statement that starts like a sentence), `partial` (a quoted
fragment inside reported speech), `block` (a paragraph without marks introduced by a
colon: "In 2022, Putin said:"), `term` (scare quotes, labels and titles: not statements).

Speakers, tried in order (the `rule` column says which one answered):
1. attribution: a person named in the quotation's sentence(s), outside the marks, when a
   speech verb is there too ("says Andrey Klimov", "according to ...", "Putin's words");
   the person nearest the quotation wins;
2. pronoun / role: "he", "she", or a role noun from the gazetteer ("the minister") with a
   speech verb: the most recent person mentioned before it (with that role, for a role);
3. document: a document named in the sentence before the quotation (a UN resolution, a
   policy concept);
4. name: a capitalised name next to a speech verb that the gazetteer does not know;
5. continuation: a quotation whose sentence attributes nothing takes the speaker of the
   previous quotation in its paragraph ("A," he said. "B.");
6. previous paragraph: a paragraph that holds only a quotation ending a sentence takes
   the speaker of the previous paragraph's last quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache, cached_property

import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS

from .. import codebook
from ..boilerplate import count_words
from ..gazetteer import actors
from ..nlp import quote_marks
from .common import BodyParagraph, body_paragraphs
from .parsed import parses
from .words import lemma_in, speech_re

QUOTE_COLUMNS = ["source_id", "paragraph", "sentence", "char_start", "char_end", "quote", "speaker", "speaker_id",
                 "kind", "rule", "unclosed"]
SENTENCE_END = (".", "!", "?", "…", ".,")


@dataclass(frozen=True)
class Quote:
    start: int  # paragraph offsets of the opening and after the closing mark
    end: int
    inner_start: int
    inner_end: int
    unclosed: bool
    kind: str = ""
    speaker_id: str = ""
    speaker: str = ""
    rule: str = ""


@cache
def _vocab() -> dict:
    return codebook.load("quotes")


@cache
def _closing_marks() -> str:
    """The closing quotation marks of the codebook, as one string for `rstrip`."""
    return "".join(sorted(quote_marks().closing_marks))


def _close_nested(text: str, i: int, opening: str, closing: str) -> int | None:
    """Index of the `closing` mark that closes the `opening` mark at i (nested pairs allowed) for a pair whose
    closing mark also writes an apostrophe: that mark before a letter ("Russia’s") never closes."""
    depth = 0
    for j in range(i, len(text)):
        if text[j] == opening:
            depth += 1
        elif text[j] == closing and not (j + 1 < len(text) and text[j + 1].isalpha()):
            depth -= 1
            if depth == 0:
                return j
    return None


def _close_straight(text: str, i: int, mark: str, apostrophe: bool) -> int:
    """Index of the straight `mark` that closes the one at i (-1: none); an apostrophe never closes."""
    j = text.find(mark, i + 1)
    while apostrophe and j >= 0 and j + 1 < len(text) and text[j + 1].isalpha():
        j = text.find(mark, j + 1)
    return j


def find_quotes(text: str) -> list[Quote]:
    """Quotation spans in one paragraph, outermost only, left to right (the marks: codebook quotes.yml)."""
    marks = quote_marks()
    closing, straight, apostrophes = marks.closing, marks.straight, marks.apostrophes
    out: list[Quote] = []
    i = 0
    while i < len(text):
        ch = text[i]
        close: int | None = None
        opened = False
        if ch in closing:
            opened = True
            close = (_close_nested(text, i, ch, closing[ch]) if closing[ch] in apostrophes
                     else text.find(closing[ch], i + 1))
        elif ch in straight and (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) \
                and not text[i + 1].isspace():
            close = _close_straight(text, i, ch, ch in apostrophes)
            # an apostrophe mark that nothing closes elides ("'90s"): it opens nothing
            opened = close >= 0 or ch not in apostrophes
        if not opened:
            i += 1
            continue
        if close is None or close < 0:
            out.append(Quote(i, len(text), i + 1, len(text), True))
            break
        out.append(Quote(i, close + 1, i + 1, close, False))
        i = close + 1
    return out


def _inner(text: str, q: Quote) -> str:
    return text[q.inner_start:q.inner_end].strip().rstrip(",").strip()


class Quotes(list):
    """The quotations of one paragraph, left to right and not overlapping, with their ends indexed."""

    @cached_property
    def ends(self) -> list[int]:
        return [q.end for q in self]


def _in_quote(quotes: list[Quote], pos: int) -> bool:
    """Does position `pos` lie inside one of `quotes` (a binary search when they are a `Quotes`)?"""
    if isinstance(quotes, Quotes):
        i = bisect_right(quotes.ends, pos)
        return i < len(quotes) and quotes[i].start <= pos
    return any(q.start <= pos < q.end for q in quotes)


def _outside(text: str, quotes: list[Quote], a: int, b: int) -> str:
    """text[a:b] with every quotation blanked out (offsets kept).

    Only the quotations that overlap [a, b) are visited (found by binary search when `quotes` is a
    `Quotes`), so the cost follows the span, not the paragraph's number of quotations."""
    first = bisect_right(quotes.ends, a) if isinstance(quotes, Quotes) else 0
    parts, at = [], a
    for q in quotes[first:]:
        if q.start >= b:
            break
        lo, hi = max(q.start, a), min(q.end, b)
        if lo < hi:
            parts += [text[at:lo], " " * (hi - lo)]
            at = hi
    parts.append(text[at:b])
    return "".join(parts)


def _context(para: BodyParagraph, q: Quote) -> tuple[int, int]:
    """Span of the sentence(s) the quotation lies in."""
    first = para.sentences[para.sentence_at(q.start) - 1][0]
    last = para.sentences[para.sentence_at(max(q.start, q.end - 1)) - 1][1]
    return first, max(last, q.end)


def _persons_in(para: BodyParagraph, a: int, b: int, quotes: list[Quote], types=("person",)) -> list[tuple[int, str]]:
    out = []
    for start, end, actor_id, _ in para.entities_in(a, b):
        if end <= b and actors()[actor_id].type in types and not _in_quote(quotes, start):
            out.append((start, actor_id))
    return out


def _organisation_before_verb(para: BodyParagraph, a: int, b: int, quotes: list[Quote]) -> str:
    """An organisation of the gazetteer in text[a:b] right before a speech verb ("the Foreign Ministry
    said") or right after one ("stated the Foreign Ministry"), outside the quotations; or ''."""
    verbs = "|".join(map(re.escape, _vocab()["name_verbs"]))
    text = para.text
    for start, end, actor_id, _ in para.entities_in(a, b):
        if actors()[actor_id].type != "organisation" or _in_quote(quotes, start) or end > b:
            continue
        if re.match(rf"\s+(?:{verbs})\b", text[end:b]) or re.search(rf"\b(?:{verbs})\s+(?:the\s+)?(?:[A-Z][\w-]+\s+)?$", text[a:start]):
            return actor_id
    return ""


def _name_near_verb(outside: str) -> str:
    """A capitalised two- or three-word name right after or before a speech verb."""
    name = r"((?:[A-Z][a-z’'-]+ ){1,2}[A-Z][a-z’'-]+)"
    verbs = "(?:" + "|".join(map(re.escape, _vocab()["name_verbs"])) + ")"
    m = re.search(rf"{verbs},? {name}", outside) or re.search(rf"{name},? {verbs}\b", outside)
    return m.group(1) if m else ""


def _history() -> int:
    """How many persons mentioned before a pronoun or role it may refer back to (codebook/quotes.yml)."""
    return _vocab()["history"]


class _Speakers:
    """The running state of one source: who was mentioned last, who spoke last."""

    def __init__(self):
        self.last_person: list[str] = []  # person ids in order of mention
        self.previous_paragraph_speaker = ("", "")
        self.roles: dict[str, tuple[str, str]] = {}  # role noun -> (speaker id, speaker) of the last such speaker
        self.full_names: list[str] = []  # names of two or more words seen so far, in order
        self.last_named: tuple[str, str] = ("", "")  # the last speaker named by the parse
        self._persons_key: tuple[str, int] | None = None  # the paragraph whose persons are indexed below
        self._starts: list[int] = []
        self._pids: list[str] = []

    def remember_names(self, text: str) -> None:
        """Names of two or more capitalised words, without a leading function word ("Although Zakharova")."""
        for name in NAME_RE.findall(text):
            words = name.split()
            while words and words[0].lower() in STOP_WORDS:
                words = words[1:]
            if len(words) > 1:
                self.full_names.append(" ".join(words))

    def expand(self, name: str) -> str:
        """A one-word name ("Zakharova") completed from a fuller name seen before ("Maria Zakharova")."""
        if " " in name:
            return name
        for full in reversed(self.full_names):
            if full.split()[-1] == name and " " in full:
                return full
        return name

    def seen(self, para: BodyParagraph, upto: int) -> list[str]:
        """The last `history` persons (codebook/quotes.yml) mentioned before offset `upto` of this paragraph, earlier paragraphs
        included, oldest first (a pronoun or a role refers back this far at most)."""
        key = (para.source_id, para.paragraph)
        if self._persons_key != key:
            persons = _persons_in(para, 0, len(para.text), [])
            self._persons_key, self._starts, self._pids = key, [a for a, _ in persons], [p for _, p in persons]
        k = bisect_left(self._starts, upto)
        history = _history()
        return (self.last_person[-history:] + self._pids[max(0, k - history):k])[-history:]

    def by_role(self, role: str, history: list[str]) -> str:
        for pid in reversed(history):
            if role in actors()[pid].role_words:
                return pid
        return ""


NAME_RE = re.compile(r"(?<![\w.])((?:[A-Z][a-z’'-]+ ){1,3}[A-Z][a-z’'-]+)")


@cache
def _titles() -> frozenset[str]:
    return frozenset(_vocab()["titles"])


MAX_ENTITY_CHARS = 200  # no alias of the gazetteer is longer: an entity overlapping a span starts this close


SPEAKER_TYPES = ("person", "organisation")  # who may be a quotation's speaker: a state speaks through them


def _person_at(para: BodyParagraph, start: int, end: int, types: tuple[str, ...] = ("person",)) -> str:
    """The gazetteer actor of `types` (a person by default) whose mention overlaps paragraph offsets
    [start, end), or ''."""
    for a, b, actor_id, _ in para.entities_in(start - MAX_ENTITY_CHARS, end):
        if b > start and actors()[actor_id].type in types:
            return actor_id
    return ""


def _speaker_of(subject, para: BodyParagraph, offset: int, state: _Speakers, history: list[str]) -> tuple[str, str]:
    """(speaker id, speaker) named by the subject of a speech verb; ('', '') when it names none."""
    tag = subject.tag_
    if tag == "PRP":
        if subject.lower_ in _vocab()["pronouns"] or subject.text in _vocab()["pronouns"]:
            return (history[-1], "") if history else state.last_named
        return "", ""
    phrase = list(subject.subtree)
    span = (offset + phrase[0].idx, offset + phrase[-1].idx + len(phrase[-1]))
    pid = _person_at(para, *span)
    if pid:  # a person of the gazetteer named in the subject ("the envoy, Zamir Kabulov, said")
        return pid, ""
    names = [subject] + [c for c in subject.children if c.dep_ == "appos" and c.tag_.startswith("NNP")]
    for head in names:
        if not head.tag_.startswith("NNP") or head.lower_ in _titles():
            continue
        run = [head]
        for t in reversed([t for t in head.lefts if t.dep_ == "compound"]):
            if not t.tag_.startswith("NNP") or t.lower_ in _titles() or t.i != run[0].i - 1:
                break
            run.insert(0, t)
        start, end = offset + run[0].idx, offset + run[-1].idx + len(run[-1])
        pid = _person_at(para, start, end) or _person_at(para, start, end, types=SPEAKER_TYPES)
        if pid:  # a person, else an organisation of the gazetteer ("the Russian Foreign Ministry said")
            return pid, ""
        name = state.expand(" ".join(t.text for t in run))
        return "", name
    # a role: "A State Department spokesperson said", "the spokesperson said"
    if tag == "NN":  # a singular role noun: a plural ("experts say") is not one speaker
        definite = any(c.dep_ in ("det", "poss") and c.lower_ in _vocab()["definite_determiners"]
                       for c in subject.children)
        role = subject.lower_
        if definite:
            if role in state.roles:
                return state.roles[role]
            pid = state.by_role(role, history)
            if pid:
                return pid, ""
            return "", ""
        phrase = [t for t in subject.subtree if t.i <= subject.i and t.dep_ not in ("det", "punct")]
        name = " ".join(t.text for t in phrase)
        state.roles[role] = ("", name)
        return "", name
    return "", ""


def _parse_attribute(para: BodyParagraph, q: Quote, parsed: dict, state: _Speakers) -> Quote | None:
    """The speaker from the parse: the subject of the speech verb nearest the quotation, outside it."""
    first, last = para.sentence_at(q.start), para.sentence_at(max(q.start, q.end - 1))
    history = state.seen(para, q.start)
    best = None
    for number in range(first, last + 1):
        doc = parsed.get((para.source_id, para.paragraph, number))
        if doc is None:
            continue
        offset = para.sentences[number - 1][0]
        for tok in doc:
            at = offset + tok.idx
            if q.start <= at < q.end or not tok.tag_.startswith("VB"):
                continue
            if not lemma_in(tok.lower_, _vocab()["speech_lemmas"]):
                continue
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj and tok.dep_ == "conj":
                subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if not subj:
                continue
            distance = min(abs(at - q.start), abs(at - q.end))
            if best is None or distance < best[0]:
                best = (distance, subj[0], offset)
    if best is None:
        return None
    if best[1].tag_ == "PRP":  # a pronoun refers to someone named before it, not to a name between it and the quote
        history = state.seen(para, best[2] + best[1].idx)
    pid, name = _speaker_of(best[1], para, best[2], state, history)
    if not pid and not name:
        return None
    if pid and actors()[pid].type not in SPEAKER_TYPES:
        return None
    state.last_named = (pid, name)
    return replace(q, speaker_id=pid, speaker=name, rule="parse")


def _attribute(para: BodyParagraph, q: Quote, quotes: list[Quote], state: _Speakers, parsed: dict | None = None
               ) -> Quote:
    text = para.text
    if parsed:
        found = _parse_attribute(para, q, parsed, state)
        if found is not None:
            return found
    a, b = _context(para, q)
    outside = _outside(text, quotes, a, b)
    speech = speech_re().search(outside) is not None
    opener = re.match(r"\s*(?:" + "|".join(_vocab()["pronouns"]) + r")\s+(?:" + "|".join(_vocab()["name_verbs"])
                      + r")\b", text[a:b])
    if speech and opener and not _in_quote(quotes, a):  # "She said X will ... and that “...”": her words
        history = state.seen(para, a)
        if history:
            return replace(q, speaker_id=history[-1], rule="pronoun")
    if speech:
        persons = _persons_in(para, a, b, quotes)
        if persons:
            _, pid = min(persons, key=lambda p: min(abs(p[0] - q.start), abs(p[0] - q.end)))
            return replace(q, speaker_id=pid, rule="attribution")
        history = state.seen(para, q.start)
        roles = sorted({w for actor in actors().values() for w in actor.role_words}, key=len, reverse=True)
        role = re.search(r"\bthe (" + "|".join(map(re.escape, roles)) + r")\b", outside, re.I)
        if role:
            pid = state.by_role(role.group(1).lower(), history)
            if pid:
                return replace(q, speaker_id=pid, rule="role")
        if re.search(r"\b(?:" + "|".join(_vocab()["pronouns"]) + r")\b", outside) and history:
            return replace(q, speaker_id=history[-1], rule="pronoun")
        body = _organisation_before_verb(para, a, b, quotes)  # "the Foreign Ministry said", "said the ministry"
        if body:
            return replace(q, speaker_id=body, rule="organisation")
    documents = [d for d in _persons_in(para, a, b, quotes, types=("document",)) if d[0] < q.start]
    if documents:
        return replace(q, speaker_id=documents[0][1], rule="document")
    if speech:
        name = _name_near_verb(outside)
        if name:
            return replace(q, speaker=name, rule="name")
    return q


def _kind(text: str, q: Quote) -> str:
    inner = _inner(text, q)
    before = text[max(0, q.start - 20):q.start].split()
    if before and any(" ".join(before[-len(m.split()):]) == m for m in _vocab()["title_markers"]):
        return "term"
    if not q.speaker_id and not q.speaker and count_words(inner) <= _vocab()["term_max_words"]:
        return "term"
    return "direct" if inner[:1].isupper() or inner[:1].isdigit() else "partial"


def _is_block_intro(text: str) -> bool:
    return text.rstrip().endswith(":") and speech_re().search(text) is not None


def _rows_for_source(paras: list[BodyParagraph], parsed: dict | None = None) -> list[dict]:
    rows: list[dict] = []
    state = _Speakers()
    previous: BodyParagraph | None = None
    for para in paras:
        text = para.text
        quotes = Quotes(find_quotes(text))
        state.remember_names(text)
        if not quotes and previous is not None and _is_block_intro(previous.text):
            block = Quote(0, len(text), 0, len(text), False, kind="block")
            intro = _attribute(previous, Quote(len(previous.text), len(previous.text), 0, 0, False), [], state)
            quotes_out = [replace(block, speaker_id=intro.speaker_id, speaker=intro.speaker,
                                  rule=intro.rule and "block")]
        else:
            quotes_out = []
            only_quotes = _outside(text, quotes, 0, len(text)).strip(" .,;:") == ""  # nothing but quotations
            for q in quotes:
                q = _attribute(para, q, quotes, state, parsed)
                if not q.speaker_id and not q.speaker:
                    if quotes_out and (quotes_out[-1].speaker_id or quotes_out[-1].speaker):
                        q = replace(q, speaker_id=quotes_out[-1].speaker_id, speaker=quotes_out[-1].speaker,
                                    rule="continuation")
                    elif (only_quotes
                          and _inner(text, q).rstrip(_closing_marks()).endswith(SENTENCE_END)
                          and any(state.previous_paragraph_speaker)):
                        pid, name = state.previous_paragraph_speaker
                        q = replace(q, speaker_id=pid, speaker=name, rule="previous_paragraph")
                quotes_out.append(replace(q, kind=_kind(text, q)))
        for q in quotes_out:
            speaker = actors()[q.speaker_id].name if q.speaker_id else q.speaker
            if q.kind == "term":
                speaker, q = "", replace(q, speaker_id="", rule="")
            rows.append({
                "source_id": para.source_id, "paragraph": para.paragraph, "sentence": para.sentence_at(q.start),
                "char_start": para.char_start + q.start, "char_end": para.char_start + q.end,
                "quote": _inner(text, q), "speaker": speaker, "speaker_id": q.speaker_id, "kind": q.kind,
                "rule": q.rule, "unclosed": q.unclosed,
            })
        spoken = [q for q in quotes_out if q.kind != "term" and (q.speaker_id or q.speaker)]
        state.previous_paragraph_speaker = (spoken[-1].speaker_id, spoken[-1].speaker) if spoken else ("", "")
        state.last_person += [pid for _, pid in sorted(_persons_in(para, 0, len(text), []))]
        previous = para
    return rows


def quotes_table(corpus) -> pd.DataFrame:
    """One row per quotation in the body paragraphs.

    Columns: source_id, paragraph, sentence, char_start, char_end, quote, speaker, speaker_id,
    kind, rule, unclosed.
    """
    by_source: dict[str, list[BodyParagraph]] = {}
    for para in body_paragraphs(corpus):
        by_source.setdefault(para.source_id, []).append(para)
    parsed = parses(corpus)
    rows = [row for sid in sorted(by_source) for row in _rows_for_source(by_source[sid], parsed)]
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)
