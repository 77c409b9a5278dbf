"""A trained proposer of claims: a spaCy sentence classifier learnt from the reviewed codings.

The rules of claims.py propose a claim where a marker of its kind and a cue of its category meet in a
sentence about Moscow. This proposer learns the same decision from the adjudicated codings instead
(`codings/<source>.yml`, codings/GUIDE.md): a `textcat_multilabel` with one label per "kind:category" of
the codebook (claims.yml; motives and risks, the kinds the machine proposes), trained on the body
sentences of the coded sources. A sentence's labels are the categories of the affirmed claims coded in
it (the sentence a claim's quotation starts in, as the codings locate it); a sentence with none is a
negative. A source without a coding file is not trained on: its sentences are unread, not negatives.

Training is deterministic: seeds fixed (`spacy.util.fix_random_seed`), a fixed number of epochs, the
batches in an order drawn from a seeded generator, on the CPU; two runs give the same predictions, bit
for bit. The decision threshold (one per kind) is chosen on the training sources only, by leaving each of
them out in turn (an inner cross-validation) and keeping the threshold that scores the best F1 over
their pooled predictions; the model that proposes is then trained on all of them.

The model is built from the committed codings whenever it is needed (seconds); nothing is saved.
`report.proposer_eval.cross_validate` scores it, the rules and their union, leaving one source out.
"""

from __future__ import annotations

import copy
import random
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import spacy
import yaml
from spacy.pipeline.textcat_multilabel import DEFAULT_MULTI_TEXTCAT_MODEL
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from .. import codebook
from ..parse import MODEL
from .claims import AUTHOR, CLAIM_COLUMNS

KINDS = ("motive", "risk")  # the kinds the machine proposes (an assessment is the coders' alone)
SEED = 0
EPOCHS = 30
BATCH = 8
DROPOUT = 0.0
GRID = tuple(round(0.05 * i, 2) for i in range(1, 20))  # the thresholds tried: 0.05 .. 0.95
DEFAULT_THRESHOLD = 0.5  # when fewer than two sources are trained on, no inner cross-validation can choose
BOW = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 1,
       "no_output_layer": False, "length": 16384}
# the pinned parser's token vectors (report/parse.py; trained on tagging and parsing), frozen: a listener
# reads them from each sentence's doc.tensor
PRETRAINED = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "tok2vec"}
ARCHITECTURES = {
    # words (case folded) feeding a logistic output per label
    "bow": BOW,
    # words, and the mean and max of token vectors learnt from these sentences alone (spaCy's default)
    "ensemble": {**copy.deepcopy(DEFAULT_MULTI_TEXTCAT_MODEL), "linear_model": BOW},
    # the mean and max of the pinned parser's token vectors
    "pretrained": {"@architectures": "spacy.TextCatReduce.v1", "exclusive_classes": False, "tok2vec": PRETRAINED,
                   "use_reduce_first": False, "use_reduce_last": False, "use_reduce_max": True,
                   "use_reduce_mean": True},
    # words, and the pinned parser's token vectors
    "pretrained_ensemble": {"@architectures": "spacy.TextCatEnsemble.v2", "linear_model": BOW,
                            "tok2vec": PRETRAINED},
}
ARCHITECTURE = "bow"  # the one the proposer uses (benchmarks/claims_proposer.py compares them)
SENTENCE_KEY = ["source_id", "paragraph", "sentence"]
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: the same values, faster


def labels() -> list[str]:
    """One label per "kind:category" of the codebook's motives and risks, sorted."""
    kinds = codebook.load("claims")["kinds"]
    return sorted(f"{kind}:{cat}" for kind in KINDS for cat in kinds[kind]["categories"])


def body_sentences(corpus) -> pd.DataFrame:
    """The sentences of the body (non-boilerplate) paragraphs, in source, paragraph and sentence order.
    Columns: source_id, paragraph, sentence, char_start, char_end, text."""
    body = corpus.paragraphs.loc[~corpus.paragraphs.boilerplate, ["source_id", "paragraph"]]
    out = corpus.sentences.merge(body, on=["source_id", "paragraph"])
    return out.sort_values(SENTENCE_KEY, ignore_index=True)[SENTENCE_KEY + ["char_start", "char_end", "text"]]


def _codings(corpus, codings_folder: Path) -> dict[str, dict]:
    """The adjudicated coding files of `codings_folder` (`<source>.yml`) of the sources in `corpus`, by source."""
    found = {}
    for path in sorted(Path(codings_folder).glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER) or {}
        if data.get("source") in corpus.texts:
            found[data["source"]] = data
    return found


def coded_sources(corpus, codings_folder: Path) -> list[str]:
    """The sources of `corpus` that have an adjudicated coding in `codings_folder`, sorted."""
    return sorted(_codings(corpus, codings_folder))


def coded_claims(corpus, codings_folder: Path, codings: dict[str, dict] | None = None) -> pd.DataFrame:
    """The affirmed motive and risk claims of the adjudicated codings in `codings_folder` (`<source>.yml`)
    of the sources in `corpus`, each in the sentence its quotation starts in (as `report.codings.locate`
    places it). Columns: source_id, paragraph, sentence, kind, category.

    The codings are read as written: `python -m report.codings` and the tests validate them (that module
    sits above the machine reader); a quotation not in its paragraph raises ValueError."""
    codings = _codings(corpus, codings_folder) if codings is None else codings
    paras = {(s, int(p)): (int(c), t) for s, p, c, t in zip(corpus.paragraphs.source_id, corpus.paragraphs.paragraph,
                                                           corpus.paragraphs.char_start, corpus.paragraphs.text)}
    sents = corpus.sentences
    rows = []
    for source, data in codings.items():
        mine = sents[sents.source_id == source]
        for c in data.get("claims") or []:
            if c.get("kind") not in KINDS or c.get("stance") != "affirmed":
                continue
            paragraph = int(c["paragraph"])
            p_start, text = paras[(source, paragraph)]
            at = text.find(c["quote"])
            if at < 0:
                raise ValueError(f"{codings_folder}: {source} paragraph {paragraph}: {c['quote']!r} not found")
            start = p_start + at
            s = mine[mine.paragraph == paragraph]
            holding = s[(s.char_start <= start) & (s.char_end > start)]
            sentence = int(holding.sentence.iloc[0]) if len(holding) else int(s.sentence.min())
            rows.append({"source_id": source, "paragraph": paragraph, "sentence": sentence, "kind": c["kind"],
                         "category": c["category"]})
    return pd.DataFrame(rows, columns=SENTENCE_KEY + ["kind", "category"])


def training_sentences(corpus, codings_folder: Path, exclude=()) -> pd.DataFrame:
    """The sentences trained on: the body sentences of the coded sources not in `exclude`, each with its
    labels (a tuple of "kind:category", empty for a negative). Columns: source_id, paragraph, sentence,
    text, labels."""
    codings = _codings(corpus, codings_folder)
    sources = set(codings) - set(exclude)
    sents = body_sentences(corpus)
    sents = sents[sents.source_id.isin(sources)].reset_index(drop=True)
    claims = coded_claims(corpus, codings_folder, codings)
    by_sentence: dict[tuple, set] = {}
    for r in claims.itertuples():
        by_sentence.setdefault((r.source_id, r.paragraph, r.sentence), set()).add(f"{r.kind}:{r.category}")
    found = [tuple(sorted(by_sentence.get(k, ()))) for k in zip(sents.source_id, sents.paragraph, sents.sentence)]
    return sents.assign(labels=found)[SENTENCE_KEY + ["text", "labels"]]


def _pretrained(config: dict) -> bool:
    return "Tok2VecListener" in repr(config)


def _doc(nlp, text: str):
    """The doc the classifier reads: the sentence case folded (a bag of words counts word forms), or as
    written with the pinned parser's token vectors in doc.tensor when the pipeline has them (they read
    case and shape)."""
    if "tok2vec" in nlp.pipe_names:
        return nlp.get_pipe("tok2vec")(nlp.make_doc(text))
    return nlp.make_doc(text.lower())


@cache
def _model_components() -> tuple[str, ...]:
    """The components of the pinned parser's pipeline (all are loaded once, to read their names)."""
    return tuple(spacy.load(MODEL).component_names)


def _pipeline(config: dict):
    """A pipeline holding an untrained textcat_multilabel of `config` with every label: a blank English one,
    or the pinned parser's tokenizer and frozen tok2vec when the classifier reads its vectors."""
    if _pretrained(config):
        nlp = spacy.load(MODEL, exclude=[c for c in _model_components() if c != "tok2vec"])
    else:
        nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": config})
    for name in labels():
        textcat.add_label(name)
    return nlp


def _fit(texts: list[str], gold: list[tuple], epochs: int, architecture: str):
    """A pipeline whose textcat_multilabel (ARCHITECTURES[architecture]) is trained on `texts` (labels
    `gold`): seeds fixed, `epochs` passes in batches of BATCH in a seeded order."""
    fix_random_seed(SEED)
    nlp = _pipeline(ARCHITECTURES[architecture])
    names = labels()
    examples = [Example.from_dict(_doc(nlp, t), {"cats": {n: float(n in g) for n in names}})
                for t, g in zip(texts, gold)]
    textcat = nlp.get_pipe("textcat_multilabel")
    textcat.initialize(lambda: examples, nlp=nlp)
    optimizer = nlp.create_optimizer()
    frozen = [n for n in nlp.pipe_names if n != "textcat_multilabel"]  # the pinned vectors stay as they are
    order = random.Random(SEED)
    for _ in range(epochs):
        shuffled = order.sample(examples, len(examples))
        for batch in minibatch(shuffled, size=BATCH):
            nlp.update(batch, sgd=optimizer, drop=DROPOUT, exclude=frozen)
    return nlp


def _scores(nlp, texts: list[str]) -> np.ndarray:
    """Per text, the score of each label (columns in `labels()` order)."""
    names = labels()
    docs = nlp.get_pipe("textcat_multilabel").pipe(_doc(nlp, t) for t in texts)
    return np.array([[doc.cats[n] for n in names] for doc in docs], dtype=float).reshape(len(texts), len(names))


def _best_thresholds(scores: np.ndarray, gold: list[tuple]) -> dict[str, float]:
    """Per kind, the threshold of GRID whose proposals score the best F1 against `gold` (ties: the higher)."""
    names = labels()
    truth = np.array([[n in g for n in names] for g in gold], dtype=bool).reshape(scores.shape)
    out = {}
    for kind in KINDS:
        cols = [i for i, n in enumerate(names) if n.startswith(kind + ":")]
        s, t = scores[:, cols], truth[:, cols]
        best = (-1.0, DEFAULT_THRESHOLD)
        for threshold in GRID:
            proposed = s >= threshold
            hits, n_prop, n_true = int((proposed & t).sum()), int(proposed.sum()), int(t.sum())
            f1 = 2 * hits / (n_prop + n_true) if n_prop + n_true else 0.0
            best = max(best, (f1, threshold))
        out[kind] = best[1]
    return out


def train(corpus, codings_folder: Path, exclude=(), epochs: int = EPOCHS, architecture: str = ARCHITECTURE):
    """The proposer trained on the coded sources of `corpus` not in `exclude`: a spaCy pipeline whose
    `meta["proposer"]` records the sources trained on, the thresholds (per kind) and the epochs.

    The thresholds come from an inner cross-validation over the training sources (each left out in turn,
    its sentences scored by a model trained on the others), so that nothing outside them is read."""
    data = training_sentences(corpus, codings_folder, exclude)
    sources = sorted(set(data.source_id))
    if not sources:
        raise ValueError(f"no coded source to train on in {codings_folder} (excluded: {sorted(exclude)})")
    thresholds = {kind: DEFAULT_THRESHOLD for kind in KINDS}
    if len(sources) > 1:
        scores = np.zeros((len(data), len(labels())))
        for held in sources:
            inner = data.source_id == held
            nlp = _fit(list(data.text[~inner]), list(data.labels[~inner]), epochs, architecture)
            scores[inner.to_numpy()] = _scores(nlp, list(data.text[inner]))
        thresholds = _best_thresholds(scores, list(data.labels))
    nlp = _fit(list(data.text), list(data.labels), epochs, architecture)
    nlp.meta["proposer"] = {"sources": sources, "excluded": sorted(exclude), "sentences": len(data),
                            "thresholds": thresholds, "epochs": epochs, "seed": SEED,
                            "architecture": architecture}
    return nlp


def propose(nlp, corpus, sources=None) -> pd.DataFrame:
    """The claims the trained proposer finds in the body sentences of `corpus` (of `sources`, when given):
    one row per (sentence, kind, category) whose score reaches its kind's threshold, with the columns of
    the claims table (CLAIM_COLUMNS); `who` is the author, `speaker_id`, `marker` and `cue` are empty."""
    sents = body_sentences(corpus)
    if sources is not None:
        sents = sents[sents.source_id.isin(set(sources))].reset_index(drop=True)
    names = labels()
    thresholds = nlp.meta["proposer"]["thresholds"]
    scores = _scores(nlp, list(sents.text))
    rows = []
    for i, r in enumerate(sents.itertuples()):
        for j, name in enumerate(names):
            kind, category = name.split(":", 1)
            if scores[i, j] >= thresholds[kind]:
                rows.append({"source_id": r.source_id, "paragraph": int(r.paragraph), "sentence": int(r.sentence),
                             "kind": kind, "category": category, "char_start": int(r.char_start),
                             "char_end": int(r.char_end), "who": AUTHOR, "speaker_id": "", "marker": "", "cue": "",
                             "text": r.text})
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def scores(nlp, corpus) -> pd.DataFrame:
    """Every body sentence's score for every label: index source_id, paragraph, sentence; a column per label."""
    sents = body_sentences(corpus)
    return pd.DataFrame(_scores(nlp, list(sents.text)), columns=labels(),
                        index=pd.MultiIndex.from_frame(sents[SENTENCE_KEY]))
