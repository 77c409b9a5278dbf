"""report/tables/method.py (the method appendix: evidence table sizes, extractor scores against the hand
annotation) on the fixture corpus tests/fixtures/corpus/ (alpha, beta, gamma; evidence counted by hand)
and on the real corpus (seeds/, load_corpus() with no argument, loaded once for the module) scored
against tests/annotations/seeds*.yml and, out of sample, tests/dev-corpus/ against
tests/annotations/dev.yml: there the tests check structure and invariants, with the annotation counts
read from the YAML files directly.

Hand count of the fixture corpus's evidence (body paragraphs only):
- events: alpha "Sept. 3", beta "April", gamma "2024" (the caption's and the dateline's dates are boilerplate);
- quotes: alpha's two ("We deal with reality. The Taliban are in power", "We must talk.");
- numbers: alpha "5 percent", gamma "$300 million";
- mentions: alpha 5 (Moscow, Lavrov, St. Petersburg, U.S., Taliban), beta 7 (Russia and Taliban twice,
  Kabul twice, U.S.), gamma 3 (Moscow, Afghanistan, Beijing);
- codes: alpha 2 (west, trade), beta 1 (west), gamma 3 (transit, trade, china);
- statements: beta 1 (Russia removes the Taliban from its list);
- claims: one motive sentence each (alpha "We deal with reality", beta "a pragmatic turn", gamma "Moscow
  sees Afghanistan as a transit hub").
"""

import inspect
from pathlib import Path

import pandas as pd
import pytest
import yaml

from report import codebook, evaluate, load_corpus
from report.extract import evidence
from report.paths import DEV_ANNOTATIONS, SEED_ANNOTATIONS
from report.analysis.door import source_order
from report.tables import method

FIXTURES = Path(__file__).parent / "fixtures"
TABLES = ["events", "quotes", "numbers", "mentions", "codes", "statements", "claims"]
MEASURES = ["annotated", "extracted", "matched", "precision", "recall", "attribute"]
SPAN_TASKS = ["dates", "numbers", "quotes"]


@pytest.fixture(scope="module")
def seeds():
    return load_corpus()


@pytest.fixture(scope="module")
def scores(seeds):
    return method.extractor_scores(seeds)


@pytest.fixture(scope="module")
def errors(seeds):
    return {s: method.extractor_errors(seeds, s) for s in ("in_sample", "out_of_sample")}


def _annotations(paths, source_ids) -> dict[str, list[dict]]:
    """The annotated items by field, of the sources in `source_ids`, read from the YAML files."""
    out: dict[str, list[dict]] = {}
    for p in paths:
        for sid, fields in (yaml.safe_load(Path(p).read_text(encoding="utf-8")) or {}).items():
            if sid in source_ids:
                for field, items in (fields or {}).items():
                    out.setdefault(field, []).extend(items or [])
    return out


def _annotated_counts(paths, source_ids) -> dict[str, int]:
    a = _annotations(paths, source_ids)
    st, cl = a.get("statements", []), a.get("claims", [])
    return {"dates": len(a.get("dates", [])), "numbers": len(a.get("numbers", [])), "quotes": len(a.get("quotes", [])),
            "statements_key_acts": sum(s["act"] in codebook.load("acts")["key_acts"] for s in st),
            "statements_engages": sum(s["act"] == "engages" for s in st),
            "motive_claims": sum(c["kind"] == "motive" for c in cl),
            "risk_claims": sum(c["kind"] == "risk" for c in cl)}


# ---------------------------------------------------------------------------------------------
# evidence_counts
# ---------------------------------------------------------------------------------------------

def test_evidence_counts_of_the_fixture_corpus_by_hand(fixture_dir):
    counts = method.evidence_counts(load_corpus(fixture_dir))
    # NB the docstring lists five columns; the function counts every evidence table, statements and
    # claims included (the method appendix sums them all as "n_evidence")
    assert list(counts.columns) == TABLES
    assert list(counts.index) == ["beta-2024", "alpha-2024-03-03", "gamma-2025-07", "all"]  # oldest first
    assert counts.loc["beta-2024"].tolist() == [1, 0, 0, 7, 1, 1, 1]
    assert counts.loc["alpha-2024-03-03"].tolist() == [1, 2, 1, 5, 2, 0, 1]
    assert counts.loc["gamma-2025-07"].tolist() == [1, 0, 1, 3, 3, 0, 1]
    assert counts.loc["all"].tolist() == [3, 2, 2, 15, 6, 1, 3]
    assert all(pd.api.types.is_integer_dtype(t) for t in counts.dtypes)


def test_evidence_counts_of_the_seeds_add_up_to_the_evidence_tables(seeds):
    counts = method.evidence_counts(seeds)
    ev = evidence(seeds)
    assert list(counts.index) == source_order(seeds) + ["all"]
    assert list(counts.columns) == list(ev)
    for name, df in ev.items():
        assert counts.loc["all", name] == len(df), name
        assert counts.loc[source_order(seeds), name].sum() == len(df), name
        assert counts.loc[source_order(seeds), name].to_dict() == {
            s: int((df.source_id == s).sum()) for s in source_order(seeds)}, name


# ---------------------------------------------------------------------------------------------
# extractor_scores
# ---------------------------------------------------------------------------------------------

def test_extractor_scores_structure(scores):
    assert list(scores.index) == list(evaluate.ANNOTATED_TASKS) and scores.index.name == "task"
    assert list(scores.columns) == [(s, m) for s in ("in_sample", "out_of_sample") for m in MEASURES]


def test_the_scores_against_the_codings_have_a_row_per_sample(seeds):
    """Against the reviewed codings each instrument has three rows: the seeds, the development corpus and the
    fresh set, named in words, in that order; the fresh set's counts are its codings' rows."""
    t = method.score_table(seeds, "codings")
    assert list(dict.fromkeys(t.index.get_level_values("sample"))) == list(evaluate.CODED_SAMPLES.values())
    fresh = method.fresh_set()
    assert t.xs(evaluate.CODED_SAMPLES["fresh"], level="sample").loc["quotation speakers", "annotated"] == fresh["n_quotes"]


def test_the_fresh_set_names_the_fields_its_coders_split_on_and_the_rulings():
    """`split` lists exactly the coded fields below full agreement; `all_agree` is true only when it is empty;
    the record holds one row per decision of the fresh set's adjudicated codings, each naming its source."""
    fresh = method.fresh_set()
    agree = fresh["agreement"]
    coded = agree[agree.units > 0]
    assert fresh["split"] == [f for f in coded.index if coded.loc[f, "agreement"] < 100]
    assert fresh["all_agree"] == (not fresh["split"])
    record = fresh["decisions"]
    assert list(record.columns) == ["source", "section", "item", "decision", "reason"]
    assert set(record.source) <= set(evaluate.fresh_corpus().sources.source_id)


def test_the_fresh_figures_are_the_score_tables_counts(seeds):
    """The fresh set's figures in the method page's prose are the counts of its rows in the score table."""
    found = method.fresh_found(seeds)
    rows = method.score_table(seeds, "codings").xs(evaluate.CODED_SAMPLES["fresh"], level="sample")
    assert found == {"quotes": rows.loc["quotation speakers", "annotated"],
                     "speakers_right": rows.loc["quotation speakers", "matched"],
                     "acts": rows.loc["statements, key acts", "annotated"],
                     "acts_found": rows.loc["statements, key acts", "matched"]}
    assert found["speakers_right"] <= found["quotes"] and found["acts_found"] <= found["acts"]


@pytest.mark.parametrize("sample", ["in_sample", "out_of_sample"])
def test_extractor_scores_are_ratios_of_their_counts(scores, sample):
    s = scores[sample]
    assert ((s.precision >= 0) & (s.precision <= 1)).all() and ((s.recall >= 0) & (s.recall <= 1)).all()
    assert (s.matched <= s.annotated).all() and (s.matched <= s.extracted).all()
    for task, r in s.iterrows():
        assert r.precision == (round(r.matched / r.extracted, 3) if r.extracted else 1.0), task
        assert r.recall == (round(r.matched / r.annotated, 3) if r.annotated else 1.0), task
    assert s.loc[SPAN_TASKS, "attribute"].isna().all()  # spans have no attribute to score
    sentence_tasks = s.drop(index=SPAN_TASKS)
    assert ((sentence_tasks.attribute >= 0) & (sentence_tasks.attribute <= 1)).all()


def test_extractor_scores_count_the_annotation_files(seeds, scores):
    in_ids = set(seeds.sources.source_id)
    assert scores["in_sample"].annotated.to_dict() == _annotated_counts(SEED_ANNOTATIONS, in_ids)
    dev = evaluate.dev_corpus()
    assert scores["out_of_sample"].annotated.to_dict() == _annotated_counts(DEV_ANNOTATIONS,
                                                                             set(dev.sources.source_id))


def test_extractor_scores_count_the_evidence_tables(seeds, scores):
    ev = evidence(seeds)
    annotated = {sid for p in SEED_ANNOTATIONS for sid in yaml.safe_load(Path(p).read_text(encoding="utf-8"))}
    mine = {name: df[df.source_id.isin(annotated)] for name, df in ev.items()}
    st, cl = mine["statements"], mine["claims"]
    assert scores["in_sample"].extracted.to_dict() == {
        "dates": len(mine["events"]), "numbers": len(mine["numbers"]), "quotes": len(mine["quotes"]),
        "statements_key_acts": int(st.act.isin(codebook.load("acts")["key_acts"]).sum()),
        "statements_engages": int((st.act == "engages").sum()),
        "motive_claims": int((cl.kind == "motive").sum()), "risk_claims": int((cl.kind == "risk").sum())}


# ---------------------------------------------------------------------------------------------
# extractor_errors
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sample", ["in_sample", "out_of_sample"])
def test_extractor_errors_structure(errors, sample):
    e = errors[sample]
    assert list(e.columns) == ["task", "source_id", "paragraph", "char_start", "status", "gold_text", "gold_value",
                               "extracted_text", "extracted_value"]
    assert list(e.index) == list(range(len(e)))
    assert set(e.status) <= {"wrong_value", "missed", "spurious", "wrong_attribute"}  # no match is an error
    assert set(e.task) <= set(evaluate.TASKS)
    assert e.paragraph.dtype == "int64"


@pytest.mark.parametrize("sample", ["in_sample", "out_of_sample"])
def test_extractor_errors_add_up_to_the_scores(scores, errors, sample):
    """Every annotation is matched, wrongly valued, wrongly attributed or missed; every extracted row is
    matched (its attribute right or wrong), paired with a wrong value, or spurious."""
    s, e = scores[sample], errors[sample]
    for task, r in s.iterrows():
        n = e[e.task == task].status.value_counts()
        wrong_attribute, wrong_value = n.get("wrong_attribute", 0), n.get("wrong_value", 0)
        right = r.matched - wrong_attribute
        assert right + wrong_attribute + wrong_value + n.get("missed", 0) == r.annotated, task
        assert r.matched + wrong_value + n.get("spurious", 0) == r.extracted, task
        if task not in SPAN_TASKS and r.matched:
            assert r.attribute == round(right / r.matched, 3), task


@pytest.mark.parametrize("sample", ["in_sample", "out_of_sample"])
def test_extractor_errors_point_to_the_paragraph_that_holds_them(seeds, errors, sample):
    corpus = seeds if sample == "in_sample" else evaluate.dev_corpus()
    e = errors[sample]
    p = corpus.paragraphs.set_index(["source_id", "paragraph"])
    assert len(e)
    for r in e.itertuples():
        para = p.loc[(r.source_id, r.paragraph)]
        assert para.char_start <= r.char_start < para.char_end, r
        if r.gold_text:  # an annotation's span starts where its text is found in the source
            assert corpus.texts[r.source_id][r.char_start:].startswith(r.gold_text), r


def test_extractor_errors_default_to_the_seeds(seeds, errors):
    assert inspect.signature(method.extractor_errors).parameters["sample"].default == "in_sample"
    assert set(errors["in_sample"].source_id) <= set(seeds.sources.source_id)
    assert set(errors["out_of_sample"].source_id) <= set(evaluate.dev_corpus().sources.source_id)


# ---------------------------------------------------------------------------------------------
# quote_kind_agreement
# ---------------------------------------------------------------------------------------------

def test_quote_kind_agreement_counts_every_annotated_quotation(seeds):
    k = method.quote_kind_agreement(seeds)
    assert k.index.name == "annotated" and k.columns.name == "extracted"
    quotes = (_annotations(SEED_ANNOTATIONS, set(seeds.sources.source_id)).get("quotes", [])
              + _annotations(DEV_ANNOTATIONS, set(evaluate.dev_corpus().sources.source_id)).get("quotes", []))
    assert int(k.to_numpy().sum()) == len(quotes)
    by_kind = pd.Series([q["kind"] for q in quotes]).value_counts()
    assert k.sum(axis=1).to_dict() == by_kind.to_dict()
    assert set(k.index) <= {"direct", "partial", "block", "term"}
    assert set(k.columns) <= {"direct", "partial", "block", "term", "(none)"}
    assert (k.to_numpy() >= 0).all()


def test_score_table_stacks_the_samples_of_each_instrument(seeds, scores):
    t = method.score_table(seeds)
    assert t.index.names == ["instrument", "sample"] and len(t) == 2 * len(scores)
    assert list(t.columns) == ["annotated", "extracted", "matched", "precision", "recall", "attribute"]
    row = t.loc[(evaluate.LABELS["dates"], evaluate.SAMPLES["in_sample"])]
    assert row.annotated == scores.loc["dates", ("in_sample", "annotated")]
    assert row.precision == scores.loc["dates", ("in_sample", "precision")]
    empty = t[t.annotated == 0]  # the dev corpus holds no motive claim: no recall to give, not 1.0
    assert len(empty) and empty.recall.isna().all()
    assert t[t.extracted == 0].precision.isna().all()


def test_error_table_and_its_summary_count_the_same_errors(seeds):
    for sample in evaluate.SAMPLES:
        raw, shown = method.extractor_errors(seeds, sample), method.error_table(seeds, sample)
        assert len(raw) == len(shown) and list(shown.columns) == [
            "source_id", "paragraph", "instrument", "status", "annotated", "extracted"]
        assert "_" not in "".join(shown.status)
    summary = method.error_summary(seeds)
    assert summary["all"].sum() == sum(len(method.extractor_errors(seeds, s)) for s in evaluate.SAMPLES)
    assert (summary.drop(columns="all").sum(axis=1) == summary["all"]).all()


def test_an_error_side_gives_the_value_only_when_it_says_more():
    assert method._side("Sergey Lavrov said", "sergey lavrov") == "Sergey Lavrov said → sergey lavrov"
    assert method._side("2024", "2024") == "2024" and method._side("", "") == ""


def test_the_choice_between_rules_and_proposer_reads_the_seeds_left_out():
    """proposer_choice: each method's motive precision and recall on the seeds left out in turn, as text, and
    whether the rules beat the proposer on both; the other samples are not read."""
    rows, values = [], []
    for name, (p, r) in {"rules": (0.865, 0.34), "proposer": (0.425, 0.181), "union": (0.6, 0.447)}.items():
        for sample, factor in ((method.SEEDS_LEFT_OUT, 1.0), ("fresh set", 0.0)):
            rows.append(("motive", name, sample))
            values.append({"precision": p * factor, "recall": r * factor})
    table = pd.DataFrame(values, index=pd.MultiIndex.from_tuples(rows, names=["claims", "method", "sample"]))
    choice = method.proposer_choice(table)
    assert choice == {"precision_rules": "0.86", "recall_rules": "0.34", "precision_proposer": "0.42",
                      "recall_proposer": "0.18", "precision_union": "0.60", "recall_union": "0.45",
                      "rules_better": True, "union_finds_more": True}
    table.loc[("motive", "proposer", method.SEEDS_LEFT_OUT), "recall"] = 0.5
    assert method.proposer_choice(table)["rules_better"] is False


def test_the_second_reading_pairs_the_third_and_fourth_coders_of_the_claims(tmp_path):
    """A folder whose blind/ holds four codings of the fixture article alpha (a, b and, for the second reading,
    e and f: copies of a and b): the second reading pairs e with f, publishes only the claims fields, and
    with no adjudicated file counts no decision."""
    corpus = load_corpus(FIXTURES / "corpus")
    (tmp_path / "blind").mkdir()
    for coder, base in (("a", "a"), ("b", "b"), ("e", "a"), ("f", "b")):
        text = (FIXTURES / "codings" / f"alpha-2024-03-03.{base}.yml").read_text(encoding="utf-8")
        (tmp_path / "blind" / f"alpha-2024-03-03.{coder}.yml").write_text(
            text.replace(f"coder: {base}", f"coder: {coder}"), encoding="utf-8")
    pairs = method.second_reading_pairs(corpus, tmp_path)
    assert [(a.coder, b.coder) for a, b in pairs] == [("e", "f")]
    second = method.second_reading(corpus, tmp_path)
    assert second["sources"] == 1 and second["decisions"] == 0
    assert len(second["agreement"]) and all(f.startswith("claims") for f in second["agreement"].index)
    # the same codings as the first pair, so the same agreement on the claims
    first = method.coding_agreement(corpus, tmp_path)
    assert second["agreement"].equals(first.loc[second["agreement"].index])


def _four_lead_codings(tmp_path):
    """The fixture corpus, with lead-only codings of alpha in `tmp_path`/blind: c, g and h put the economy first,
    d security."""
    corpus = load_corpus(FIXTURES / "corpus")
    (tmp_path / "blind").mkdir()
    for coder, category in (("c", "economic"), ("d", "security"), ("g", "economic"), ("h", "economic")):
        (tmp_path / "blind" / f"alpha-2024-03-03.{coder}.yml").write_text(
            f"source: alpha-2024-03-03\ncoder: {coder}\nleads:\n  - {{paragraph: 9, quote: \"the partners would "
            f"expand trade\", category: {category}, basis: said, who: author}}\n", encoding="utf-8")
    return corpus


def test_the_second_reading_of_the_leads_pairs_their_third_and_fourth_coders(tmp_path):
    """Lead-only codings of alpha by c, d (the first round) and g, h (the second): the second reading adds one
    row for the leads, from g and h alone: g and h agree (both economic) while c and d do not."""
    corpus = _four_lead_codings(tmp_path)
    table = method.second_reading(corpus, tmp_path)["agreement"]
    assert list(table.index) == ["leads: lead motives"]
    assert table.loc["leads: lead motives", "agreement"] == 100
    assert method.second_reading(corpus, tmp_path)["leads_agreement"] == 100
    first = method.coding_agreement(corpus, tmp_path).loc["leads: lead motives", "agreement"]
    assert first == 0


def test_lead_votes_count_every_round_of_the_leads(tmp_path):
    """c, d, g and h code alpha's leads; c, g and h put the economy first: 3 of 4."""
    corpus = _four_lead_codings(tmp_path)
    assert method.lead_votes(corpus, "alpha-2024-03-03", "economic", tmp_path) == (3, 4)
    assert method.lead_votes(corpus, "alpha-2024-03-03", "china", tmp_path) == (0, 4)
