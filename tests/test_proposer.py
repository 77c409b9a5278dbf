"""The trained proposer of claims (report/extract/proposer.py) and its cross-validation (report/proposer_eval.py),
on a fixture of three short articles coded by hand (tests/fixtures/proposer/), and the benchmark at its
smallest size (benchmarks/claims_proposer.py)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from report.corpus import parse_corpus
from report import evaluate
from report.evaluate import coded_gold
from report.extract import evidence, proposer
from report.extract.claims import CLAIM_COLUMNS
from report.proposer_eval import METHODS, cross_validate, elsewhere

ROOT = Path(__file__).resolve().parent.parent
FOLDER = Path(__file__).parent / "fixtures" / "proposer"
CODED = FOLDER / "codings"
EPOCHS = 5  # enough for the fixture, and fast


@pytest.fixture(scope="module")
def corpus():
    return parse_corpus(FOLDER)


def test_labels_are_the_codebook_motives_and_risks():
    names = proposer.labels()
    assert "motive:security" in names and "risk:reputational" in names
    assert all(n.split(":")[0] in ("motive", "risk") for n in names)


def test_the_training_labels_are_the_affirmed_claims_as_the_codings_locate_them(corpus):
    gold = coded_gold(corpus, CODED)["claims"]
    gold = gold[gold.kind.isin(proposer.KINDS)]
    mine = proposer.coded_claims(corpus, CODED)
    key = ["source_id", "paragraph", "sentence", "kind", "category"]
    assert sorted(map(tuple, mine[key].values.tolist())) == sorted(map(tuple, gold[key].values.tolist()))
    data = proposer.training_sentences(corpus, CODED)
    labelled = data[data.labels.map(len) > 0]
    assert len(labelled) == 9 and len(data) == 16  # the assessment is no label: its sentence is a negative
    assert data.set_index(["source_id", "paragraph", "sentence"]).labels[("gamma-2025", 1, 1)] == ("motive:china",)


def test_training_twice_gives_identical_predictions(corpus):
    runs = [proposer.scores(proposer.train(corpus, CODED, epochs=EPOCHS), corpus) for _ in range(2)]
    assert runs[0].to_numpy().tobytes() == runs[1].to_numpy().tobytes()
    first, second = (proposer.propose(proposer.train(corpus, CODED, epochs=EPOCHS), corpus) for _ in range(2))
    assert first.equals(second)


def test_a_held_out_source_is_never_trained_on(corpus):
    data = proposer.training_sentences(corpus, CODED, exclude=("gamma-2025",))
    assert "gamma-2025" not in set(data.source_id) and len(data) == 12
    nlp = proposer.train(corpus, CODED, exclude=("gamma-2025",), epochs=EPOCHS)
    assert nlp.meta["proposer"]["sources"] == ["alpha-2024", "beta-2024"]
    assert nlp.meta["proposer"]["sentences"] == 12
    # only gamma codes a motive of category china: trained without gamma, the model scores gamma's sentence
    # of that category lower than trained with it, and lower than sentences of categories it was taught
    with_gamma = proposer.scores(proposer.train(corpus, CODED, epochs=EPOCHS), corpus)
    without = proposer.scores(nlp, corpus)
    key = ("gamma-2025", 1, 1)
    assert with_gamma.loc[key, "motive:china"] > without.loc[key, "motive:china"]
    assert without.loc[key, "motive:china"] < without.loc[("alpha-2024", 1, 1), "motive:security"]


def test_propose_returns_the_claims_table_columns(corpus):
    nlp = proposer.train(corpus, CODED, epochs=EPOCHS)
    proposed = proposer.propose(nlp, corpus)
    assert list(proposed.columns) == CLAIM_COLUMNS
    assert len(proposed) and set(proposed.kind) <= {"motive", "risk"} and set(proposed.who) == {"author"}
    sents = corpus.sentences.set_index(["source_id", "paragraph", "sentence"])
    for r in proposed.itertuples():
        s = sents.loc[(r.source_id, r.paragraph, r.sentence)]
        assert (r.char_start, r.char_end, r.text) == (s.char_start, s.char_end, s.text)
    only = proposer.propose(nlp, corpus, sources=["beta-2024"])
    assert set(only.source_id) <= {"beta-2024"}


def test_the_thresholds_are_chosen_per_kind_on_the_training_sources(corpus):
    nlp = proposer.train(corpus, CODED, exclude=("alpha-2024",), epochs=EPOCHS)
    thresholds = nlp.meta["proposer"]["thresholds"]
    assert set(thresholds) == {"motive", "risk"} and all(t in proposer.GRID for t in thresholds.values())
    one = proposer.train(corpus, CODED, exclude=("alpha-2024", "beta-2024"), epochs=EPOCHS)
    assert one.meta["proposer"]["thresholds"] == {k: proposer.DEFAULT_THRESHOLD for k in proposer.KINDS}


def test_cross_validation_pools_the_folds(corpus):
    table = cross_validate(corpus, CODED, epochs=EPOCHS)
    assert list(table.index) == [(k, m) for k in ("motive", "risk") for m in METHODS]
    assert list(table.columns) == ["annotated", "extracted", "matched", "precision", "recall", "f1"]
    assert table.loc[("motive", "rules"), "annotated"] == 7 and table.loc[("risk", "union"), "annotated"] == 2
    for kind in ("motive", "risk"):  # the union holds every match of either
        t = table.loc[kind]
        assert t.loc["union", "matched"] >= max(t.loc["rules", "matched"], t.loc["proposer", "matched"])
        assert t.loc["union", "extracted"] <= t.loc["rules", "extracted"] + t.loc["proposer", "extracted"]


def test_scores_on_another_corpus_count_only_its_coded_sources(corpus, tmp_path):
    """Trained on the fixture, scored on a copy of it where only one source is coded: the annotated counts
    are that source's coded claims, and what the rules and the proposer find elsewhere is not counted."""
    other = tmp_path / "other"
    shutil.copytree(FOLDER, other)
    for p in (other / "codings").glob("*.yml"):
        if p.name != "alpha-2024.yml":
            p.unlink()
    copy = parse_corpus(other)
    table = elsewhere(corpus, CODED, copy, other / "codings", epochs=EPOCHS)
    gold = coded_gold(copy, other / "codings")["claims"]
    assert set(gold.source_id) == {"alpha-2024"}
    assert list(table.index) == [(k, m) for k in ("motive", "risk") for m in METHODS]
    for kind, task in (("motive", "motive_claims"), ("risk", "risk_claims")):
        assert table.loc[(kind, "rules"), "annotated"] == len(evaluate._subset(task, gold)) > 0
    found = evidence(copy)["claims"]
    assert table.loc[("motive", "rules"), "extracted"] + table.loc[("risk", "rules"), "extracted"] == \
        len(found[(found.source_id == "alpha-2024") & found.kind.isin(["motive", "risk"])])


def test_the_benchmark_runs_at_its_smallest_size(tmp_path):
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": str(tmp_path)}
    env.pop("REPORT_SEEDS", None)
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "claims_proposer.py"), "--smallest"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    out = result.stdout
    for method in METHODS:
        assert f"motive   {method}" in out and f"risk     {method}" in out, out
    assert "training without " in out and "two trainings, identical scores: yes" in out, out
