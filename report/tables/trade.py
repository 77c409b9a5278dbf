"""Chapter 4 (notebooks/04_trade): the hard numbers, Russia's commercial stake apart from aid and labour, and
the projects and places the trade chapter names."""

from __future__ import annotations

import pandas as pd

from ..analysis import door, numbers
from ..analysis.claims import labels
from ..analysis.door import SENTENCE_KEY, affirmed_claims
from ..analysis.statements import act_labels
from ..corpus import Corpus

FACTS = ("trade", "aid", "need", "workers")  # the facts of the key-figures box (reading.yml) the chapter gives


def chapter_numbers(corpus: Corpus) -> dict[str, dict | None]:
    """The number for each fact of `FACTS` (`analysis.numbers.number_about`, with the source's outlet), or None
    where no source gives one."""
    outlets = dict(zip(corpus.sources.source_id, corpus.sources.outlet))
    found = {fact: numbers.number_about(corpus, fact) for fact in FACTS}
    return {fact: (None if f is None else {**f, "outlet": outlets[f["source_id"]]}) for fact, f in found.items()}


STAKES = {"commercial": "Russia's commercial stake", "aid": "aid, not a stake", "labour": "labour, not a stake"}


def stake_figures(corpus: Corpus) -> pd.DataFrame:
    """The economic figures of the key-figures box, sorted by what they measure (reading.yml, a fact's
    `stake`): Russia's commercial stake first, then aid and labour, each in the source's own words (with the
    sentence in which it judges the figure, `numbers.number_about`). Columns: source_id, paragraph, measures,
    fact, value, note (corroborated, or "one source"), words."""
    rows = []
    for stake in STAKES:
        for fact in (f for f in numbers.spec()["facts"] if f.get("stake") == stake):
            found = numbers.number_about(corpus, fact["id"])
            if found is not None:
                rows.append({"source_id": found["source_id"], "paragraph": found["paragraph"], "measures": STAKES[stake],
                             "fact": fact["label"], "value": numbers.dated(found, " ({year})"),
                             "note": f"also given by {found['also_given_by']}" if found["also_given_by"] else "one source",
                             "words": found["words"]})
    return pd.DataFrame(rows, columns=["source_id", "paragraph", "measures", "fact", "value", "note", "words"])


def actors_of_type(corpus: Corpus, types: tuple[str, ...]) -> pd.DataFrame:
    """Actors of the given types named in the body, with how many sentences and sources name them.

    Columns: actor, type, sentences, sources, source_ids. Most named first.
    """
    m = door.evidence(corpus)["mentions"]
    m = m[m.type.isin(types)].drop_duplicates(SENTENCE_KEY + ["actor_id"])
    out = m.groupby(["actor", "type"]).agg(sentences=("sentence", "size"), sources=("source_id", "nunique"),
                                           source_ids=("source_id", lambda s: ", ".join(sorted(set(s)))))
    return out.reset_index().sort_values(["sentences", "actor"], ascending=[False, True], ignore_index=True)


NOT_MOSCOW = "no motive or act of Moscow's"  # a project's paragraph that gives Moscow neither


def projects(corpus: Corpus) -> pd.DataFrame:
    """The transit and trade projects the sources name, one row per project and paragraph, with what that
    paragraph gives Moscow: the motives coded in it ("a motive of Moscow's: alignment with China"), else the
    acts of Russia's it states ("Russia engages with the Taliban"), else that it gives Moscow neither (a
    project named as another's gain). Columns: source_id, paragraph, project, for_moscow. By project."""
    ev = door.evidence(corpus)
    key = ["source_id", "paragraph"]
    m = ev["mentions"]
    m = m[m.type == "project"].drop_duplicates(key + ["actor_id"])
    c = affirmed_claims(ev["claims"])
    motives = c[c.kind == "motive"].groupby(key).category.agg(lambda x: sorted(set(x)))
    st = ev["statements"]
    st = st[(st.actor_id == "russia") & (st.polarity == "affirmed")].groupby(key).act.agg(lambda x: sorted(set(x)))
    names, acts = labels(), act_labels()
    rows = []
    for r in m.itertuples():
        at = (r.source_id, r.paragraph)
        if at in motives.index:
            said = "a motive of Moscow's: " + "; ".join(names[k] for k in motives[at])
        elif at in st.index:
            said = "Russia " + "; ".join(acts[a] for a in st[at])
        else:
            said = NOT_MOSCOW
        rows.append({"source_id": r.source_id, "paragraph": int(r.paragraph), "project": r.actor, "for_moscow": said})
    out = pd.DataFrame(rows, columns=["source_id", "paragraph", "project", "for_moscow"])
    return out.sort_values(["project", "source_id", "paragraph"], ignore_index=True)
