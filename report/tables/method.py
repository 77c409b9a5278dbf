"""The method appendix (notebooks/method): the evidence tables' sizes and the instruments' scores against the hand annotation."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

import pandas as pd

from .. import agreement, codings, extract, proposer_eval
from ..analysis.door import REVIEWED, evidence, source_order
from ..corpus import Corpus
from ..evaluate import (CODED_SAMPLES, LABELS, SAMPLES, coded_gold, coded_scores, errors, fresh_corpus, kind_agreement,
                        sample_corpus, scores)
from ..paths import CODINGS, DEV_CODINGS, FRESH_CODINGS


def evidence_counts(corpus: Corpus) -> pd.DataFrame:
    """Rows of each evidence table per source (and in all), oldest source first.

    Index: source_id (plus 'all'). Columns: one per evidence table (events, quotes, numbers, mentions,
    codes, statements, claims).
    """
    ev = extract.evidence(corpus)  # the machine reader's rows: this page describes it
    order = source_order(corpus)
    counts = pd.DataFrame({name: df.groupby("source_id").size() for name, df in ev.items()})
    counts = counts.reindex(order, fill_value=0).fillna(0).astype(int).rename_axis("source_id")
    return pd.concat([counts, counts.sum().to_frame("all").T])


AGAINST = {"annotation": scores, "codings": coded_scores}  # what the machine reader is scored against


def extractor_scores(corpus: Corpus, against: str = "annotation") -> pd.DataFrame:
    """Precision and recall of every instrument against the hand annotations (or, `against="codings"`, the
    reviewed codings), in and out of sample.

    Index: task. Columns: (sample, measure) with samples in_sample and out_of_sample and measures
    annotated, extracted, matched, precision, recall, attribute.
    """
    return AGAINST[against](corpus)[0]


def extractor_errors(corpus: Corpus, sample: str = "in_sample", against: str = "annotation") -> pd.DataFrame:
    """Every disagreement between the extractors and the hand annotations (or the reviewed codings) in one
    sample.

    Columns: task, source_id, paragraph, char_start, status, gold_text, gold_value, extracted_text,
    extracted_value.
    """
    out = errors(AGAINST[against](corpus)[1])
    out = out[out["sample"] == sample].drop(columns="sample").reset_index(drop=True)
    starts: dict[str, tuple[list, list]] = {}  # source -> (paragraph starts, highest paragraph number so far)
    for sid, part in sample_corpus(corpus, sample).paragraphs.sort_values("char_start").groupby("source_id"):
        starts[sid] = (part.char_start.tolist(), list(accumulate(part.paragraph.tolist(), max)))
    def paragraph_of(source_id: str, char_start: int) -> int:
        """The paragraph an error's span starts in: the highest numbered one that starts at or before it."""
        at, highest = starts[source_id]
        i = bisect_right(at, char_start) - 1
        if i < 0:
            raise ValueError(f"{source_id}: no paragraph starts at or before character {char_start}")
        return int(highest[i])

    paragraph = [paragraph_of(r.source_id, r.char_start) for r in out.itertuples()]
    out.insert(2, "paragraph", pd.Series(paragraph, index=out.index, dtype="int64"))
    return out


def quote_kind_agreement(corpus: Corpus) -> pd.DataFrame:
    """Annotated quotation kind (rows) against extracted kind (columns), for overlapping spans."""
    return kind_agreement(corpus)


def score_table(corpus: Corpus, against: str = "annotation") -> pd.DataFrame:
    """The scores for the reader: one row per instrument and sample, both named in words, so that the
    samples of an instrument sit one above the other (against the codings, the fresh set too, once coded).

    Index: instrument, sample. Columns: annotated, extracted, matched, precision, recall, attribute
    (empty where it would divide by nothing: the scores' 1.0 there is a convention, not a measure).
    """
    scores = extractor_scores(corpus, against)
    samples = [s for s in CODED_SAMPLES if s in scores.columns.get_level_values(0)]
    rows = {(LABELS[task], CODED_SAMPLES[sample]): scores.loc[task, sample]
            for task in scores.index for sample in samples}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index = pd.MultiIndex.from_tuples(out.index, names=["instrument", "sample"])
    counts = ["annotated", "extracted", "matched"]
    out = out.astype({c: "int64" for c in counts}).astype({c: "float64" for c in out.columns if c not in counts})
    # a ratio of nothing is no score: precision with nothing extracted, recall with nothing annotated
    out.loc[out.extracted == 0, "precision"] = float("nan")
    out.loc[out.annotated == 0, "recall"] = float("nan")
    out.loc[out.matched == 0, "attribute"] = float("nan")
    return out


def _side(text, value) -> str:
    """One side of an error, in words: the span, then the value read from it when it says more."""
    text, value = str(text or "").strip(), str(value or "").strip()
    return f"{text} → {value}" if value and value != text else text


def error_table(corpus: Corpus, sample: str = "in_sample", against: str = "annotation") -> pd.DataFrame:
    """`extractor_errors` for the reader: the instrument and status in words, each side (annotated,
    extracted) in one column as "span → value".

    Columns: source_id, paragraph, instrument, status, annotated, extracted.
    """
    e = extractor_errors(corpus, sample, against)
    return pd.DataFrame({
        "source_id": e.source_id, "paragraph": e.paragraph, "instrument": e.task.map(LABELS),
        "status": e.status.str.replace("_", " "),
        "annotated": [_side(t, v) for t, v in zip(e.gold_text, e.gold_value)],
        "extracted": [_side(t, v) for t, v in zip(e.extracted_text, e.extracted_value)]})


def error_summary(corpus: Corpus) -> pd.DataFrame:
    """How many errors of each status each instrument makes, in and out of sample (instruments without an
    error left out).

    Index: instrument, sample (in the scores' order). Columns: one per status, then all.
    """
    both = pd.concat([error_table(corpus, s).assign(sample=name) for s, name in SAMPLES.items()], ignore_index=True)
    counts = pd.crosstab([both.instrument, both["sample"]], both.status)
    order = [(LABELS[t], SAMPLES[s]) for t in LABELS for s in SAMPLES if (LABELS[t], SAMPLES[s]) in counts.index]
    counts = counts.reindex(pd.MultiIndex.from_tuples(order, names=["instrument", "sample"]))
    return counts.assign(all=counts.sum(axis=1)).rename_axis(columns=None)


def blind_pairs(corpus: Corpus, folder=CODINGS) -> list[tuple[codings.Coding, codings.Coding]]:
    """The two blind codings of each source that has two (`blind/<source>.<coder>.yml`, the first two coders
    in letter order), oldest source first. Raises ValueError naming every problem of a coding file."""
    return _pairs(corpus, folder, set(codings.SECTIONS))


def lead_pairs(corpus: Corpus, folder=CODINGS) -> list[tuple[codings.Coding, codings.Coding]]:
    """The two blind codings of each source's lead motives (files holding `leads`: a round of its own,
    by other coders), as `blind_pairs`."""
    return _pairs(corpus, folder, {codings.LEADS})


def _pairs(corpus: Corpus, folder, sections: set[str], first: int = 0) -> list[tuple[codings.Coding, codings.Coding]]:
    read = [codings.read(p, corpus) for p in codings.blind_files(folder)]
    problems = [str(p) for _, found in read for p in found]
    if problems:
        raise ValueError("the blind codings cannot be read:\n" + "\n".join(problems))
    by_source: dict[str, list] = {}
    for coding, _ in sorted(read, key=lambda r: (r[0].source_id, r[0].coder)):
        if coding.sections & sections:
            by_source.setdefault(coding.source_id, []).append(coding)
    order = {s: i for i, s in enumerate(source_order(corpus))}
    return [(cs[first], cs[first + 1]) for sid, cs in sorted(by_source.items(), key=lambda kv: order.get(kv[0], 0))
            if len(cs) >= first + 2]


def coding_agreement(corpus: Corpus, folder=CODINGS) -> pd.DataFrame:
    """How far the two blind coders of each source agree, per field (`agreement.reliability`).

    Index: field. Columns: units, agreement (%), alpha (Krippendorff's, nominal; empty where undefined)."""
    out = agreement.reliability(corpus, blind_pairs(corpus, folder))
    leads, aims = lead_pairs(corpus, folder), aim_pairs(corpus, folder)
    return pd.concat([out] + ([agreement.lead_reliability(leads)] if leads else [])
                     + ([agreement.aim_reliability(corpus, aims)] if aims else []))


def aim_pairs(corpus: Corpus, folder=CODINGS) -> list[tuple[codings.Coding, codings.Coding]]:
    """The round of the Taliban's aims: each source's fifth and sixth blind codings holding claims (in coder
    order, after the first pair of `blind_pairs` and the second reading's), oldest source first."""
    return _pairs(corpus, folder, {"claims"}, first=4)


def second_reading_pairs(corpus: Corpus, folder=CODINGS) -> list[tuple[codings.Coding, codings.Coding]]:
    """The second reading of each source's claims: its third and fourth blind codings holding claims (in
    coder order, after the first pair of `blind_pairs`), oldest source first (codings/GUIDE.md, "Second
    readings")."""
    return _pairs(corpus, folder, {"claims"}, first=2)


def second_reading(corpus: Corpus, folder=CODINGS) -> dict:
    """The second reading of the claims and of the leads: the agreement of each reading's two coders per
    field (a frame like `coding_agreement`'s: the claims fields, then the leads), how many sources it covers,
    its decisions (the adjudication record's items that name it, `record`) and how many of them changed a
    row (`decisions`: not "kept"), and the agreement of the leads' second pair (`leads_agreement`, %; None
    when the leads were not read a second time)."""
    pairs = second_reading_pairs(corpus, folder)
    table = (agreement.reliability(corpus, pairs) if pairs else
             pd.DataFrame(columns=["units", "agreement", "alpha"], index=pd.Index([], dtype=object, name="field")))
    table = table[table.index.str.startswith("claims")]
    leads = _pairs(corpus, folder, {codings.LEADS}, first=2)
    if leads:
        table = pd.concat([table, agreement.lead_reliability(leads)])
    record = adjudication_record(corpus, folder)
    record = record[record["item"].str.endswith("second reading")]
    lead_field = "leads: lead motives"
    return {"agreement": table, "sources": len(pairs), "decisions": int((~record.decision.str.startswith("kept")).sum()),
            "record": record,
            "leads_agreement": int(table.loc[lead_field, "agreement"]) if lead_field in table.index else None}


def coding_sizes(corpus: Corpus, folder=CODINGS) -> pd.DataFrame:
    """Rows each blind coder gave each source, by section. Index: source, coder. Columns: statements,
    claims, quotes."""
    rows = {(a.source_id, c.coder): {s: len(c.rows[s]) for s in codings.SECTIONS}
            for a, b in blind_pairs(corpus, folder) for c in (a, b)}
    out = pd.DataFrame.from_dict(rows, orient="index", columns=list(codings.SECTIONS))
    out.index = pd.MultiIndex.from_tuples(out.index, names=["source", "coder"])
    return out


def adjudication_record(corpus: Corpus, folder=CODINGS) -> pd.DataFrame:
    """Every difference between the two blind coders of a source and how the adjudicator settled it, with
    the reason, oldest source first. Columns: source, section, item, decision, reason."""
    order = {s: i for i, s in enumerate(source_order(corpus))}
    rows = [{"source": c.source_id, "section": str(d["section"]), "item": str(d["item"]),
             "decision": str(d["decision"]), "reason": str(d["reason"])}
            for c in sorted((c for c, _ in (codings.read(p, corpus) for p in codings.adjudicated_files_for(corpus, folder))
                             if c is not None), key=lambda c: order.get(c.source_id, 0))
            for d in c.decisions]
    return pd.DataFrame(rows, columns=["source", "section", "item", "decision", "reason"])


def review_counts(corpus: Corpus) -> pd.DataFrame:
    """What review changed, per source and table (statements, claims): the book's rows, how many of them
    were reviewed, how many of those the machine reader also found, and how many the reviewers added that
    it missed. A source with no coding has only the machine's rows, none reviewed.

    Index: source, table. Columns: rows, reviewed, machine_found, added_by_reviewers.
    """
    ev = evidence(corpus)
    order = source_order(corpus)
    out = []
    for table in ("statements", "claims"):
        df = ev[table]
        reviewed = df[df.coded == REVIEWED]
        for sid in order:
            mine, rev = df[df.source_id == sid], reviewed[reviewed.source_id == sid]
            out.append({"source": sid, "table": table, "rows": len(mine), "reviewed": len(rev),
                        "machine_found": int(rev.machine_found.sum()),
                        "added_by_reviewers": int((~rev.machine_found.astype(bool)).sum())})
    return pd.DataFrame(out).set_index(["source", "table"])


def review_totals(corpus: Corpus) -> dict[str, int]:
    """The figures of the method page's prose on the review: sources coded by hand, sources in all, and the
    statements and claims the reviewers added that the machine reader missed."""
    review = review_counts(corpus)
    added = review.groupby(level="table").added_by_reviewers.sum()
    return {"n_coded": int((review.reviewed.groupby(level="source").sum() > 0).sum()),
            "n_sources": len(corpus.sources), "n_added_statements": int(added["statements"]),
            "n_added_claims": int(added["claims"])}


def fresh_set() -> dict:
    """The fresh set (tests/fresh-corpus): its sources in words, how many rows its adjudicated codings hold
    (statements, claims, quotes), the agreement of its two blind coders (`coding_agreement`), whether they
    agreed on every unit of every field they both coded, the fields where they did not (`split`, in the
    agreement table's order) and the adjudicator's record of every difference (`adjudication_record`)."""
    corpus = fresh_corpus()
    gold = coded_gold(corpus, FRESH_CODINGS)
    agree = coding_agreement(corpus, FRESH_CODINGS)
    coded = agree[agree.units > 0]
    split = [str(field) for field in coded.index[coded.agreement < 100]]
    return {"n_sources": len(corpus.sources),
            "outlets": ", ".join(f"{o} ({str(p)[:4]})" for o, p in zip(corpus.sources.outlet, corpus.sources.published)),
            **{f"n_{field}": len(gold[field]) for field in ("statements", "claims", "quotes")},
            "agreement": agree, "all_agree": bool(len(coded)) and not split, "split": split,
            "decisions": adjudication_record(corpus, FRESH_CODINGS)}


def fresh_found(corpus: Corpus) -> dict[str, int]:
    """The method page's figures on the fresh set, from `score_table` against the codings: the quotations
    coded and those given the right speaker, and the statements of the key acts coded and found."""
    rows = score_table(corpus, "codings").xs(CODED_SAMPLES["fresh"], level="sample")
    speakers, acts = rows.loc[LABELS["quotes"]], rows.loc[LABELS["statements_key_acts"]]
    return {"quotes": int(speakers.annotated), "speakers_right": int(speakers.matched),
            "acts": int(acts.annotated), "acts_found": int(acts.matched)}


SEEDS_LEFT_OUT = "seeds, each left out in turn"  # the proposer's in-sample row is cross-validated


def proposer_scores(corpus: Corpus) -> pd.DataFrame:
    """Motive and risk claims proposed by the rules, by the proposer trained on the reviewed codings
    (report/extract/proposer.py) and by their union, against the adjudicated codings: on the seeds each
    left out in turn (the proposer trained on the other four; the rules were written on all five, so their
    row is in sample), and on the development corpus and the fresh set (the proposer trained on all the
    seeds). Index: (claims, method, sample), claims "motive" or "risk"; columns annotated, extracted,
    matched, precision, recall, f1 (empty where there is nothing to divide by, as in `score_table`)."""
    parts = {SEEDS_LEFT_OUT: proposer_eval.cross_validate(corpus, CODINGS)}
    for sample, folder in (("out_of_sample", DEV_CODINGS), ("fresh", FRESH_CODINGS)):
        parts[CODED_SAMPLES[sample]] = proposer_eval.elsewhere(corpus, CODINGS, sample_corpus(corpus, sample), folder)
    rows = [(kind, method, sample) for kind in proposer_eval.KINDS for method in proposer_eval.METHODS
            for sample in parts]
    out = pd.DataFrame([parts[sample].loc[(kind, method)] for kind, method, sample in rows],
                       index=pd.MultiIndex.from_tuples(rows, names=["claims", "method", "sample"]))
    counts = ["annotated", "extracted", "matched"]
    out = out.astype({c: "int64" for c in counts}).astype({c: "float64" for c in out.columns if c not in counts})
    out.loc[out.extracted == 0, "precision"] = float("nan")  # as in score_table: no ratio without a denominator
    out.loc[out.annotated == 0, "recall"] = float("nan")
    out.loc[out.annotated + out.extracted == 0, "f1"] = float("nan")
    return out



def proposer_choice(table: pd.DataFrame) -> dict:
    """What `proposer_scores` says of the choice between the rules and the proposer, for motive claims on
    the seeds left out in turn: each method's precision and recall (two decimals, as text) and whether the
    rules beat the proposer on both, although the rules' figure is in sample, and whether their union finds
    more of the coded claims than the rules alone."""
    row = {m: table.loc[("motive", m, SEEDS_LEFT_OUT)] for m in proposer_eval.METHODS}
    out = {f"{k}_{m}": f"{row[m][k]:.2f}" for m in row for k in ("precision", "recall")}
    out["rules_better"] = bool(row["rules"].precision > row["proposer"].precision
                               and row["rules"].recall > row["proposer"].recall)
    out["union_finds_more"] = bool(row["union"].recall > row["rules"].recall)
    return out


def lead_votes(corpus: Corpus, source_id: str, category: str, folder=CODINGS) -> tuple[int, int]:
    """How many of the blind codings of `source_id`'s lead motives put `category` first, and how many codings
    of its leads there are (every round: codings/GUIDE.md, "Second readings")."""
    leads = [c for a, b in _pairs(corpus, folder, {codings.LEADS}) + _pairs(corpus, folder, {codings.LEADS}, first=2)
             for c in (a, b) if c.source_id == source_id]
    return sum(category in set(c.rows[codings.LEADS].category) for c in leads), len(leads)
