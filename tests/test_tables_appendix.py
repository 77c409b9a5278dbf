"""report/tables/appendix_codebook.py and report/tables/appendix_data.py (the codebook and data
appendices, with the grades and key judgments of reading.yml). These read no corpus, only the codebook
YAML (report/codebook/*.yml), the data dictionary (report/data_dictionary.yml) and the pandera schemas
(report/schemas.py): each table is checked against the YAML read here directly, every entry of the
file shown in file order, with a row or two checked by hand against the file (a test that recomputed
every cell the way the function does would only restate it). No fixture corpus."""


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
    assert _row(t, theme="security", code="narcotics") == {
        "theme": "security", "label": "Security and counter-terrorism", "code": "narcotics",
        "terms": "narcotic*, drug*, opium, heroin, poppy"}


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


def test_codebook_polarity():
    t = cb.codebook_polarity()
    assert list(t.columns) == ["polarity", "words"] and list(t.polarity) == ["negated", "prospective", "reported"]
    words = dict(zip(t.polarity, t.words))
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
    assert _row(t, kind="risk", category="drugs_migration") == {
        "kind": "risk", "category": "drugs_migration", "label": "drugs and migration",
        "words": "drug*, narcotic*, migra*, refugee*, opium, heroin"}
    assert _row(t, kind="motive", category="(marker)")["label"] == "words that mark a motive"


def test_boilerplate_rules():
    t = cb.boilerplate_rules()
    assert list(t.columns) == ["rule", "description", "conditions"]
    rules = _yaml("boilerplate")["rules"]
    assert list(t.rule) == [r["id"] for r in rules]
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
    assert listing.items == [(r["id"], r["pattern"]) for r in rules]
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
    assert _row(t, category="accepts_envoy") == {
        "instrument": "stances", "category": "accepts_envoy", "label": "accepted a Taliban ambassador or envoy",
        "terms": "ambassador*, credentials, envoy*, representation", "with": "accept*, accredit*, upgrade*"}
    assert _row(t, category="opposes")["with"] == ""  # no `with` terms: the terms alone fire
    assert _row(t, category="russia_first") == {"instrument": "recognition_claims", "category": "russia_first",
                                                 "label": "Russia is the first state to recognise",
                                                 "terms": "first country", "with": ""}


def test_codebook_grades():
    t = cb.codebook_grades()
    grades = _yaml("reading")["grades"]
    assert t.index.name == "rule" and list(t.grade) == [g["grade"] for g in grades]
    assert list(t.columns) == ["grade", "label", "origin", "sourcing", "expertise"]
    assert t.loc[1].tolist() == ["B", "primary, on the record", "primary", "on-record", "any"]
    assert t.loc[2, ["grade", "expertise"]].tolist() == ["B", "specialist"]
    assert t.iloc[-1][["origin", "sourcing", "expertise"]].tolist() == ["any"] * 3  # the last rule matches every source


def test_codebook_reliability():
    t = cb.codebook_reliability()
    problems = _yaml("reading")["reliability"]["problems"]
    credits = _yaml("reading")["reliability"]["credits"]
    assert list(t.columns) == ["meaning", "lowers reliability"] and len(t) == len(problems) + len(credits)
    assert t.loc["borne out", "lowers reliability"].startswith("no: raises it a step")
    assert t.loc["contradicted", "lowers reliability"] == "yes" and t.loc["overtaken", "lowers reliability"] == "no"


def test_codebook_judgments():
    t = cb.codebook_judgments()
    judgments = _yaml("reading")["judgments"]
    assert t.index.name == "judgment" and list(t.index) == [j["id"] for j in judgments]
    assert list(t.columns) == ["question", "evidence", "unless", "checks"]
    assert t.loc["economy-small"].to_dict() == {
        "question": "why", "evidence": "table: claims, kind: motive, category: economic", "unless": "",
        "checks": "check: every_source; check: figures_given, units: USD or EUR or RUB; "
                  "check: single_figure, units: USD or EUR or RUB"}
    assert t.loc["china-secondary", "unless"] == ""
    assert t.loc["west-divergence", "evidence"] == (
        "table: statements, actor_id: russia, act: recognises, polarity: affirmed; table: statements, "
        "actor_id: no-country or international-community or united-nations, act: recognises, polarity: negated; "
        "table: statements, actor_id: united-states or western-countries, act: opposes or sets_conditions, "
        "polarity: affirmed")
    for j in judgments:
        row = t.loc[j["id"]]
        assert row.question == j["question"]
        assert row.evidence.count("table: ") == len(j["evidence"])
        assert row.checks.count("check: ") == len(j.get("holds", []))
        assert (row.unless == "") == (not j.get("unless"))


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
    assert set(t.type) <= {"integer", "number", "true or false", "text"}
    assert t.description.str.strip().astype(bool).all()  # every column described


def test_table_descriptions():
    t = data.table_descriptions()
    described = _dictionary()
    assert list(t.columns) == ["table", "description", "file"]
    assert list(t.table) == list(described)
    assert all(hasattr(schemas, name.upper()) for name in t.table)  # every table described has a schema
    assert _row(t, table="sources") == {"table": "sources",
                                        "description": "One row per source article, from the manifest and the parse.",
                                        "file": "book/data/sources.csv"}
    for r in t.itertuples():
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
