"""Read and validate a corpus folder: the manifest (sources.yml) and the article files.

Every problem is collected, none is skipped: `validate_folder` returns the valid
entries, the decoded texts and the full list of problems.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .paths import BOOK, MANIFEST_NAME, ROOT
from .problems import Problem

REQUIRED = ("id", "file", "title", "outlet", "published", "kind")
OPTIONAL = ("author", "url", "published_note")
KINDS = ("news", "analysis", "commentary", "report")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FILE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$")
PUBLISHED_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
NONE = "(none)"
MAX_BYTES = 2_000_000  # an article is a few thousand words; a file this large is a mistake, not a source


def reserved_ids() -> set[str]:
    """Names of the book's own pages (notebooks and prose), as ids: a source must not take one."""
    pages = list((ROOT / "notebooks").glob("*.ipynb")) + list(BOOK.glob("*.md"))
    return {p.stem.lower().replace("_", "-") for p in pages} | {"index", "genindex", "search"}


class _NoDatesLoader(yaml.SafeLoader):
    """A SafeLoader that keeps dates as strings, so that 2024-02-30 is our error, not YAML's crash."""


_NoDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Entry:
    """One valid manifest entry."""

    id: str
    file: str
    title: str
    outlet: str
    author: str | None
    published: str  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    precision: str  # year | month | day
    published_note: str | None
    url: str | None
    kind: str


def parse_published(value: object) -> tuple[str, str]:
    """Return (iso, precision) for a YYYY, YYYY-MM or YYYY-MM-DD value; raise ValueError."""
    text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    m = PUBLISHED_RE.match(text.strip())
    if not m:
        raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as err:
        raise ValueError(f"{text} is not a real date ({err})") from None
    precision = "day" if day else "month" if month else "year"
    return text.strip(), precision


def decode_text(raw: bytes) -> str:
    """Decode article bytes: UTF-8 (a BOM is dropped), CRLF and CR newlines become LF.

    Character offsets in every table refer to this decoded text. Raises ValueError.
    """
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ValueError(f"contains NUL bytes (first at byte {nul}); not a text file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(f"bytes are not UTF-8 (first bad byte at offset {err.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _entry_label(item: object, index: int, line: int) -> str:
    ident = item.get("id") if isinstance(item, dict) else None
    where = f"#{index + 1} (line {line})"
    return f"id {ident} {where}" if isinstance(ident, str) and ident else where


def _entry_lines(text: str) -> list[int]:
    """1-based line number of each top-level entry, for messages."""
    try:
        node = yaml.compose(text, Loader=_NoDatesLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [child.start_mark.line + 1 for child in node.value]


def _check_entry(item: dict, label: str, mfile: str) -> tuple[dict, list[Problem]]:
    problems = []

    def bad(field: str, message: str) -> None:
        problems.append(Problem(mfile, label, field, message))

    clean: dict = {}
    for field in sorted(set(item) - set(REQUIRED) - set(OPTIONAL), key=str):
        bad(str(field), f"unknown field (allowed: {', '.join(REQUIRED + OPTIONAL)})")
    for field in REQUIRED:
        if field not in item or item[field] is None or (isinstance(item[field], str) and not item[field].strip()):
            bad(field, "required field is missing or empty")
    for field in ("id", "file", "title", "outlet", "kind", "author", "url", "published_note"):
        value = item.get(field)
        if value is not None and not isinstance(value, str):
            bad(field, f"must be text, got {type(value).__name__} {value!r}")
        elif isinstance(value, str) and value.strip():
            clean[field] = value.strip()
    if "id" in clean and not ID_RE.match(clean["id"]):
        bad("id", f"{clean['id']!r} must be lowercase letters, digits and single hyphens")
    elif "id" in clean and clean["id"] in reserved_ids():
        bad("id", f"{clean['id']!r} is the name of one of the book's pages; choose another id")
    if "file" in clean and not FILE_RE.match(clean["file"]):
        bad("file", f"{clean['file']!r} must be a plain file name ending in .txt, inside the corpus folder")
    if "kind" in clean and clean["kind"] not in KINDS:
        bad("kind", f"{clean['kind']!r} is not one of {', '.join(KINDS)}")
    if "url" in clean and not clean["url"].startswith("https://"):
        bad("url", f"{clean['url']!r} must be a full https:// address (or null)")
    if item.get("published") is not None:
        try:
            clean["published"], clean["precision"] = parse_published(item["published"])
        except ValueError as err:
            bad("published", str(err))
    return clean, problems


def validate_folder(folder: Path) -> tuple[list[Entry], dict[str, str], list[Problem]]:
    """Validate a corpus folder. Returns (entries, texts by source id, problems)."""
    folder = Path(folder)
    name = folder.name or str(folder)
    mpath = folder / MANIFEST_NAME
    mfile = f"{name}/{MANIFEST_NAME}"
    problems: list[Problem] = []
    if not folder.is_dir():
        return [], {}, [Problem(name, NONE, "-", "corpus folder does not exist or is not a folder")]
    if not mpath.is_file():
        problems.append(Problem(mfile, NONE, "-", "the manifest is missing"))
        raw_items: list = []
        lines: list[int] = []
    else:
        try:
            mtext = decode_text(mpath.read_bytes())
            loaded = yaml.load(mtext, Loader=_NoDatesLoader)
        except ValueError as err:
            loaded, mtext = None, ""
            problems.append(Problem(mfile, NONE, "-", str(err)))
        except yaml.YAMLError as err:
            loaded, mtext = None, ""
            mark = getattr(err, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark else ""
            problems.append(Problem(mfile, NONE, "-", f"not valid YAML{where}: {getattr(err, 'problem', err)}"))
        if loaded is None and mtext.strip() == "" and not problems:
            loaded = []
        if loaded is not None and not isinstance(loaded, list):
            problems.append(Problem(mfile, NONE, "-", "must be a list of entries (one '- id: ...' block per source)"))
            loaded = []
        raw_items = loaded or []
        lines = _entry_lines(mtext)

    entries: list[Entry] = []
    seen_ids: dict[str, str] = {}
    seen_files: dict[str, str] = {}
    for index, item in enumerate(raw_items):
        label = _entry_label(item, index, lines[index] if index < len(lines) else 0)
        if not isinstance(item, dict):
            problems.append(Problem(mfile, label, "-", "entry must be a mapping of field: value"))
            continue
        clean, entry_problems = _check_entry(item, label, mfile)
        problems += entry_problems
        if "id" in clean:
            if clean["id"] in seen_ids:
                problems.append(Problem(mfile, label, "id", f"duplicate id {clean['id']!r} (also {seen_ids[clean['id']]})"))
                entry_problems.append(problems[-1])
            else:
                seen_ids[clean["id"]] = label
        if "file" in clean and FILE_RE.match(clean["file"]):
            fpath = folder / clean["file"]
            if clean["file"] in seen_files:
                problems.append(Problem(mfile, label, "file", f"{clean['file']} is already listed by {seen_files[clean['file']]}"))
                entry_problems.append(problems[-1])
            elif not fpath.is_file():
                problems.append(Problem(f"{name}/{clean['file']}", label, "file", "the file listed in the manifest does not exist"))
                entry_problems.append(problems[-1])
            seen_files.setdefault(clean["file"], label)
        if not entry_problems:
            entries.append(
                Entry(
                    id=clean["id"], file=clean["file"], title=clean["title"], outlet=clean["outlet"],
                    author=clean.get("author"), published=clean["published"], precision=clean["precision"],
                    published_note=clean.get("published_note"), url=clean.get("url"), kind=clean["kind"],
                )
            )

    listed = set(seen_files)
    for path in sorted(folder.glob("*.txt")):
        if path.name not in listed:
            problems.append(Problem(f"{name}/{path.name}", NONE, "file", "article file has no entry in the manifest"))

    texts: dict[str, str] = {}
    valid: list[Entry] = []
    root = folder.resolve()
    for entry in entries:
        fname = f"{name}/{entry.file}"
        label = f"id {entry.id}"
        path = folder / entry.file
        if path.is_symlink() and root not in path.resolve().parents:
            problems.append(Problem(fname, label, "file", "is a symbolic link to a file outside the corpus folder"))
            continue
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.append(Problem(fname, label, "file", f"is {size:,} bytes, over the limit of {MAX_BYTES:,}"))
            continue
        try:
            text = decode_text(path.read_bytes())
        except ValueError as err:
            problems.append(Problem(fname, label, "file", str(err)))
            continue
        if not text.strip():
            problems.append(Problem(fname, label, "file", "the file is empty"))
            continue
        texts[entry.id] = text
        valid.append(entry)
    return valid, texts, sorted(problems)
