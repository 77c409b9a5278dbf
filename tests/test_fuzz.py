"""A generated corpus of a few hundred valid articles mixing dates, numbers, quotations, names,
boilerplate and Unicode: parsing and extraction must never raise, and every evidence row must point
at its text. The generator is seeded, so a failure is reproducible."""

import random

import yaml

from report import load_corpus
from report.extract import evidence
from report.paths import MANIFEST_NAME

N_ARTICLES = 300
SEED = 20261127

PIECES = [
    "On 3 July 2025 Russia recognised the Taliban government.", "Last week, Moscow hosted a delegation.",
    "In 2003 the Supreme Court banned the movement.", "Three years ago, nobody expected this.",
    "2024 years ago, the city did not exist.", "Some 3000000 days later the deal was signed.",
    "This week, officials met on Saturday.", "He said Wednesday that talks would resume.",
    "Trade reached $300 million, up by 1,000 tonnes.", "About 50,000 people, or 12%, left.",
    "The 8-month-old government has 20-year plans.", "“We have to deal with reality,” Putin said.",
    "Lavrov said: ", "‘Yes,’ she said. “No.”", "According to Zamir Kabulov, the talks were “useful.”",
    "A State Department spokesperson said the move was “wrong.”", "“Unclosed quotation runs on",
    "Kazakhstan and Kyrgyzstan have removed the Taliban from their lists.",
    "No country has recognized the Taliban, and Russia is expected to.", "Almost no one recognizes Kabul.",
    "Russia’s decision to delist the Taliban aims to counter ISIS-K and secure trade.",
    "Photo: Reuters/Someone", "Read more: Why Moscow cares", "© 2025 The Outlet. All rights reserved.",
    "Ünïcödé: Ташкент, 北京, كابل, emoji 🇷🇺🇦🇫, zero\u200bwidth, non\u00a0breaking.",
    "<b>markup</b> & [link](x) {role}`y` $x$ | pipe |", "…", "—", "A.", "U.S. officials, e.g. Mr. Smith, said no.",
]


def _article(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(1, 8)):
        sentences = [rng.choice(PIECES) for _ in range(rng.randint(1, 5))]
        paragraphs.append(" ".join(sentences))
    if rng.random() < 0.2:
        paragraphs.append("x" * rng.randint(1, 3000))  # a long word
    return "\n\n".join(paragraphs) + "\n"


def _corpus(folder):
    rng = random.Random(SEED)
    manifest = []
    for k in range(N_ARTICLES):
        name = f"a{k:03d}.txt"
        (folder / name).write_text(_article(rng), encoding="utf-8")
        day = rng.choice(["2024", "2025-07", "2025-07-16", "2022-04", "1999-12-31"])
        manifest.append({"id": f"fuzz-{k:03d}", "file": name, "title": f"Fuzz {k}", "outlet": "Generator",
                         "author": None, "published": day, "url": None, "kind": "news"})
    (folder / MANIFEST_NAME).write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    return load_corpus(folder)


def test_generated_articles_never_raise_and_rows_point_at_their_text(tmp_path):
    corpus = _corpus(tmp_path)
    tables = evidence(corpus)  # each table validated by its schema
    assert sum(len(t) for t in tables.values()) > N_ARTICLES
    for name, table in tables.items():
        if "char_start" not in table:
            continue
        for r in table.itertuples():
            text = corpus.texts[r.source_id]
            assert 0 <= r.char_start < r.char_end <= len(text), (name, r)
            assert text[r.char_start:r.char_end].strip(), (name, r)
