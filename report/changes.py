"""What changed in the book since a git ref: `python -m report changes REF`.

The book's inputs at REF (the seeds and the adjudicated codings, read from git) and in the working tree
are each read with the working tree's code, so that the comparison shows what the sources and the codings
changed: the key judgments whose text, confidence or basis changed, the key judgments whose checks now
fail, the key figures that changed, and the evidence rows (statements and claims) added or removed per
source, with their coding status. A change of the code itself is not compared (read its diff); the
chapters' own guards run with the notebooks (`make notebooks` names every sentence that fails).

The cite page of the web edition lists the changes since the previous tagged version
(`report.publish.buildinfo.previous_tag`): `python -m report cite-changes FILE` writes them (`since_previous_tag`),
`make book` runs it when the inputs or the tags change, and the page's `changes-since-tag` directive
(`report.publish.sphinx_fixes`) renders them.
"""

from __future__ import annotations

import json
import os
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
from .problems import CorpusError
from .publish import buildinfo
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


def _git(repo: Path, *args: str, text: bool = True) -> subprocess.CompletedProcess:
    """git in `repo` (not the repository GIT_DIR may name); RefError when git cannot be run."""
    env = {k: v for k, v in os.environ.items() if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")}
    try:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=text, check=False,
                              env={**env, "GIT_OPTIONAL_LOCKS": "0"})
    except OSError as err:
        raise RefError(f"git cannot be run: {err.strerror or err}") from err


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
        listed = _git(repo, "ls-tree", "-r", "-z", "--name-only", ref, "--", rel)
        if listed.returncode != 0:
            raise RefError(f"the files of {ref!r} cannot be read from the git repository {repo}")
        for path in filter(None, listed.stdout.split("\0")):
            blob = _git(repo, "show", f"{ref}:{path}", text=False)
            if blob.returncode != 0:
                raise RefError(f"{path} at {ref!r} cannot be read from the git repository {repo}")
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
                       "basis": basis(corpus, j.confidence, j.contradicting, j.basis_template, j.divided),
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
    try:
        folders = {"seeds": Path(seeds).resolve().relative_to(repo).as_posix(),
                   "codings": Path(codings_folder).resolve().relative_to(repo).as_posix()}
    except ValueError as err:
        raise RefError(f"the seeds and codings compared must be folders of the git repository {repo}") from err
    with tempfile.TemporaryDirectory() as tmp:
        old = checkout_inputs(repo, ref, Path(tmp), folders)
        before = state(old["seeds"], old["codings"])
        after = state(seeds, codings_folder)
    return compare(before, after)


def since_previous_tag(repo: Path = ROOT, seeds: Path = SEEDS, codings_folder: Path = CODINGS) -> dict:
    """What the cite page lists: the previous tagged version of `repo` (`tag`, `commit`, `date`; `tag` is None
    when there is none) and the changes since it (`lines`, as `changes` gives them), or `error` (one line) when
    they cannot be compared (a shallow clone without the tag's commit; sources this version cannot read)."""
    tag = buildinfo.previous_tag(repo)
    if tag is None:
        return {"tag": None}
    out = {"tag": tag.name, "commit": tag.commit, "date": tag.date}
    try:
        out["lines"] = changes(f"refs/tags/{tag.name}", repo, seeds, codings_folder)
    except RefError as err:
        out["error"] = str(err)
    except CorpusError as err:  # the sources of the tagged version do not read with this version's code
        out["error"] = f"the sources of {tag.name} cannot be read: {err.problems[0] if err.problems else err}"
    return out


def write_since_previous_tag(out: Path, repo: Path = ROOT, seeds: Path = SEEDS,
                             codings_folder: Path = CODINGS) -> bool:
    """Write `since_previous_tag` to `out` as JSON, unless the file already holds exactly that (so that its
    modification time, which tells Sphinx to re-read the cite page, changes only with its content). True if
    written."""
    text = json.dumps(since_previous_tag(repo, seeds, codings_folder), indent=1, ensure_ascii=False,
                      sort_keys=True) + "\n"
    out = Path(out)
    try:
        if out.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    return True
