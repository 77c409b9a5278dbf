"""Costly results kept on disk, so that the notebooks of one build compute each of them once.

Every notebook runs in its own kernel, and each used to compute the same evidence, source criticism and
timeline afresh. With REPORT_CACHE set to a folder (`make book`, `make notebooks` and `make pdf` set it
to _build/.report-cache), a function decorated with `on_disk` keeps its result there, pickled, under a key
made of: the function's name; a digest of every input a result can depend on (the package's code and
data, the codings, the development and fresh corpora and the annotations: `inputs_digest`); the digest of
each corpus folder passed to it (its files' contents); its other arguments; and the evidence mode
(REPORT_EVIDENCE). A change to any input makes a new key, so a stale result is never read; entries of
other input digests are removed when a new one is first written. Without REPORT_CACHE (the tests, the
command line), nothing is read or written.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import platform
import shutil
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
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _digest_files(folders, root: Path | None = None) -> str:
    h = hashlib.sha256()
    for folder in folders:
        folder = Path(folder)
        for p in _files(folder) if folder.is_dir() else []:
            h.update(str(p.relative_to(root or folder)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


@cache
def inputs_digest() -> str:
    """The digest of every input a cached result may depend on, and of the interpreter's version."""
    versions = platform.python_version() + ";" + ";".join(
        f"{m}={__import__(m).__version__}" for m in ("numpy", "pandas", "spacy"))
    return hashlib.sha256((versions + _digest_files(CACHE_INPUTS, CACHE_INPUTS[0].parent)).encode()).hexdigest()


_FOLDERS: dict[tuple, str] = {}


def folder_digest(folder: Path) -> str:
    """The digest of a corpus folder's files (names and contents), memoised on their sizes and times."""
    folder = Path(folder).resolve()
    stamp = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in _files(folder))
    if (folder, stamp) not in _FOLDERS:
        _FOLDERS[(folder, stamp)] = _digest_files([folder])
    return _FOLDERS[(folder, stamp)]


def _part(arg) -> str:
    if isinstance(arg, SIMPLE):
        return repr(arg)
    if isinstance(getattr(arg, "folder", None), Path):  # a parsed corpus: its folder's contents
        return "corpus:" + folder_digest(arg.folder)
    if isinstance(arg, tuple) and all(isinstance(a, SIMPLE) for a in arg):
        return repr(arg)
    raise TypeError(f"on_disk: cannot key an argument of type {type(arg).__name__}")


def key(fn, args: tuple) -> str:
    """The entry's file name: the function's name and the digest of its arguments and the evidence mode."""
    parts = [fn.__module__, fn.__qualname__, os.environ.get("REPORT_EVIDENCE", ""), *map(_part, args)]
    return f"{fn.__module__}.{fn.__qualname__}-" + hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def on_disk(fn):
    """Keep `fn(*args)` on disk under REPORT_CACHE (when it is set); args are corpora and simple values."""

    @wraps(fn)
    def kept(*args):
        root = os.environ.get(ENV)
        if not root or _PAUSED:
            return fn(*args)
        folder = Path(root) / inputs_digest()[:24]
        path = folder / (key(fn, args) + ".pickle")
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
    """Writes the entry atomically; on the first write under a new input digest, removes the others."""
    try:
        if not folder.is_dir():
            for other in folder.parent.glob("*") if folder.parent.is_dir() else []:
                if other.is_dir() and other.name != folder.name:
                    shutil.rmtree(other, ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written only costs time
