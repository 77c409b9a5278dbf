"""Lint of the vocabulary: every list of terms, actors, groups and thresholds lives in report/codebook/.

(a) Each codebook file has the keys its loaders read, its word lists are non-empty lists of distinct,
    non-empty strings (YAML 1.1 reads a bare on, off, yes or no as a boolean: quote them), its
    thresholds are numbers in a sane range, and every actor, act, polarity, claim category, stance and
    question it refers to exists where it is defined.
(b) The package's source holds no literal list, set, tuple or lookup table of four or more English
    words: vocabulary that creeps back into the code fails here. Lists of names the project defines
    (table columns, codebook keys and ids), spaCy's labels, and the few literals of ALLOWED (each with
    its reason) are not vocabulary.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
import yaml
from spacy.glossary import GLOSSARY

from report import codebook
from report.analysis.judgments import CHECKS
from report.paths import CODEBOOK

PACKAGE = Path(codebook.__file__).parent
FILES = sorted(p.stem for p in Path(CODEBOOK).glob("*.yml"))


def load(name: str):
    return codebook.load(name)


# ---------------------------------------------------------------------------------------
# (a) the codebook's structure
# ---------------------------------------------------------------------------------------

# file -> the top-level keys its loaders read (a nested dict: the keys of that section)
REQUIRED = {
    "abbreviations": ["abbreviations"],
    "actors": ["locative_words", "home", "actors"],
    "acts": ["patients", {"subjects": ["generic", "stand_for_previous", "co_agents"]}, "candidate_targets",
             "targets", "acts", "key_acts", "polarities", "date_bounds", "target_pronouns", "irregular_forms",
             "suffixes", "stem_endings",
             {"polarity": ["negating", "negating_subjects", "negated_actors", "prospective", "modals", "reporting"]}],
    "analysis": ["common_actors", "event_kinds", "disagreement_window_days", "recognition_claims", "stances"],
    "boilerplate": ["topic_terms", "title_case_share", "rules"],
    "claims": ["continuing", "negations", "min_list", "not_cues", "kinds"],
    "codings": ["assessments", "stances", "attributions"],
    "dates": ["months", "month_abbreviations", "weekdays", "month_context", "number_words", "time_units",
              "decade_parts", "identifier_words", "qualifiers", "multipliers", "currencies", "future_markers",
              "ordinal_suffixes", "range_openers", "range_joiners", "relative_steps", "relative_within",
              "weekday_words", "counting_directions", "indefinite_articles", "vague_amounts", "unit_stop_words",
              "percent_words", "eve_phrases", "eve_max_modifiers", "event_nouns", "eve_breaks", "event_date_links",
              "event_places", "eve_apposition"],
    "licences": ["licences"],
    "guards": ["words", "selectors", "risks", "actors", "boilerplate"],
    "quotes": [{"quote_marks": ["pairs", "straight", "apostrophes"]}, "speech_verbs", "pronouns", "title_markers",
               "term_max_words", "titles", "speech_lemmas", "name_verbs", "definite_determiners", "history"],
    "reading": ["questions", "polarity_words", "grades", "confidence",
                "adoption_rules", "judgments", {"timeline": ["focus_from"]},
                {"key_figures": ["currencies", "min_count", "facts", "dates"]}, "names_with_article"],
    "themes": ["themes"],
}

# lists whose items may be empty strings, by dotted path ([] for any item of a list)
EMPTY_ALLOWED = {"reading.key_figures.facts[].units": "the unit of a bare count is ''"}
# lists that may be empty: an act's optional word lists, where [] says explicitly that it has none
EMPTY_LIST_ALLOWED = re.compile(r"acts\.acts\.\w+\.(objects|nouns|noun_verbs|negated_forms)")


def _missing(data: dict, keys: list, where: str) -> list[str]:
    out = []
    for key in keys:
        if isinstance(key, dict):
            (section, inner), = key.items()
            out += [f"{where}.{section}"] if section not in data else _missing(data[section], inner, f"{where}.{section}")
        elif key not in data:
            out.append(f"{where}.{key}")
    return out


def test_every_codebook_file_is_linted():
    assert set(FILES) == set(REQUIRED), "a codebook file without an entry in REQUIRED (or the reverse)"


@pytest.mark.parametrize("name", FILES)
def test_codebook_has_the_keys_its_loaders_read(name):
    data = load(name)
    assert isinstance(data, dict), name
    assert not _missing(data, REQUIRED[name], name)


def _walk(node, path: str):
    """(dotted path, list) for every list in a parsed YAML tree, and (path, key) for every mapping key."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield "key", path, k
            yield from _walk(v, f"{path}.{k}")
    elif isinstance(node, list):
        yield "list", path, node
        for v in node:
            yield from _walk(v, f"{path}[]")


@pytest.mark.parametrize("name", FILES)
def test_codebook_lists_are_clean(name):
    """Word lists: non-empty lists of distinct, non-empty, trimmed strings; no YAML booleans or nulls
    where a word was meant (a bare `no` or `on` is read as a boolean); every mapping key a string."""
    problems = []
    for kind, path, value in _walk(load(name), name):
        if kind == "key":
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                problems.append(f"{path}: key {value!r} is not a word (quote it)")
            continue
        if not value:
            if not EMPTY_LIST_ALLOWED.fullmatch(path):
                problems.append(f"{path}: empty list")
            continue
        if any(isinstance(v, bool) or v is None for v in value):
            problems.append(f"{path}: {value!r} holds a boolean or null (quote the word)")
            continue
        if not all(isinstance(v, str) for v in value):
            continue  # a list of numbers (decade_parts) or of records (checked through their fields)
        if any(v != v.strip() or (not v and path not in EMPTY_ALLOWED) for v in value):
            problems.append(f"{path}: an empty or untrimmed string")
        dupes = sorted({v for v in value if value.count(v) > 1})
        if dupes:
            problems.append(f"{path}: duplicates {dupes}")
    assert not problems, "\n".join(problems)


def _number(value, lo, hi, integer=False) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return (not integer or isinstance(value, int)) and lo <= value <= hi


THRESHOLDS = [  # (file, path, lowest, highest, integer)
    ("claims", "min_list", 2, 10, True),
    ("quotes", "history", 1, 1000, True),
    ("quotes", "term_max_words", 1, 20, True),
    ("dates", "eve_max_modifiers", 0, 10, True),
    ("boilerplate", "title_case_share", 0.5, 1, False),
    ("analysis", "disagreement_window_days", 1, 366, True),
    ("reading", "key_figures.min_count", 1, 10**6, True),
    ("reading", "timeline.focus_from", 1900, 2100, True),
]


@pytest.mark.parametrize("name, path, lo, hi, integer", THRESHOLDS)
def test_thresholds_are_numbers_in_range(name, path, lo, hi, integer):
    value = load(name)
    for part in path.split("."):
        value = value[part]
    assert _number(value, lo, hi, integer), f"{name}.{path} = {value!r}, not in [{lo}, {hi}]"


def test_nested_thresholds_are_numbers_in_range():
    for rule in load("boilerplate")["rules"]:
        for key in ("max_shared", "min_repeated", "min_repeated_pairs"):
            assert key not in rule or _number(rule[key], 0, 1), (rule["id"], key)
        for key, lo in (("max_words", 1), ("tail", 1), ("extends", 0)):
            assert key not in rule or _number(rule[key], lo, 1000, True), (rule["id"], key)
    reading = load("reading")
    ranks = [g["rank"] for g in reading["grades"]]
    assert all(_number(r, 1, 100, True) for r in ranks) and ranks == sorted(ranks)  # best first; rules may share a grade
    letters = list(reading["reliability"]["scale"])
    assert all(letters.index(g["grade"]) + 1 == g["rank"] for g in reading["grades"])  # a grade's rank is its place
    assert reading["reliability"]["floor"] in letters
    for level in reading["confidence"]:
        assert _number(level["independent"], 0, 100, True), level["level"]
        assert "contradicting" not in level or _number(level["contradicting"], 0, 100, True), level["level"]
        assert "unreviewed" not in level or _number(level["unreviewed"], 0, 100, True), level["level"]
    dates = load("dates")
    assert all(_number(v, -1, 1, True) for v in dates["relative_steps"].values())
    assert set(dates["counting_directions"].values()) <= {-1, 1}
    assert all(_number(v, 1, 1000, True) for v in dates["number_words"].values())
    assert all(_number(v, 1, 10**12, True) for v in dates["multipliers"].values())
    assert all(len(p) == 2 and 0 <= p[0] <= p[1] <= 9 for p in dates["decade_parts"].values())
    assert all(_number(v, 1, 12, True) for v in dates["month_abbreviations"].values())


def test_quote_marks_are_pairs_of_single_marks():
    """quotes.yml `quote_marks`: [opening, closing] pairs of two different one-character marks, each opening
    mark opening one pair only; straight marks (one mark for both) apart; apostrophes are closing marks."""
    marks = load("quotes")["quote_marks"]
    pairs, straight = marks["pairs"], marks["straight"]
    assert all(isinstance(p, list) and len(p) == 2 and p[0] != p[1] for p in pairs), pairs
    assert all(isinstance(m, str) and len(m) == 1 and not m.isalnum() and not m.isspace()
               for m in [*(m for p in pairs for m in p), *straight]), marks
    openers = [p[0] for p in pairs]
    assert len(set(openers)) == len(openers), "an opening mark opens one pair only"
    assert not set(straight) & {m for p in pairs for m in p}, "a straight mark is not part of a pair"
    assert set(marks["apostrophes"]) <= {p[1] for p in pairs} | set(straight)


def _actor_ids() -> set[str]:
    return {a["id"] for a in load("actors")["actors"]}


def _selectors():
    """Every evidence selector and check of reading.yml's judgments, with the judgment's id, and every named
    selector of guards.yml, with its name."""
    for name, selectors in load("guards")["selectors"].items():
        for sel in selectors:
            yield name, sel
    for j in load("reading")["judgments"]:
        for key in ("evidence", "contrary", "unless", "holds"):
            for sel in j.get(key, []):
                yield j["id"], sel
        for key in ("evidence", "holds"):
            for sel in j.get("alternative", {}).get(key, []):
                yield j["id"], sel


def _values(v) -> list:
    return v if isinstance(v, list) else [v]


def test_actor_references_exist_in_the_gazetteer():
    ids = _actor_ids()
    acts, analysis, reading = load("acts"), load("analysis"), load("reading")
    referenced = {
        "acts.patients": acts["patients"],
        "acts.polarity.negated_actors": acts["polarity"]["negated_actors"],
        "actors.home": [load("actors")["home"]],
        "analysis.common_actors": analysis["common_actors"],
        "reading.names_with_article": reading["names_with_article"],
        "reading.key_figures.dates.actor": [reading["key_figures"]["dates"]["actor"]],
        "actors.represents": [a["represents"] for a in load("actors")["actors"] if "represents" in a],
        "actors.government_of": [a["government_of"] for a in load("actors")["actors"] if "government_of" in a],
        "actors.borders": [state for pair in load("actors").get("borders", []) for state in pair],
    }
    for jid, sel in _selectors():
        referenced.setdefault("reading.judgments.actor_id", []).extend(_values(sel.get("actor_id", [])))
    unknown = {where: sorted(set(v) - ids) for where, v in referenced.items() if set(v) - ids}
    assert not unknown, f"actor ids not in actors.yml: {unknown}"


def test_act_polarity_and_category_references_exist():
    acts = load("acts")
    act_ids, polarities = set(acts["acts"]), acts["polarities"]
    reading, analysis, claims = load("reading"), load("analysis"), load("claims")["kinds"]
    assert set(acts["key_acts"]) <= act_ids
    assert set(reading["polarity_words"]) == set(polarities)
    assert {d["act"] for d in reading["key_figures"]["dates"]["facts"]} <= act_ids
    assert set(analysis["event_kinds"]) <= set(analysis["stances"])
    for jid, sel in _selectors():
        assert set(_values(sel.get("act", []))) <= act_ids, (jid, sel)
        assert set(_values(sel.get("polarity", []))) <= set(polarities), (jid, sel)
        assert "check" not in sel or sel["check"] in CHECKS, (jid, sel)
        for kind in _values(sel.get("kind", [])):
            assert kind in claims or kind == "assessment", (jid, sel)
            # an assessment is the coders' alone: its categories are codings.yml's `assessments`
            known = load("codings")["assessments"] if kind == "assessment" else claims[kind]["categories"]
            assert set(_values(sel.get("category", []))) <= set(known), (jid, sel)
    assert {j["question"] for j in reading["judgments"]} <= set(reading["questions"])


def test_licences_say_whether_a_text_may_be_reprinted():
    """licences.yml: each licence id (as the manifest writes it) with a boolean `reprint`, and nothing else."""
    entries = load("licences")["licences"]
    assert entries and all(isinstance(k, str) and k == k.strip() and " " not in k for k in entries)
    assert all(isinstance(v, dict) and set(v) == {"reprint"} and isinstance(v["reprint"], bool)
               for v in entries.values()), entries


def test_stances_and_event_kinds_are_act_ids():
    """One vocabulary of acts: every stance and event kind of analysis.yml is named by the id of the act of
    acts.yml it detects (the timeline re-dates the statements of an event kind's act: a stance named
    otherwise would silently match none)."""
    act_ids, analysis = set(load("acts")["acts"]), load("analysis")
    assert set(analysis["stances"]) <= act_ids, sorted(set(analysis["stances"]) - act_ids)
    assert set(analysis["event_kinds"]) <= act_ids, sorted(set(analysis["event_kinds"]) - act_ids)


def test_no_alias_reaches_the_quote_extractors_window():
    from report.extract.quotes import MAX_ENTITY_CHARS

    assert max(len(alias) for a in load("actors")["actors"] for alias in a["aliases"]) < MAX_ENTITY_CHARS


# ---------------------------------------------------------------------------------------
# (b) no vocabulary in the code
# ---------------------------------------------------------------------------------------

WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*(?: [A-Za-z]+(?:['’-][A-Za-z]+)*)*")
MIN_WORDS = 4

# Literals of 4+ words that are not vocabulary, by (file under report/, first word of the literal): why
ALLOWED = {
    ("__init__.py", "Corpus"): "the package's public names and the modules they are loaded from (Python identifiers)",
    ("bib.py", "jan"): "BibTeX's month macros (a file format, not text the extractors read)",
    ("codings.py", "source"): "the top-level keys of a coding file (codings/GUIDE.md: a file format)",
    ("evaluate.py", "dates"): "the names of the machine reader's instruments on the method page (labels of the "
                              "evaluation's task ids, not words any extractor reads)",
    ("codings.py", "section"): "the fields of an adjudication decision (codings/GUIDE.md: a file format)",
    ("manifest.py", "Cc"): "Unicode general categories (control and format characters), not words",
    ("publish/browser.py", "links"): "names of the browser test's link checks (ids)",
    ("publish/buildinfo.py", "given-names"): "CITATION.cff field names (a file format)",
    ("publish/sphinx_fixes.py", "html"): "Sphinx builder names (ids)",
}


def _schema_values() -> set[str]:
    """The values the pandera schemas allow in their enumerated columns (kinds, precisions, types...)."""
    import pandera.pandas as pa

    from report import schemas

    out = set()
    for schema in vars(schemas).values():
        if isinstance(schema, pa.DataFrameSchema):
            for column in schema.columns.values():
                for check in column.checks:
                    out |= {v for v in (check.statistics or {}).get("allowed_values", []) if isinstance(v, str)}
    return out


def _known_names() -> set[str]:
    """Names the project defines: table and column names of the data dictionary, the values of the
    schemas' enumerated columns, keys and ids of the codebook. A literal made of them lists ids, not
    words of the texts."""
    names = _schema_values()
    dictionary = yaml.safe_load((PACKAGE / "data_dictionary.yml").read_text(encoding="utf-8"))
    for table, spec in dictionary.items():
        names.add(table)
        names |= set(spec.get("columns", {}))
    for name in FILES:
        for kind, _, value in _walk(load(name), name):
            if kind == "key" and isinstance(value, str):
                names.add(value)
    names |= set(load("acts")["polarities"])
    return names


def _is_table_literal(node: ast.AST, parents: dict) -> bool:
    """A literal in a table-building position: column lists (`columns=`, `cols = [...]`, `df[[...]]`),
    or the keys of a DataFrame's rows and renames."""
    parent = parents.get(node)
    if isinstance(parent, ast.keyword) and parent.arg in ("columns", "on", "by", "subset", "index"):
        return True
    if isinstance(parent, ast.Subscript) and parent.slice is node:
        return True
    if isinstance(parent, (ast.Assign, ast.AnnAssign)):
        targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
        return any(isinstance(t, ast.Name) and re.search(r"(?i)(columns|cols)$", t.id) for t in targets)
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and parent.func.attr in (
            "sort_values", "drop_duplicates", "groupby", "set_index", "reindex", "drop", "merge", "DataFrame"):
        return True
    return False


def _words(node: ast.AST) -> list[str] | None:
    """The English words a literal collection (list, set, tuple, or a dict of constants) holds."""
    if isinstance(node, (ast.List, ast.Set, ast.Tuple)):
        elts = node.elts
    elif isinstance(node, ast.Dict):
        constant = (ast.Constant, ast.UnaryOp)  # -1 is a unary minus on a constant
        if not all(isinstance(v, constant) for v in node.values) or None in node.keys:
            return None  # a row or a record built from values: its keys are column names
        elts = list(node.keys) + list(node.values)
    else:
        return None
    return [e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
            and WORD.fullmatch(e.value)]


def _alternations(node: ast.AST) -> list[list[str]]:
    """Regular-expression alternations of words in a string constant: "(?:not|no|never|without)"."""
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return []
    out = []
    for m in re.finditer(r"\((?:\?:|\?P<\w+>)?([^()]*\|[^()]*)\)", node.value):
        alternatives = [re.sub(r"\[([A-Z])([a-z])\]", r"\2", a).replace("\\b", "").replace("\\ ", " ")
                        for a in m.group(1).split("|")]
        out.append([a for a in alternatives if WORD.fullmatch(a)])
    return out


def vocabulary_in_code() -> list[tuple[str, int, list[str]]]:
    """(file, line, words) of every literal of MIN_WORDS or more English words in the package."""
    known = _known_names() | set(GLOSSARY)
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
        for node in ast.walk(tree):
            lists = [_words(node)] if _words(node) is not None and not _is_table_literal(node, parents) else []
            lists += _alternations(node)
            for words in lists:
                vocabulary = [w for w in words if w not in known]
                if len(vocabulary) >= MIN_WORDS and (rel, words[0]) not in ALLOWED:
                    found.append((rel, node.lineno, words))
    return found


def test_no_vocabulary_in_code():
    found = vocabulary_in_code()
    assert not found, "vocabulary in code; move it to report/codebook/ (or allow it in ALLOWED with a reason):\n" + \
        "\n".join(f"  report/{f}:{line}: {words}" for f, line, words in found)


def test_allow_list_is_short_and_used():
    assert len(ALLOWED) <= 12 and all(reason.strip() for reason in ALLOWED.values())
    known = _known_names() | set(GLOSSARY)
    used = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for words in ([_words(node)] if _words(node) else []) + _alternations(node):
                if words and (rel, words[0]) in ALLOWED and len([w for w in words if w not in known]) >= MIN_WORDS:
                    used.add((rel, words[0]))
    assert used == set(ALLOWED), f"allow-list entries that no longer match anything: {set(ALLOWED) - used}"


@pytest.mark.parametrize("source, caught", [
    ('STOP = {"of", "the", "and", "in", "to"}', True),
    ('def f(w):\n    return w in ("before", "prior", "until", "since")', True),
    ('STEP = {"last": -1, "past": -1, "this": 0, "next": 1}', True),
    ('NEG = re.compile(r"\\b(?:not|no|nor|never)\\b")', True),
    ('COLUMNS = ["source_id", "paragraph", "sentence", "text"]', False),
    ('CLIMB = ("xcomp", "acomp", "conj", "advcl")', False),
    ('rows.append({"alpha": a, "beta": b, "gamma": c, "delta": d})', False),
    ('x = ["one", "two", "three"]', False),
])
def test_the_scan_catches_vocabulary(tmp_path, monkeypatch, source, caught):
    """The scanner itself: word lists, lookup tables and regex alternations are caught; column lists,
    dependency labels, row records and short lists are not."""
    (tmp_path / "m.py").write_text(source, encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.PACKAGE", tmp_path)
    monkeypatch.setattr(f"{__name__}._known_names",
                        lambda: {"source_id", "paragraph", "sentence", "text"})
    assert bool(vocabulary_in_code()) == caught


# (c) The notebooks' code cells: stricter than the package, since a notebook only calls named functions.
NOTEBOOKS = PACKAGE.parent / "notebooks"


def _notebook_code(path: Path) -> str:
    """The code cells of a notebook, one after another (IPython magics left out)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    return "\n".join(line for cell in code for line in cell.splitlines() if not line.lstrip().startswith(("%", "!")))


def _typed_ids() -> dict[str, set[str]]:
    """Ids a notebook must not type: the sources', the gazetteer's actors', the boilerplate rules' and the
    units of the key figures."""
    from report.paths import MANIFEST_NAME, SEEDS

    reading = load("reading")
    units = set(reading["key_figures"]["currencies"]) | {u for f in reading["key_figures"]["facts"] for u in f["units"]}
    return {"source id": {s["id"] for s in yaml.safe_load((SEEDS / MANIFEST_NAME).read_text(encoding="utf-8"))},
            "actor id": _actor_ids(), "boilerplate rule id": {r["id"] for r in load("boilerplate")["rules"]},
            "unit": units - {""}}


def vocabulary_in_notebooks(folder: Path = NOTEBOOKS) -> list[str]:
    """Every literal in a notebook's code that types vocabulary: a source id anywhere; a list, set or tuple of
    two or more strings holding an actor id, a boilerplate rule id, a unit, or a term as the codebook writes
    them (a capital, a space or a closing * for a prefix) that the project does not define. (A list of
    column names or of the keys of a result is not vocabulary.) The words, selectors and ids of the
    chapters' guarded sentences are in codebook/guards.yml."""
    known = _known_names() | set(GLOSSARY) | set(load("guards")) | {k for v in load("guards").values() for k in v}
    typed = _typed_ids()
    found = []
    for path in sorted(folder.glob("*.ipynb")):
        tree = ast.parse(_notebook_code(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in typed["source id"]:
                found.append(f"{path.name}: source id {node.value!r}")
            if isinstance(node, (ast.List, ast.Set, ast.Tuple)):
                strings = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
                if len(strings) < 2:
                    continue
                for s in strings:
                    kind = next((k for k, ids in typed.items() if k != "source id" and s in ids and s not in known), None)
                    term = bool(re.search(r"[A-Z ]|\*$", s)) and s not in known
                    if kind or term:
                        found.append(f"{path.name}: {kind or 'word'} {s!r} in {strings}")
    return found


def test_no_vocabulary_in_notebooks():
    found = vocabulary_in_notebooks()
    assert not found, "vocabulary typed in a notebook; name it in report/codebook/guards.yml:\n" + "\n".join(found)


@pytest.mark.parametrize("code, caught", [
    ('guard("x", "osw-2025-07" in no_risk)', True),
    ('mention_sources(corpus, "security", ["Crocus", "concert"])', True),
    ('select(corpus, [{"actor_id": ["united-states", "western-countries"]}])', True),
    ('rules.reindex(["photo_credit", "dateline"])', True),
    ('check(corpus, "security-first", ["every_source", "most_sentences"])', False),
    ('statements_list(corpus, ["sets_conditions", "opposes"])', False),
    ('table[["source_id", "paragraph"]]', False),
])
def test_the_notebook_scan_catches_typed_vocabulary(tmp_path, code, caught):
    nb = {"cells": [{"cell_type": "code", "source": [code]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "page.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    assert bool(vocabulary_in_notebooks(tmp_path)) == caught


def test_guard_vocabulary_refers_to_the_codebook_and_is_used():
    """guards.yml: its risk categories and boilerplate rules exist, its actors are in the gazetteer, and every
    entry is named by a notebook or a page module, an argument of divergence by chapter 7's prose
    (vocabulary no sentence uses is dead)."""
    guards = load("guards")
    risks = set(load("claims")["kinds"]["risk"]["categories"])
    assert all(set(v) <= risks for v in guards["risks"].values()), guards["risks"]
    rules = {r["id"] for r in load("boilerplate")["rules"]}
    assert all(set(v) <= rules for v in guards["boilerplate"].values()), guards["boilerplate"]
    assert {a for v in guards["actors"].values() for a in _values(v)} <= _actor_ids(), guards["actors"]
    code = "\n".join(_notebook_code(p) for p in NOTEBOOKS.glob("*.ipynb"))
    code += "\n".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "tables").glob("*.py"))
    prose = "\n".join(p.read_text(encoding="utf-8") for p in NOTEBOOKS.glob("*.ipynb"))
    # an argument of divergence is a row of chapter 7's table and a glue of its prose (`arg_<name>`)
    unused = [f"{section}.{name}" for section, entries in guards.items() for name in entries
              if (f"`arg_{name}`" not in prose if section == "arguments" else f'"{name}"' not in code)]
    assert not unused, f"guards.yml entries no page names: {unused}"
