"""Guards on interpretive sentences: a sentence that depends on the data is published only while
the data bear it out. A failed guard stops the notebook (and so the build) with a message naming
the sentence; README ("When a guard fails") says what to do.

With REPORT_GUARDS_LOG set to a file, a failed guard is written to it (one JSON line: page, sentence,
reason) instead of stopping the notebook, so that one run of every page names every sentence that no
longer holds (`python -m report run-notebooks` does this, and then fails)."""

from __future__ import annotations

import json
import os
from pathlib import Path

LOG = "REPORT_GUARDS_LOG"  # where failed guards are collected instead of raised
PAGE = "REPORT_PAGE"  # the page being executed, named in the collected line


class GuardFailed(AssertionError):
    """An interpretive sentence of the book no longer holds on the data."""


def guard(sentence: str, holds: bool, why: str = "") -> None:
    """Raise GuardFailed naming `sentence` (its first words suffice) unless `holds`; with REPORT_GUARDS_LOG
    set, append the failure to that file instead."""
    guard_all([(sentence, holds, why)])


def guard_all(checks: list[tuple[str, bool, str]]) -> None:
    """`guard` on several sentences at once, (sentence, holds, why) each: one GuardFailed names every
    sentence that fails (or each is appended to REPORT_GUARDS_LOG)."""
    failed = [(sentence, why) for sentence, holds, why in checks if not holds]
    if not failed:
        return
    log = os.environ.get(LOG)
    if log:
        with Path(log).open("a", encoding="utf-8") as f:
            for sentence, why in failed:
                f.write(json.dumps({"page": os.environ.get(PAGE, ""), "sentence": sentence, "why": why}) + "\n")
        return
    raise GuardFailed("\n".join(f'The sentence "{sentence}" no longer holds on the data' + (f": {why}" if why else "")
                                for sentence, why in failed)
                      + ". Revise the sentence or the evidence (README, 'When a guard fails').")


def collected(log: Path) -> list[dict]:
    """The failed guards written to `log` (page, sentence, why), in the order they failed."""
    log = Path(log)
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]


def guard_checks(sentence: str, failures: list[str]) -> None:
    """`guard` on the failures of key-judgment checks (report.analysis.judgments.check): the sentence
    holds when there are none."""
    guard(sentence, not failures, "; ".join(failures))
