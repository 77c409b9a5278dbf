"""Chapter 2 (notebooks/02_timeline): the events split at the focus year, dated mentions merged into
milestones, the disputed date, and claims true only at their date."""

from __future__ import annotations


import pandas as pd

from ..analysis import timeline
from ..analysis.door import date_estimated, evidence, published
from ..analysis.numbers import hard_numbers, number_about
from ..codebook import load
from ..corpus import Corpus
from ..parse import parse
from ..publish.provenance import EvidenceTable
from ..gazetteer import actors, home


def focus_from() -> str:
    """The year from which the timeline figure draws the events (codebook/reading.yml, `timeline`)."""
    return str(load("reading")["timeline"]["focus_from"])



def disputes_shown(corpus: Corpus) -> pd.DataFrame:
    """The disputed dates (`analysis.timeline.date_disputes`) with `adopted` in words: adopted or set aside."""
    return timeline.date_disputes(corpus).assign(adopted=lambda d: d.adopted.map({True: "adopted", False: "set aside"}))


def _clusters(items: list, related) -> list[list]:
    """Connected groups of items under the relation `related(a, b)` (order kept)."""
    groups: list[list] = []
    for item in items:
        joined = [g for g in groups if any(related(item, other) for other in g)]
        merged = [item] + [x for g in joined for x in g]
        groups = [g for g in groups if g not in joined] + [merged]
    return [sorted(g, key=lambda r: (r["published"], r["source_id"], r["paragraph"])) for g in groups]


def _same_event(a: dict, b: dict) -> bool:
    if a["actors"] & b["actors"] or a["codes"] & b["codes"]:
        return True
    vague = not a["actors"] or not b["actors"]
    return a["source_id"] != b["source_id"] and a["precision"] in ("day", "month") and vague


def milestones(corpus: Corpus) -> pd.DataFrame:
    """Dated mentions merged into milestones, oldest first.

    Mentions merge when they carry the same date at the same precision (and end date) and their
    sentences share an actor beyond the common ones or a sub-code; at day or month precision, a
    mention whose sentence names nothing specific also joins a mention of another source. Columns: date, date_end,
    precision, sources (count), source_ids, actors (names), source_id and paragraph of the earliest
    source's mention, text (its sentence), when (the date, or the range "start–end").
    """
    rows = timeline.dated_mentions(corpus).to_dict("records")
    out = []
    by_date: dict[tuple, list] = {}
    for r in rows:
        by_date.setdefault((r["date"], r["date_end"], r["precision"]), []).append(r)
    for (date, date_end, precision), group in by_date.items():
        for cluster in _clusters(group, _same_event):
            first = cluster[0]
            names = sorted({actors()[a].name for r in cluster for a in r["actors"]})
            out.append({"date": date, "date_end": date_end, "precision": precision,
                        "sources": len({r["source_id"] for r in cluster}),
                        "source_ids": ", ".join(sorted({r["source_id"] for r in cluster})),
                        "actors": ", ".join(names), "source_id": first["source_id"], "paragraph": first["paragraph"],
                        "text": first["text"], "date_text": first["date_text"]})
    cols = ["date", "date_end", "precision", "sources", "source_ids", "actors", "source_id", "paragraph", "text",
            "date_text"]
    out = pd.DataFrame(out, columns=cols).sort_values(["date", "date_end", "source_ids", "paragraph"],
                                                      ignore_index=True)
    return out.assign(when=[f"{a}–{b}" if b else a for a, b in zip(out.date, out.date_end)])



LABEL_WORDS = (6, 9)  # a run-up label climbs the parse until it has the first, and is cut at the second
ASIDES = {"appos", "acl", "relcl", "advcl", "parataxis"}  # parts a label leaves out before its verb
SUBJECTS = {"nsubj", "nsubjpass"}
RELATIVE = SUBJECTS | {"aux", "auxpass"}  # "which was" of "the Moscow Format, which was established"


def short_label(doc, sentence_text: str, date_text: str) -> str:
    """What a dated sentence says happened, in the source's own words: the phrase the date phrase belongs
    to in the parse (the subtree of its head, climbing while it has fewer than LABEL_WORDS[0] words),
    without the date phrase, without asides before its verb (a leading participle or clause, an
    apposition set off by commas on its subject, a leading "when" or "as"), and for a clause on a noun
    with the noun it is about ("the Moscow Format, which was established": "The Moscow Format
    established"); cut at LABEL_WORDS[1] words, not on a little word."""
    sent = next((x for x in doc.sents if sentence_text.strip() in x.text or x.text in sentence_text), doc[:])
    doc = parse(sent)
    start = doc.text.find(date_text) if date_text else -1
    span = doc.char_span(start, start + len(date_text), alignment_mode="expand") if start >= 0 else None
    if span is None:
        words = sentence_text.split()
    else:
        dated = {t.i for tok in span for t in tok.subtree} | {t.i for t in span}
        if span.root.head.dep_ == "prep" and {t.i for t in span.root.head.subtree} <= dated | {span.root.head.i}:
            dated.add(span.root.head.i)  # "in 2017"
        head = span.root.head
        while head.dep_ == "prep" or head.pos_ == "ADP":  # "in 2017": the preposition's head
            head = head.head
        while True:
            phrase = [t for t in head.subtree if t.i not in dated or t.i == head.i]
            if (len([t for t in phrase if not t.is_punct]) >= LABEL_WORDS[0] or head.head.i == head.i
                    or head.dep_ in ("acl", "relcl")):  # a clause on a noun: the noun is added below
                break
            head = head.head
        drop = {t.i for t in head.subtree if t.dep_ == "prep" and {c.i for c in t.subtree} <= dated | {t.i}}
        own_subject = any(c.dep_ in SUBJECTS for c in head.children)
        for child in head.children:  # a leading "when", participle or clause (unless it carries the subject)
            carries_subject = any(t.dep_ in SUBJECTS for t in child.subtree)
            if child.i < head.i and child.i not in dated and (
                    child.dep_ == "mark" or (child.dep_ in ASIDES and (own_subject or not carries_subject))):
                drop |= {t.i for t in child.subtree}
        for t in head.subtree:  # an aside set off by commas on the subject ("the forum, presided over by ..., got")
            left = min(x.i for x in t.subtree)
            if (t.head.i != head.i and t.dep_ in ("appos", "acl", "relcl") and t.i < head.i
                    and t.head.dep_ in SUBJECTS and left > 0 and doc[left - 1].text == ","):
                drop |= {x.i for x in t.subtree}
        kept = [t for t in phrase if t.i not in drop]
        while kept and (kept[0].tag_ == "WRB" or kept[0].dep_ == "mark" or kept[0].is_punct):  # "when", "as"
            kept = kept[1:]
        if head.dep_ in ("acl", "relcl"):  # the noun the clause is about, and the clause without "which was"
            noun, clause = head.head, {x.i for x in head.subtree}
            before = [t for t in noun.subtree if t.i not in dated and t.i not in clause
                      and (t.i <= noun.i or (t.i < min(clause) and t.dep_ in ("prep", "pobj", "compound", "det")))]
            kept = before + [t for t in kept if not (t.dep_ in RELATIVE and t.head.i == head.i and t.i < head.i)]
        shown = [t for t in kept  # a comma that stood next to a part left out goes with it
                 if not (t.is_punct and t.text in ",;" and ((t.i - 1) in drop or (t.i + 1) in drop))]
        words = "".join(t.text + (" " if t.whitespace_ or (i + 1 < len(shown) and shown[i + 1].i != t.i + 1
                                                           and not shown[i + 1].is_punct) else "")
                        for i, t in enumerate(shown)).split()
    cut = words[:LABEL_WORDS[1]]
    if len(words) > LABEL_WORDS[1]:
        little = set(load("reading")["timeline"]["label_little_words"])
        while len(cut) > LABEL_WORDS[0] and cut[-1].lower().strip(",;:") in little:
            cut = cut[:-1]
    text = " ".join(cut).strip(" ,;:“”\"'") + ("…" if len(words) > LABEL_WORDS[1] else "")
    return text[:1].upper() + text[1:]


def with_what_follows(label: str, sentence_text: str, following: str | None) -> str:
    """A label whose sentence ends in a colon, introducing the next paragraph ("In 2022, Putin said:"), with
    the opening words of that paragraph in quotation marks, so that it says what was said; others as they
    are. The whole label keeps to LABEL_WORDS[1] words."""
    if not sentence_text.rstrip().endswith(":") or not following or not following.split():
        return label
    room = max(LABEL_WORDS[1] - len(label.rstrip("…").split()), 3)
    words = following.split()
    return f"{label.rstrip('…')}: “{' '.join(words[:room]).strip(' ,;:')}{'…' if len(words) > room else ''}”"


def reported_steps(corpus: Corpus) -> pd.DataFrame:
    """Steps towards an act of `timeline.steps` (reading.yml) that sources written before the act report as
    news of their day: the home country's prospective statements of the act (considered, lobbied for,
    decided, announced) with no date of their own in the text, dated by their source's publication; the
    first such sentence of each source. Columns: date, source_id, paragraph, text."""
    acts = load("reading")["timeline"]["steps"]
    path = timeline.recognition_path(corpus)
    done = {"delists": path["delisting"], "recognises": path["recognition"]}
    st = evidence(corpus)["statements"]
    st = st[(st.actor_id == home()) & (st.polarity == "prospective") & st.act.isin(acts)]
    dates = published(corpus)
    keep = [as_of == dates[sid] and (done.get(act) is None or dates[sid] < done[act])
            for sid, act, as_of in zip(st.source_id, st.act, st.as_of)]
    st = st[pd.Series(keep, index=st.index, dtype=bool)].sort_values(["source_id", "paragraph", "sentence"])
    first = st.drop_duplicates("source_id")
    out = pd.DataFrame({"date": first.as_of, "source_id": first.source_id, "paragraph": first.paragraph.astype(int),
                        "text": first.text})
    return out.sort_values(["date", "source_id"], ignore_index=True)


def run_up(corpus: Corpus) -> pd.DataFrame:
    """The run-up to the recognition: every milestone (`milestones`) from the year `focus_from` on, and the
    steps towards an act that sources reported as news of their day (`reported_steps`), each with a
    short label of what happened and whether only derivative sources give it; a date the book sets aside
    (`analysis.timeline.date_disputes`) and a figure of the economic stake (`statistic_sentences`) are left
    out; a label ends with its caveats in brackets
    (`run_up_caveats`). Columns: date (its start), when, what, caveats (joined by "; "), sources (count),
    source_ids, derivative_only, source_id, paragraph, text."""
    m = milestones(corpus)
    m = m[m.date.str[:4] >= focus_from()]
    d = timeline.date_disputes(corpus)
    rejected = set(zip(d.source_id[~d.adopted.astype(bool)], d.date[~d.adopted.astype(bool)]))
    m = m[[(s, x) not in rejected for s, x in zip(m.source_id, m.date)]]
    measures = statistic_sentences(corpus)
    m = m[[(s, int(p), t) not in measures for s, p, t in zip(m.source_id, m.paragraph, m.text)]]
    steps = reported_steps(corpus)
    steps = steps.assign(when=steps.date, sources=1, source_ids=steps.source_id, date_text="")
    m = pd.concat([m, steps], ignore_index=True).sort_values(["date", "source_ids", "paragraph"], ignore_index=True)
    origin = dict(zip(corpus.sources.source_id, corpus.sources.origin))
    following = {(sid, n): doc.text for (sid, n), doc in corpus.docs.items()}
    labels = [with_what_follows(short_label(corpus.docs[(sid, int(p))], t, dt), t, following.get((sid, int(p) + 1)))
              for sid, p, t, dt in zip(m.source_id, m.paragraph, m.text, m.date_text)]
    warned = run_up_caveats(corpus, m.assign(what=labels))
    out = m.assign(what=[f"{w} ({'; '.join(c)})" if c else w for w, c in zip(labels, warned)],
                   caveats=["; ".join(c) for c in warned],
                   derivative_only=[all(origin.get(s) == "derivative" for s in ids.split(", ")) for ids in m.source_ids])
    return out[["date", "when", "what", "caveats", "sources", "source_ids", "derivative_only", "source_id",
                "paragraph", "text"]].reset_index(drop=True)


def years_inferred(corpus: Corpus, run: pd.DataFrame) -> bool:
    """Whether every run-up row (`run_up`) dated on the day of the delisting or the recognition takes its year
    from an estimated publication date (the caveat `year_inferred`): chapter 2 says so where it gives them."""
    path = timeline.recognition_path(corpus)
    word = load("reading")["timeline"]["caveats"]["year_inferred"]
    rows = run[run.date.isin([path["delisting"], path["recognition"]])]
    return bool(len(rows)) and all(word in c for c in rows.caveats)


def statistic_sentences(corpus: Corpus) -> set[tuple[str, int, str]]:
    """The sentences (source_id, paragraph, text) that give a figure of the economic stake (reading.yml,
    `key_figures.facts` with a `stake`: trade, aid, labour): a measure over a period, not a step of the run-up."""
    nums = hard_numbers(corpus)
    out = set()
    for fact in (f for f in load("reading")["key_figures"]["facts"] if f.get("stake")):
        found = number_about(corpus, fact["id"])
        if found is not None:
            hit = nums[(nums.source_id == found["source_id"]) & (nums.number == found["number"])]
            out |= set(zip(hit.source_id, hit.paragraph.astype(int), hit.sentence))
    return out


def run_up_caveats(corpus: Corpus, rows: pd.DataFrame) -> list[list[str]]:
    """What each run-up row's label must warn of (reading.yml, `timeline.caveats`), from its source (the
    row's `source_id`), `date`, `sources`, `paragraph`, `text` and label (`what`): an event dated after its
    source was written (`upcoming`); a date that is its source's estimated publication date (`estimated`,
    `door.date_estimated`), or, for a step under way that the text does not date (`reported_steps`: no
    `date_text`), its report's own date (`reported`); a year the sentence does not give, taken from an estimated publication date
    (`year_inferred`); a hard figure in the label that only one source gives, on an event that several
    sources date (`single_figure`)."""
    words = load("reading")["timeline"]["caveats"]
    dates, estimated = published(corpus), date_estimated(corpus)
    numbers = hard_numbers(corpus)
    alone = numbers[numbers.also_given_by.fillna("") == ""]
    out = []
    for r in rows.itertuples():
        sid, date, pub = r.source_id, str(r.date), str(dates[r.source_id])
        said = []
        if date[:len(pub)] > pub[:len(date)]:
            said.append(words["upcoming"])
        if estimated[sid] and date == pub:
            said.append(words["estimated"])
        elif date == pub and not str(getattr(r, "date_text", "x")):  # a step dated only by its report
            said.append(words["reported"])
        elif estimated[sid] and date[:4] not in str(r.text):
            said.append(words["year_inferred"])
        if r.sources > 1:
            said += [words["single_figure"].format(number=n) for n in
                     alone[(alone.source_id == sid) & (alone.paragraph == int(r.paragraph))].number
                     if str(n) in str(r.what)]
        out.append(said)
    return out


def run_up_events(run: pd.DataFrame) -> pd.DataFrame:
    """The run-up (`run_up`) as the timeline figure draws it: date, event (the short label), sources,
    derivative_only."""
    return pd.DataFrame({"date": run.date.values, "event": run.what.values, "sources": run.sources.values,
                         "derivative_only": run.derivative_only.values})


def run_up_list(run: pd.DataFrame) -> EvidenceTable:
    """The run-up (`run_up`) as an evidence list: when, how many sources, a note where only a derivative
    source gives the date, and the full sentence."""
    shown = run.assign(note=run.derivative_only.map({True: "only a derivative source gives it", False: ""}))
    return EvidenceTable(shown, ["when", "sources", "note", "text"])
