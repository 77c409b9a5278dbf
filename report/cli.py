"""Command line: `python -m report check|extract|propose|bib SEEDS_DIR ...`, `run-notebooks NB...`, `guards [NB...]`, `changes REF`, `cite-changes FILE` and `browser-check HTML_DIR`.

Exit status: 0 on success, 2 when the corpus folder (or an output path) has problems;
problems are printed to stderr, one line each, naming the file, the entry and the field.
`check`, `extract` and `bib` never print a traceback: whatever the input, each problem is one
line (values escaped and shortened), and an unexpected error is one line too (set REPORT_DEBUG=1
to see its traceback).
`browser-check` exits 1 when a page of the built book has a problem (one line each, naming the
page, and the width for a problem of layout), 2 when there is no built book.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import stat
import sys
import tempfile
import traceback
from pathlib import Path

import pandas as pd

from . import bib, changes, codings, guards, schemas
from .analysis.door import reviewed_evidence
from .corpus import load_corpus
from .extract import SCHEMAS, evidence
from .manifest import NONE, os_reason, validate_folder
from .notebooks import execute_in_place, run_code
from .paths import CODINGS, NOTEBOOKS, SEEDS
from .problems import CorpusError, OutputError, Problem, escape, name
from .publish.browser import check_site

EXIT_PROBLEMS = 2
OUT = "--out"

#: a CSV cell that begins with one of these is read by spreadsheets as a formula (OWASP, "CSV
#: injection"): `extract` writes it with a single quote in front. Cells that begin with quotes
#: followed by one of these get one more quote, so that `read_table` can undo it exactly.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def all_tables(corpus, coding_paths: list[Path] | None = None) -> dict:
    """The tables `extract` writes, by file stem: three base tables and every evidence table, the statements
    and claims being the book's (`reviewed_evidence`: the adjudicated codings `coding_paths`, by default those
    of codings/ for the corpus's sources, in place of the machine's rows, each row marked `coded`)."""
    reviewed = reviewed_evidence(corpus, coding_paths)
    return {"sources": corpus.sources, "paragraphs": corpus.paragraphs, "sentences": corpus.sentences,
            **evidence(corpus),
            **{name: SCHEMAS[name].validate(reviewed[name][list(SCHEMAS[name].columns)])
               for name in ("statements", "claims")}}


# ------------------------------------------------------------------------------------------
# CSV cells safe for spreadsheets, and read back exactly
# ------------------------------------------------------------------------------------------

def neutralise(text: str) -> str:
    """A text cell as written to CSV: `'` in front when it would start a spreadsheet formula.

    `=1+1` becomes `'=1+1`, `-5` becomes `'-5`, `'=x` becomes `''=x`; anything else is unchanged.
    """
    return "'" + text if text.lstrip("'")[:1] in FORMULA_START else text


def unneutralise(text: str) -> str:
    """The inverse of `neutralise`: `unneutralise(neutralise(t)) == t` for every text."""
    rest = text.lstrip("'")
    return text[1:] if text.startswith("'") and rest and rest[0] in FORMULA_START else text


def _is_text_column(series: pd.Series) -> bool:
    return series.dtype == object or pd.api.types.is_string_dtype(series.dtype)


def neutralise_table(df: pd.DataFrame) -> pd.DataFrame:
    """`df` with every text cell passed through `neutralise`; numeric and boolean columns untouched."""
    out = df
    for column in df.columns:
        series = df[column]
        if not _is_text_column(series):
            continue
        values = [neutralise(v) if isinstance(v, str) else v for v in series]
        if any(isinstance(v, str) and v is not w for v, w in zip(values, series)):
            out = out.copy() if out is df else out
            out[column] = pd.Series(values, index=df.index, dtype=series.dtype)
    return out


def _schema(table: str):
    schema = getattr(schemas, table.upper(), None)
    return schema if hasattr(schema, "columns") else None


def read_table(path: str | Path, table: str | None = None) -> pd.DataFrame:
    """Read a CSV written by `extract` back as the table it was: every value exact, none missing.

    Text is read as text (`keep_default_na=False`: a paragraph that reads `NA`, `null` or `""`
    stays that text), the neutralised cells lose the quote `extract` put in front, and numbers and
    booleans get their column's type from the schema of the table named by the file's stem (or
    `table`). Only the schema's nullable text columns (sources' `author`, `published_note`, `url`)
    read an empty cell as missing, as they were. The pandas recipe, for another language: read
    every cell as text with no missing-value markers, then remove one leading `'` from a text cell
    that starts with `'` when the cell, without its leading quotes, starts with = + - @ tab or CR.
    """
    path = Path(path)
    schema = _schema(table or path.stem)
    types = {}
    if schema is not None:
        for column, col in schema.columns.items():
            kind = str(col.dtype)
            types[column] = kind if kind in ("int64", "float64", "bool") else "str"
    header = pd.read_csv(path, nrows=0, encoding="utf-8").columns
    dtype = {column: types.get(column, "str") for column in header}
    df = pd.read_csv(path, dtype=dtype, keep_default_na=False, na_filter=False, encoding="utf-8")
    for column in df.columns:
        if dtype[column] == "str":
            df[column] = pd.Series([unneutralise(v) for v in df[column]], index=df.index, dtype="str")
    if schema is not None:
        for column, col in schema.columns.items():
            if col.nullable and dtype.get(column) == "str" and column in df.columns:
                df[column] = df[column].mask(df[column] == "")
    return df


# ------------------------------------------------------------------------------------------
# Writing inside --out only
# ------------------------------------------------------------------------------------------

def output_problems(out: Path, names: list[str]) -> list[Problem]:
    """Why `extract` could not write `names` into the folder `out`, checked before writing anything.

    `out` may be missing (it is created, with its parents) or a folder, or a symbolic link to a
    folder (the user named it). Inside it, a file to be written must be absent or a regular
    file: a symbolic link there is refused, never followed, and so is a folder or a device, and
    so is a file of another user in a folder with the sticky bit (such as /tmp), which could not
    be replaced. Every problem is listed, not only the first.
    """
    out = Path(out)
    label = str(out)
    try:
        st = out.stat()
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        return [Problem(label, NONE, OUT, "lies under a file, not a folder: it cannot be created")]
    except (OSError, RuntimeError) as err:
        reason = os_reason(err) if isinstance(err, OSError) else "a loop of symbolic links"
        return [Problem(label, NONE, OUT, f"cannot be reached: {reason}")]
    if st is None:
        if os.path.islink(out):
            return [Problem(label, NONE, OUT, "is a symbolic link that leads nowhere")]
        for parent in out.absolute().parents:
            try:
                pst = parent.stat()
            except FileNotFoundError:
                continue
            except OSError as err:
                return [Problem(label, NONE, OUT, f"cannot be created: {parent} cannot be reached: {os_reason(err)}")]
            if not stat.S_ISDIR(pst.st_mode):
                return [Problem(label, NONE, OUT, f"lies under {parent}, a file, not a folder: it cannot be created")]
            if not os.access(parent, os.W_OK | os.X_OK):
                return [Problem(label, NONE, OUT, f"cannot be created: {parent} is not writable (permission denied)")]
            return []
        return []
    if not stat.S_ISDIR(st.st_mode):
        return [Problem(label, NONE, OUT, "--out must be a folder, and this is a file")]
    if not os.access(out, os.W_OK | os.X_OK):
        return [Problem(label, NONE, OUT, "the folder cannot be written: permission denied")]
    euid = os.geteuid() if hasattr(os, "geteuid") else None
    sticky = bool(st.st_mode & stat.S_ISVTX) and euid not in (None, 0, st.st_uid)
    problems = []
    for fname in names:
        target = out / fname
        try:
            tst = target.lstat()
        except FileNotFoundError:
            continue
        except OSError as err:
            problems.append(Problem(str(target), NONE, OUT, f"cannot be reached: {os_reason(err)}"))
            continue
        if stat.S_ISLNK(tst.st_mode):
            problems.append(Problem(str(target), NONE, OUT, "is a symbolic link: extract never writes through a "
                                    "link (its target is left alone); remove the link and run extract again"))
        elif stat.S_ISDIR(tst.st_mode):
            problems.append(Problem(str(target), NONE, OUT, "is a folder where extract writes a file; "
                                    "move it away and run extract again"))
        elif not stat.S_ISREG(tst.st_mode):
            problems.append(Problem(str(target), NONE, OUT, "is not a regular file; extract writes only regular files"))
        elif sticky and tst.st_uid != euid:
            problems.append(Problem(str(target), NONE, OUT, f"belongs to another user (uid {tst.st_uid}) in a folder "
                                    "with the sticky bit, so extract cannot replace it; remove it or choose "
                                    "another --out"))
    return problems


def _create_new(folder: Path, stem: str) -> tuple[Path, int]:
    """A new regular file in `folder`, created exclusively (never a file or link that exists)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        path = folder / f".{stem}.{secrets.token_hex(6)}.tmp"
        try:
            return path, os.open(path, flags, 0o666)
        except FileExistsError:
            continue


def _remove(path: Path) -> None:
    """Remove the file `path` if it is there (a temporary file or a backup of ours)."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _missing_folders(out: Path) -> list[Path]:
    """The folders `out.mkdir(parents=True)` would create, deepest first."""
    missing = []
    for folder in [out, *out.absolute().parents]:
        if os.path.lexists(folder):
            break
        missing.append(folder)
    return missing


def _keep(target: Path) -> Path | None:
    """A second name for the file at `target` before it is replaced (None when there is none), so that
    it can be put back: a hard link where the file system allows it, else the file renamed aside."""
    if not os.path.lexists(target):
        return None
    while True:
        backup = target.parent / f".{target.stem}.{secrets.token_hex(6)}.old"
        try:
            os.link(target, backup, follow_symlinks=False)
            return backup
        except FileExistsError:
            continue
        except OSError:
            if os.path.lexists(backup):
                continue
            os.rename(target, backup)  # the backup name is new: nothing is overwritten
            return backup


def _put_back(target: Path, backup: Path | None) -> None:
    """Undo one replacement: the old file back at `target`, or no file where there was none."""
    if backup is None:
        _remove(target)
        return
    os.replace(backup, target)
    _remove(backup)  # two names of one file: rename leaves both, and the backup name goes


def _quietly(action, path: Path) -> bool:
    """`action(path)`, True when it worked; an OSError while cleaning up is not the error to report."""
    try:
        action(path)
        return True
    except OSError:
        return False


def _undo(done: list[tuple[Path, Path | None]], pending: list[tuple[Path, Path]], created: list[Path]) -> list[Problem]:
    """After a failed `write_tables`: every replaced table put back (last first), every new file removed,
    every folder it created removed. Returns a problem for each table that could not be put back."""
    unrestored = []
    for target, backup in reversed(done):
        try:
            _put_back(target, backup)
        except OSError as err:
            kept = f" (the old file is {backup})" if backup else ""
            unrestored.append(Problem(str(target), NONE, OUT, f"could not be put back as it was: {os_reason(err)}{kept}"))
    for tmp, _ in pending:
        _quietly(_remove, tmp)
    for folder in created:  # deepest first; stops at the first that is not empty
        if not _quietly(Path.rmdir, folder):
            break
    return unrestored


def write_tables(tables: dict, out: Path) -> list[Path]:
    """Write each table as `<name>.csv` (UTF-8, LF, no index) into the folder `out`; returns the paths.

    Text cells that a spreadsheet would run as a formula are neutralised (`neutralise`).
    All or nothing: every target is checked first (`output_problems`: a symbolic link, folder or
    other non-regular file at `<name>.csv`, or an output folder that cannot be written, is refused,
    never replaced), and `OutputError` lists every problem before anything is written. Then every
    table goes to a new file created exclusively in `out` (never following a link), the targets are
    checked again, and only then is each new file renamed over its `<name>.csv`, so that an existing
    file is replaced, never written through. When a write or a rename fails, every table renamed so
    far is put back as it was, the new files and any folder created are removed, and `OutputError`
    says so: `out` is left as it was found.
    """
    out = Path(out)
    names = [f"{stem}.csv" for stem in sorted(tables)]
    problems = output_problems(out, names)
    if problems:
        raise OutputError(problems)
    created = _missing_folders(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError([Problem(str(out), NONE, OUT, f"cannot be created: {os_reason(err)}")]) from None
    pending: list[tuple[Path, Path]] = []
    done: list[tuple[Path, Path | None]] = []
    target, phase = out, "cannot be written"
    try:
        for stem in sorted(tables):
            target = out / f"{stem}.csv"
            tmp, fd = _create_new(out, stem)
            pending.append((tmp, target))
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                neutralise_table(tables[stem]).to_csv(fh, index=False, lineterminator="\n")
        problems = output_problems(out, names)  # anything that changed in `out` while the tables were written
        if problems:
            raise OutputError(problems)
        phase = "cannot be replaced"
        for tmp, target in pending:
            done.append((target, _keep(target)))  # listed first: a failed rename is undone like the others
            os.replace(tmp, target)
    except BaseException as err:  # also an interrupt or a bug: `out` is put back as it was, then it is raised
        unrestored = _undo(done, pending, created)
        if isinstance(err, OutputError):
            raise OutputError(err.problems + unrestored) from None
        if not isinstance(err, OSError):
            raise
        undone = "; the tables replaced before it were put back as they were" if len(done) > 1 and not unrestored else ""
        raise OutputError([Problem(str(target), NONE, OUT, f"{phase}: {os_reason(err)}{undone}"),
                           *unrestored]) from None
    for _, backup in done:
        if backup is not None:
            _quietly(_remove, backup)
    return [target for _, target in pending]


def _browser_check(html_dir: Path, shots: Path | None) -> int:
    try:
        report = check_site(html_dir, shots)
    except FileNotFoundError as err:
        return _fail([str(err)])
    for line in report.problems:
        print(line, file=sys.stderr)
    print(f"{html_dir}: {report.summary()}")
    for line in report.layout_summaries():
        print(line)
    if report.screenshots:
        print(f"{len(report.screenshots)} screenshots in {shots}")
    return 1 if report.problems else 0


def _fail(lines: list[str]) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    return EXIT_PROBLEMS


def _changes(ref: str) -> int:
    """`changes REF`: every change the seeds and codings made to the book since REF, one line each."""
    try:
        lines = changes.changes(ref)
    except changes.RefError as err:
        print(Problem(ref, NONE, "ref", str(err)), file=sys.stderr)
        return 2
    for line in lines:
        print(escape(line))
    if not lines:
        print(f"nothing the book says changed since {escape(ref)}")
    return 0


def _cite_changes(out: Path) -> int:
    """`cite-changes FILE`: the changes since the previous tagged version, as JSON for the cite page."""
    try:
        written = changes.write_since_previous_tag(out)
    except OSError as err:
        print(Problem(str(out), NONE, "-", f"cannot be written: {os_reason(err)}"), file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as err:  # noqa: BLE001 (a traceback is a bug, never the output)
        if os.environ.get("REPORT_DEBUG"):
            raise
        print(Problem(str(out), NONE, "-", f"the changes since the previous tagged version could not be "
                      f"computed: {type(err).__name__}: {err} (REPORT_DEBUG=1 shows the traceback)"), file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{out}: {'written' if written else 'unchanged'}")
    return 0


def _run_notebooks(paths: list[Path], in_process: bool = False) -> int:
    """Execute every notebook in place, even after one fails; then list every sentence whose guard failed
    (page, sentence, reason) and every notebook that failed otherwise, and exit 1 if there is any. With
    `in_process` (`python -m report guards`) their code runs in this process and nothing is written."""
    failed: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "guards.jsonl"
        saved = {k: os.environ.get(k) for k in (guards.LOG, guards.PAGE)}
        os.environ[guards.LOG] = str(log)
        try:
            for path in paths:
                os.environ[guards.PAGE] = Path(path).stem
                try:
                    run_code(path) if in_process else execute_in_place(path)
                    print(f"{path}: {'checked' if in_process else 'executed'}")
                except Exception as err:  # noqa: BLE001 (each notebook's failure is listed, the others still run)
                    plain = re.sub(r"\x1b\[[0-9;]*m", "", str(err)).strip()  # the kernel colours its traceback
                    failed.append(f"{path}: failed: {name(plain.splitlines()[-1] if plain else type(err).__name__, 300)}")
                    print(failed[-1], file=sys.stderr)
        finally:
            for k, v in saved.items():
                os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
        broken = guards.collected(log)
    for g in broken:
        print(f"{g['page']}: the sentence \"{g['sentence']}\" no longer holds"
              + (f": {g['why']}" if g["why"] else ""), file=sys.stderr)
    for line in failed:
        print(line, file=sys.stderr)
    if broken or failed:
        print(f"{len(broken)} sentences no longer hold and {len(failed)} notebooks failed"
              + ("" if in_process else ": the outputs written must not be published")
              + " (README, 'When a guard fails')", file=sys.stderr)
        return 1
    if in_process:
        print(f"every guarded sentence of {len(paths)} pages holds")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m report", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="validate a corpus folder (manifest and article files) and its codings")
    p_check.add_argument("seeds_dir", type=Path)
    p_check.add_argument("--codings", type=Path, default=None,
                         help="the codings folder to validate with it (default: codings/ for the book's own seeds)")
    p_extract = sub.add_parser("extract", help="validate, parse and write the tables as CSV")
    p_extract.add_argument("seeds_dir", type=Path)
    p_extract.add_argument("--out", type=Path, required=True, help="output folder (created if missing)")
    p_extract.add_argument("--codings", type=Path, default=None,
                           help="the folder of adjudicated codings whose rows replace the machine's statements and "
                           "claims of the sources they code (default: codings/ for the book's own seeds)")
    p_propose = sub.add_parser("propose", help="write the machine reader's rows for one source as a coding to review")
    p_propose.add_argument("seeds_dir", type=Path)
    p_propose.add_argument("source_id")
    p_propose.add_argument("--out", type=Path, default=None,
                           help="the coding file to write (default: codings/<source_id>.yml for the book's seeds); "
                                "never overwritten")
    p_bib = sub.add_parser("bib", help="write the BibTeX bibliography generated from the manifest")
    p_bib.add_argument("seeds_dir", type=Path)
    p_bib.add_argument("--out", type=Path, required=True, help="the .bib file to write")
    p_run = sub.add_parser("run-notebooks", help="re-execute notebooks in place and store their outputs")
    p_run.add_argument("notebooks", type=Path, nargs="+")
    p_guards = sub.add_parser("guards", help="list every guarded sentence that no longer holds, running the "
                              "notebooks' code in this process and writing nothing")
    p_guards.add_argument("notebooks", type=Path, nargs="*",
                          help="the notebooks to check (default: every notebook of the book)")
    p_changes = sub.add_parser("changes", help="what the sources and codings changed in the book since a git ref")
    p_changes.add_argument("ref", help="a git ref of this checkout (a commit, a tag, HEAD)")
    p_cite = sub.add_parser("cite-changes", help="write the changes since the previous tagged version (JSON), "
                            "which the cite page lists; the file is left as it is when they are the same")
    p_cite.add_argument("out", type=Path)
    p_browser = sub.add_parser("browser-check", help="open every page of the built book in headless Chromium "
                               "and check console errors, links, anchors and the layout of tables")
    p_browser.add_argument("html_dir", type=Path)
    p_browser.add_argument("--screenshots", type=Path,
                           help="folder for full-page screenshots of every page at each width (<width>/<page>.png)")
    args = parser.parse_args(argv)

    if args.command == "browser-check":
        return _browser_check(args.html_dir, args.screenshots)

    if args.command == "changes":
        return _changes(args.ref)

    if args.command == "cite-changes":
        return _cite_changes(args.out)

    if args.command == "run-notebooks":
        return _run_notebooks(args.notebooks)

    if args.command == "guards":
        return _run_notebooks(args.notebooks or sorted(NOTEBOOKS.glob("*.ipynb")), in_process=True)

    try:
        return _corpus_command(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except (Exception, RecursionError, MemoryError) as err:  # noqa: BLE001 (a traceback is a bug, never the output)
        if os.environ.get("REPORT_DEBUG"):
            raise
        frames = traceback.extract_tb(err.__traceback__)
        ours = [f for f in frames if Path(f.filename).resolve().parent.is_relative_to(Path(__file__).resolve().parent)]
        where = (ours or frames or [None])[-1]
        at = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
        line = Problem(str(args.seeds_dir), NONE, "-",
                       f"{args.command} failed: {type(err).__name__}{at}: {name(str(err), 120)} (a bug in report, "
                       "not in the corpus: please report this line; REPORT_DEBUG=1 shows the traceback)")
        return _problems([line], args.seeds_dir)


def _table_names() -> list[str]:
    """The file stems `extract` writes, known before the corpus is parsed."""
    return sorted(["sources", "paragraphs", "sentences", *SCHEMAS])


def _corpus_command(args) -> int:
    """`check`, `extract` and `bib`: every problem of the corpus and of --out in one run."""
    out = getattr(args, "out", None)
    problems: list[Problem] = []
    if args.command == "extract":
        problems += output_problems(out, [f"{stem}.csv" for stem in _table_names()])
    # validated here first, so that a folder load_corpus could not even list is a problem line too
    problems += validate_folder(args.seeds_dir)[2]
    if problems:
        return _problems(sorted(problems), args.seeds_dir)
    try:
        corpus = load_corpus(args.seeds_dir)
    except CorpusError as err:
        return _problems(err.problems, args.seeds_dir)

    if args.command == "check":
        folder = args.codings or (CODINGS if Path(args.seeds_dir).resolve() == SEEDS.resolve() else None)
        if folder is not None:
            coded = codings.blind_files(folder) + codings.adjudicated_files(folder)
            found = codings.validate(coded, corpus)
            if found:
                return _problems(found, args.seeds_dir)
        s = corpus.sources
        print(f"{escape(str(args.seeds_dir))}: OK: {len(s)} sources, {int(s.paragraphs.sum())} paragraphs, "
              f"{int(s.sentences.sum())} body sentences, {int(s.words.sum())} body words")
    elif args.command == "extract":
        folder = args.codings or (CODINGS if Path(args.seeds_dir).resolve() == SEEDS.resolve() else None)
        try:
            paths = write_tables(all_tables(corpus, codings.adjudicated_files_for(corpus, folder) if folder else []), out)
        except OutputError as err:
            return _problems(err.problems, args.seeds_dir)
        for path in paths:
            print(escape(str(path)))
    elif args.command == "propose":
        return _propose(corpus, args)
    elif args.command == "bib":
        try:
            changed = bib.write_if_changed(out, bib.bibtex(corpus.sources))
        except OSError as err:
            return _problems([Problem(str(out), NONE, OUT, f"cannot be written: {os_reason(err)}")], args.seeds_dir)
        print(f"{escape(str(out))}: {'written' if changed else 'unchanged'}")
    return 0


def _propose(corpus, args) -> int:
    """`propose`: the machine's rows of one source, every row marked proposed, in a new coding file."""
    if args.source_id not in set(corpus.sources.source_id):
        return _problems([Problem(str(args.seeds_dir), NONE, "source_id",
                                  f"{name(args.source_id)} is not a source id of the manifest")], args.seeds_dir)
    book = Path(args.seeds_dir).resolve() == SEEDS.resolve()
    out = args.out or (CODINGS / f"{args.source_id}.yml" if book else None)
    if out is None:
        return _problems([Problem(str(args.seeds_dir), NONE, OUT, "give --out: the folder is not the book's seeds")],
                         args.seeds_dir)
    text = codings.dump(codings.proposals(corpus, args.source_id, evidence(corpus)))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "x", encoding="utf-8") as fh:  # never overwrite a coding: a review may be under way
            fh.write(text)
    except FileExistsError:
        return _problems([Problem(str(out), NONE, OUT, "exists already: a coding is never overwritten; move it "
                                                        "away to propose again")], args.seeds_dir)
    except OSError as err:
        return _problems([Problem(str(out), NONE, OUT, f"cannot be written: {os_reason(err)}")], args.seeds_dir)
    n = text.count("status: proposed")
    print(f"{escape(str(out))}: {n} proposals of the machine reader to review (codings/GUIDE.md)")
    return 0


def _problems(problems: list[Problem], seeds_dir: Path) -> int:
    lines = [str(p) for p in problems]
    return _fail(lines + [f"{len(lines)} problem(s) in {escape(str(seeds_dir))}; nothing written"])
