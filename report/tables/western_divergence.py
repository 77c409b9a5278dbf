"""Chapter 7 (notebooks/07_western_divergence): the arguments of divergence from the West, the
positions held towards the Taliban, and who holds contrary ones."""

from __future__ import annotations

import pandas as pd

from ..analysis import door, judgments, statements, timeline
from ..analysis.door import SENTENCE_KEY
from ..corpus import Corpus
from ..prose import and_join
from . import lists
from ..publish.provenance import EvidenceTable


def positions(corpus: Corpus) -> pd.DataFrame:
    """Who takes which position towards the Taliban: the affirmed statements, with their date and source.

    A position is a statement whose actor is the agent of the act and whose polarity is affirmed: a
    negated, prospective or reported act is not a position held. One row per actor, act and paragraph
    (the paragraph's first such sentence): a paragraph that repeats itself is listed once. Columns: actor,
    stance (the act's label), date (as_of), published, source_id, paragraph, text.
    """
    st = door.evidence(corpus)["statements"].query("polarity == 'affirmed'")
    acts = statements.act_labels()
    out = st.assign(stance=st.act.map(acts), _s=st.act.map({k: i for i, k in enumerate(acts)}), date=st.as_of,
                    ).merge(corpus.sources[["source_id", "published"]], on="source_id")
    out = out.sort_values(["actor", "_s", "published", "source_id", "paragraph", "sentence"])
    out = out.drop_duplicates(["actor", "stance", "source_id", "paragraph"])
    return out.reset_index(drop=True)[["actor", "stance", "date", "published", "source_id", "paragraph", "text"]]


def arguments(corpus: Corpus) -> pd.DataFrame:
    """The arguments of divergence from the West (codebook/guards.yml, `arguments`), each with the outlets that
    make it and how many sentences. Index: argument (its label). Columns: id, made by, sentences. In codebook
    order; an argument no source makes has no outlet and 0 sentences."""
    names = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    order = {s: i for i, s in enumerate(door.source_order(corpus))}
    rows = []
    for key, spec in judgments.vocabulary("arguments").items():
        r = judgments.select(corpus, spec["evidence"])
        ids = sorted(set(r.source_id), key=order.get)
        rows.append({"argument": spec["label"], "id": key, "made by": and_join([names[s] for s in ids]),
                     "sentences": int(r.drop_duplicates(door.SENTENCE_KEY).shape[0])})
    return pd.DataFrame(rows, columns=["argument", "id", "made by", "sentences"]).set_index("argument")


def arguments_list(corpus: Corpus) -> EvidenceTable:
    """Every sentence of the arguments of divergence, oldest source first: the argument and the sentence."""
    parts = []
    for spec in judgments.vocabulary("arguments").values():
        r = judgments.select(corpus, spec["evidence"])
        parts.append(r.assign(argument=spec["label"]))
    rows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["source_id", "paragraph", "text"])
    order = {s: i for i, s in enumerate(door.source_order(corpus))}
    rows = rows.assign(_o=rows.source_id.map(order)).sort_values(["_o", "paragraph", "sentence"]).drop(columns="_o")
    return EvidenceTable(rows.drop_duplicates(["source_id", "paragraph", "sentence", "argument"]), ["argument", "text"])


def western_position(corpus: Corpus) -> dict:
    """When the sources last report the West's position: the latest date (statement date, else publication
    date) of a statement in which the United States or the Western countries oppose recognition or set
    conditions (`last`, ISO), whether that date is only an estimated publication date (`last_estimated`: the
    statements of that date are dated by their source's publication, which is an estimate, `door.date_estimated`), and
    whether any such statement dates from the recognition or after (`after_recognition`)."""
    st = door.evidence(corpus)["statements"]
    rows = judgments.named(corpus, "western_positions")
    west = st.merge(rows[SENTENCE_KEY].drop_duplicates(), on=SENTENCE_KEY)
    west = west[west.act.isin(["opposes", "sets_conditions"]) & (west.polarity == "affirmed")]
    recognition = timeline.recognition_path(corpus)["recognition"]
    estimated = door.date_estimated(corpus)
    latest = west[west.as_of == west.as_of.max()] if len(west) else west
    return {"last": west.as_of.max() if len(west) else None,
            "last_estimated": bool(len(latest)) and bool(
                ((latest.as_of == latest.source_id.map(door.published(corpus)))
                 & latest.source_id.map(estimated).astype(bool)).all()),
            "after_recognition": bool(recognition and (west.as_of >= recognition).any())}


def un_layer(corpus: Corpus) -> dict:
    """The United Nations and doctrine behind the step, as the sources give them (codebook/guards.yml): in
    `outlets`, by part, the outlets that quote the Security Council (`council`; words `un_council` in a quotation's speaker), that show
    the UN not recognising the Taliban (`not_recognising`; selector `un_not_recognising`), that give the UN seat
    as the Taliban's aim (`seat`; an aim claim naming the words `un_seat`) and that give Moscow's doctrine
    (`doctrine`: selector `doctrine`), each in words; `n_doctrine`, how many sources give the doctrine; and
    `failures`, the parts no source gives any more."""
    words = judgments.vocabulary("words")
    ev = door.evidence(corpus)
    q = ev["quotes"]
    council = set(q.source_id[q.speaker.astype(str).str.contains("|".join(words["un_council"]), case=False, regex=True)])
    aims = door.affirmed_claims(ev["claims"])
    aims = aims[aims.kind == "aim"]
    seat = set(aims.source_id[door.naming(corpus, aims, words["un_seat"])])
    parts = {"council": council, "not_recognising": set(judgments.named(corpus, "un_not_recognising").source_id),
             "seat": seat, "doctrine": set(judgments.named(corpus, "doctrine").source_id)}
    return {"outlets": {k: lists.ordered_outlets(corpus, v) for k, v in parts.items()},
            "n_doctrine": len(parts["doctrine"]),
            "failures": [f"no source gives {k.replace('_', ' ')}" for k, v in parts.items() if not v]}


def argument_outlets(corpus: Corpus, key: str) -> str:
    """The outlets that make the argument of divergence `key` (codebook/guards.yml, `arguments`), in words; ""
    when none does."""
    args = arguments(corpus).set_index("id")
    return str(args.loc[key, "made by"]) if key in args.index else ""
