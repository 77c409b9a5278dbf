"""Issue 14: no input gets a traceback from `check` or `extract`, no write leaves `--out`, and the CSV
downloads are safe in a spreadsheet and exact to read back.

Every bad-input case runs `python -m report` in a subprocess, as a user would, and asserts exit
status 2, one well-formed line per problem naming the file, the entry and the field, no traceback
and no raw control character in the output. Permission cases run the command as the unprivileged
user `nobody` when the tests run as root (root reads everything); they skip, naming the path, where
that user cannot run this checkout (`unprivileged`).
"""

import datetime as dt
import errno
import functools
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from report import load_corpus, schemas
from report.cli import _table_names, all_tables, main, neutralise, read_table, unneutralise, write_tables
from report.manifest import MAX_BYTES, parse_published, validate_folder
from report.paths import ROOT
from report.problems import OutputError

FIXTURES = Path(__file__).parent / "fixtures"
ROUNDTRIP = FIXTURES / "reliability" / "roundtrip"
LINE = re.compile(r"^(?P<file>[^:]+): entry (?P<entry>.+?): field (?P<field>.+?): (?P<message>.+)$")
SUMMARY = re.compile(r"^(\d+) problem\(s\) in .+; nothing written$")
ARTICLE = "Moscow weighs a new partner.\n\nTalks with the Taliban went on in Kabul.\n"
THIS_YEAR = dt.date.today().year


# ------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------

def entry_yaml(**fields) -> str:
    """One manifest entry; values are raw YAML (so a test can write `0x7E8` or `"\\e[31m"`)."""
    base = {"id": "alpha-2024", "file": "alpha.txt", "title": "A title", "outlet": "Fixture News",
            "published": "2024-03-03", "kind": "news"}
    lines = [f"{k}: {v}" for k, v in {**base, **fields}.items() if v is not None]
    return "- " + "\n  ".join(lines) + "\n"


def make_corpus(folder: Path, manifest: str | None = None, files: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.yml").write_text(entry_yaml() if manifest is None else manifest, encoding="utf-8")
    for fname, content in ({"alpha.txt": ARTICLE} if files is None else files).items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / fname).write_bytes(data)
    return folder


NOBODY = 65534  # the unprivileged user the permission cases run as, when the tests run as root
AS_NOBODY = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
WHO = f"the unprivileged user nobody (uid {NOBODY})"


def _cannot_enter(prefix: list[str], paths) -> Path | None:
    """The first folder on the way to any of `paths` (from / down) that `prefix`'s user cannot enter."""
    seen = set()
    for path in paths:
        path = Path(path).absolute()
        for folder in [*reversed(path.parents), *([path] if path.is_dir() else [])]:
            if folder in seen:
                continue
            seen.add(folder)
            if subprocess.run([*prefix, "test", "-x", str(folder)], capture_output=True, timeout=30).returncode:
                return folder
    return None


def _blocked(folder: Path) -> str:
    st = folder.stat()
    return f"it cannot enter {folder} (mode {stat.S_IMODE(st.st_mode):04o}, owner uid {st.st_uid})"


@functools.cache
def _why_nobody_cannot_run_the_checkout() -> str | None:
    """Why the unprivileged user cannot run this checkout's `report` the way `run` does (the same interpreter,
    working folder and environment), or None when it can. It can fail to start the interpreter, or start it
    and import `report` from somewhere else (another checkout's editable install): either way a test run as
    that user would test the environment, not this checkout."""
    import report

    ours = Path(report.__file__).resolve()
    command = f"{sys.executable} -c 'import report'"
    try:
        probe = subprocess.run([*AS_NOBODY, sys.executable, "-c", "import report, sys; sys.stdout.write(report.__file__)"],
                               capture_output=True, text=True, cwd=ROOT, timeout=120)
    except (OSError, subprocess.SubprocessError) as err:
        return f"{WHO} cannot run {command}: {err}"
    if probe.returncode == 0 and Path(probe.stdout).resolve() == ours:
        return None
    folder = _cannot_enter(AS_NOBODY, [ROOT, ours, Path(sys.executable), Path(sys.executable).resolve()])
    if probe.returncode == 0:
        got = f"imports report from {probe.stdout}, not from this checkout's {ours}"
    else:
        last = (probe.stderr.strip().splitlines() or [f"exit status {probe.returncode}"])[-1]
        got = f"fails: {last}"
    where = f"; {_blocked(folder)}" if folder else ""
    return f"{WHO} cannot run this checkout ({ROOT}): {command} {got}{where}"


def unprivileged(*within: Path) -> list[str]:
    """A command prefix that drops root's privileges (the user `nobody`), or [] when not root.

    Skips the test, never fails it, when the environment cannot test permissions that way: no
    `setpriv`, or the unprivileged user cannot run this checkout (a clone inside a `mktemp -d` folder
    or root's home, which that user cannot enter), or cannot enter the folders `within`. The skip
    names the user and the path it cannot reach."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    why = _why_nobody_cannot_run_the_checkout()
    if why:
        pytest.skip(f"permission test skipped: {why}")
    folder = _cannot_enter(AS_NOBODY, within)
    if folder:
        pytest.skip(f"permission test skipped: {WHO} cannot reach the test's folder {within[0]}: {_blocked(folder)}")
    return list(AS_NOBODY)


def run(*args, user: list[str] | None = None, timeout: float = 120):
    return subprocess.run([*(user or []), sys.executable, "-m", "report", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=timeout)


def problems(result) -> list[str]:
    """The problem lines of a failed run, after checking the run failed the way it must."""
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output, output
    assert "\x1b" not in output and "\x9b" not in output and "\x07" not in output, output
    lines = result.stderr.split("\n")
    assert lines[-1] == "", "stderr ends with one newline"
    lines = lines[:-1]
    count = SUMMARY.match(lines[-1])
    assert count, lines[-1]
    assert int(count.group(1)) == len(lines) - 1, lines
    for line in lines[:-1]:
        assert LINE.match(line) and line.isprintable(), repr(line)
    return lines[:-1]


def named(lines: list[str], file: str, entry: str, field: str, words: str = "") -> str:
    """The one line naming `file`, `entry` and `field` (and holding `words`)."""
    hits = [ln for ln in lines if ln.startswith(f"{file}: entry {entry}") and f": field {field}: " in ln
            and words in ln]
    assert len(hits) == 1, (file, entry, field, words, lines)
    return hits[0]


def snapshot(folder: Path, skip: Path | None = None) -> dict:
    """Every path under `folder` with its kind and content (a link's target, a file's bytes)."""
    state = {}
    for path in sorted(folder.rglob("*")):
        if skip is not None and (path == skip or skip in path.parents):
            continue
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode):
            state[str(path)] = ("link", os.readlink(path))
        elif stat.S_ISREG(st.st_mode):
            state[str(path)] = ("file", path.read_bytes(), st.st_ino)
        else:
            state[str(path)] = ("dir" if stat.S_ISDIR(st.st_mode) else "other",)
    return state


@pytest.fixture
def shared(tmp_path):
    """A folder the unprivileged user can enter (pytest's own tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="report-reliability-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(folder)


# ------------------------------------------------------------------------------------------
# 1. no traceback: every problem one line, in one run
# ------------------------------------------------------------------------------------------

def test_empty_manifest_is_a_problem_not_a_crash(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", "[]\n", {})
    for command in (["check", corpus], ["extract", corpus, "--out", tmp_path / "out"]):
        lines = problems(run(*command))
        named(lines, "corpus/sources.yml", "(none)", "-", "lists no sources")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("text", ["", "# only a comment\n", "null\n"])
def test_blank_manifest_lists_no_sources(tmp_path, text, capsys):
    corpus = make_corpus(tmp_path / "corpus", text)
    assert main(["check", str(corpus)]) == 2
    err = capsys.readouterr().err
    assert "corpus/sources.yml: entry (none): field -: lists no sources" in err
    assert "corpus/alpha.txt: entry (none): field file: article file has no entry in the manifest" in err


def test_unreadable_article(shared):
    corpus = make_corpus(shared / "corpus", entry_yaml() + entry_yaml(id="beta-2024", file="beta.txt"),
                         {"alpha.txt": ARTICLE, "beta.txt": ARTICLE})
    (corpus / "alpha.txt").chmod(0)
    (shared / "writable").mkdir(mode=0o777)
    (shared / "writable").chmod(0o777)
    out = shared / "writable" / "out"
    user = unprivileged(shared)
    for command in (["check", corpus], ["extract", corpus, "--out", out]):
        lines = problems(run(*command, user=user))
        named(lines, "corpus/alpha.txt", "id alpha-2024", "file", "cannot be read: permission denied")
        assert len(lines) == 1
    assert not out.exists()


def test_unreadable_manifest(shared):
    corpus = make_corpus(shared / "corpus")
    (corpus / "sources.yml").chmod(0)
    lines = problems(run("check", corpus, user=unprivileged(shared)))
    named(lines, "corpus/sources.yml", "(none)", "-", "cannot be read: permission denied")
    assert len(lines) == 1  # which articles it lists is unknown, so none is called unlisted


def test_unreadable_folder(shared):
    corpus = make_corpus(shared / "corpus")
    corpus.chmod(0)
    lines = problems(run("check", corpus, user=unprivileged(shared)))
    named(lines, "corpus", "(none)", "-", "cannot be listed: permission denied")
    named(lines, "corpus/sources.yml", "(none)", "-", "cannot be read: permission denied")


def test_missing_article_fifo_and_broken_links_are_named(tmp_path):
    manifest = "".join(entry_yaml(id=f"{n}-2024", file=f"{n}.txt") for n in ("ghost", "fifo", "broken", "loop", "dir"))
    corpus = make_corpus(tmp_path / "corpus", manifest, {})
    os.mkfifo(corpus / "fifo.txt")  # opening it for reading would wait for a writer forever
    (corpus / "broken.txt").symlink_to(corpus / "nowhere.txt")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "dir.txt").mkdir()
    lines = problems(run("check", corpus, timeout=60))
    named(lines, "corpus/ghost.txt", "id ghost-2024", "file", "does not exist")
    named(lines, "corpus/fifo.txt", "id fifo-2024", "file", "not a regular file")
    named(lines, "corpus/broken.txt", "id broken-2024", "file", "leads nowhere")
    named(lines, "corpus/loop.txt", "id loop-2024", "file", "leads nowhere")
    named(lines, "corpus/dir.txt", "id dir-2024", "file", "is a folder")
    assert len(lines) == 5


@pytest.mark.parametrize("field, value", [
    ("title", "[" * 100_000 + "]" * 100_000),  # flow style: RecursionError, and quadratic in PyYAML's scanner
    ("outlet", "\n" + "".join("    " * (k + 2) + "- \n" for k in range(500)) + "    " * 502 + "x"),  # block style
    ("author", "{a: " * 100_000 + "x" + "}" * 100_000),
])
def test_deeply_nested_yaml_is_refused_without_recursion(tmp_path, field, value):
    manifest = entry_yaml() + entry_yaml(id="beta-2024", file="beta.txt", **{field: value})
    corpus = make_corpus(tmp_path / "corpus", manifest, {"alpha.txt": ARTICLE, "beta.txt": ARTICLE})
    lines = problems(run("check", corpus, timeout=60))
    named(lines, "corpus/sources.yml", "id beta-2024 #2 (line 7)", field, "nested more than 8 deep")
    assert len(lines) == 1


def test_yaml_alias_bomb_is_refused_never_expanded(tmp_path):
    """About 1 KB of aliases that would expand to 9**9 strings: refused before anything is built."""
    bomb = ['b0: &b0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"b{i}: &b{i} [{', '.join([f'*b{i - 1}'] * 9)}]" for i in range(1, 10)]
    manifest = entry_yaml(title="*b9").replace("- id:", "- " + "\n  ".join(bomb) + "\n  id:")
    assert len(manifest) < 1500
    corpus = make_corpus(tmp_path / "corpus", manifest)
    result = run("check", corpus, timeout=60)
    lines = problems(result)
    assert len(result.stderr) < 10_000
    named(lines, "corpus/sources.yml", "id alpha-2024 #1 (line 1)", "title", "uses the YAML alias *b9")
    named(lines, "corpus/sources.yml", "id alpha-2024 #1 (line 1)", "b9", "defines the YAML anchor &b9")
    named(lines, "corpus/sources.yml", "id alpha-2024 #1 (line 1)", "b9", "unknown field")


def test_yaml_tags_and_several_documents_are_refused(tmp_path):
    manifest = (entry_yaml(title='!!python/object/apply:os.system ["touch /tmp/report-pwned"]')
                + entry_yaml(id="beta-2024", file="beta.txt", published="!!int 2024", url="!!binary aGk="))
    corpus = make_corpus(tmp_path / "corpus", manifest, {"alpha.txt": ARTICLE, "beta.txt": ARTICLE})
    lines = problems(run("check", corpus))
    named(lines, "corpus/sources.yml", "id alpha-2024 #1 (line 1)", "title", "tags are not allowed")
    named(lines, "corpus/sources.yml", "id beta-2024 #2 (line 7)", "published", "tags are not allowed")
    named(lines, "corpus/sources.yml", "id beta-2024 #2 (line 7)", "url", "tags are not allowed")
    assert len(lines) == 3 and not Path("/tmp/report-pwned").exists()
    (corpus / "sources.yml").write_text(entry_yaml() + "---\n" + entry_yaml(), encoding="utf-8")
    lines = problems(run("check", corpus))
    named(lines, "corpus/sources.yml", "(none)", "-", "not valid YAML at line 7")


def test_manifest_symlink_outside_the_folder_is_refused(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    outside = tmp_path / "outside.yml"
    outside.write_text(entry_yaml(), encoding="utf-8")
    (corpus / "sources.yml").unlink()
    (corpus / "sources.yml").symlink_to(outside)
    before = snapshot(tmp_path)
    lines = problems(run("check", corpus))
    named(lines, "corpus/sources.yml", "(none)", "-", "symbolic link to a file outside the corpus folder")
    assert snapshot(tmp_path) == before
    inside = corpus / "manifest-copy.yml"  # a link inside the folder is fine, as for articles
    inside.write_text(entry_yaml(), encoding="utf-8")
    (corpus / "sources.yml").unlink()
    (corpus / "sources.yml").symlink_to(inside.name)
    assert validate_folder(corpus)[2] == []


def test_file_checks_run_for_entries_whose_fields_are_wrong(tmp_path):
    manifest = (entry_yaml(id="nul-2024", file="nul.txt", published="2024-13")
                + entry_yaml(id="latin-2024", file="latin.txt", kind="blog")
                + entry_yaml(id="big-2024", file="big.txt", title=None)
                + entry_yaml(id="empty-2024", file="empty.txt", url="https://")
                + entry_yaml(id="blank-2024", file="blank.txt", kind="news\n  kind: report"))
    files = {"nul.txt": b"Text\x00NUL\n", "latin.txt": "caf\xe9".encode("latin-1"),
             "big.txt": b"Moscow. " * (MAX_BYTES // 8 + 1), "empty.txt": b"", "blank.txt": "\u200b\n"}
    corpus = make_corpus(tmp_path / "corpus", manifest, files)
    lines = problems(run("check", corpus))
    for ident, field, words, fname, file_words in [
        ("nul-2024", "published", "not a real date", "nul.txt", "NUL bytes"),
        ("latin-2024", "kind", "not one of", "latin.txt", "not UTF-8"),
        ("big-2024", "title", "missing", "big.txt", "over the limit of 2,000,000"),
        ("empty-2024", "url", "with a host", "empty.txt", "the file is empty"),
        ("blank-2024", "kind", "given 2 times", "blank.txt", "no visible text"),
    ]:
        named(lines, "corpus/sources.yml", f"id {ident} #", field, words)
        named(lines, f"corpus/{fname}", f"id {ident}", "file", file_words)
    assert len(lines) == 10


def test_values_names_and_file_names_are_escaped_and_shortened(tmp_path):
    long_kind = "\\e[2J" + "x" * 100_000  # YAML's escape for ESC: a raw ESC is not YAML (see below)
    manifest = (entry_yaml(id='"evil\\n\\e[31mred"', file='"alpha.txt\\nfake.txt"', kind=f'"{long_kind}"')
                + entry_yaml(id="beta-2024", file="beta.txt").replace("kind: news", 'kind: news\n  "x\\e]0;pwn\\a": 1'))
    files = {"alpha.txt": ARTICLE, "beta.txt": ARTICLE, "evil\n\x1b[31mred.txt": ARTICLE, "\u202eevil.txt": ARTICLE}
    corpus = make_corpus(tmp_path / "corpus", manifest, files)
    result = run("check", corpus)
    lines = problems(result)
    entry = r"id 'evil\n\x1b[31mred' #1 (line 1)"
    named(lines, "corpus/sources.yml", entry, "id", "must be lowercase")
    named(lines, "corpus/sources.yml", entry, "file", r"'alpha.txt\nfake.txt' must be a plain file name")
    kind = named(lines, "corpus/sources.yml", entry, "kind", r"'\x1b[2Jxxxx")
    assert "(100,004 characters)" in kind and len(kind) < 250
    named(lines, "corpus/sources.yml", "id beta-2024 #2 (line 7)", r"x\x1b]0;pwn\x07", "unknown field")
    named(lines, r"corpus/evil\n\x1b[31mred.txt", "(none)", "file", "no entry in the manifest")
    named(lines, r"corpus/\u202eevil.txt", "(none)", "file", "no entry in the manifest")
    named(lines, "corpus/alpha.txt", "(none)", "file", "no entry in the manifest")
    assert len(lines) == 7
    (corpus / "sources.yml").write_text(entry_yaml(title='"raw \x1b[31m ESC"'), encoding="utf-8")
    lines = problems(run("check", corpus))
    named(lines, "corpus/sources.yml", "(none)", "-", "at line 3: the character U+001B is not allowed")


def test_an_unexpected_error_is_one_line_not_a_traceback(fixture_dir, monkeypatch, capsys):
    import report.cli

    def broken(folder):
        raise ZeroDivisionError("boom\n\x1b[31m")

    monkeypatch.setattr(report.cli, "load_corpus", broken)
    monkeypatch.delenv("REPORT_DEBUG", raising=False)
    assert main(["check", str(fixture_dir)]) == 2
    err = capsys.readouterr().err
    line, summary = err.splitlines()
    assert "\x1b" not in err and SUMMARY.match(summary)
    assert LINE.match(line) and "ZeroDivisionError" in line
    assert line.startswith(f"{fixture_dir}: entry (none): field -:")
    monkeypatch.setenv("REPORT_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["check", str(fixture_dir)])


# ------------------------------------------------------------------------------------------
# 3. strict values
# ------------------------------------------------------------------------------------------

BAD_PUBLISHED = {
    "hex": ("0x7E8", "YYYY"), "sexagesimal": ("20:24", "YYYY"), "underscore": ("1_984", "YYYY"),
    "fullwidth": ("'２０２４'", "ASCII digits"), "arabic-indic": ("'٢٠٢٤-٠٣'", "ASCII digits"),
    "year-one": ("'0001'", "from 1900"), "short": ("1", "YYYY"), "before-1900": ("1899", "from 1900"),
    "far-future": ("9999", f"to {THIS_YEAR + 1}"), "next-next": (str(THIS_YEAR + 2), f"to {THIS_YEAR + 1}"),
    "unpadded": ("2024-1-5", "YYYY"), "impossible": ("2024-02-30", "not a real date"), "float": ("2024.0", "YYYY"),
    "bool": ("yes", "YYYY"), "timestamp": ("2024-06-13T10:00:00", "YYYY"), "list": ("[2024]", "YYYY"),
    "newline": ('"2024\\n-06"', "YYYY"),
}


def test_published_is_strict_whatever_yaml_would_coerce(tmp_path):
    manifest = "".join(entry_yaml(id=f"{k}-2024", file="alpha.txt" if i == 0 else f"f{i}.txt", published=v)
                       for i, (k, (v, _)) in enumerate(BAD_PUBLISHED.items()))
    files = {"alpha.txt": ARTICLE, **{f"f{i}.txt": ARTICLE for i in range(1, len(BAD_PUBLISHED))}}
    corpus = make_corpus(tmp_path / "corpus", manifest, files)
    lines = problems(run("check", corpus))
    for key, (_, words) in BAD_PUBLISHED.items():
        named(lines, "corpus/sources.yml", f"id {key}-2024 #", "published", words)
    assert len(lines) == len(BAD_PUBLISHED)


@pytest.mark.parametrize("value, iso, precision", [
    ("1900", "1900", "year"), (str(THIS_YEAR + 1), str(THIS_YEAR + 1), "year"), ("2024-06", "2024-06", "month"),
    ("2024-02-29", "2024-02-29", "day"),
])
def test_published_accepts_the_three_forms(tmp_path, value, iso, precision):
    assert parse_published(value) == (iso, precision)
    corpus = make_corpus(tmp_path / "corpus", entry_yaml(published=value))
    entries, _, found = validate_folder(corpus)
    assert found == [] and entries[0].published == iso


def test_duplicate_keys_in_an_entry_are_an_error(tmp_path):
    manifest = entry_yaml(title='"First title"').replace("kind: news", 'kind: news\n  title: "Second title"')
    corpus = make_corpus(tmp_path / "corpus", manifest)
    lines = problems(run("check", corpus))
    named(lines, "corpus/sources.yml", "id alpha-2024 #1 (line 1)", "title", "given 2 times in this entry (lines 3, 7)")
    assert len(lines) == 1


def test_unlisted_txt_files_in_any_letter_case_are_an_error(tmp_path):
    files = {"alpha.txt": ARTICLE, "EXTRA.TXT": ARTICLE, "Notes.Txt": ARTICLE, "beta.txt": ARTICLE, "notes.md": "x"}
    corpus = make_corpus(tmp_path / "corpus", None, files)
    lines = problems(run("check", corpus))
    named(lines, "corpus/EXTRA.TXT", "(none)", "file", "ending in lowercase .txt")
    named(lines, "corpus/Notes.Txt", "(none)", "file", "ending in lowercase .txt")
    named(lines, "corpus/beta.txt", "(none)", "file", "no entry in the manifest")
    assert len(lines) == 3


@pytest.mark.parametrize("content", [
    "\u200b\u200b\n", "\ufeff\u200b \u2060\n\u200d\n", "\u200e\u202e\n\t\u3000\n", "\u0301\u0301\n", b"\xef\xbb\xbf\n"])
def test_an_article_without_visible_text_is_an_error(tmp_path, content):
    corpus = make_corpus(tmp_path / "corpus", None, {"alpha.txt": content})
    lines = problems(run("check", corpus))
    words = "the file is empty" if isinstance(content, bytes) else "no visible text"
    named(lines, "corpus/alpha.txt", "id alpha-2024", "file", words)
    assert len(lines) == 1


def test_url_must_be_https_with_a_host(tmp_path):
    bad = ["https://", "'https:///path'", "'https://?q=1'", "http://example.org", "'https://exa mple.org'",
           "HTTPS://example.org", "'https://example.org:port/'", "'https://[::1'", "'https://..'"]
    manifest = "".join(entry_yaml(id=f"u{i}-2024", file="alpha.txt" if i == 0 else f"u{i}.txt", url=u)
                       for i, u in enumerate(bad))
    manifest += entry_yaml(id="good-2024", file="good.txt", url="https://example.org/a?b=c#d")
    files = {"alpha.txt": ARTICLE, "good.txt": ARTICLE, **{f"u{i}.txt": ARTICLE for i in range(1, len(bad))}}
    corpus = make_corpus(tmp_path / "corpus", manifest, files)
    lines = problems(run("check", corpus))
    for i in range(len(bad)):
        named(lines, "corpus/sources.yml", f"id u{i}-2024 #", "url", "must be a full https:// address with a host")
    assert len(lines) == len(bad)


# ------------------------------------------------------------------------------------------
# 4. extract writes only regular files it creates inside --out
# ------------------------------------------------------------------------------------------

def test_extract_never_writes_through_a_symlink_in_out(fixture_dir, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (out / "sources.csv").symlink_to(victim)
    (out / "quotes.csv").symlink_to(tmp_path / "created-through-link.csv")  # a dangling link
    before = snapshot(tmp_path)
    lines = problems(run("extract", fixture_dir, "--out", out))
    named(lines, f"{out}/sources.csv", "(none)", "--out", "is a symbolic link")
    named(lines, f"{out}/quotes.csv", "(none)", "--out", "is a symbolic link")
    assert len(lines) == 2
    assert snapshot(tmp_path) == before  # nothing written, the links and their targets untouched


def test_extract_replaces_its_own_files_and_touches_nothing_outside_out(fixture_dir, tmp_path):
    out = tmp_path / "out"
    assert run("extract", fixture_dir, "--out", out).returncode == 0
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    hard = tmp_path / "hard-link-to-sources.csv"  # a second name for the same file, outside --out
    os.link(out / "sources.csv", hard)
    hard_before = hard.read_bytes()
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = snapshot(tmp_path, skip=out)
    result = run("extract", fixture_dir, "--out", out)
    assert result.returncode == 0, result.stderr
    assert snapshot(tmp_path, skip=out) == before
    assert hard.read_bytes() == hard_before and hard.stat().st_ino != (out / "sources.csv").stat().st_ino
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.suffix == ".csv"} == first
    assert sorted(p.name for p in out.iterdir()) == sorted([*first, "notes.txt"])  # no temporary file left
    assert all(stat.S_ISREG(p.lstat().st_mode) for p in out.iterdir())


def test_out_under_a_regular_file_is_refused(fixture_dir, tmp_path):
    (tmp_path / "file.txt").write_text("x\n", encoding="utf-8")
    before = snapshot(tmp_path)
    lines = problems(run("extract", fixture_dir, "--out", tmp_path / "file.txt" / "out"))
    named(lines, f"{tmp_path}/file.txt/out", "(none)", "--out", "lies under a file")
    lines = problems(run("extract", fixture_dir, "--out", tmp_path / "file.txt"))
    named(lines, f"{tmp_path}/file.txt", "(none)", "--out", "must be a folder")
    assert snapshot(tmp_path) == before


def test_an_output_file_name_that_is_a_folder_is_refused(fixture_dir, tmp_path):
    out = tmp_path / "out"
    (out / "paragraphs.csv").mkdir(parents=True)
    before = snapshot(tmp_path)
    lines = problems(run("extract", fixture_dir, "--out", out))
    named(lines, f"{out}/paragraphs.csv", "(none)", "--out", "is a folder where extract writes a file")
    assert snapshot(tmp_path) == before


def test_out_problems_and_corpus_problems_in_one_run(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", "[]\n", {})
    (tmp_path / "file.txt").write_text("x\n", encoding="utf-8")
    lines = problems(run("extract", corpus, "--out", tmp_path / "file.txt"))
    named(lines, "corpus/sources.yml", "(none)", "-", "lists no sources")
    named(lines, f"{tmp_path}/file.txt", "(none)", "--out", "must be a folder")


def test_out_that_cannot_be_written_is_refused(fixture_dir, shared):
    corpus = shared / "corpus"
    shutil.copytree(fixture_dir, corpus)
    for path in [corpus, *corpus.iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    locked = shared / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    before = snapshot(shared)
    user = unprivileged(shared)
    lines = problems(run("extract", corpus, "--out", locked, user=user))
    named(lines, str(locked), "(none)", "--out", "permission denied")
    lines = problems(run("extract", corpus, "--out", locked / "new" / "out", user=user))
    named(lines, f"{locked}/new/out", "(none)", "--out", "not writable")
    assert snapshot(shared) == before


# Never a partial write: every target is checked before the first write, and a refused extract leaves
# the out folder byte-identical (its listing, every file's bytes and inode, every link's target).

TABLE_FILES = [f"{stem}.csv" for stem in _table_names()]  # what extract checks before it reads the corpus
LAST = TABLE_FILES[-1]  # the table renamed into place last, after all the others


def previous_extract(out: Path) -> Path:
    """`out` as an earlier extract left it, each table's bytes made distinct (`old <name>`): a table
    written again, even with the same rows, would change the bytes or the inode."""
    out.mkdir(parents=True, exist_ok=True)
    for fname in TABLE_FILES:
        (out / fname).write_bytes(f"old {fname}\n".encode())
    return out


def listing(out: Path) -> tuple[list[str], dict]:
    """The out folder's listing (hidden files included: no temporary file may be left) and its state."""
    return sorted(os.listdir(out)), snapshot(out)


def readable_corpus(fixture_dir: Path, shared: Path) -> Path:
    """A copy of the fixture corpus that the unprivileged user can read."""
    corpus = shared / "corpus"
    shutil.copytree(fixture_dir, corpus)
    for path in [corpus, *corpus.iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return corpus


def test_all_table_files_are_known_before_the_corpus_is_read(fixture_dir):
    assert sorted(f"{name}.csv" for name in all_tables(load_corpus(fixture_dir))) == TABLE_FILES


def test_a_symlink_target_refuses_the_whole_extract(fixture_dir, tmp_path):
    out = previous_extract(tmp_path / "out")
    victim = tmp_path / "victim.csv"
    victim.write_bytes(b"precious\n")
    (out / LAST).unlink()
    (out / LAST).symlink_to(victim)  # the last table: every other one would come before it
    before, outside = listing(out), snapshot(tmp_path)
    lines = problems(run("extract", fixture_dir, "--out", out))
    named(lines, f"{out}/{LAST}", "(none)", "--out", "is a symbolic link")
    assert len(lines) == 1
    assert listing(out) == before and snapshot(tmp_path) == outside
    assert (out / "events.csv").read_bytes() == b"old events.csv\n" and victim.read_bytes() == b"precious\n"


def test_a_folder_target_refuses_the_whole_extract(fixture_dir, tmp_path):
    out = previous_extract(tmp_path / "out")
    (out / LAST).unlink()
    (out / LAST).mkdir()
    (out / LAST / "inside.txt").write_bytes(b"kept\n")
    before = listing(out)
    lines = problems(run("extract", fixture_dir, "--out", out))
    named(lines, f"{out}/{LAST}", "(none)", "--out", "is a folder where extract writes a file")
    assert len(lines) == 1
    assert listing(out) == before
    assert (out / LAST / "inside.txt").read_bytes() == b"kept\n"


def test_every_bad_target_is_named_in_one_run(fixture_dir, tmp_path):
    out = previous_extract(tmp_path / "out")
    for fname in ("events.csv", "quotes.csv", "sources.csv"):
        (out / fname).unlink()
    (out / "events.csv").symlink_to(tmp_path / "nowhere.csv")  # a dangling link: never created through
    (out / "quotes.csv").mkdir()
    os.mkfifo(out / "sources.csv")
    before = listing(out)
    lines = problems(run("extract", fixture_dir, "--out", out, timeout=60))
    named(lines, f"{out}/events.csv", "(none)", "--out", "is a symbolic link")
    named(lines, f"{out}/quotes.csv", "(none)", "--out", "is a folder")
    named(lines, f"{out}/sources.csv", "(none)", "--out", "is not a regular file")
    assert len(lines) == 3
    assert listing(out) == before and not (tmp_path / "nowhere.csv").exists()


def test_an_out_folder_that_cannot_be_written_refuses_the_whole_extract(fixture_dir, shared):
    user = unprivileged(shared)
    corpus = readable_corpus(fixture_dir, shared)
    out = previous_extract(shared / "out")
    for path in out.iterdir():
        path.chmod(0o644)
    out.chmod(0o555)
    before = listing(out)
    lines = problems(run("extract", corpus, "--out", out, user=user))
    named(lines, str(out), "(none)", "--out", "the folder cannot be written: permission denied")
    assert len(lines) == 1
    assert listing(out) == before


def test_a_file_of_another_user_in_a_sticky_out_folder_is_refused(fixture_dir, shared):
    """In a folder like /tmp, the unprivileged user could create the other tables and then fail to replace
    root's file at the last table: a partial write. It is refused before the first write."""
    user = unprivileged(shared)
    if not user:
        pytest.skip("needs root, to own a file the user running extract cannot replace")
    corpus = readable_corpus(fixture_dir, shared)
    out = shared / "sticky"
    out.mkdir()
    out.chmod(0o1777)
    (out / LAST).write_bytes(b"root's table\n")
    (out / LAST).chmod(0o644)
    before = listing(out)
    lines = problems(run("extract", corpus, "--out", out, user=user))
    named(lines, f"{out}/{LAST}", "(none)", "--out", "belongs to another user (uid 0)")
    assert len(lines) == 1
    assert listing(out) == before


def test_a_failed_rename_puts_every_table_back(fixture_dir, tmp_path, monkeypatch):
    """A rename that fails after others succeeded (an I/O error, an immutable file): every table already
    replaced is put back, and no new or backup file is left."""
    tables = all_tables(load_corpus(fixture_dir))
    out = previous_extract(tmp_path / "out")
    before = listing(out)
    real = os.replace

    def failing(src, dst, *args, **kwargs):
        if Path(dst).name == LAST and str(src).endswith(".tmp"):
            raise OSError(errno.EIO, "Input/output error")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OutputError) as raised:
        write_tables(tables, out)
    [problem] = raised.value.problems
    assert problem.file == f"{out}/{LAST}" and "cannot be replaced: input/output error" in problem.message
    assert "put back as they were" in problem.message
    assert listing(out) == before


def test_a_failed_write_leaves_no_file_and_no_folder(fixture_dir, tmp_path, monkeypatch):
    import report.cli

    tables = all_tables(load_corpus(fixture_dir))
    real, calls = report.cli.neutralise_table, []

    def full_disk(df):
        calls.append(df)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(df)

    monkeypatch.setattr(report.cli, "neutralise_table", full_disk)
    before = snapshot(tmp_path)
    with pytest.raises(OutputError) as raised:
        write_tables(tables, tmp_path / "new" / "out")
    [problem] = raised.value.problems
    assert "cannot be written: no space left on device" in problem.message
    assert snapshot(tmp_path) == before and not (tmp_path / "new").exists()


# ------------------------------------------------------------------------------------------
# 5. CSV downloads: safe in a spreadsheet, exact to read back
# ------------------------------------------------------------------------------------------

TRICKY = ["NA", "null", "=1+1", "-5", "@x", "+7", "'=SUM(A1)", "'", "''", "'x", "-", "", "a=b", "\t=1", "''-1",
          "#N/A", "None", "NaN", "N/A", "nan", "True", " -1"]


@pytest.mark.parametrize("text", TRICKY)
def test_neutralise_is_undone_exactly(text):
    written = neutralise(text)
    assert unneutralise(written) == text
    assert written.lstrip("'")[:1] not in ("=", "+", "-", "@", "\t", "\r") or written.startswith("'")


@pytest.fixture(scope="module")
def roundtrip_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("roundtrip") / "out"
    result = run("extract", ROUNDTRIP, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


def test_formula_cells_are_prefixed_in_the_csv(roundtrip_out):
    import csv

    paragraphs = (roundtrip_out / "paragraphs.csv").read_text(encoding="utf-8")
    for cell in ["'=1+1", "'-5", "'@x", "'+7", "''=SUM(A1:A2)"]:
        assert f",{cell}," in paragraphs, cell
    for line in ["NA", "null", "N/A", "NaN", "None", "#N/A"]:
        assert f",{line}," in paragraphs, line
    sources = (roundtrip_out / "sources.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(" in sources and ",'@Fixture Desk," in sources and ",'-Anon," in sources
    for path in roundtrip_out.iterdir():
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row), (path.name, row)


def test_read_table_gives_back_every_table_exactly(roundtrip_out):
    tables = all_tables(load_corpus(ROUNDTRIP))
    assert sorted(f"{name}.csv" for name in tables) == sorted(p.name for p in roundtrip_out.iterdir())
    for name, original in tables.items():
        back = read_table(roundtrip_out / f"{name}.csv")
        assert list(back.columns) == list(original.columns), name
        assert len(back) == len(original) > 0, name
        for column in original.columns:
            want, got = original[column], back[column]
            assert want.isna().tolist() == got.isna().tolist(), (name, column)
            assert want.dropna().tolist() == got.dropna().tolist(), (name, column)
            assert pd.api.types.is_numeric_dtype(want) == pd.api.types.is_numeric_dtype(got), (name, column)
            assert pd.api.types.is_bool_dtype(want) == pd.api.types.is_bool_dtype(got), (name, column)
    paragraphs = read_table(roundtrip_out / "paragraphs.csv")
    texts = set(paragraphs.text)
    assert {"NA", "null", "=1+1", "-5", "@x", "+7", "'=SUM(A1:A2)", "N/A", "NaN", "None", "#N/A"} <= texts
    assert not paragraphs.isna().any().any()
    sources = read_table(roundtrip_out / "sources.csv").set_index("source_id")
    assert sources.loc["null-2024", "title"] == "NA" and sources.loc["null-2024", "outlet"] == "null"
    assert pd.isna(sources.loc["null-2024", "author"]) and sources.loc["cells-2024", "author"] == "-Anon"
    assert pd.read_csv(roundtrip_out / "paragraphs.csv").text.isna().any()  # why the defaults are not enough


def test_numeric_columns_are_never_prefixed(tmp_path):
    numbers = pd.DataFrame([{"source_id": "x-2024", "paragraph": 1, "sentence": 1, "char_start": 0, "char_end": 2,
                             "text": "-5", "value": -5.0, "unit": "=usd", "qualifier": "@most"}])
    write_tables({"numbers": schemas.NUMBERS.validate(numbers)}, tmp_path / "out")
    raw = (tmp_path / "out" / "numbers.csv").read_text(encoding="utf-8")
    assert raw.splitlines()[1] == "x-2024,1,1,0,2,'-5,-5.0,'=usd,'@most"
    back = read_table(tmp_path / "out" / "numbers.csv")
    assert back.loc[0, "value"] == -5.0 and back["value"].dtype == "float64" and back["paragraph"].dtype == "int64"
    assert back.loc[0, ["text", "unit", "qualifier"]].tolist() == ["-5", "=usd", "@most"]
