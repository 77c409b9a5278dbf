"""The reviewed codings (codings/): read and validate the coding files of codings/GUIDE.md.

A coding file holds the rows one coder (a blind coding, `codings/blind/<source>.<coder>.yml`) or the
adjudication (`codings/<source>.yml`) read in one source: statements, claims and quotations, each
naming its paragraph and quoting the exact words it rests on, and the source's lead motives (`leads`: the
motive it itself weighs most, coded in a round of its own). `validate` checks every row against the
manifest, the source's paragraphs and the codebook, and returns every problem, one line each naming
the file, the entry and the field (`python -m report.codings FILE...` prints them, exit 2).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from .codebook import SAFE_LOADER, load
from .corpus import Corpus, load_corpus
from .gazetteer import actors
from .manifest import _load_yaml, parse_published
from .paths import CODINGS
from .problems import Problem, name, show

SECTIONS = ("statements", "claims", "quotes")  # the evidence tables
LEADS = "leads"  # how the source itself weighs the motives: not a row of the evidence tables
FIELDS = {
    "statements": {"paragraph": True, "quote": True, "actor": True, "act": True, "polarity": True, "date": False,
                   "note": False},
    "claims": {"paragraph": True, "quote": True, "kind": True, "category": True, "stance": True, "who": True,
               "note": False},
    "quotes": {"paragraph": True, "quote": True, "speaker": True, "attribution": True, "note": False},
    LEADS: {"paragraph": True, "quote": True, "category": True, "basis": True, "who": True, "note": False},
}
for _fields in FIELDS.values():
    _fields["status"] = False  # `proposed` on a row `report propose` wrote that no reviewer has decided yet
PROPOSED = "proposed"
TOP = {"source": True, "coder": False, "coders": False, "statements": False, "claims": False, "quotes": False,
       LEADS: False, "decisions": False}
DECISION_FIELDS = {"section": True, "item": True, "decision": True, "reason": True}
LOCATION = ["source_id", "paragraph", "sentence", "char_start", "char_end", "quote"]
COLUMNS = {"statements": LOCATION + ["actor_id", "act", "polarity", "date"],
           "claims": LOCATION + ["kind", "category", "stance", "who"],
           "quotes": LOCATION + ["speaker", "attribution"],
           LEADS: LOCATION + ["category", "basis", "who"]}


def vocabulary() -> dict[str, set[str]]:
    """The values a coding's fields may take, from the codebook."""
    acts, claims, codings = load("acts"), load("claims"), load("codings")
    kinds = {kind: set(spec["categories"]) for kind, spec in claims["kinds"].items()}
    kinds["assessment"] = set(codings["assessments"])
    kinds["aim"] = set(codings["aims"])
    return {"actor": set(actors()), "act": set(acts["acts"]), "polarity": set(acts["polarities"]),
            "kind": set(kinds), "stance": set(codings["stances"]), "attribution": set(codings["attributions"]),
            "basis": set(codings["lead_bases"]),
            **{f"category:{k}": v for k, v in kinds.items()}}


@dataclass
class Coding:
    """One coding file: its source, coder(s), its rows by section (frames with COLUMNS; `leads` among
    them) and the sections the file holds (a coder of one round codes only that round's sections)."""

    path: Path
    source_id: str
    coder: str
    rows: dict[str, pd.DataFrame]
    decisions: list[dict]
    sections: frozenset[str] = frozenset(SECTIONS)


def _line(node: yaml.Node | None, section: str, index: int) -> str:
    """ "#3 (line 27)": the row's number in its section and its line in the file."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == section and isinstance(value, yaml.SequenceNode) and index < len(value.value):
                return f"{section} #{index + 1} (line {value.value[index].start_mark.line + 1})"
    return f"{section} #{index + 1}"


_LAYOUT: dict[Corpus, dict] = {}  # a Corpus hashes by identity


def _layout(corpus: Corpus) -> dict[tuple[str, int], tuple[int, str, list[tuple[int, int, int]]]]:
    """(source, paragraph) -> (char_start, text, [(sentence, char_start, char_end)]), built once per corpus."""
    if corpus not in _LAYOUT:
        sentences: dict[tuple[str, int], list] = {}
        s = corpus.sentences
        for sid, para, n, start, end in zip(s.source_id, s.paragraph, s.sentence, s.char_start, s.char_end):
            sentences.setdefault((sid, int(para)), []).append((int(n), int(start), int(end)))
        p = corpus.paragraphs
        _LAYOUT[corpus] = {(sid, int(para)): (int(start), str(text), sentences.get((sid, int(para)), []))
                           for sid, para, start, text in zip(p.source_id, p.paragraph, p.char_start, p.text)}
    return _LAYOUT[corpus]


def _paragraphs(corpus: Corpus) -> dict[tuple[str, int], str]:
    return {key: text for key, (_, text, _) in _layout(corpus).items()}


def locate(corpus: Corpus, source: str, paragraph: int, quote: str) -> tuple[int, int, int]:
    """(sentence, char_start, char_end) of the first occurrence of `quote` in the paragraph: the sentence
    it starts in, and its offsets in the source text (as every evidence row gives them)."""
    para_start, text, sentences = _layout(corpus)[(source, int(paragraph))]
    start = para_start + text.find(quote)
    holding = [n for n, s, e in sentences if s <= start < e]
    sentence = holding[0] if holding else min(n for n, _, _ in sentences)
    return sentence, start, start + len(quote)


def _check_row(section: str, row: dict, source: str, paragraphs: dict, vocab: dict,
               problem) -> dict | None:
    """The row, typed, or None when a field is wrong (each problem reported through `problem(field, message)`)."""
    ok = True
    for field in row:
        if field not in FIELDS[section]:
            problem(name(field), f"unknown field (a {section} row has {', '.join(FIELDS[section])})")
            ok = False
    complete = True
    for field, required in FIELDS[section].items():
        if required and (field not in row or not isinstance(row[field], str)
                         or (not row[field].strip() and field not in ("speaker",))):
            problem(field, "missing or empty" if field not in row or row[field] in ("", None) else
                    f"must be a single value, not {show(row[field])}")
            complete = False
    if not complete:
        return None
    para = row["paragraph"].strip()
    if not re.fullmatch(r"[1-9][0-9]{0,4}", para):
        problem("paragraph", f"{show(row['paragraph'])} is not a paragraph number")
        return None
    text = paragraphs.get((source, int(para)))
    if text is None:
        problem("paragraph", f"{source} has no paragraph {para}")
        ok = False
    elif row["quote"] not in text:
        problem("quote", f"{show(row['quote'])} is not in paragraph {para} (copy the words exactly)")
        ok = False
    checks = {"statements": ("actor", "act", "polarity"), "claims": ("kind", "stance"), "quotes": ("attribution",),
              LEADS: ("basis",)}
    for field in checks[section]:
        if row[field] not in vocab[field]:
            problem(field, f"{show(row[field])} is not one of the codebook's")
            ok = False
    if section == "claims" and row["kind"] in vocab["kind"] and row["category"] not in vocab[f"category:{row['kind']}"]:
        problem("category", f"{show(row['category'])} is not a {row['kind']} category of the codebook")
        ok = False
    if section == LEADS and row["category"] not in vocab["category:motive"]:
        problem("category", f"{show(row['category'])} is not a motive category of the codebook")
        ok = False
    if section == "statements" and row.get("date") not in (None, ""):
        try:
            parse_published(row["date"])
        except ValueError as err:
            problem("date", str(err))
            ok = False
    if row.get("status") not in (None, "", PROPOSED):
        problem("status", f"{show(row['status'])}: a row's status is `{PROPOSED}` or absent")
        ok = False
    elif row.get("status") == PROPOSED:
        problem("status", "a proposal of the machine reader not yet decided: confirm it (delete `status`), "
                          "correct it or delete the row")
        ok = False
    if not ok:
        return None
    typed = {"source_id": source, "paragraph": int(para), "quote": row["quote"]}  # located by `read`
    if section == "statements":
        typed.update(actor_id=row["actor"], act=row["act"], polarity=row["polarity"], date=row.get("date") or "")
    elif section == "claims":
        typed.update(kind=row["kind"], category=row["category"], stance=row["stance"], who=row["who"].strip())
    elif section == LEADS:
        typed.update(category=row["category"], basis=row["basis"], who=row["who"].strip())
    else:
        typed.update(speaker=row["speaker"].strip(), attribution=row["attribution"])
    return typed


_READ: dict[tuple, tuple] = {}


def read(path: Path, corpus: Corpus, label: str | None = None) -> tuple[Coding | None, list[Problem]]:
    """One coding file, validated: (the coding, or None when it has problems; every problem). Memoised per
    corpus, file (its size and modification time) and label: the pages read the same codings many times."""
    path = Path(path)
    try:
        stat = path.stat()
        stamp = (stat.st_size, stat.st_mtime_ns)
    except OSError:
        return _read(path, corpus, label)
    key = (corpus, str(path.resolve()), stamp, label)
    if key not in _READ:
        _READ[key] = _read(path, corpus, label)
    coding, problems = _READ[key]
    return coding, list(problems)


def _read(path: Path, corpus: Corpus, label: str | None = None) -> tuple[Coding | None, list[Problem]]:
    label = label or path.name
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return None, [Problem(label, "(none)", "-", f"cannot be read: {err}")]
    data, node, found = _load_yaml(text, label)
    problems += found
    if not isinstance(data, dict):
        return None, problems + ([] if found else [Problem(label, "(none)", "-", "a coding file is a mapping")])
    for key in data:
        if key not in TOP:
            problems.append(Problem(label, "(top)", name(key), f"unknown field (a coding file has {', '.join(TOP)})"))
    source = data.get("source")
    ids = set(corpus.sources.source_id)
    if not isinstance(source, str) or source not in ids:
        problems.append(Problem(label, "(top)", "source", f"{show(source)} is not a source id of the manifest"))
        return None, problems
    paragraphs, vocab = _paragraphs(corpus), vocabulary()
    rows: dict[str, list[dict]] = {s: [] for s in (*SECTIONS, LEADS)}
    for section in (*SECTIONS, LEADS):
        items = data.get(section) or []
        if not isinstance(items, list):
            problems.append(Problem(label, "(top)", section, "must be a list of rows"))
            continue
        for i, row in enumerate(items):
            entry = _line(node, section, i)
            if not isinstance(row, dict):
                problems.append(Problem(label, entry, "-", "a row is a mapping of fields"))
                continue
            typed = _check_row(section, row, source, paragraphs, vocab,
                               lambda field, message, entry=entry: problems.append(Problem(label, entry, field, message)))
            if typed is not None:
                rows[section].append(typed)
    decisions = data.get("decisions") or []
    if not isinstance(decisions, list):
        problems.append(Problem(label, "(top)", "decisions", "must be a list"))
        decisions = []
    for i, d in enumerate(decisions):
        entry = _line(node, "decisions", i)
        missing = [f for f, req in DECISION_FIELDS.items() if req and not (isinstance(d, dict) and d.get(f))]
        for field in missing:
            problems.append(Problem(label, entry, field, "missing or empty: each decision says what was decided and why"))
    coders = data.get("coders") or []
    coder = data.get("coder") or (", ".join(str(c) for c in coders) if isinstance(coders, list) else "")
    if problems:
        return None, problems
    for section in (*SECTIONS, LEADS):
        for r in rows[section]:
            r["sentence"], r["char_start"], r["char_end"] = locate(corpus, source, r["paragraph"], r["quote"])
    frames = {s: pd.DataFrame(rows[s], columns=COLUMNS[s]) for s in (*SECTIONS, LEADS)}
    held = frozenset(s for s in (*SECTIONS, LEADS) if s in data)
    return Coding(path, source, str(coder), frames, [d for d in decisions if isinstance(d, dict)], held), problems


def proposals(corpus: Corpus, source_id: str, machine: dict[str, pd.DataFrame]) -> dict:
    """The machine reader's rows for one source (`machine`: its evidence tables) as a coding file, every row
    marked `status: proposed`: the start of a review (codings/GUIDE.md)."""
    text = corpus.texts[source_id]
    paras = corpus.paragraphs[corpus.paragraphs.source_id == source_id]

    def quote(r) -> str:  # the row's span, cut to its paragraph
        p = paras[(paras.paragraph == r.paragraph)].iloc[0]
        return text[max(r.char_start, p.char_start):min(r.char_end, p.char_end)].strip()

    st = machine["statements"][machine["statements"].source_id == source_id]
    cl = machine["claims"][machine["claims"].source_id == source_id]
    qu = machine["quotes"][machine["quotes"].source_id == source_id]
    return {
        "source": source_id,
        "coder": "machine",
        "statements": [{"paragraph": int(r.paragraph), "quote": quote(r), "actor": r.actor_id, "act": r.act,
                        "polarity": r.polarity, "status": PROPOSED} for r in st.itertuples()],
        "claims": [{"paragraph": int(r.paragraph), "quote": quote(r), "kind": r.kind, "category": r.category,
                    "stance": "affirmed", "who": r.who, "status": PROPOSED} for r in cl.itertuples()],
        "quotes": [{"paragraph": int(r.paragraph), "quote": quote(r), "speaker": r.speaker,
                    "attribution": "named" if r.speaker else "none", "status": PROPOSED}
                   for r in qu.itertuples() if r.kind != "term"],
    }


def dump(coding: dict) -> str:
    """A coding as YAML, rows one per line in the order of the guide."""
    return yaml.safe_dump(coding, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)


def blind_files(folder: Path = CODINGS) -> list[Path]:
    """The blind codings, `blind/<source>.<coder>.yml`, sorted."""
    return sorted((Path(folder) / "blind").glob("*.yml"))


def adjudicated_files(folder: Path = CODINGS) -> list[Path]:
    """The adjudicated codings, `<source>.yml`, sorted."""
    return sorted(Path(folder).glob("*.yml"))


def adjudicated_files_for(corpus: Corpus, folder: Path = CODINGS) -> list[Path]:
    """The adjudicated codings of the sources in `corpus`; a file whose source cannot be read is kept, so
    that reading it names its problem rather than dropping it."""
    def source(path: Path):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # only to find its source
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError):
            return None
        return data.get("source") if isinstance(data, dict) else None
    return [p for p in adjudicated_files(folder) if (sid := source(p)) is None or sid in corpus.texts]


def validate(paths: list[Path], corpus: Corpus) -> list[Problem]:
    """Every problem of the coding files `paths`, sorted."""
    return sorted(p for path in paths for p in read(path, corpus, f"{Path(path).parent.name}/{Path(path).name}")[1])


def main(argv: list[str] | None = None) -> int:
    """`python -m report.codings FILE...`: print every problem of the coding files, exit 2 if any."""
    paths = [Path(a) for a in (sys.argv[1:] if argv is None else argv)] or blind_files() + adjudicated_files()
    problems = validate(paths, load_corpus())
    for p in problems:
        print(p)
    return 2 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
