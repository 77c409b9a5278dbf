"""Score every instrument against hand annotations, in sample and out of sample.

In sample: the seed articles, on which the rules were written (`tests/annotations/seeds*.yml`).
Out of sample: the development corpus (`tests/dev-corpus/`, annotated in `tests/annotations/dev.yml`
before any extractor was run on it), on which no rule was written. Only annotated sources are
scored: an article added to the corpus without annotation changes no score.

Span tasks (dates, numbers, quotes): an extracted row and an annotation match when they are in
the same source, their spans overlap and they agree on the value scored (the date and end date;
the value; the speaker). Sentence tasks (statements, claims): they match when they are in the same
sentence and agree on the key (actor and act; kind and category); the attribute (polarity; who)
is scored on the matched pairs. Matching is one to one, in text order.
Precision = matches / extracted rows; recall = matches / annotations.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from . import codebook, codings
from .agreement import speaker_key
from .corpus import Corpus, load_corpus
from .diskcache import on_disk
from .extract import evidence
from .paths import CODINGS, DEV_ANNOTATIONS, DEV_CODINGS, DEV_CORPUS, FRESH_CODINGS, FRESH_CORPUS, SEED_ANNOTATIONS

# task -> (evidence table, columns compared, attribute scored on matches); _subset picks each task's rows
TASKS = {
    "dates": ("events", ("date", "date_end"), None),
    "numbers": ("numbers", ("value",), None),
    "quotes": ("quotes", ("speaker",), None),
    "statements_key_acts": ("statements", ("actor_id", "act"), "polarity"),
    "statements_engages": ("statements", ("actor_id", "act"), "polarity"),
    "motive_claims": ("claims", ("kind", "category"), "who"),
    "risk_claims": ("claims", ("kind", "category"), "who"),
    "act_dates": ("statements", ("actor_id", "act", "date"), None),
}
ANNOTATION_FIELD = {"dates": "dates", "numbers": "numbers", "quotes": "quotes", "statements_key_acts": "statements",
                    "statements_engages": "statements", "motive_claims": "claims", "risk_claims": "claims",
                    "act_dates": "statements"}
SENTENCE_TASKS = ("statements", "claims")
ANNOTATED_TASKS = tuple(t for t in TASKS if t != "act_dates")  # what a hand annotation holds (no date of an act)
CODED_TASKS = ("quotes", "statements_key_acts", "statements_engages", "motive_claims", "risk_claims",
               "act_dates")  # what a coding holds (an annotation gives no date of an act)
LABELS = {"dates": "dates", "numbers": "numbers", "quotes": "quotation speakers",
          "statements_key_acts": "statements, key acts", "statements_engages": "statements, engages",
          "motive_claims": "motive claims", "risk_claims": "risk claims",
          "act_dates": "dates of the acts"}
SAMPLES = {"in_sample": "in sample (seeds)", "out_of_sample": "out of sample (dev corpus)"}
# the reviewed codings have a third sample: the fresh set, gathered after the rules were last changed
CODED_SAMPLES = {**SAMPLES, "fresh": "fresh set (tests/fresh-corpus)"}


def _subset(task: str, df: pd.DataFrame) -> pd.DataFrame:
    """The rows of a statements or claims table (extracted or annotated) that `task` scores."""
    if task == "statements_key_acts":
        return df[df["act"].isin(codebook.load("acts")["key_acts"])]
    if task == "statements_engages":
        return df[df["act"] == "engages"]
    if task == "motive_claims":
        return df[df["kind"] == "motive"]
    if task == "risk_claims":
        return df[df["kind"] == "risk"]
    if task == "act_dates":  # the statements the text dates (a coding's `date`; the machine's, `_own_dates`)
        return df[df["date"] != ""]
    return df


def _own_dates(ev: dict[str, pd.DataFrame], statements: pd.DataFrame) -> pd.DataFrame:
    """The machine's statements with `date`: their as_of when it is a date resolved in their own sentence
    (the events table), else "" (the publication date stands for an act the text does not date)."""
    key = ["source_id", "paragraph", "sentence"]
    dated = ev["events"][ev["events"].resolved].groupby(key).date.agg(set)
    own = [a if a in dated.get(tuple(k), set()) else "" for a, k in
           zip(statements.as_of, statements[key].itertuples(index=False))]
    return statements.assign(date=pd.Series(own, index=statements.index, dtype=object))


def _normal_speaker(name: str) -> str:
    """Speakers compare without case, articles and surrounding space ("A State Department spokesperson")."""
    return re.sub(r"^(?:a|an|the)\s+", "", str(name).strip().lower())


def load_annotations(corpus: Corpus, paths: list[Path]) -> dict[str, pd.DataFrame]:
    """The annotations by field (dates, numbers, quotes, statements, claims) of the sources in `corpus`.

    Each row: source_id, char_start, char_end, text, paragraph, sentence, and the item's fields.
    Raises ValueError naming the file, source and text of an annotation that cannot be found.
    """
    out: dict[str, list[dict]] = {f: [] for f in ("dates", "numbers", "quotes", "statements", "claims")}
    sents = corpus.sentences
    for path in paths:
        raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=codebook.SAFE_LOADER) or {}
        for sid, fields in sorted(raw.items()):
            if sid not in corpus.texts:
                continue  # an annotated source that is not in this corpus
            text = corpus.texts[sid]
            mine = sents[sents.source_id == sid][["char_start", "char_end", "paragraph", "sentence"]].to_dict("records")
            for field, items in (fields or {}).items():
                for item in items or []:
                    start = -1
                    for _ in range(item.get("occurrence", 1)):
                        start = text.find(item["text"], start + 1)
                        if start < 0:
                            raise ValueError(f"{path}: {sid} {field}: text {item['text']!r} not found")
                    hit = next((r for r in mine if r["char_start"] <= start < r["char_end"]), None)
                    row = {"source_id": sid, "char_start": start, "char_end": start + len(item["text"]),
                           "text": item["text"],
                           "paragraph": int(hit["paragraph"]) if hit else 0,
                           "sentence": int(hit["sentence"]) if hit else 0}
                    row.update({k: v for k, v in item.items() if k not in ("text", "occurrence")})
                    out[field].append(row)
    frames = {}
    for field, rows in out.items():
        df = pd.DataFrame(rows, columns=None if rows else ["source_id", "char_start", "char_end", "text",
                                                           "paragraph", "sentence"])
        if field == "dates":
            df = df.assign(date=df.get("date", pd.Series(dtype=str)).fillna("").astype(str),
                           date_end=df.get("date_end", pd.Series(dtype=str)).fillna("").astype(str))
        if field == "statements":
            df = df.rename(columns={"actor": "actor_id"})
        frames[field] = df.sort_values(["source_id", "char_start"], ignore_index=True)
    return frames


def _value(row, column: str):
    if column == "value":
        return float(row[column])
    if column == "speaker":
        return _normal_speaker(row[column])
    return str(row[column])


def _attribute(row, attribute: str) -> str:
    """Polarity as written; who compared like a speaker."""
    return _normal_speaker(row[attribute]) if attribute == "who" else str(row[attribute])


def _values(row, columns) -> tuple:
    return tuple(_value(row, c) for c in columns)


def match(extracted: pd.DataFrame, gold: pd.DataFrame, columns: tuple[str, ...], attribute: str | None = None,
          by_sentence: bool = False) -> pd.DataFrame:
    """Align annotations and extracted rows: one row per pair or unmatched item.

    Columns: source_id, char_start, status (match, wrong_value, missed, spurious), attribute_ok (for
    sentence tasks: polarity or who agree on a match), gold_text, gold_value, extracted_text,
    extracted_value.
    """
    rows, used = [], set()
    text_col = next(c for c in ("quote", "date_text", "text") if c in extracted.columns)
    by_source: dict = {}  # source -> [(index label, row)], in the frame's order
    for i, r in zip(extracted.index, extracted.to_dict("records")):
        by_source.setdefault(r["source_id"], []).append((i, r))
    for g in gold.to_dict("records"):
        pool = by_source.get(g["source_id"], [])
        if by_sentence:
            cands = [(i, r) for i, r in pool if i not in used and r["paragraph"] == g["paragraph"]
                     and r["sentence"] == g["sentence"]]
        else:
            cands = [(i, r) for i, r in pool if i not in used and r["char_start"] < g["char_end"]
                     and r["char_end"] > g["char_start"]]
        want = _values(g, columns)
        hit = next((i for i, r in cands if _values(r, columns) == want), None)
        status = "match" if hit is not None else ("wrong_value" if cands and not by_sentence else "missed")
        if hit is None and cands and not by_sentence:
            hit = cands[0][0]
        ext = dict(cands)[hit] if hit is not None else None
        if hit is not None:
            used.add(hit)
        attribute_ok = None
        gold_value = " / ".join(map(str, want))
        ext_value = "" if ext is None else " / ".join(map(str, _values(ext, columns)))
        if attribute and status == "match":
            attribute_ok = _attribute(g, attribute) == _attribute(ext, attribute)
        if attribute:
            gold_value += f" ({g.get(attribute, '')})"
            if ext is not None:
                ext_value += f" ({ext[attribute]})"
        if attribute_ok is False:
            status = "wrong_attribute"
        rows.append({"source_id": g["source_id"], "char_start": g["char_start"], "status": status,
                     "gold_text": g["text"], "gold_value": gold_value,
                     "extracted_text": "" if ext is None else str(ext[text_col]), "extracted_value": ext_value})
    for i, r in extracted[~extracted.index.isin(used)].iterrows():
        value = " / ".join(map(str, _values(r, columns))) + (f" ({r[attribute]})" if attribute else "")
        rows.append({"source_id": r.source_id, "char_start": r.char_start, "status": "spurious", "gold_text": "",
                     "gold_value": "", "extracted_text": str(r[text_col]), "extracted_value": value})
    cols = ["source_id", "char_start", "status", "gold_text", "gold_value", "extracted_text", "extracted_value"]
    return pd.DataFrame(rows, columns=cols).sort_values(["source_id", "char_start", "status"], ignore_index=True)


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0


def _score(corpus: Corpus, gold: dict[str, pd.DataFrame], tasks) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """(score table, alignment by task) of the machine's rows against `gold` (frames by annotation field), on
    the sources that `gold` covers."""
    ev = evidence(corpus)
    annotated = {sid for f in gold.values() for sid in f.source_id}  # sources with any annotation
    rows, alignments = [], {}
    for task in tasks:
        table, columns, attribute = TASKS[task]
        g = _subset(task, gold[ANNOTATION_FIELD[task]])
        rows_of = ev[table][ev[table].source_id.isin(annotated)]
        extracted = _subset(task, _own_dates(ev, rows_of) if task == "act_dates" else rows_of)
        if task == "quotes":  # speakers compare as the coders' agreement does: a person by any of their names
            g, extracted = (f.assign(speaker=f.speaker.fillna("").map(speaker_key)) for f in (g, extracted))
        aligned = match(extracted, g, columns, attribute, by_sentence=table in SENTENCE_TASKS)
        n_match = int(aligned.status.isin(["match", "wrong_attribute"]).sum())
        n_attr = int((aligned.status == "match").sum())
        rows.append({"task": task, "annotated": len(g), "extracted": len(extracted), "matched": n_match,
                     "precision": _ratio(n_match, len(extracted)), "recall": _ratio(n_match, len(g)),
                     "attribute": _ratio(n_attr, n_match) if attribute else float("nan")})
        alignments[task] = aligned
    return pd.DataFrame(rows).set_index("task"), alignments


def score_sample(corpus: Corpus, paths: list[Path]) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """(score table, alignment by task) of one annotated sample.

    Score columns: task, annotated, extracted, matched, precision, recall, attribute (share of matches
    whose polarity or who is right; empty for span tasks).
    """
    return _score(corpus, load_annotations(corpus, paths), ANNOTATED_TASKS)


def coded_gold(corpus: Corpus, folder: Path) -> dict[str, pd.DataFrame]:
    """The adjudicated codings in `folder` (`<source>.yml`) as the frames `match` reads, by annotation field:
    statements (actor_id, act, polarity), claims (kind, category, who; the affirmed ones: a denied claim is
    no claim of its category) and quotes (speaker). Raises ValueError naming every problem of a coding."""
    read = [codings.read(p, corpus) for p in codings.adjudicated_files(folder)]
    problems = [str(p) for _, found in read for p in found]
    if problems:
        raise ValueError("the codings cannot be read:\n" + "\n".join(problems))
    out = {}
    for field in codings.SECTIONS:
        parts = [c.rows[field] for c, _ in read if c.source_id in corpus.texts]
        df = (pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=codings.COLUMNS[field]))
        if field == "claims":
            df = df[df.stance == "affirmed"]
        out[field] = df.rename(columns={"quote": "text"}).sort_values(["source_id", "char_start"], ignore_index=True)
    return out


def coded_sample(corpus: Corpus, folder: Path) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """(score table, alignment by task) of the machine's statements, claims and quotation speakers against
    the adjudicated codings in `folder`, as `score_sample` gives them against an annotation."""
    return _score(corpus, coded_gold(corpus, folder), CODED_TASKS)


@cache
def dev_corpus() -> Corpus:
    return load_corpus(DEV_CORPUS)


@cache
def fresh_corpus() -> Corpus:
    return load_corpus(FRESH_CORPUS)


def sample_corpus(corpus: Corpus, sample: str) -> Corpus:
    """The corpus a sample is drawn from: the book's (`corpus`), the development corpus or the fresh set."""
    return {"in_sample": lambda: corpus, "out_of_sample": dev_corpus, "fresh": fresh_corpus}[sample]()


@cache
@on_disk
def _scores(corpus: Corpus) -> tuple[pd.DataFrame, dict[str, dict[str, pd.DataFrame]]]:
    """Both samples: (scores with a column level per sample, alignments by sample and task).

    Index: task. Columns: (sample, measure) for samples in_sample and out_of_sample.
    """
    ins, a_in = score_sample(corpus, SEED_ANNOTATIONS)
    outs, a_out = score_sample(dev_corpus(), DEV_ANNOTATIONS)
    table = pd.concat({"in_sample": ins, "out_of_sample": outs}, axis=1)
    return table, {"in_sample": a_in, "out_of_sample": a_out}


@cache
@on_disk
def _coded_scores(corpus: Corpus) -> tuple[pd.DataFrame, dict[str, dict[str, pd.DataFrame]]]:
    """The machine reader against the reviewed codings, in every sample that has them: the seeds' codings
    (`codings/`), the development corpus's (`tests/dev-corpus/codings/`) and the fresh set's
    (`tests/fresh-corpus/codings/`, once adjudicated). Shaped as `scores`, with a column level per sample."""
    folders = {"in_sample": CODINGS, "out_of_sample": DEV_CODINGS, "fresh": FRESH_CODINGS}
    scored = {s: coded_sample(sample_corpus(corpus, s), f) for s, f in folders.items()
              if s != "fresh" or codings.adjudicated_files(f)}
    table = pd.concat({s: t for s, (t, _) in scored.items()}, axis=1)
    return table, {s: a for s, (_, a) in scored.items()}


def scores(corpus: Corpus) -> tuple[pd.DataFrame, dict[str, dict[str, pd.DataFrame]]]:
    """The scores against the hand annotation (`_scores`), computed once per corpus; each caller gets a copy."""
    return copy.deepcopy(_scores(corpus))


def coded_scores(corpus: Corpus) -> tuple[pd.DataFrame, dict[str, dict[str, pd.DataFrame]]]:
    """The scores against the reviewed codings (`_coded_scores`), computed once per corpus; each caller gets a
    copy."""
    return copy.deepcopy(_coded_scores(corpus))


def errors(alignments: dict[str, dict[str, pd.DataFrame]]) -> pd.DataFrame:
    """Every disagreement between extractor and annotator. Columns: sample, task + match() columns."""
    frames = [a[a.status != "match"].assign(sample=s, task=t) for s, by_task in alignments.items()
              for t, a in by_task.items()]
    out = pd.concat(frames, ignore_index=True)
    return out[["sample", "task"] + [c for c in out.columns if c not in ("sample", "task")]]


def kind_agreement(corpus: Corpus) -> pd.DataFrame:
    """Annotated quotation kind against extracted kind, for quotations whose spans overlap (a confusion table)."""
    pairs = []
    for c, paths in ((corpus, SEED_ANNOTATIONS), (dev_corpus(), DEV_ANNOTATIONS)):
        gold = load_annotations(c, paths)["quotes"]
        q = evidence(c)["quotes"]
        for g in gold.itertuples():
            hit = q[(q.source_id == g.source_id) & (q.char_start < g.char_end) & (q.char_end > g.char_start)]
            pairs.append((g.kind, hit.kind.iloc[0] if len(hit) else "(none)"))
    df = pd.DataFrame(pairs, columns=["annotated", "extracted"])
    return pd.crosstab(df.annotated, df.extracted)
