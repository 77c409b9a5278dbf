"""What changed in the book since a git ref: `python -m report changes REF`.

The book's inputs at REF (the seeds and the adjudicated codings, read from git) and in the working tree
are each read with the working tree's code, so that the comparison shows what the sources and the codings
changed: the key judgments whose text, confidence or basis changed, the key judgments whose checks now
fail, the key figures that changed, and the evidence rows (statements and claims) added or removed per
source, with their coding status. A change of the code itself is not compared (read its diff); the
chapters' own guards run with the notebooks (`make notebooks` names every sentence that fails).
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import codings
from .analysis import judgments
from .analysis.door import MACHINE, REVIEWED, reviewed_evidence, using_evidence
from .corpus import load_corpus
from .paths import CODINGS, ROOT, SEEDS
from .tables.key_judgments import basis, key_facts

ROW_KEYS = {"statements": ["source_id", "paragraph", "sentence", "actor_id", "act", "polarity"],
            "claims": ["source_id", "paragraph", "sentence", "kind", "category", "stance"]}


class RefError(ValueError):
    """A git ref that cannot be read (unknown, or a folder that is not a git checkout)."""


@dataclass
class State:
    """What the book says on one set of inputs: judgments (id -> text, confidence, basis, failures), key
    figures (fact -> value and note) and the evidence rows of statements and claims."""

    judgments: dict[str, dict]
    figures: dict[str, str]
    rows: dict[str, pd.DataFrame]


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)


def checkout_inputs(repo: Path, ref: str, into: Path, folders: dict[str, str]) -> dict[str, Path]:
    """The folders of `repo` at `ref` (name -> path inside the repository), written under `into`: name ->
    the folder written (empty when the folder did not exist at `ref`). Raises RefError naming the ref
    when git cannot read it."""
    if _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise RefError(f"{ref!r} is not a commit of the git repository {repo}")
    out = {}
    for name, rel in folders.items():
        target = into / name
        target.mkdir(parents=True)
        for path in _git(repo, "ls-tree", "-r", "--name-only", ref, "--", rel).stdout.splitlines():
            blob = subprocess.run(["git", "-C", str(repo), "show", f"{ref}:{path}"], capture_output=True, check=True)
            dest = target / Path(path).relative_to(rel)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(blob.stdout)
        out[name] = target
    return out


def state(seeds: Path, codings_folder: Path) -> State:
    """What the book says on the seeds and codings given (read with this checkout's code)."""
    corpus = load_corpus(seeds)
    ev = reviewed_evidence(corpus, codings.adjudicated_files_for(corpus, codings_folder))
    tables = {"statements": ev["statements"], "claims": ev["claims"]}
    with using_evidence(tables):
        judged = judgments.judgments(corpus)
        said = {j.id: {"text": " ".join(j.text.split()), "confidence": j.label,
                       "basis": basis(corpus, j.confidence, j.contradicting, j.basis_template),
                       "failures": list(j.failures)} for j in judged}
        facts = key_facts(corpus)
        figures = {f.fact: f"{f.value} ({f.note})" for f in facts.itertuples()}
    rows = {name: t.assign(stance=t.get("stance", "affirmed"))[ROW_KEYS[name] + ["coded"]].drop_duplicates()
            for name, t in tables.items()}
    return State(said, figures, rows)


def compare(before: State, after: State) -> list[str]:
    """The changes from `before` to `after`, as lines a reader can follow, most important first."""
    lines: list[str] = []
    for jid in sorted(set(before.judgments) | set(after.judgments)):
        a, b = before.judgments.get(jid), after.judgments.get(jid)
        if a is None or b is None:
            lines.append(f"key judgment {jid}: {'added' if a is None else 'removed'}")
            continue
        for field in ("text", "confidence", "basis"):
            if a[field] != b[field]:
                lines.append(f"key judgment {jid}: {field} was \"{a[field]}\", now \"{b[field]}\"")
        if b["failures"] and b["failures"] != a["failures"]:
            lines.append(f"key judgment {jid}: no longer holds: {'; '.join(b['failures'])}")
    for fact in sorted(set(before.figures) | set(after.figures)):
        a, b = before.figures.get(fact, "(none)"), after.figures.get(fact, "(none)")
        if a != b:
            lines.append(f"key figure {fact}: was {a}, now {b}")
    for name in ("statements", "claims"):
        key = ROW_KEYS[name]
        old, new = before.rows[name], after.rows[name]
        both = old.merge(new, on=key, how="outer", indicator=True, suffixes=("_before", ""))
        for sid in sorted(set(both.source_id)):
            mine = both[both.source_id == sid]
            added, removed = mine[mine._merge == "right_only"], mine[mine._merge == "left_only"]
            kept = mine[mine._merge == "both"]
            reviewed = int(((kept.coded_before == MACHINE) & (kept.coded == REVIEWED)).sum())
            if len(added) or len(removed) or reviewed:
                status = ", ".join(f"{n} {s}" for s, n in added.coded.value_counts().sort_index().items())
                lines.append(f"{name} of {sid}: {len(added)} added" + (f" ({status})" if status else "")
                             + f", {len(removed)} removed" + (f", {reviewed} confirmed by review" if reviewed else ""))
    return lines


def changes(ref: str, repo: Path = ROOT, seeds: Path = SEEDS, codings_folder: Path = CODINGS) -> list[str]:
    """The changes between the book's inputs at `ref` and in the working tree (`seeds` and `codings_folder`,
    folders of the git repository `repo`)."""
    repo = Path(repo).resolve()
    folders = {"seeds": Path(seeds).resolve().relative_to(repo).as_posix(),
               "codings": Path(codings_folder).resolve().relative_to(repo).as_posix()}
    with tempfile.TemporaryDirectory() as tmp:
        old = checkout_inputs(repo, ref, Path(tmp), folders)
        before = state(old["seeds"], old["codings"])
        after = state(seeds, codings_folder)
    return compare(before, after)
