"""report/tables/appendix_codebook.py and report/tables/appendix_data.py (the codebook and data
appendices). These read no corpus, only the codebook YAML (report/codebook/*.yml), the data dictionary
(report/data_dictionary.yml) and the pandera schemas (report/schemas.py): each table is checked against
the YAML read here directly, with one row checked by hand against the file, and every entry of the
file shown. No fixture corpus."""

from pathlib import Path

import pytest
import yaml

from report import schemas
from report.paths import ROOT
from report.tables import appendix_codebook as cb
from report.tables import appendix_data as data

CODEBOOK = ROOT / "report" / "codebook"


def _yaml(name: str) -> dict:
    return yaml.safe_load((CODEBOOK / f"{name}.yml").read_text(encoding="utf-8"))


def _row(df, **where) -> dict:
    hit = df
    for k, v in where.items():
        hit = hit[hit[k] == v]
    assert len(hit) == 1, where
    return hit.iloc[0].to_dict()


def test_codebook_themes():
    t = cb.codebook_themes()
    assert list(t.columns) == ["theme", "label", "code", "terms"]
    themes = _yaml("themes")["themes"]
    assert list(zip(t.theme, t.code)) == [(th, c) for th, spec in themes.items() for c in spec["codes"]]
    assert len(t) == 25  # 5 security + 5 trade_transit + 5 china_alignment + 6 risks + 4 western_divergence
    assert _row(t, theme="security", code="narcotics") == {
        "theme": "security", "label": "Security and counter-terrorism", "code": "narcotics",
        "terms": "narcotic*, drug*, opium, heroin, poppy"}
    for r in t.itertuples():
        assert r.label == themes[r.theme]["label"] and r.terms == ", ".join(themes[r.theme]["codes"][r.code])


def test_gazetteer_table():
    t = cb.gazetteer_table()
    assert list(t.columns) == ["id", "name", "type", "aliases", "role", "stands for"]
    actors = _yaml("actors")["actors"]
    assert list(t.id) == [a["id"] for a in actors] and t.id.is_unique
    assert _row(t, id="kabul") == {"id": "kabul", "name": "Kabul", "type": "place", "aliases": "Kabul", "role": "",
                                   "stands for": "taliban (capital)"}
    assert _row(t, id="sergey-lavrov") == {
        "id": "sergey-lavrov", "name": "Sergey Lavrov", "type": "person", "aliases": "Sergey Lavrov, Sergei Lavrov",
        "role": "Foreign Minister of Russia", "stands for": "russia"}
    for a, r in zip(actors, t.itertuples()):
        assert (r.name, r.type, r.aliases) == (a["name"], a["type"], ", ".join(a["aliases"])), a["id"]
        stands = f"{a['government_of']} (capital)" if a.get("government_of") else a.get("represents", "")
        assert (r.role, getattr(r, "_6")) == (a.get("role", ""), stands), a["id"]
    assert not t.isna().any().any()


def test_codebook_acts():
    t = cb.codebook_acts()
    assert list(t.columns) == ["act", "label", "verbs", "nouns", "objects"]
    acts = _yaml("acts")["acts"]
    assert list(t.act) == list(acts) == list(schemas.ACTS)
    assert _row(t, act="accepts_envoy") == {
        "act": "accepts_envoy", "label": "accepts or accredits a Taliban envoy",
        "verbs": "accredit, accept, receive, upgrade, hand, approve, allow", "nouns": "accreditation",
        "objects": "credential, ambassador, envoy, diplomat, representation, embassy, affaire, charge, chargé, "
                   "accreditation"}
    # the words that name an act and its negation at once are shown with its nouns
    assert _row(t, act="recognises")["nouns"] == "recognition, legitimacy, unrecognized, unrecognised, non-recognition"
    assert _row(t, act="recognises")["objects"] == ""
    for r in t.itertuples():
        spec = acts[r.act]
        assert r.label == spec["label"] and r.verbs == ", ".join(spec["verbs"])
        assert r.nouns == ", ".join(spec.get("nouns", []) + spec.get("negated_forms", []))
        assert r.objects == ", ".join(spec.get("objects", []))


def test_codebook_polarity():
    t = cb.codebook_polarity()
    pol = _yaml("acts")["polarity"]
    assert list(t.columns) == ["polarity", "words"] and list(t.polarity) == ["negated", "prospective", "reported"]
    words = dict(zip(t.polarity, t.words))
    assert words["negated"] == ", ".join(pol["negating"] + pol["negating_subjects"])
    assert words["prospective"] == ", ".join(pol["prospective"] + pol["modals"])
    assert words["reported"] == ", ".join(pol["reporting"])
    assert words["negated"].startswith("refuse, unwilling,") and words["negated"].endswith("neither, nor")
    assert words["reported"] == "say, claim, report, tweet, allege, state, announce, insist, assert, suggest, argue, tell"


def test_codebook_claims():
    t = cb.codebook_claims()
    assert list(t.columns) == ["kind", "category", "label", "words"]
    kinds = _yaml("claims")["kinds"]
    expected = []
    for kind, spec in kinds.items():
        expected.append((kind, "(marker)"))
        expected += [(kind, c) for c in spec["categories"]]
    assert list(zip(t.kind, t.category)) == expected
    assert len(t) == 15  # motive: markers and 7 categories; risk: markers and 6
    assert _row(t, kind="risk", category="drugs_migration") == {
        "kind": "risk", "category": "drugs_migration", "label": "drugs and migration",
        "words": "drug*, narcotic*, migra*, refugee*, opium, heroin"}
    assert _row(t, kind="motive", category="(marker)")["label"] == "words that mark a motive"
    for r in t.itertuples():
        spec = kinds[r.kind]
        words = spec["markers"] if r.category == "(marker)" else spec["categories"][r.category]["cues"]
        assert r.words == ", ".join(words)


def test_boilerplate_rules():
    t = cb.boilerplate_rules()
    assert list(t.columns) == ["rule", "description", "conditions"]
    rules = _yaml("boilerplate")["rules"]
    assert list(t.rule) == [r["id"] for r in rules] and len(t) == 13
    assert _row(t, rule="framing")["conditions"] == "preceded_by: editorial_box"
    assert _row(t, rule="photo_caption")["conditions"] == "followed_by: photo_credit"
    assert _row(t, rule="teaser")["conditions"] == ("max_words: 20; off_topic: True; title_case: False; "
                                                    "max_shared: 0.1; after_colon: False")
    assert _row(t, rule="disclaimer")["conditions"] == "pattern; ignore_case: True"
    for rule, r in zip(rules, t.itertuples()):
        assert r.description == rule["description"]
        for key in rule:
            if key not in ("id", "description"):
                assert (key if key == "pattern" else f"{key}: ") in r.conditions, (rule["id"], key)


def test_boilerplate_patterns_are_listed_apart_as_breakable_code():
    from report.publish import latex

    listing = cb.boilerplate_patterns()
    rules = [r for r in _yaml("boilerplate")["rules"] if "pattern" in r]
    assert listing.items == [(r["id"], r["pattern"]) for r in rules] and len(rules) == 10
    html = listing._repr_html_()
    assert "<dt>disclaimer</dt><dd><code>^(Disclaimer|Views expressed)\\b</code></dd>" in html
    tex = listing._repr_mimebundle_()[latex.LATEX_MIME]
    assert r"\item[disclaimer] \texttt{^\allowbreak{}(\allowbreak{}D" not in tex  # ^ is escaped
    assert r"\item[disclaimer] \texttt{\textasciicircum{}\allowbreak{}(\allowbreak{}D" in tex


def test_analysis_instruments():
    t = cb.analysis_instruments()
    assert list(t.columns) == ["instrument", "category", "label", "terms", "with"]
    a = _yaml("analysis")
    assert list(zip(t.instrument, t.category)) == (
        [("recognition_claims", k) for k in a["recognition_claims"]] + [("stances", k) for k in a["stances"]])
    assert len(t) == 7
    assert _row(t, category="accepted_envoy") == {
        "instrument": "stances", "category": "accepted_envoy", "label": "accepted a Taliban ambassador or envoy",
        "terms": "ambassador*, credentials, envoy*, representation", "with": "accept*, accredit*, upgrade*"}
    assert _row(t, category="opposes")["with"] == ""  # no `with` terms: the terms alone fire
    assert _row(t, category="russia_first") == {"instrument": "recognition_claims", "category": "russia_first",
                                                 "label": "Russia is the first state to recognise",
                                                 "terms": "first country", "with": ""}


@pytest.mark.parametrize("fn", [cb.codebook_themes, cb.gazetteer_table, cb.codebook_acts, cb.codebook_polarity,
                                cb.codebook_claims, cb.boilerplate_rules, cb.analysis_instruments,
                                data.data_dictionary, data.table_descriptions], ids=lambda f: f.__name__)
def test_appendix_tables_are_deterministic(fn):
    assert fn().equals(fn())


# ---------------------------------------------------------------------------------------------
# appendix_data
# ---------------------------------------------------------------------------------------------

def _dictionary() -> dict:
    return yaml.safe_load((ROOT / "report" / "data_dictionary.yml").read_text(encoding="utf-8"))


def test_data_dictionary_has_every_column_of_every_published_table():
    t = data.data_dictionary()
    assert list(t.columns) == ["table", "column", "type", "description"]
    described = _dictionary()
    expected = [(table, col) for table in described for col in getattr(schemas, table.upper()).columns]
    assert list(zip(t.table, t.column)) == expected  # tables in file order, columns in schema order
    source_id = _row(t, table="sources", column="source_id")
    assert source_id["description"] == "Manifest id and citation key."
    assert source_id["type"] == "text"  # not pandas' "string[python]"
    assert _row(t, table="sources", column="words")["type"] == "integer"
    assert _row(t, table="paragraphs", column="boilerplate")["type"] == "true or false"
    for r in t.itertuples():
        assert r.description == described[r.table]["columns"][r.column], (r.table, r.column)
        assert r.type == data.type_name(getattr(schemas, r.table.upper()).columns[r.column].dtype)


def test_table_descriptions():
    t = data.table_descriptions()
    described = _dictionary()
    assert list(t.columns) == ["table", "description", "file"]
    assert list(t.table) == list(described) == ["sources", "paragraphs", "sentences", "events", "quotes", "numbers",
                                                "mentions", "codes", "statements", "claims"]
    assert _row(t, table="sources") == {"table": "sources",
                                        "description": "One row per source article, from the manifest and the parse.",
                                        "file": "book/data/sources.csv"}
    for r in t.itertuples():
        assert r.description == described[r.table]["description"]
        assert r.file == f"book/data/{r.table}.csv" and (ROOT / r.file).is_file(), r.file


def test_word_lists_show_every_codebook_entry_no_other_table_shows():
    t = cb.word_lists()
    assert list(t.columns) == ["file", "entry", "values"]
    shown = set(zip(t.file, t.entry))
    for path in sorted(CODEBOOK.glob("*.yml")):
        for key in _yaml(path.stem):
            assert ((path.name, key) in shown) != (key in cb.SHOWN_APART.get(path.stem, set())), (path.name, key)
    assert _row(t, file="claims.yml", entry="min_list")["values"] == "3"
    assert _row(t, file="dates.yml", entry="relative_steps")["values"] == "last: -1; this: 0; next: 1; past: -1"
