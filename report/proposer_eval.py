"""The trained proposer of claims (extract/proposer.py) against the rules (extract/claims.py), out of sample.

Only the seeds' codings code motive and risk claims, so the out-of-sample estimate is leave-one-source-out
cross-validation over the coded sources: the proposer is trained on all sources but one (its thresholds
chosen on those alone) and proposes in the one left out; the rules, which need no training, propose in it
as they are (they were written on these very sources, so their figure is in sample). The union proposes
what either proposes. Rows match annotations as `report.evaluate` matches claims: same source and
sentence, same kind and category, one to one (`evaluate.match`); counts are pooled over the folds.
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd

from . import evaluate
from .extract import evidence
from .extract.proposer import ARCHITECTURE, EPOCHS, KINDS, coded_sources, propose, train

METHODS = ("rules", "proposer", "union")
TASK = {"motive": "motive_claims", "risk": "risk_claims"}
UNION_KEY = ["source_id", "paragraph", "sentence", "kind", "category"]


def union(rules: pd.DataFrame, proposed: pd.DataFrame) -> pd.DataFrame:
    """Every (sentence, kind, category) either proposes, the rules' row kept where both do."""
    both = pd.concat([rules[proposed.columns], proposed], ignore_index=True)
    return both.drop_duplicates(UNION_KEY, keep="first").sort_values(UNION_KEY, ignore_index=True)


def fold_rows(corpus, codings_folder: Path, held: str, epochs: int = EPOCHS,
              architecture: str = ARCHITECTURE) -> tuple[dict[str, pd.DataFrame], float]:
    """({method: claims proposed in source `held`}, seconds the proposer took to train without it)."""
    start = time.perf_counter()
    nlp = train(corpus, codings_folder, exclude=(held,), epochs=epochs, architecture=architecture)
    seconds = time.perf_counter() - start
    rules = evidence(corpus)["claims"]
    rules = rules[rules.source_id == held].reset_index(drop=True)
    proposed = propose(nlp, corpus, sources=[held])
    return {"rules": rules, "proposer": proposed, "union": union(rules, proposed)}, seconds


def cross_validate(corpus, codings_folder: Path, folds=None, epochs: int = EPOCHS,
                   timings: dict | None = None, architecture: str = ARCHITECTURE) -> pd.DataFrame:
    """Leave-one-source-out scores of the rules, the proposer and their union against the adjudicated codings
    in `codings_folder`, pooled over the folds (every coded source of `corpus`, or `folds`).

    Index: (kind, method) for kind motive, risk and method rules, proposer, union. Columns: annotated,
    extracted, matched, precision, recall, f1 (of the proposer of ARCHITECTURES[architecture] trained
    for `epochs`). `timings`, when given, receives each fold's training seconds."""
    gold = evaluate.coded_gold(corpus, codings_folder)["claims"]
    folds = list(folds) if folds is not None else coded_sources(corpus, codings_folder)
    counts = {(k, m): [0, 0, 0] for k in KINDS for m in METHODS}
    for held in folds:
        rows, seconds = fold_rows(corpus, codings_folder, held, epochs, architecture)
        if timings is not None:
            timings[held] = seconds
        _tally(counts, rows, gold[gold.source_id == held])
    return _frame(counts)


def elsewhere(corpus, codings_folder: Path, other, other_codings: Path, epochs: int = EPOCHS,
              architecture: str = ARCHITECTURE) -> pd.DataFrame:
    """The rules, the proposer trained on every coded source of `corpus`, and their union, scored on another
    corpus (`other`, coded in `other_codings`) that neither was written or trained on: the frame of
    `cross_validate`, its counts over the sources of `other` that have an adjudicated coding."""
    nlp = train(corpus, codings_folder, epochs=epochs, architecture=architecture)
    held = coded_sources(other, other_codings)
    gold = evaluate.coded_gold(other, other_codings)["claims"]
    rules = evidence(other)["claims"]
    rules = rules[rules.source_id.isin(held)].reset_index(drop=True)
    proposed = propose(nlp, other, sources=held)
    counts = {(k, m): [0, 0, 0] for k in KINDS for m in METHODS}
    _tally(counts, {"rules": rules, "proposer": proposed, "union": union(rules, proposed)},
           gold[gold.source_id.isin(held)])
    return _frame(counts)


def _tally(counts: dict, rows: dict[str, pd.DataFrame], gold: pd.DataFrame) -> None:
    """Add to `counts` ((kind, method) -> [annotated, extracted, matched]) the rows each method proposes
    in the sources of `gold`, matched one to one in the same sentence with the same kind and category."""
    for kind in KINDS:
        g = evaluate._subset(TASK[kind], gold)
        for method, extracted in rows.items():
            e = evaluate._subset(TASK[kind], extracted)
            aligned = evaluate.match(e, g, ("kind", "category"), "who", by_sentence=True)
            c = counts[(kind, method)]
            c[0] += len(g)
            c[1] += len(e)
            c[2] += int(aligned.status.isin(["match", "wrong_attribute"]).sum())


def _frame(counts: dict) -> pd.DataFrame:
    out = []
    for (kind, method), (annotated, extracted, matched) in counts.items():
        p, r = evaluate._ratio(matched, extracted), evaluate._ratio(matched, annotated)
        out.append({"kind": kind, "method": method, "annotated": annotated, "extracted": extracted,
                    "matched": matched, "precision": p, "recall": r,
                    "f1": round(2 * matched / (annotated + extracted), 3) if annotated + extracted else 1.0})
    return pd.DataFrame(out).set_index(["kind", "method"])
