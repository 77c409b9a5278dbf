"""The chapter tables on the fixture corpus: shapes, sort order, and agreement with the base tables."""

from report import load_corpus
from report.tables import sources as tables


def test_register_is_oldest_first(fixture_dir):
    reg = tables.source_register(load_corpus(fixture_dir))
    assert list(reg.index) == ["beta-2024", "alpha-2024-03-03", "gamma-2025-07"]
    assert reg.loc["alpha-2024-03-03", "author"] == ""


def test_sizes_and_totals_agree(fixture_dir, expected):
    corpus = load_corpus(fixture_dir)
    sizes = tables.source_sizes(corpus)
    totals = tables.corpus_totals(corpus)
    assert totals["n_words"] == sizes.words.sum() == sum(e["words"] for e in expected.values())
    assert totals["n_sources"] == 3 and totals["first_published"] == "2024" and totals["last_published"] == "2025-07"
    assert sizes.loc["beta-2024", "words_per_sentence"] == round(38 / 5, 1)


def test_boilerplate_tables_count_every_flag(fixture_dir, expected):
    corpus = load_corpus(fixture_dir)
    by_rule = tables.boilerplate_by_rule(corpus)
    listed = tables.boilerplate_paragraphs(corpus)
    n_flags = sum(len(e["boilerplate"]) for e in expected.values())
    assert by_rule["total"].sum() == len(listed) == n_flags
    assert by_rule.loc["editorial_box", "alpha-2024-03-03"] == 1 and by_rule.loc["framing", "alpha-2024-03-03"] == 1
    assert by_rule.loc["republication"].sum() == 0  # rules that never fired are kept
    assert listed.equals(listed.sort_values(["source_id", "paragraph"], ignore_index=True))


def test_theme_coverage_is_a_share_of_body_sentences(fixture_dir):
    corpus = load_corpus(fixture_dir)
    cov = tables.theme_coverage(corpus)
    assert list(cov.index) == list(tables.source_register(corpus).index)
    assert list(cov.columns) == list(tables.theme_labels())
    assert ((cov >= 0) & (cov <= 100)).all().all()
    # gamma's body has 4 sentences; "Moscow sees Afghanistan as a transit hub." is coded trade_transit
    assert cov.loc["gamma-2025-07", "trade_transit"] >= 25.0
