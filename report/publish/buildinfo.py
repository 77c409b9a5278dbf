"""What a build of the book says about itself: its version (the commit it was built from) and how to
cite it (from `CITATION.cff`), for the page footers, the cite page and the PDF's title page.

The version is read from git at build time: the short commit hash and the commit's date (not the
wall clock, so two builds of one commit are identical). A folder that is not the top of a git
working tree (a scratch copy, a source archive) gives `UNVERSIONED`; a working tree with uncommitted
changes to tracked files gives the hash followed by `+modified`. Nothing here raises on a missing git,
repository or citation file.

The previous tagged version (`previous_tag`), whose changes the cite page lists, is the newest git tag reachable
from HEAD that does not name HEAD itself (the book built from tag `v2` lists the changes since `v1`); None when
there is none, or no git, or no history to read it from.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

UNVERSIONED = "unversioned"
SHORT = 7  # hex digits of the commit shown (git extends it only if it is ambiguous)
DEFAULT_LICENSE_NAMES = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
}


@dataclass(frozen=True)
class Version:
    """`commit`: short hash (with `+modified` for a dirty tree) or `UNVERSIONED`; `date`: the
    commit's date, YYYY-MM-DD, or "" when unversioned."""

    commit: str = UNVERSIONED
    date: str = ""

    @property
    def year(self) -> str:
        return self.date[:4]

    def label(self) -> str:
        """`version 1a2b3c4 of 2026-11-27`, or `unversioned build`."""
        return f"version {self.commit} of {self.date}" if self.date else f"{UNVERSIONED} build"


def _git(root: Path, *args: str) -> str | None:
    git = shutil.which("git")
    if git is None:
        return None
    try:
        # the caller's environment (HOME: a safe.directory setting), but no GIT_DIR or GIT_WORK_TREE
        # pointing git at another repository than `root`
        env = {k: v for k, v in os.environ.items() if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")}
        run = subprocess.run([git, "-C", str(root), *args], capture_output=True, text=True, timeout=60,
                             env={**env, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except (OSError, subprocess.SubprocessError):
        return None
    return run.stdout.strip() if run.returncode == 0 else None


def version(root: Path) -> Version:
    """The version of the book in `root` (see the module docstring)."""
    root = Path(root).resolve()
    top = _git(root, "rev-parse", "--show-toplevel")
    if not top or Path(top).resolve() != root:
        return Version()
    info = _git(root, "show", "-s", f"--abbrev={SHORT}", "--format=%h%n%cs", "HEAD")
    if not info or len(info.splitlines()) != 2:
        return Version()
    commit, date = info.splitlines()
    if _git(root, "status", "--porcelain", "--untracked-files=no"):
        commit += "+modified"
    return Version(commit, date)


@dataclass(frozen=True)
class Tag:
    """A tagged version: the tag's name, its commit (short hash) and the commit's date (YYYY-MM-DD)."""

    name: str
    commit: str
    date: str

    def key(self) -> str:
        """One line that changes whenever the tag names another version."""
        return f"{self.name} {self.commit} {self.date}"


def previous_tag(root: Path) -> Tag | None:
    """The previous tagged version of the book in `root` (see the module docstring), or None."""
    root = Path(root).resolve()
    top = _git(root, "rev-parse", "--show-toplevel")
    if not top or Path(top).resolve() != root:
        return None
    at_head = (_git(root, "tag", "--points-at", "HEAD") or "").splitlines()
    # a tag name holds none of the characters of a git pattern (* ? [ and the backslash): it excludes itself only
    name = _git(root, "describe", "--tags", "--abbrev=0", *[f"--exclude={t}" for t in at_head], "HEAD")
    if not name:
        return None
    info = _git(root, "show", "-s", f"--abbrev={SHORT}", "--format=%h%n%cs", f"refs/tags/{name}^{{commit}}")
    if not info or len(info.splitlines()) != 2:
        return None
    commit, date = info.splitlines()
    return Tag(name, commit, date)


@dataclass(frozen=True)
class Citation:
    """The book's citation: from `CITATION.cff`, else the fallbacks given to `citation()`."""

    title: str
    authors: list[str]
    license: str = ""
    repository: str = ""
    abstract: str = ""
    keywords: list[str] = field(default_factory=list)

    @property
    def license_name(self) -> str:
        return DEFAULT_LICENSE_NAMES.get(self.license, (self.license, ""))[0]

    @property
    def license_url(self) -> str:
        return DEFAULT_LICENSE_NAMES.get(self.license, ("", ""))[1]


def _person(entry) -> str:
    if not isinstance(entry, dict):
        return str(entry)
    if entry.get("name"):
        return str(entry["name"])
    return " ".join(str(entry[k]) for k in ("given-names", "name-particle", "family-names", "name-suffix")
                    if entry.get(k))


def citation(root: Path, title: str = "", author: str = "") -> Citation:
    """The citation of the book in `root`, read from its `CITATION.cff`; without one (or with one that
    cannot be read), `title` and `author` stand in."""
    try:
        cff = yaml.safe_load((Path(root) / "CITATION.cff").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        cff = None
    if not isinstance(cff, dict):
        return Citation(title=title, authors=[author] if author else [])
    text = lambda key: " ".join(str(cff.get(key) or "").split())  # noqa: E731
    authors = [_person(a) for a in cff.get("authors") or []] or ([author] if author else [])
    keywords = [str(k) for k in cff.get("keywords") or []]
    return Citation(title=text("title") or title, authors=authors, license=text("license"),
                    repository=text("repository-code"), abstract=text("abstract"), keywords=keywords)


BIBTEX_KEY = "russia-taliban-recognition"


def bibtex(cite: Citation, ver: Version) -> str:
    """The book's BibTeX entry: plain text, one field a line, the version in `version` and `note`."""
    plain = lambda s: s.replace("{", "(").replace("}", ")").replace("\\", "/")  # noqa: E731
    braced = lambda s: "{" + plain(s) + "}"  # noqa: E731
    # each author in its own braces: a corporate name is not split into given and family names
    fields = [("title", braced(cite.title)),
              ("author", "{" + " and ".join(braced(a) for a in cite.authors) + "}")]
    if ver.year:
        fields.append(("year", braced(ver.year)))
    fields.append(("version", braced(ver.commit)))
    if cite.repository:
        fields.append(("howpublished", "{\\url{" + plain(cite.repository) + "}}"))
        fields.append(("url", braced(cite.repository)))
    note = f"Jupyter Book, {ver.label()}"
    if cite.license:
        note += f"; licence {cite.license}"
    fields.append(("note", braced(note)))
    # no padding to align the "=": a PDF reader copies a run of spaces as a line break
    body = ",\n".join(f"  {k} = {v}" for k, v in fields)
    return f"@book{{{BIBTEX_KEY},\n{body}\n}}"


def reference_parts(cite: Citation, ver: Version) -> tuple[str, str, str]:
    """The book as a formatted reference (author-year, the version named): the text before the title,
    the title (to be set in italics) and the text after it."""
    authors = "; ".join(cite.authors) or "Anonymous"
    after = [f". Jupyter Book, {ver.label()}."]
    if cite.repository:
        after.append(f" {cite.repository}.")
    if cite.license:
        after.append(f" Licence: {cite.license}.")
    return f"{authors} ({ver.year or 'n.d.'}). ", cite.title, "".join(after)


def reference(cite: Citation, ver: Version) -> str:
    """`reference_parts` as one line of plain text."""
    return "".join(reference_parts(cite, ver))
