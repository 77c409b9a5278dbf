"""Claims: the motives the sources give for Moscow's course and the risks they name, by category
(codebook/claims.yml), and how the sources weigh them."""

from __future__ import annotations

import pandas as pd

from ..codebook import load
from ..corpus import Corpus
from ..extract.claims import vocab
from ..gazetteer import actors, home
from .door import MACHINE, REVIEWED, SENTENCE_KEY, affirmed_claims, evidence, naming, reviewed_leads, source_order


HAND_KINDS = {"assessment": "assessments", "aim": "aims"}  # kinds only people code: codebook/codings.yml


def labels(kind: str = "motive") -> dict[str, str]:
    """Category id -> label, in codebook order (codebook/claims.yml; codings.yml for the kinds only people
    code, assessments and the Taliban's aims)."""
    if kind in HAND_KINDS:
        return {cat: spec["label"] for cat, spec in load("codings")[HAND_KINDS[kind]].items()}
    return {cat: spec["label"] for cat, spec in vocab()["kinds"][kind]["categories"].items()}


def of_kind(corpus: Corpus, kind: str = "motive") -> pd.DataFrame:
    """The claim rows of `kind` (one per sentence and category) that the sources affirm."""
    c = affirmed_claims(evidence(corpus)["claims"])
    return c[c.kind == kind]


def claims(corpus: Corpus, category: str | None = None, kind: str = "motive") -> pd.DataFrame:
    """The claims of `kind` (and `category`), one row per sentence, oldest source first.

    Columns: source_id, paragraph, sentence, categories (labels, joined), who (the claims table's: "author"
    or the speaker), text, and coded (reviewed, or machine when a row is the machine reader's) unless the
    evidence is the machine's alone.
    """
    c = of_kind(corpus, kind)
    if category is not None:
        keep = c[c.category == category][SENTENCE_KEY].drop_duplicates()
        c = c.merge(keep, on=SENTENCE_KEY)
    names = labels(kind)
    order = {s: i for i, s in enumerate(source_order(corpus))}
    status = {"coded": ("coded", lambda s: MACHINE if (s == MACHINE).any() else REVIEWED)} if "coded" in c else {}
    out = (c.assign(label=c.category.map(names))
            .groupby(SENTENCE_KEY, as_index=False)
            .agg(categories=("label", lambda s: ", ".join(dict.fromkeys(s))), who=("who", "first"),
                 text=("text", "first"), **status))
    out = out.assign(_o=out.source_id.map(order)).sort_values(["_o", "paragraph", "sentence"])
    return out.drop(columns="_o").reset_index(drop=True)[SENTENCE_KEY + ["categories", "who", "text", *status]]


def ranking(corpus: Corpus, kind: str = "motive") -> pd.DataFrame:
    """The categories of `kind` ranked by how many sources themselves put them first (motives only: the coded
    `leads`), then by how many sources state them, then by how many sentences.

    Index: category label. Columns: sources (how many), sentences (how many), put first by (how many sources;
    motives only), rank (1 = first on that order; a tie on all three shares a rank), then one column per
    source (sentences, oldest source first).
    """
    c = of_kind(corpus, kind).drop_duplicates(SENTENCE_KEY + ["category"])
    names = labels(kind)
    per = pd.crosstab(c.category, c.source_id).reindex(index=list(names), columns=source_order(corpus), fill_value=0)
    out = pd.DataFrame({"sources": (per > 0).sum(axis=1), "sentences": per.sum(axis=1)})
    order = ["sources", "sentences"]
    if kind == "motive":
        rows, _ = lead_rows(corpus)
        out["put first by"] = rows.groupby("category").source_id.nunique().reindex(out.index, fill_value=0).astype(int)
        order = ["put first by", *order]
    out = out.join(per).sort_values(order, ascending=False, kind="stable")
    keys = list(zip(*(out[c] for c in order)))
    out.insert(len(order), "rank", [1 + sum(other > k for other in keys) for k in keys])
    return out.rename(index=names).rename_axis(index=kind, columns=None)


def lead_rows(corpus: Corpus) -> tuple[pd.DataFrame, list[str]]:
    """How the sources themselves weigh the motives: (the coded leads, one row per source and motive it puts
    first: source_id, paragraph, sentence, category, basis, who, quote; the sources coded for leads)."""
    return reviewed_leads(corpus)


def leads(corpus: Corpus) -> pd.DataFrame:
    """Each source's own lead motive, oldest source first: what it puts first (labels joined; "none" when it
    weighs no motive above the others; "not coded" when no one has coded it for leads), on what ground, where.

    Columns: source_id, lead, basis, paragraph (the first lead row's; 0 when none), quote.
    """
    rows, coded = lead_rows(corpus)
    names = labels()
    out = []
    for sid in source_order(corpus):
        mine = rows[rows.source_id == sid]
        if sid not in coded:
            out.append({"source_id": sid, "lead": "not coded", "basis": "", "paragraph": 0, "quote": ""})
        elif mine.empty:
            out.append({"source_id": sid, "lead": "none", "basis": "", "paragraph": 0, "quote": ""})
        else:
            out.append({"source_id": sid, "lead": " and ".join(names[c] for c in mine.category),
                        "basis": ", ".join(dict.fromkeys(mine.basis)), "paragraph": int(mine.paragraph.iloc[0]),
                        "quote": " / ".join(dict.fromkeys(mine.quote))})
    return pd.DataFrame(out, columns=["source_id", "lead", "basis", "paragraph", "quote"])


def quotations(corpus: Corpus, category: str | None, kind: str = "motive") -> pd.DataFrame:
    """The quotations (not single terms) that lie in the claim sentences of `category`, with their speaker
    ("" when the extractor found none).

    Columns: source_id, paragraph, speaker, quote.
    """
    keys = claims(corpus, category, kind)[SENTENCE_KEY]
    q = evidence(corpus)["quotes"].query("kind != 'term'").merge(keys, on=SENTENCE_KEY)
    return q.sort_values(["source_id", "paragraph", "char_start"]).reset_index(drop=True)[
        ["source_id", "paragraph", "speaker", "quote"]]


def stating_sources(corpus: Corpus, kind: str = "motive") -> list[str]:
    """The sources that state at least one claim of `kind`, oldest first."""
    stated = set(of_kind(corpus, kind).source_id)
    return [s for s in source_order(corpus) if s in stated]


def silent(corpus: Corpus, category: str, kind: str = "motive") -> list[str]:
    """The sources that state no claim of `category`, oldest first."""
    stated = set(claims(corpus, category, kind).source_id)
    return [s for s in source_order(corpus) if s not in stated]


def weight(corpus: Corpus, category: str, kind: str = "motive") -> pd.DataFrame:
    """How much of each source's claims of `kind` are of `category`.

    Index: source id (oldest first). Columns: sentences (of the category), all (claim sentences of the kind),
    share (% of them, 0 when the source has none).
    """
    c = of_kind(corpus, kind)
    every = c.drop_duplicates(SENTENCE_KEY).groupby("source_id").size()
    mine = c[c.category == category].drop_duplicates(SENTENCE_KEY).groupby("source_id").size()
    out = pd.DataFrame({"sentences": mine, "all": every}).reindex(source_order(corpus)).fillna(0).astype(int)
    out["share"] = (100 * out.sentences / out["all"].where(out["all"] > 0)).fillna(0).round(0).astype(int)
    return out.rename_axis("source")


def mention_sources(corpus: Corpus, category: str, words: list[str], kind: str = "motive") -> list[str]:
    """The sources whose claims of `category` hold one of `words` (a word ending in * is a prefix)."""
    c = claims(corpus, category, kind)
    return sorted(set(c.source_id[naming(corpus, c, words)]))


def balance(corpus: Corpus) -> pd.DataFrame:
    """Per source (oldest first): its motive claim sentences, its risk claim sentences, and the motive it
    gives most (ties: codebook order). Index: source. Columns: motives, risks, main motive."""
    c = affirmed_claims(evidence(corpus)["claims"])
    names = labels("motive")
    rows = {}
    for sid in source_order(corpus):
        mine = c[c.source_id == sid]
        m = mine[mine.kind == "motive"]
        counts = m.drop_duplicates(SENTENCE_KEY + ["category"]).category.value_counts()
        main = max(names, key=lambda k: (counts.get(k, 0), -list(names).index(k))) if len(counts) else None
        rows[sid] = {"motives": m.drop_duplicates(SENTENCE_KEY).shape[0],
                     "risks": mine[mine.kind == "risk"].drop_duplicates(SENTENCE_KEY).shape[0],
                     "main motive": names[main] if main else ""}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("source")


def home_voices(corpus: Corpus, category: str, kind: str = "motive") -> list[str]:
    """The home country's officials (people the gazetteer has representing it) whose words carry claims of
    `category`, sorted."""
    officials = {a.name for a in actors().values() if a.principal == home() and a.type == "person"}
    return sorted(set(claims(corpus, category, kind).who) & officials)


def silent_on_kind(corpus: Corpus, kind: str) -> list[str]:
    """The sources that state no claim of `kind` at all, oldest first."""
    stated = set(of_kind(corpus, kind).source_id)
    return [s for s in source_order(corpus) if s not in stated]


