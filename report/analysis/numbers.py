"""The hard numbers of the corpus (amounts of money, large counts) and which other sources give
the same number; the number a fact of the key-figures box rests on."""

from __future__ import annotations

import re

import pandas as pd

from ..codebook import load
from ..corpus import Corpus
from .door import evidence, sentence_texts, source_order


def spec() -> dict:
    """The key-figures section of codebook/reading.yml."""
    return load("reading")["key_figures"]


def hard_numbers(corpus: Corpus) -> pd.DataFrame:
    """The hard numbers of the corpus: amounts in the currencies of `key_figures` and counts of at least
    `key_figures.min_count` (codebook/reading.yml); smaller counts ("two sides", "three factors") are rhetoric.

    Columns: source_id, paragraph, number (as written), value, unit, also_given_by (other sources with the
    same value and unit), sentence (its text), sentence_number. Oldest source first, then in text order.
    """
    n = evidence(corpus)["numbers"]
    n = n[n.unit.isin(spec()["currencies"]) | (n.value >= spec()["min_count"])]
    texts = sentence_texts(corpus)
    order = {s: i for i, s in enumerate(source_order(corpus))}
    rows = []
    for r in n.itertuples():
        same = n[(n.value == r.value) & (n.unit == r.unit) & (n.source_id != r.source_id)]
        rows.append({"source_id": r.source_id, "paragraph": r.paragraph, "number": r.text, "value": r.value,
                     "unit": r.unit, "also_given_by": ", ".join(sorted(set(same.source_id))),
                     "sentence": texts.get((r.source_id, r.paragraph, r.sentence), ""),
                     "sentence_number": int(r.sentence), "_o": (order[r.source_id], r.char_start)})
    cols = ["source_id", "paragraph", "number", "value", "unit", "also_given_by", "sentence", "sentence_number"]
    out = pd.DataFrame(rows, columns=cols + ["_o"]).sort_values("_o")
    return out.drop(columns="_o").reset_index(drop=True)


def facts() -> dict[str, dict]:
    """The facts of the key-figures box by id: label, units, words (codebook/reading.yml)."""
    return {f["id"]: f for f in spec()["facts"]}


def number_about(corpus: Corpus, fact: str) -> dict | None:
    """The hard number for the fact `fact` of the key-figures box: the number in one of the fact's units
    nearest to one of its words, in its sentence or the sentence before it. {number, source_id, paragraph,
    also_given_by, corroborated, words}, or None; `words` is the number's sentence as the source writes it,
    after the sentence before it when that one names the fact (one of its words) and gives no hard number of
    its own (where a source judges its figure: "Russian humanitarian aid to Afghanistan remains limited.")."""
    wanted = facts()[fact]
    numbers = hard_numbers(corpus)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in wanted["words"]) + ")", re.I)
    texts = sentence_texts(corpus)
    best = None
    for r in numbers[numbers.unit.isin(wanted["units"])].itertuples():
        before = texts.get((r.source_id, r.paragraph, r.sentence_number - 1), "")
        context = f"{before} {r.sentence}"
        at = context.rfind(r.number)
        for m in pattern.finditer(context):
            distance = abs(m.start() - at)
            if best is None or distance < best[0]:
                best = (distance, r)
    if best is None:
        return None
    r = best[1]
    first = numbers[(numbers.source_id == r.source_id) & (numbers.number == r.number)].iloc[0]  # where it is first given
    before = texts.get((r.source_id, r.paragraph, r.sentence_number - 1), "")
    counted = set(zip(numbers.source_id, numbers.paragraph, numbers.sentence_number))
    judged = (before and (r.source_id, r.paragraph, r.sentence_number - 1) not in counted
              and pattern.search(before) is not None)  # the sentence before judges this fact, in its words
    return {"number": r.number, "source_id": r.source_id, "paragraph": int(first.paragraph),
            "also_given_by": first.also_given_by, "corroborated": bool(r.also_given_by),
            "words": f"{before} {r.sentence}" if judged else r.sentence}



def one_year(words: str) -> str | None:
    """The one year a sentence gives ("In 2024, bilateral trade reached ..."), or None when it gives none or
    several."""
    years = set(re.findall(r"\b(?:19|20)\d{2}\b", words))
    return years.pop() if len(years) == 1 else None


def dated(found: dict, template: str = " in {year}") -> str:
    """A key figure (`number_about`) with the one year its sentence gives, if one and not the figure itself:
    "an estimated $300 million in 2024" (`template` words the year)."""
    year = one_year(found["words"])
    return found["number"] + (template.format(year=year) if year and year != found["number"] else "")
