"""Score the extractors against hand annotations (tests/annotations/seeds.yml).

An extracted row and an annotation match when they are in the same source, their spans
overlap, and they agree on the value scored: the date (and end date) for events, the
value for numbers, the speaker for quotes. Matching is one to one, in text order.
Precision = matches / extracted rows; recall = matches / annotations.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from .corpus import Corpus
from .extract import evidence
from .paths import ANNOTATIONS

TASKS = {  # task -> (evidence table, annotation field, table column(s) compared)
    "dates": ("events", ("date", "date_end")),
    "numbers": ("numbers", ("value",)),
    "quotes": ("quotes", ("speaker",)),
}


def load_annotations(corpus: Corpus, path: Path = ANNOTATIONS) -> dict[str, pd.DataFrame]:
    """The annotations by task, each located in its source: source_id, char_start, char_end, text, fields.

    Raises ValueError naming the source and text of an annotation that cannot be found.
    """
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    out: dict[str, list[dict]] = {task: [] for task in TASKS}
    for sid, tasks in sorted(raw.items()):
        if sid not in corpus.texts:
            raise ValueError(f"{path}: source {sid!r} is not in the corpus")
        text = corpus.texts[sid]
        for task, items in tasks.items():
            for item in items or []:
                start = -1
                for _ in range(item.get("occurrence", 1)):
                    start = text.find(item["text"], start + 1)
                    if start < 0:
                        raise ValueError(f"{path}: {sid} {task}: text {item['text']!r} not found")
                row = {"source_id": sid, "char_start": start, "char_end": start + len(item["text"]),
                       "text": item["text"]}
                row.update({k: v for k, v in item.items() if k not in ("text", "occurrence")})
                out[task].append(row)
    frames = {}
    for task, rows in out.items():
        df = pd.DataFrame(rows)
        if task == "dates":
            df = df.assign(date_end=df.get("date_end", pd.Series(dtype=str)).fillna("")).astype({"date": str})
        frames[task] = df.sort_values(["source_id", "char_start"], ignore_index=True)
    return frames


def _values(row, columns) -> tuple:
    return tuple(float(row[c]) if c == "value" else str(row[c]) for c in columns)


def match(extracted: pd.DataFrame, gold: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """Align annotations and extracted rows: one row per pair or unmatched item.

    Columns: source_id, status (match, wrong_value, missed, spurious), gold_text, gold_value,
    extracted_text, extracted_value, char_start.
    """
    rows, used = [], set()
    text_col = "quote" if "quote" in extracted else ("date_text" if "date_text" in extracted else "text")
    for g in gold.itertuples(index=False):
        g = g._asdict()
        cands = extracted[(extracted.source_id == g["source_id"]) & (extracted.char_start < g["char_end"])
                          & (extracted.char_end > g["char_start"])]
        cands = cands[~cands.index.isin(used)]
        want = _values(g, columns)
        hit = next((i for i, r in cands.iterrows() if _values(r, columns) == want), None)
        status = "match" if hit is not None else ("wrong_value" if len(cands) else "missed")
        if hit is None and len(cands):
            hit = cands.index[0]
        ext = extracted.loc[hit] if hit is not None else None
        if hit is not None:
            used.add(hit)
        rows.append({"source_id": g["source_id"], "char_start": g["char_start"], "status": status,
                     "gold_text": g["text"], "gold_value": " / ".join(map(str, want)),
                     "extracted_text": "" if ext is None else str(ext[text_col]),
                     "extracted_value": "" if ext is None else " / ".join(map(str, _values(ext, columns)))})
    for i, r in extracted[~extracted.index.isin(used)].iterrows():
        rows.append({"source_id": r.source_id, "char_start": r.char_start, "status": "spurious", "gold_text": "",
                     "gold_value": "", "extracted_text": str(r[text_col]),
                     "extracted_value": " / ".join(map(str, _values(r, columns)))})
    cols = ["source_id", "char_start", "status", "gold_text", "gold_value", "extracted_text", "extracted_value"]
    return pd.DataFrame(rows, columns=cols).sort_values(["source_id", "char_start", "status"], ignore_index=True)


def scores(corpus: Corpus, path: Path = ANNOTATIONS) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """(score table, alignment by task). Score columns: task, annotated, extracted, matched, precision, recall, f1."""
    gold = load_annotations(corpus, path)
    ev = evidence(corpus)
    rows, alignments = [], {}
    for task, (table, columns) in TASKS.items():
        extracted = ev[table]
        aligned = match(extracted, gold[task], columns)
        n_match = int((aligned.status == "match").sum())
        p = n_match / len(extracted) if len(extracted) else 1.0
        r = n_match / len(gold[task]) if len(gold[task]) else 1.0
        rows.append({"task": task, "annotated": len(gold[task]), "extracted": len(extracted), "matched": n_match,
                     "precision": round(p, 3), "recall": round(r, 3),
                     "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0})
        alignments[task] = aligned
    return pd.DataFrame(rows).set_index("task"), alignments


def errors(alignments: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every disagreement between extractor and annotator, by task. Columns: task + match() columns."""
    frames = [a[a.status != "match"].assign(task=t) for t, a in alignments.items()]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return out[["task"] + [c for c in out.columns if c != "task"]]


def kind_agreement(corpus: Corpus, path: Path = ANNOTATIONS) -> pd.DataFrame:
    """Annotated quotation kind against extracted kind, for quotations whose spans overlap (a confusion table)."""
    gold = load_annotations(corpus, path)["quotes"]
    q = evidence(corpus)["quotes"]
    pairs = []
    for g in gold.itertuples():
        hit = q[(q.source_id == g.source_id) & (q.char_start < g.char_end) & (q.char_end > g.char_start)]
        pairs.append((g.kind, hit.kind.iloc[0] if len(hit) else "(none)"))
    df = pd.DataFrame(pairs, columns=["annotated", "extracted"])
    return pd.crosstab(df.annotated, df.extracted)
