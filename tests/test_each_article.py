"""`extract` on every seed, development and fresh-set article on its own, and on all of them together:
no traceback, every table valid against its schema, the same rows for an article alone as within the
whole (extraction reads one article at a time)."""

import shutil

import pytest
import yaml

from report import load_corpus
from report.extract import KEYS, evidence
from report.paths import DEV_CORPUS, FRESH_CORPUS, MANIFEST_NAME, SEEDS


def _entries(folder):
    return [(folder, e) for e in yaml.safe_load((folder / MANIFEST_NAME).read_text(encoding="utf-8"))]


# a development article copied into seeds/ (as the README's "Adding a source" allows) counts once
ARTICLES = list({e["id"]: (folder, e) for folder, e in _entries(DEV_CORPUS) + _entries(FRESH_CORPUS) + _entries(SEEDS)}.values())


def _corpus(tmp_path, articles):
    for folder, entry in articles:
        shutil.copy(folder / entry["file"], tmp_path / entry["file"])
    manifest = [entry for _, entry in articles]
    (tmp_path / MANIFEST_NAME).write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    return load_corpus(tmp_path)


@pytest.fixture(scope="module")
def together(tmp_path_factory):
    return evidence(_corpus(tmp_path_factory.mktemp("all"), ARTICLES))


@pytest.mark.parametrize("folder, entry", ARTICLES, ids=[e["id"] for _, e in ARTICLES])
def test_each_article_alone_gives_the_rows_it_gives_in_the_whole(tmp_path, together, folder, entry):
    alone = evidence(_corpus(tmp_path, [(folder, entry)]))
    assert set(alone) == set(KEYS)
    for name, table in alone.items():
        whole = together[name][together[name].source_id == entry["id"]].reset_index(drop=True)
        assert table.reset_index(drop=True).equals(whole), name
