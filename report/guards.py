"""Guards on interpretive sentences: a sentence that depends on the data is published only while
the data bear it out. A failed guard stops the notebook (and so the build) with a message naming
the sentence; README ("When a guard fails") says what to do."""

from __future__ import annotations


class GuardFailed(AssertionError):
    """An interpretive sentence of the book no longer holds on the data."""


def guard(sentence: str, holds: bool, why: str = "") -> None:
    """Raise GuardFailed naming `sentence` (its first words suffice) unless `holds`."""
    if not holds:
        raise GuardFailed(f'The sentence "{sentence}" no longer holds on the data'
                          + (f": {why}" if why else "") + ". Revise the sentence or the evidence "
                          "(README, 'When a guard fails').")


def guard_checks(sentence: str, failures: list[str]) -> None:
    """`guard` on the failures of key-judgment checks (report.analysis.judgments.check): the sentence
    holds when there are none."""
    guard(sentence, not failures, "; ".join(failures))
