"""Costly results kept on disk, so that the notebooks of one build compute each of them once.

Every notebook runs in its own kernel, and each used to compute the same evidence, source criticism and
timeline afresh. With REPORT_CACHE set to a folder (`make book`, `make pdf`, `make notebooks` and `make
nbval` set it to _build/.report-cache), a function decorated with `on_disk` keeps its result there, pickled,
under a key made of: the function's name; a digest of every input a result can depend on (the package's
code and data, the codings, the development and fresh corpora, the annotations and the pins:
`inputs_digest`, taken when this module is imported); the digest of each corpus folder passed to it, as it
was when the corpus was parsed (a corpus whose folder changed since, or is gone, is not cached); its other
arguments; and the evidence mode (REPORT_EVIDENCE). A change to any input makes a new key, so a stale
result is never read; nothing is written once an input changed after the digest was taken; entries of
other input digests are removed when a new one is first written. Without REPORT_CACHE (the tests, the
command line), nothing is read or written. The entries are pickles: REPORT_CACHE must be a private folder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import platform
import shutil
import time
from contextlib import contextmanager
from functools import cache, wraps
from pathlib import Path

from .paths import CACHE_INPUTS

ENV = "REPORT_CACHE"
SIMPLE = (str, int, float, bool, type(None))
_PAUSED: list[bool] = []


@contextmanager
def paused():
    """Neither read nor write the cache inside: for results computed on evidence swapped in by a caller
    (`report.analysis.door.using_evidence`), which no key describes."""
    _PAUSED.append(True)
    try:
        yield
    finally:
        _PAUSED.pop()


def _files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _digest_files(folders, root: Path | None = None) -> str:
    """The digest of the files (names and contents, each part prefixed with its length) under `folders`."""
    h = hashlib.sha256()
    for folder in folders:
        folder = Path(folder)
        for p in _files(folder) if folder.exists() else []:
            for part in (str(p.relative_to(root or folder)).encode(), p.read_bytes()):
                h.update(len(part).to_bytes(8, "big") + part)
    return h.hexdigest()


_DIGESTED_AT: list[float] = []


@cache
def inputs_digest() -> str:
    """The digest of every input a cached result may depend on (the package's code and data, the codings,
    the other corpora and annotations, the pins), and of the interpreter's and main libraries' versions;
    taken once per process, when this module is imported."""
    _DIGESTED_AT.append(time.time())
    versions = platform.python_version() + ";" + ";".join(
        f"{m}={__import__(m).__version__}" for m in ("numpy", "pandas", "spacy"))
    return hashlib.sha256((versions + _digest_files(CACHE_INPUTS, CACHE_INPUTS[0].parent)).encode()).hexdigest()


def _inputs_changed() -> bool:
    """Whether an input was modified after the process took its digest (its results may not match it)."""
    since = _DIGESTED_AT[0] if _DIGESTED_AT else 0.0
    return any(p.stat().st_mtime > since for f in CACHE_INPUTS if f.exists() for p in _files(f))


_FOLDERS: dict[tuple, str] = {}


def folder_digest(folder: Path) -> str:
    """The digest of a corpus folder's files (names and contents), memoised on their sizes and times."""
    folder = Path(folder).resolve()
    stamp = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in _files(folder))
    if (folder, stamp) not in _FOLDERS:
        _FOLDERS[(folder, stamp)] = _digest_files([folder])
    return _FOLDERS[(folder, stamp)]


def _part(arg) -> str | None:
    """The key part of one argument; None when the argument cannot be keyed safely (a corpus whose folder
    is gone, or whose files changed since it was parsed): the call is then neither read nor written."""
    if isinstance(arg, SIMPLE):
        return repr(arg)
    if isinstance(getattr(arg, "folder", None), Path):  # a parsed corpus: its folder's contents, as parsed
        if not Path(arg.folder).is_dir():
            return None
        now = folder_digest(arg.folder)
        return None if (getattr(arg, "digest", "") or now) != now else "corpus:" + now
    if isinstance(arg, tuple) and all(isinstance(a, SIMPLE) for a in arg):
        return repr(arg)
    raise TypeError(f"on_disk: cannot key an argument of type {type(arg).__name__}")


def key(fn, args: tuple) -> str | None:
    """The entry's file name: the function's name and the digest of its arguments and the evidence mode
    (None when an argument cannot be keyed safely)."""
    parts = [fn.__module__, fn.__qualname__, os.environ.get("REPORT_EVIDENCE", ""), *map(_part, args)]
    if None in parts:
        return None
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part.encode()).to_bytes(8, "big") + part.encode())
    return f"{fn.__module__}.{fn.__qualname__}-" + h.hexdigest()[:32]


def on_disk(fn):
    """Keep `fn(*args)` on disk under REPORT_CACHE (when it is set); args are corpora and simple values."""

    @wraps(fn)
    def kept(*args):
        root = os.environ.get(ENV)
        if not root or _PAUSED:
            return fn(*args)
        name = key(fn, args)
        if name is None:
            return fn(*args)
        folder = Path(root) / inputs_digest()[:24]
        path = folder / (name + ".pickle")
        try:
            with path.open("rb") as f:
                return pickle.load(f)
        except Exception:  # noqa: BLE001 - not there yet, or unreadable (cut short, corrupt): compute it afresh
            pass
        value = fn(*args)
        _write(folder, path, value)
        return value
    return kept


def _write(folder: Path, path: Path, value) -> None:
    """Writes the entry atomically, unless an input changed since the digest was taken; on the first write
    under a new input digest, removes the others."""
    if _inputs_changed():
        return
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        if not folder.is_dir():
            for other in folder.parent.glob("*") if folder.parent.is_dir() else []:
                if other.is_dir() and other.name != folder.name:
                    shutil.rmtree(other, ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a cache that cannot be written (or a value that cannot be pickled) only costs time
        tmp.unlink(missing_ok=True)


inputs_digest()  # taken at import, before any result is computed from the inputs
