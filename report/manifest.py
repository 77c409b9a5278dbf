"""Read and validate a corpus folder: the manifest (sources.yml) and the article files.

Every problem is collected, none is skipped: `validate_folder` returns the valid
entries, the decoded texts and the full list of problems, and never raises on any input
(an unreadable file or folder, broken YAML, a hostile value are problems like the others).

Limits and rules enforced here:

- an article or the manifest is a regular file of at most `MAX_BYTES` bytes, inside the corpus
  folder (a symbolic link may point only inside it), UTF-8 without NUL bytes; an article must
  have visible text (not only whitespace or zero-width characters);
- the manifest is read with every scalar kept as text (only `null` is resolved): YAML 1.1 would
  turn `0x7E8` into 2024, `20:24` into 1224 and `yes` into True. YAML anchors and aliases
  (`&a`, `*a`), explicit tags (`!!int`) and collections nested deeper than `MAX_DEPTH` are
  refused before the document is built, so no value is ever expanded;
- a key given twice in an entry is an error (YAML would keep the last one silently);
- `published` is ASCII `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real date, with a year from
  `MIN_YEAR` to the current year plus one; `url` is a full `https://` address with a host, and
  `accessed` (the day it was read, YYYY-MM-DD, not after today) is given only with a url;
- every `.txt` file of the folder, in any letter case, must be listed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from . import codebook
from .paths import MANIFEST_NAME, book_pages
from .problems import Problem, name, show

REQUIRED = ("id", "file", "title", "outlet", "published", "kind")
OPTIONAL = ("author", "url", "accessed", "published_note", "publisher", "expertise", "sourcing", "origin", "based_on",
            "licence", "licence_note")
KINDS = ("news", "analysis", "commentary", "report")
# the source's profile (optional; an unprofiled source counts as the weakest in the reading layer)
SOURCING = ("on-record", "partly", "none")  # how far its facts are attributed to named people or documents
ORIGINS = ("primary", "derivative")  # its own reporting or analysis, or a rewrite of another report
EXPERTISE = ("specialist", "general")  # whether its authors or publisher work on the region or the subject
# the licences a source may carry, in the order `check` names them (codebook/licences.yml)
LICENCES = tuple(codebook.load("licences")["licences"])
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FILE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$")
PUBLISHED_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", re.ASCII)
NONE = "(none)"
MAX_BYTES = 2_000_000  # an article is a few thousand words; a file this large is a mistake, not a source
MAX_MANIFEST_BYTES = MAX_BYTES
MAX_DEPTH = 8  # nesting of YAML collections; a manifest needs 2 (a list of mappings)
MIN_YEAR = 1900
_TEXT_FIELDS = ("id", "file", "title", "outlet", "kind", "author", "url", "accessed", "published_note", "publisher",
                "expertise", "sourcing", "origin",
                "based_on", "licence", "licence_note")
_CHOICES = {"kind": KINDS, "sourcing": SOURCING, "origin": ORIGINS, "expertise": EXPERTISE, "licence": LICENCES}
_NULL_TAG = "tag:yaml.org,2002:null"
_ALLOWED_TAGS = {None, "!", "tag:yaml.org,2002:str"}
# characters that show nothing: besides whitespace, format characters (zero-width space, joiners,
# BOM, bidirectional marks), controls, surrogates, lone combining marks and the blank "letters"
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Cs", "Mn", "Me", "Zs", "Zl", "Zp"}
_INVISIBLE = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}


def reserved_ids() -> set[str]:
    """Names of the book's own pages (notebooks and prose), as ids: a source must not take one."""
    return {p.stem.lower().replace("_", "-") for p in book_pages()} | {"index", "genindex", "search"}


class _Refused:
    """Stands for a value the manifest may not hold (an alias, a tagged or too deeply nested
    value): it is reported once, by `_scan_events`, and never built or expanded."""

    def __repr__(self) -> str:
        return "<refused>"


_REFUSED = _Refused()
_REFUSED_TAG = "tag:report,2026:refused"


class _TextLoader(yaml.SafeLoader):
    """A SafeLoader that keeps every scalar as text: only `null` (and `~`, empty) is resolved.

    Dates stay strings (so 2024-02-30 is our error, not YAML's crash), and so do the YAML 1.1
    integers, floats and booleans (`0x7E8`, `20:24`, `1_000`, `yes`), the merge key `<<` and `=`.
    An alias, a value with an explicit tag and a collection nested deeper than MAX_DEPTH are
    composed as one placeholder (`_REFUSED`) without reading what they stand for, and anchors are
    never registered: no value is ever expanded, and composing never recurses deeper than
    MAX_DEPTH.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def _refused_node(self) -> yaml.Node:
        first = self.get_event()
        level = 1 if isinstance(first, yaml.CollectionStartEvent) else 0
        while level:
            event = self.get_event()
            level += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
        return yaml.ScalarNode(_REFUSED_TAG, "", first.start_mark, first.end_mark)

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "tag", None) not in _ALLOWED_TAGS:
            return self._refused_node()
        if isinstance(event, yaml.ScalarEvent):
            return self.compose_scalar_node(None)
        if self._depth >= MAX_DEPTH:
            return self._refused_node()
        self._depth += 1
        try:
            if isinstance(event, yaml.SequenceStartEvent):
                return self.compose_sequence_node(None)
            return self.compose_mapping_node(None)
        finally:
            self._depth -= 1


_TextLoader.yaml_implicit_resolvers = {
    first: kept
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    if (kept := [(tag, regexp) for tag, regexp in resolvers if tag == _NULL_TAG])
}
_TextLoader.add_constructor(_REFUSED_TAG, lambda loader, node: _REFUSED)


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
    accessed: str | None = None  # when the url was read: YYYY-MM-DD
    publisher: str | None = None  # who publishes it, and from where
    expertise: str | None = None  # specialist | general
    sourcing: str | None = None
    origin: str | None = None
    based_on: str | None = None  # the report it rewrites: a source id of the corpus, or a description
    licence: str | None = None
    licence_note: str | None = None


def parse_published(value: object, today: dt.date | None = None) -> tuple[str, str]:
    """Return (iso, precision) for a YYYY, YYYY-MM or YYYY-MM-DD text in ASCII digits, a real date
    whose year is from MIN_YEAR to the current year plus one; raise ValueError."""
    text = value.strip() if isinstance(value, str) else None
    m = PUBLISHED_RE.fullmatch(text) if text is not None else None
    if not m:
        raise ValueError(f"{show(value)} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD (ASCII digits)")
    year, month, day = (int(g) if g else None for g in m.groups())
    latest = (today or dt.date.today()).year + 1
    if not MIN_YEAR <= year <= latest:
        raise ValueError(f"{text}: the year must be from {MIN_YEAR} to {latest}")
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as err:
        raise ValueError(f"{text} is not a real date ({err})") from None
    precision = "day" if day else "month" if month else "year"
    return text, precision


def accessed_problem(value: str, today: dt.date | None = None) -> str | None:
    """Why `value` is not the day a url was read (a real YYYY-MM-DD date, not after today), or None."""
    try:
        day = dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value, re.ASCII) else None
    except ValueError:
        day = None
    if day is None:
        return f"{show(value)} is not a real date of the form YYYY-MM-DD"
    if day > (today or dt.date.today()):
        return f"{value} is after today: the url cannot have been read then"
    return None


def url_problem(url: str) -> str | None:
    """Why `url` is not a full https address with a host, or None."""
    bad = f"{show(url)} must be a full https:// address with a host (or null)"
    if not url.startswith("https://") or any(ch.isspace() or not ch.isprintable() for ch in url):
        return bad
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 (raises ValueError on a port that is not a number)
    except ValueError:
        return bad
    if not host or host.startswith(".") or ".." in host:
        return bad
    return None


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


def has_visible_text(text: str) -> bool:
    """Whether `text` holds a character that shows: not whitespace, not zero-width or format."""
    return any(not ch.isspace() and ch not in _INVISIBLE and unicodedata.category(ch) not in _INVISIBLE_CATEGORIES
               for ch in text)


def os_reason(err: OSError) -> str:
    """An OSError as a few words, without the path (the problem line names the file)."""
    if isinstance(err, PermissionError):
        return "permission denied"
    return (err.strerror or type(err).__name__).lower() if isinstance(err, OSError) else type(err).__name__


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, reading at most `limit` + 1 bytes.

    Raises ValueError with a message (not a regular file, over the limit) or OSError. Opening is
    non-blocking, so a FIFO or a device never makes it wait.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise ValueError("is not a regular file")
        if st.st_size > limit:
            raise ValueError(f"is {st.st_size:,} bytes, over the limit of {limit:,}")
        raw = fh.read(limit + 1)
    if len(raw) > limit:
        raise ValueError(f"is over the limit of {limit:,} bytes")
    return raw


def _read_inside(path: Path, root: Path | None, limit: int, what: str) -> tuple[bytes | None, str | None]:
    """(bytes, None) or (None, message) for a file that must lie inside the folder `root`."""
    try:
        st = path.lstat()
    except FileNotFoundError:
        return None, "missing"
    except OSError as err:
        return None, f"cannot be read: {os_reason(err)}"
    if stat.S_ISLNK(st.st_mode):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return None, "is a symbolic link that leads nowhere (broken, or a loop)"
        if root is None or root not in target.parents:
            return None, f"is a symbolic link to a file outside the corpus folder; {what} must be inside it"
    elif stat.S_ISDIR(st.st_mode):
        return None, "is a folder, not a file"
    try:
        return read_regular_file(path, limit), None
    except ValueError as err:
        return None, str(err)
    except OSError as err:
        return None, f"cannot be read: {os_reason(err)}"


# ------------------------------------------------------------------------------------------
# The manifest as YAML
# ------------------------------------------------------------------------------------------

def _yaml_problem(err: Exception, mfile: str, text: str = "") -> Problem:
    if isinstance(err, yaml.reader.ReaderError) and isinstance(err.character, (int, str)):
        line = text.count("\n", 0, err.position) + 1
        code = err.character if isinstance(err.character, int) else ord(err.character[:1] or "\0")
        return Problem(mfile, NONE, "-", f"not valid YAML at line {line}: the character U+{code:04X} "
                                         "is not allowed (write it as an escape in a double-quoted string)")
    mark = getattr(err, "problem_mark", None)
    where = f" at line {mark.line + 1}" if mark else ""
    detail = getattr(err, "problem", None) or type(err).__name__
    return Problem(mfile, NONE, "-", f"not valid YAML{where}: {name(str(detail), 120)}")


def _scan_events(text: str, mfile: str, loader=None) -> tuple[list[Problem], Problem | None]:
    """(problems, fatal): anchors, aliases, explicit tags and deep nesting, found from the event
    stream alone (before any node is composed or any value built), naming the entry and field;
    `fatal` is the syntax error that stops the YAML from being read at all, if any."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    stack: list[dict] = []  # open collections: {"map": bool, "key_next": bool, "key": str}
    entry, entry_line, entry_id = -1, 0, None

    def where() -> tuple[str, str]:
        label = _entry_label({"id": entry_id}, entry, entry_line) if entry >= 0 and len(stack) >= 2 else NONE
        field = "-"
        if len(stack) >= 2 and stack[0]["map"] is False and stack[1]["map"] and stack[1]["key"] is not None:
            field = stack[1]["key"]
        return label, field

    def refuse(message: str) -> None:
        label, field = where()
        if (label, field) not in seen:
            seen.add((label, field))
            problems.append(Problem(mfile, label, field, message))

    try:
        for event in yaml.parse(text, Loader=loader or _TextLoader):
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                stack.pop()
                continue
            if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
                continue
            if stack:
                parent = stack[-1]
                if parent["map"]:
                    if parent["key_next"]:
                        parent["key"] = name(event.value, 40) if isinstance(event, yaml.ScalarEvent) else "?"
                    elif (len(stack) == 2 and not stack[0]["map"] and parent["key"] == "id"
                          and isinstance(event, yaml.ScalarEvent)):
                        entry_id = event.value  # for the messages of a manifest that cannot be built
                    parent["key_next"] = not parent["key_next"]
                elif len(stack) == 1:
                    entry, entry_line, entry_id = entry + 1, event.start_mark.line + 1, None
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                refuse(f"uses the YAML alias *{name(event.anchor, 40)} (line {line}): anchors and aliases are "
                       "not allowed; write each value out")
            elif event.anchor is not None:
                refuse(f"defines the YAML anchor &{name(event.anchor, 40)} (line {line}): anchors and aliases "
                       "are not allowed; write each value out")
            elif getattr(event, "tag", None) not in _ALLOWED_TAGS:
                refuse(f"uses the YAML tag {name(event.tag, 40)} (line {line}): tags are not allowed")
            if isinstance(event, yaml.CollectionStartEvent):
                stack.append({"map": isinstance(event, yaml.MappingStartEvent), "key_next": True, "key": None})
                if len(stack) > MAX_DEPTH:  # stop reading: PyYAML's cost grows with the square of the depth
                    label, field = where()
                    return problems, Problem(mfile, label, field, f"lists or mappings nested more than {MAX_DEPTH} "
                                             f"deep (line {line}); a manifest is a list of field: value mappings")
    except yaml.YAMLError as err:
        return problems, _yaml_problem(err, mfile, text)
    return problems, None


try:  # libyaml's parser, when PyYAML was built with it
    from yaml.cyaml import CParser as _CParser
except ImportError:  # pragma: no cover - the pinned wheel has it
    _CParser = None


class _FastTextLoader(_CParser or yaml.parser.Parser, yaml.composer.Composer, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """`_TextLoader` on libyaml's parser: the same composer and constructors (every scalar as text, the same
    refusals), the events read in C. Used only on text that `_scan_events` (also on libyaml) found clean;
    any other text goes through the pure-Python `_TextLoader`, whose messages the checks give."""

    get_single_node = yaml.composer.Composer.get_single_node  # CParser's own would compose in C
    compose_document = yaml.composer.Composer.compose_document
    compose_node = _TextLoader.compose_node
    _refused_node = _TextLoader._refused_node

    def __init__(self, stream):
        _CParser.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._depth = 0


_FastTextLoader.yaml_implicit_resolvers = _TextLoader.yaml_implicit_resolvers
_FastTextLoader.yaml_constructors = _TextLoader.yaml_constructors
_FAST = _CParser is not None


def _load_fast(text: str) -> tuple[object, yaml.Node | None] | None:
    """(data, node) read on libyaml when the text has no problem at all, else None (the caller reads it
    again the slow way, which names every problem)."""
    if yaml.reader.Reader.NON_PRINTABLE.search(text) or any(c in text for c in "\t\ufeff!"):
        return None  # what PyYAML's reader refuses or reads otherwise than libyaml: tabs, a BOM in a line, "!"
    try:
        problems, fatal = _scan_events(text, "", yaml.CSafeLoader)
        if problems or fatal:
            return None
        loader = _FastTextLoader(text)
        try:
            node = loader.get_single_node()
            return (loader.construct_document(node) if node is not None else None), node
        finally:
            loader.dispose()
    except Exception:  # noqa: BLE001 - whatever libyaml makes of it, the pure-Python reader decides
        return None


def _load_yaml(text: str, mfile: str) -> tuple[object, yaml.Node | None, list[Problem]]:
    """(data, node, problems): the manifest built with every scalar as text (refused values as
    `_REFUSED`), and its problems; data is `_REFUSED` when it cannot be read at all."""
    fast = _load_fast(text) if _FAST else None
    if fast is not None and not isinstance(fast[0], _Refused):
        return fast[0], fast[1], []
    problems, fatal = _scan_events(text, mfile)
    if fatal:
        return _REFUSED, None, [*problems, fatal]
    loader = _TextLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        return _REFUSED, None, [*problems, _yaml_problem(err, mfile, text)]
    except (ValueError, TypeError, RecursionError, AttributeError) as err:
        return _REFUSED, None, [*problems, Problem(mfile, NONE, "-", f"cannot be read as YAML: {type(err).__name__}")]
    finally:
        loader.dispose()
    return data, node, problems


def _duplicate_keys(node: yaml.Node) -> list[tuple[str, list[int]]]:
    """(key, lines) for each scalar key given more than once in a mapping node."""
    lines: dict[str, list[int]] = {}
    for key, _ in node.value if isinstance(node, yaml.MappingNode) else []:
        if isinstance(key, yaml.ScalarNode) and key.tag != _REFUSED_TAG:
            lines.setdefault(key.value, []).append(key.start_mark.line + 1)
    return [(k, v) for k, v in lines.items() if len(v) > 1]


# ------------------------------------------------------------------------------------------
# Entries
# ------------------------------------------------------------------------------------------

def _entry_label(item: object, index: int, line: int) -> str:
    ident = item.get("id") if isinstance(item, dict) else None
    where = f"#{index + 1} (line {line})"
    if isinstance(ident, str) and ident.strip():
        ident = ident.strip()
        return f"id {ident if ID_RE.fullmatch(ident) else show(ident, 40)} {where}"
    return where


def _check_entry(item: dict, label: str, mfile: str, node: yaml.Node | None) -> tuple[dict, list[Problem]]:
    problems = []

    def bad(field: str, message: str) -> None:
        problems.append(Problem(mfile, label, field, message))

    clean: dict = {}
    refused = {key for key, value in item.items() if key is _REFUSED or value is _REFUSED}  # reported already
    item = {key: value for key, value in item.items() if key not in refused}
    for key, lines in _duplicate_keys(node):
        bad(name(key, 40), f"is given {len(lines)} times in this entry (lines {', '.join(map(str, lines))}); "
                           "give each field once")
    for field in sorted(set(item) - set(REQUIRED) - set(OPTIONAL), key=str):
        bad(name(field, 40), f"unknown field (allowed: {', '.join(REQUIRED + OPTIONAL)})")
    for field in REQUIRED:
        if field in refused:
            continue
        if field not in item or item[field] is None or (isinstance(item[field], str) and not item[field].strip()):
            bad(field, "required field is missing or empty")
    for field in _TEXT_FIELDS:
        value = item.get(field)
        if value is not None and not isinstance(value, str):
            bad(field, f"must be text, got {type(value).__name__} {show(value)}")
        elif isinstance(value, str) and value.strip():
            clean[field] = value.strip()
    if "id" in clean and not ID_RE.fullmatch(clean["id"]):
        bad("id", f"{show(clean['id'])} must be lowercase letters, digits and single hyphens")
    elif "id" in clean and clean["id"] in reserved_ids():
        bad("id", f"{show(clean['id'])} is the name of one of the book's pages; choose another id")
    if "file" in clean and not FILE_RE.fullmatch(clean["file"]):
        bad("file", f"{show(clean['file'])} must be a plain file name ending in .txt, inside the corpus folder")
    for field, choices in _CHOICES.items():
        if field in clean and clean[field] not in choices:
            bad(field, f"{show(clean[field])} is not one of {', '.join(choices)}")
    if "based_on" in clean and clean.get("origin") != "derivative":
        bad("based_on", "is given only for a derivative source (origin: derivative)")
    if "url" in clean and (message := url_problem(clean["url"])):
        bad("url", message)
    if "accessed" in clean:
        if "url" not in clean:
            bad("accessed", "is the date the url was read: give it only with a url")
        elif message := accessed_problem(clean["accessed"]):
            bad("accessed", message)
    if item.get("published") is not None:
        try:
            clean["published"], clean["precision"] = parse_published(item["published"])
        except ValueError as err:
            bad("published", str(err))
    return clean, problems


def _read_manifest(folder: Path, root: Path | None, mfile: str) -> tuple[list | None, list, list[Problem]]:
    """(entries, their nodes, problems); entries is None when the manifest cannot be read, so that
    which files it lists is unknown, and [] when it is missing or lists nothing."""
    raw, why = _read_inside(folder / MANIFEST_NAME, root, MAX_MANIFEST_BYTES, "the manifest")
    if why == "missing":
        return [], [], [Problem(mfile, NONE, "-", "the manifest is missing")]
    if why:
        return None, [], [Problem(mfile, NONE, "-", why)]
    try:
        text = decode_text(raw)
    except ValueError as err:
        return None, [], [Problem(mfile, NONE, "-", str(err))]
    data, node, problems = _load_yaml(text, mfile)
    if data is _REFUSED:
        return None, [], problems
    if data is None:
        data = []
    if not isinstance(data, list):
        return None, [], [*problems, Problem(mfile, NONE, "-",
                                             "must be a list of entries (one '- id: ...' block per source)")]
    if not data:
        return [], [], [*problems, Problem(mfile, NONE, "-", "lists no sources: add one '- id: ...' entry per article")]
    return data, list(node.value), problems


def _check_article(folder: Path, root: Path | None, fname: str) -> tuple[str | None, str | None]:
    """(text, None) or (None, message) for the article file `fname` listed in the manifest."""
    raw, why = _read_inside(folder / fname, root, MAX_BYTES, "an article")
    if why == "missing":
        return None, "the file listed in the manifest does not exist"
    if why:
        return None, why
    try:
        text = decode_text(raw)
    except ValueError as err:
        return None, str(err)
    if not text.strip():
        return None, "the file is empty"
    if not has_visible_text(text):
        return None, "the file has no visible text (only whitespace or invisible characters such as U+200B)"
    return text, None


def validate_folder(folder: Path) -> tuple[list[Entry], dict[str, str], list[Problem]]:
    """Validate a corpus folder. Returns (entries, texts by source id, problems)."""
    folder = Path(folder)
    label_of_folder = folder.name or str(folder)
    mfile = f"{label_of_folder}/{MANIFEST_NAME}"
    reason = ""
    try:
        is_dir = stat.S_ISDIR(folder.stat().st_mode)
    except OSError as err:
        is_dir = False if isinstance(err, (FileNotFoundError, NotADirectoryError)) else None
        reason = os_reason(err)
    if is_dir is False:
        return [], {}, [Problem(label_of_folder, NONE, "-", "corpus folder does not exist or is not a folder")]
    if is_dir is None:
        return [], {}, [Problem(label_of_folder, NONE, "-", f"the corpus folder cannot be read: {reason}")]

    problems: list[Problem] = []
    try:
        root: Path | None = folder.resolve()
    except (OSError, RuntimeError):
        root = None
    try:
        names: list[str] | None = sorted(os.listdir(folder))
    except OSError as err:
        names = None
        problems.append(Problem(label_of_folder, NONE, "-", f"the corpus folder cannot be listed: {os_reason(err)}"))

    items, nodes, manifest_problems = _read_manifest(folder, root, mfile)
    labels = {}  # "#2 (line 8)", as the YAML scan names an entry, to its full label "id x #2 (line 8)"
    for index, (item, node) in enumerate(zip(items or [], nodes)):
        labels[f"#{index + 1} (line {node.start_mark.line + 1})"] = _entry_label(item, index, node.start_mark.line + 1)
    problems += [Problem(p.file, labels.get(p.entry, p.entry), p.field, p.message) for p in manifest_problems]

    candidates: list[tuple] = []  # (clean, entry label, file label, problems, whether a value was refused)
    seen_ids: dict[str, str] = {}
    seen_files: dict[str, str] = {}
    for index, item in enumerate(items or []):
        node = nodes[index] if index < len(nodes) else None
        label = _entry_label(item, index, node.start_mark.line + 1 if node is not None else 0)
        if item is _REFUSED:
            continue
        if not isinstance(item, dict):
            problems.append(Problem(mfile, label, "-", "entry must be a mapping of field: value"))
            continue
        clean, entry_problems = _check_entry(item, label, mfile, node)
        refused = any(key is _REFUSED or value is _REFUSED for key, value in item.items())  # reported by the scan
        if "id" in clean:
            if clean["id"] in seen_ids:
                entry_problems.append(
                    Problem(mfile, label, "id", f"duplicate id {show(clean['id'])} (also {seen_ids[clean['id']]})"))
            else:
                seen_ids[clean["id"]] = label
        file_label = f"id {clean['id']}" if "id" in clean and ID_RE.fullmatch(clean["id"]) else label
        if "file" in clean and FILE_RE.fullmatch(clean["file"]):
            if clean["file"] in seen_files:
                entry_problems.append(
                    Problem(mfile, label, "file", f"{clean['file']} is already listed by {seen_files[clean['file']]}"))
            else:
                seen_files[clean["file"]] = label
                # the file is checked whatever else is wrong with the entry: every problem in one run
                text, why = _check_article(folder, root, clean["file"])
                if why:
                    entry_problems.append(Problem(f"{label_of_folder}/{clean['file']}", file_label, "file", why))
                else:
                    clean["text"] = text
        problems += entry_problems
        candidates.append((clean, label, file_label, entry_problems, refused))

    if items is not None:  # when the manifest cannot be read, which files it lists is unknown
        for fname in names or []:
            if fname.lower().endswith(".txt") and fname not in seen_files:
                message = "article file has no entry in the manifest"
                if not FILE_RE.fullmatch(fname):
                    message += ("; a listed file's name is letters, digits, '.', '_' and '-', "
                                "ending in lowercase .txt: rename it")
                problems.append(Problem(f"{label_of_folder}/{name(fname, 100)}", NONE, "file", message))

    texts: dict[str, str] = {}
    valid: list[Entry] = []
    for clean, _, _, entry_problems, refused in candidates:
        if entry_problems or refused:
            continue
        entry = Entry(
            id=clean["id"], file=clean["file"], title=clean["title"], outlet=clean["outlet"],
            author=clean.get("author"), published=clean["published"], precision=clean["precision"],
            published_note=clean.get("published_note"), url=clean.get("url"), kind=clean["kind"],
            **{field: clean.get(field) for field in ("accessed", "publisher", "expertise", "sourcing", "origin",
                                                     "based_on", "licence", "licence_note")},
        )
        texts[entry.id] = clean["text"]
        valid.append(entry)
    return valid, texts, sorted(problems)
