"""Statements: who did what to the Taliban (vocabulary in codebook/acts.yml).

One row per (sentence, actor, act). The act is named by a verb, a noun or an adjective
of the codebook; its actor is found in the sentence's dependency parse:

- the subject of the verb, or the agent of a passive ("was accredited by Moscow");
- when the verb has no subject of its own, the subject of the verb or adjective it
  depends on ("Russia remains unwilling to recognise", "Russia decided to remove") or of
  the verb it is coordinated with; for "X became the first country to recognise", X;
- for a noun, its owner ("Russia's recognition") or the subject of the verb that takes
  it as object ("No foreign government has granted legitimacy").

A subject expands to its coordinated and apposed members ("four countries — China,
Pakistan, Russia and Turkmenistan — have accredited" gives four actors). Each member is
an actor of the gazetteer (officials and organs count as the state they represent;
groups such as "no country" are actors); a member the gazetteer does not know gives no
row. "all", "they" and "both" stand for the actors of the sentence's main statement.

Polarity is read on the chain from the act up to its subject: negated (a negation, or a
negating word: "refused", "unwilling", "premature"; a negating subject: "no country"),
prospective (a modal or a word of decision, plan, intent or expectation governing the act: "is
expected to", "considering", "decided to remove", "Russia's decision to delist", "a decision has been
made to remove", "plans for the recognition", "the planned recognition": a decision is not the act),
reported (the act sits in a clause governed by someone else's speech verb), else affirmed. A sentence
gives one row per actor and act: the act done when it also reports one ("decided in April to remove
them, and the court removed them on 17 April" is an affirmed removal).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd
from spacy.tokens import Doc, Token

from .. import codebook
from ..gazetteer import actors
from .common import body_paragraphs
from .parsed import parses
from .words import lemma_in

STATEMENT_COLUMNS = ["source_id", "paragraph", "sentence", "char_start", "char_end", "actor_id", "actor", "act",
                     "polarity", "as_of", "trigger", "text"]
# Dependency labels (spaCy's English scheme) are the grammar of the rules, not vocabulary of the texts:
# they stay here. The relations along which an act without a subject of its own climbs to the word whose
# subject is its actor ("Russia remains unwilling to recognise": xcomp, acomp).
CLIMB = ("xcomp", "acomp", "conj", "advcl", "oprd", "ccomp", "pcomp", "prep", "pobj")
# The relations by which a word governs the one below it on the way up from an act: the act (or a word
# on its way up) is its complement, clause or prepositional object ("decided to remove", "a decision to
# delist", "plans for the removal", "is expected to"). Not a conjunct, which shares the subject but not
# the meaning ("decided to ... and removed them"), nor the object of a noun's own verb ("set conditions").
GOVERNED = ("xcomp", "acomp", "advcl", "oprd", "ccomp", "pcomp", "prep", "pobj", "acl")
# Tags of finite verbs (Penn Treebank): a finite verb coordinated with an infinitive is a clause of its own.
FINITE = ("VBD", "VBZ", "VBP")


@cache
def vocab() -> dict:
    return codebook.load("acts")


@dataclass
class _Ctx:
    """One sentence: its parse, the paragraph's gazetteer entities mapped onto parse tokens."""
    parse: Doc
    offset: int  # char offset of the sentence in the paragraph
    ents: list[tuple[int, int, str]]  # (first token, last token + 1, principal actor id) in parse indices


def _entities(para, sent_start_char: int, parse: Doc) -> list[tuple[int, int, str]]:
    length = len(parse.text)
    out = []
    for start, end, actor_id, rule in para.entities_in(sent_start_char, sent_start_char + length):
        a, b = start - sent_start_char, end - sent_start_char
        span = parse.char_span(a, b, alignment_mode="expand") if b <= length else None
        if span is None or rule == "place":
            continue
        out.append((span.start, span.end, actors()[actor_id].principal))
    return out


def _actor_of(tok: Token, ctx: _Ctx) -> str:
    """The actor a noun phrase headed by `tok` names: an entity covering it, else one in its modifiers."""
    for a, b, actor in ctx.ents:
        if a <= tok.i < b:
            return actor
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod") or (child.dep_ == "prep" and child.lower_ == "of"):
            for t in child.subtree:
                for a, b, actor in ctx.ents:
                    if a <= t.i < b:
                        return actor
    return ""


def _members(head: Token) -> list[Token]:
    """A subject's coordinated and apposed members; a generic noun with apposed names gives the names."""
    members = [head]
    apposed = [c for c in head.children if c.dep_ == "appos"]
    if apposed and lemma_in(head.lower_, vocab()["subjects"]["generic"]):
        members = []
        for ap in apposed:
            members += [ap] + [c for c in ap.subtree if c.dep_ == "conj"]
    members += [c for c in head.subtree if c.dep_ == "conj" and c.head in members and c.head.i != head.i
                or (c.dep_ == "conj" and c.head.i == head.i)]
    members += _co_agents(head)
    seen, out = set(), []
    for m in members:
        if m.i not in seen:
            seen.add(m.i)
            out.append(m)
    return out


def _co_agents(head: Token) -> list[Token]:
    """Agents joined to the subject by a phrase of `subjects.co_agents` ("Russia, along with the United Nations
    and most of the world, remains unwilling"), with their coordinated members."""
    out = []
    for prep in (c for c in head.children if c.dep_ == "prep"):
        words = [prep] + [t for t in prep.subtree if t.dep_ == "prep" and t.head.i == prep.i]
        phrase = " ".join(t.lower_ for t in words[:2])
        if phrase not in vocab()["subjects"]["co_agents"]:
            continue
        for obj in (t for t in words[-1].children if t.dep_ == "pobj"):
            out += [obj] + [t for t in obj.subtree if t.dep_ == "conj"]
    return out


def _agent(tok: Token) -> Token | None:
    """The agent of a passive or participle: "hosted by Russia"."""
    return next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _subject(tok: Token) -> tuple[Token | None, list[Token]]:
    """(subject head or None, chain of tokens climbed) for an act token; a passive without agent has none."""
    chain = [tok]
    cur = tok
    for _ in range(8):
        agent = _agent(cur)
        if agent is not None:
            return agent, chain
        if cur.i == tok.i and any(c.dep_ == "auxpass" for c in cur.children):
            return None, chain
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subj:
            s = subj[0]
            if s.tag_ in ("WDT", "WP") and cur.dep_ == "relcl":  # "countries that have recognised"
                s = cur.head
            return s, chain
        if cur.dep_ in ("acl", "relcl"):
            noun = cur.head  # "Russia's decision to delist", "the first country to recognise", "its intention to"
            chain.append(noun)
            if any(c.dep_ == "poss" and c.tag_ != "PRP$" for c in noun.children):
                return noun, chain
            if noun.dep_ in ("attr", "oprd", "dobj") and noun.head.i != noun.i:
                cur = noun.head
                chain.append(cur)
                subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
                return (subj[0] if subj else noun), chain
            return noun, chain
        if cur.dep_ in CLIMB and cur.head.i != cur.i:
            cur = cur.head
            chain.append(cur)
            continue
        break
    return None, chain


def _words_near(chain: list[Token]) -> list[Token]:
    """The chain's tokens with their negations, auxiliaries and adverbs."""
    out = []
    for t in chain:
        out.append(t)
        out += [c for c in t.children if c.dep_ in ("neg", "aux", "auxpass", "advmod", "acomp", "mark", "prep")]
    return out


def _governed(chain: list[Token], words: list[str]) -> bool:
    """Is the act governed by one of `words` (codebook: decision, plan, intention, expectation)? A word that
    governs a step of the chain ("decided to remove", "Russia's decision to delist", "plans for the
    recognition"); the subject of a verb the act is a complement of ("a decision has been made by Russia to
    remove", "the plan is to recognise"); a modifier of the act's noun ("the planned removal"). Above a
    finite verb coordinated with an infinitive, nothing governs it."""
    if chain[0].tag_.startswith("NN") and any(c.dep_ == "amod" and lemma_in(c.lower_, words)
                                              for c in chain[0].children):
        return True
    for below, above in zip(chain, chain[1:]):
        if below.dep_ == "conj" and below.tag_ in FINITE and above.tag_ not in FINITE:
            return False  # "decided to remove them and removed them": the finite verb is not under "to"
        if below.dep_ not in GOVERNED:
            continue
        if lemma_in(above.lower_, words) or any(  # "decided to", or "a decision (...) has been made to"
                c.dep_ in ("nsubj", "nsubjpass") and lemma_in(c.lower_, words) for c in above.children):
            return True
    return False


def _polarity(chain: list[Token], subject: Token | None, actor: str, ctx: _Ctx, negated_form: bool) -> str:
    pol = vocab()["polarity"]
    # the chain, and the word that governs it ("the refusal to be recognised", "a plan to delist")
    top = chain[-1]
    path = chain + ([top.head] if top.head.i != top.i and top.dep_ in ("csubj", "acl", "xcomp", "advcl") else [])
    near = _words_near(path)
    # a negating word counts on the path from the act up to its subject, or as an adverb of it ("not yet"),
    # not beside it ("remain cautious, insisting on conditions" does not negate the insisting)
    on_path = path + [c for t in path for c in t.children if c.dep_ in ("neg", "advmod")]
    if negated_form or any(t.dep_ == "neg" for t in on_path) or any(
            lemma_in(t.lower_, pol["negating"]) for t in on_path):
        return "negated"
    if subject is not None and any(t.lower_ in pol["negating_subjects"] for t in subject.subtree):
        return "negated"
    if actor in pol["negated_actors"]:
        return "negated"
    if any(t.lower_ in pol["modals"] and t.dep_ == "aux" for t in near):
        return "prospective"
    if _governed(chain, pol["prospective"]) or any(
            lemma_in(t.lower_, pol["prospective"]) for t in near if t.dep_ in ("advmod", "aux", "acomp")):
        return "prospective"
    for anc in [top] + list(top.ancestors):
        if anc.i != top.i and lemma_in(anc.lower_, pol["reporting"]) and anc.tag_.startswith("VB"):
            speaker = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not speaker or _actor_of(speaker[0], ctx) != actor:
                return "reported"
    return "affirmed"


def _subject_span(subject: Token | None, tok: Token) -> set[int]:
    """Token indices of the subject phrase, without the act's own clause (a relative clause on the subject)."""
    if subject is None:
        return set()
    return {t.i for t in subject.subtree} - {t.i for t in tok.subtree}


def _clause_lemmas(tok: Token, subject: Token | None) -> list[str]:
    skip = _subject_span(subject, tok)
    return [t.lower_ for t in tok.subtree if t.i not in skip] + [t.lower_ for t in tok.head.subtree
                                                                   if t.i not in skip and tok.dep_ != "ROOT"]


def _in_scope(act: str, spec: dict, tok: Token, subject: Token | None, ctx: _Ctx) -> bool:
    """The act's clause holds a required object word and a target (the Taliban, their government...)."""
    words = _clause_lemmas(tok, subject)
    objects = spec.get("objects", [])
    needs_object = objects and not lemma_in(tok.lower_, spec.get("free_verbs", []))
    if needs_object and not any(lemma_in(w, objects) for w in words):
        return False
    if any(lemma_in(w, spec.get("not_with", [])) for w in words):
        return False
    if not spec.get("needs_target", True):  # the object words already name the Taliban's envoy, list, status
        return True
    skip = _subject_span(subject, tok)
    clause = [t for t in tok.subtree if t.i not in skip]
    if any(a <= t.i < b and actor in vocab()["patients"] for t in clause for a, b, actor in ctx.ents):
        return True
    if spec.get("named_target"):  # only the Taliban named, or a pronoun for them ("deal with them")
        return any(t.tag_ == "PRP" and t.lower_ in vocab()["target_pronouns"] for t in clause)
    return any(lemma_in(t.lower_, vocab()["targets"]) for t in clause)


def _triggers(parse: Doc):
    """(token, act, spec, how) for every token naming an act: how is verb, noun, adjective or negated."""
    for tok in parse:
        for act, spec in vocab()["acts"].items():
            tag = tok.tag_
            if tag.startswith("VB") and lemma_in(tok.lower_, spec["verbs"]):
                particle = spec.get("phrasal", {}).get(lemma_in(tok.lower_, spec["verbs"]))
                if particle and not any(c.lower_ == particle for c in tok.children):
                    continue
                yield tok, act, spec, "verb"
            elif tag.startswith("NN") and lemma_in(tok.lower_, spec.get("nouns", [])) and not tok.lower_.endswith("ing"):
                yield tok, act, spec, "noun"
            elif tok.lower_ in spec.get("adjectives", []):
                yield tok, act, spec, "verb"
            elif tok.lower_ in spec.get("negated_forms", []):
                yield tok, act, spec, "negated"


def _noun_agent(tok: Token, spec: dict) -> tuple[Token | None, list[Token]]:
    for c in tok.children:
        if c.dep_ == "poss":
            return c, [tok]
        if c.dep_ == "prep" and c.lower_ == "by":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0], [tok]
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.tag_.startswith("NN") and lemma_in(
            head.head.lower_, vocab()["polarity"]["prospective"]):
        # "Russia's decision on the removal", "Moscow announced plans for the recognition": the agent of the
        # decision or plan; the act is prospective (a decision is not the act)
        owner = head.head
        poss = next((c for c in owner.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss, [tok, head, owner]
        if owner.dep_ in ("dobj", "nsubjpass") and owner.head.i != owner.i:
            subject, chain = _subject(owner.head)
            return subject, [tok, head, owner] + chain
        return None, [tok]
    if tok.dep_ in ("dobj", "nsubjpass") and lemma_in(head.lower_, spec.get("noun_verbs", [])):
        subject, chain = _subject(head)
        if tok.dep_ == "nsubjpass":
            subject = next((g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                           None)
        return subject, [tok] + chain
    return None, [tok]


def _statements(ctx: _Ctx, previous: list[str]) -> list[tuple[Token, str, str, str]]:
    """(act token, actor id, act, polarity) found in one parsed sentence."""
    out = []
    for tok, act, spec, how in _triggers(ctx.parse):
        scope = tok
        if how == "noun":
            subject, chain = _noun_agent(tok, spec)
            scope = chain[1] if len(chain) > 1 else tok
        elif how == "negated":  # "unrecognized by any country": the agent of the passive meaning
            subject = next((g for c in tok.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                            for g in c.children if g.dep_ == "pobj"), None)
            chain = [tok]
            if subject is None:
                subject, chain = _subject(tok)
        else:
            subject, chain = _subject(tok)
        if subject is None or not _in_scope(act, spec, scope, subject, ctx):
            continue
        if subject.lower_ in vocab()["subjects"]["stand_for_previous"]:
            found = [actor for actor in previous if actor]
        else:
            found = [_actor_of(m, ctx) for m in _members(subject)]
        for actor in dict.fromkeys(a for a in found if a and a not in vocab()["patients"]):
            pol = _polarity(chain, subject, actor, ctx, how == "negated")
            out.append((tok, actor, act, pol))
        if found and not previous:
            previous.extend(a for a in found if a)
    return out


def _act_date(tok: Token, dates: list[tuple[int, str]], parse: Doc) -> str | None:
    """The date of the act: of the sentence's dates (sentence offset, ISO date), the nearest to the act
    whose first verb up the parse is the act's word or governs it ("On 3 July, Russia ... accepted";
    "On June 3rd, Russia became the first country to recognize"), not one that dates something else
    ("the Islamic Emirate, established in 2021")."""
    governing = {tok.i} | {t.i for t in tok.ancestors}
    bounds = set(vocab()["date_bounds"])  # "before", "until", "since" ...
    best = None
    for start, date in dates:
        span = parse.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            continue
        node = span.root
        bound = False
        while not node.tag_.startswith("VB") and node.head.i != node.i:  # the tagger gives tags, not POS
            bound |= node.lower_ in bounds
            node = node.head
        if bound:  # "even prior to its seizure of power in August 2021": a bound, not the act's date
            continue
        if node.i in governing or node.i == tok.i:
            distance = abs(span.root.i - tok.i)
            if best is None or distance < best[0]:
                best = (distance, date)
    return best[1] if best else None


def statements_table(corpus, events: pd.DataFrame) -> pd.DataFrame:
    """One row per (sentence, actor, act).

    Columns: source_id, paragraph, sentence, char_start, char_end (the sentence), actor_id, actor, act,
    polarity, as_of (the date of the act: the nearest date of the sentence that the parse attaches to the act,
    else the publication date), trigger (the word
    naming the act), text (the sentence).
    """
    parsed = parses(corpus)
    published = dict(zip(corpus.sources.source_id, corpus.sources.published))
    starts = dict(zip(zip(corpus.paragraphs.source_id, corpus.paragraphs.paragraph), corpus.paragraphs.char_start))
    dated: dict[tuple, list[tuple[int, str]]] = {}  # sentence -> (paragraph offset, date)
    for row in events[(events.date != "")].itertuples():
        dated.setdefault((row.source_id, row.paragraph, row.sentence), []).append(
            (row.char_start - starts[(row.source_id, row.paragraph)], row.date))
    rows: dict[tuple, dict] = {}  # (sentence, actor, act) -> row, in the order first found
    for para in body_paragraphs(corpus):
        for number, (a, b) in enumerate(para.sentences, start=1):
            key = (para.source_id, para.paragraph, number)
            if key not in parsed:
                continue
            ctx = _Ctx(parsed[key], a, [])
            ctx.ents.extend(_entities(para, a, ctx.parse))
            for tok, actor, act, pol in _statements(ctx, []):
                # one row per (sentence, actor, act): the first found, unless it is prospective and a later
                # word of the sentence says the act was done ("decided in April to remove them, and the
                # court removed them on 17 April": the removal is affirmed)
                known = rows.get((key, actor, act))
                if known is not None and not (known["polarity"] == "prospective" and pol == "affirmed"):
                    continue
                rows[(key, actor, act)] = {
                    "source_id": para.source_id, "paragraph": para.paragraph, "sentence": number,
                    "char_start": para.char_start + a, "char_end": para.char_start + b,
                    "actor_id": actor, "actor": actors()[actor].name, "act": act, "polarity": pol,
                    "as_of": _act_date(tok, [(o - a, d) for o, d in dated.get(key, [])], ctx.parse)
                    or published[para.source_id], "trigger": tok.text, "text": para.text[a:b]}
    return pd.DataFrame(list(rows.values()), columns=STATEMENT_COLUMNS)
