"""Claims proposed by the rules and by a classifier trained on the codings: leave-one-source-out scores.

Trains the proposer (report/extract/proposer.py) on the codings of all seed sources but one, its thresholds
chosen on those alone, and scores it, the rules and their union on the one left out, pooled over the five
folds (report/proposer_eval.py); the rules were written on these sources, so their figure is in sample.
Prints the scores per kind and method, the seconds each fold took to train (thresholds chosen by an inner
cross-validation, then the final model), and whether two trainings give bit-identical scores.
Usage: python benchmarks/claims_proposer.py [--architecture bow] [--epochs 20]
Smallest size: --smallest runs one fold with 2 epochs (a few seconds; tests/test_proposer.py runs it).
"""

from __future__ import annotations

import argparse
import platform
import time

import numpy as np

from report.corpus import load_corpus
from report.extract import proposer
from report.paths import CODINGS
from report.proposer_eval import cross_validate

SMALLEST_EPOCHS = 2


def identical(corpus, held: str, epochs: int, architecture: str) -> bool:
    """Whether two trainings without `held` give the same score for every sentence and label, bit for bit."""
    runs = [proposer.scores(proposer.train(corpus, CODINGS, exclude=(held,), epochs=epochs,
                                           architecture=architecture), corpus).to_numpy() for _ in range(2)]
    return runs[0].tobytes() == runs[1].tobytes() and np.array_equal(runs[0], runs[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--architecture", default=proposer.ARCHITECTURE, choices=sorted(proposer.ARCHITECTURES))
    parser.add_argument("--epochs", type=int, default=proposer.EPOCHS)
    parser.add_argument("--smallest", action="store_true", help=f"one fold, {SMALLEST_EPOCHS} epochs")
    args = parser.parse_args()
    epochs = SMALLEST_EPOCHS if args.smallest else args.epochs
    corpus = load_corpus()
    folds = proposer.coded_sources(corpus, CODINGS)
    if args.smallest:
        folds = folds[:1]
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"architecture: {args.architecture}, epochs: {epochs}, folds: {len(folds)}")
    timings: dict[str, float] = {}
    start = time.perf_counter()
    table = cross_validate(corpus, CODINGS, folds=folds, epochs=epochs, timings=timings,
                           architecture=args.architecture)
    total = time.perf_counter() - start
    print(f"{'kind':<8} {'method':<9} {'annotated':>9} {'extracted':>9} {'matched':>7} {'precision':>9} "
          f"{'recall':>6} {'f1':>6}")
    for r in table.reset_index().itertuples():
        print(f"{r.kind:<8} {r.method:<9} {r.annotated:>9} {r.extracted:>9} {r.matched:>7} {r.precision:>9.3f} "
              f"{r.recall:>6.3f} {r.f1:>6.3f}")
    for held, seconds in timings.items():
        print(f"training without {held}: {seconds:.1f} s")
    print(f"training, all folds: {sum(timings.values()):.1f} s (cross-validation in all: {total:.1f} s)")
    same = identical(corpus, folds[0], epochs, args.architecture)
    print(f"two trainings, identical scores: {'yes' if same else 'no'}")


if __name__ == "__main__":
    main()
