"""Chapter 5 (notebooks/05_china): where the sources name China outside a motive claim, and which
actors they name together."""

from __future__ import annotations

import pandas as pd

from ..analysis import claims, door, judgments
from ..analysis.door import SENTENCE_KEY
from ..corpus import Corpus
from . import lists


def named_elsewhere(corpus: Corpus, actor_id: str, category: str, kind: str = "motive") -> pd.DataFrame:
    """The body sentences that name `actor_id` in the sources that state no claim of `category`, oldest
    source first. Columns: source_id, paragraph, sentence, text."""
    m = door.evidence(corpus)["mentions"]
    m = m[(m.actor_id == actor_id) & m.source_id.isin(claims.silent(corpus, category, kind))][
        SENTENCE_KEY].drop_duplicates()
    out = door.body_sentences(corpus).merge(m, on=SENTENCE_KEY)
    order = {s: i for i, s in enumerate(door.source_order(corpus))}
    return out.assign(_o=out.source_id.map(order)).sort_values(["_o", "paragraph", "sentence"]).drop(
        columns="_o").reset_index(drop=True)




def central_asia(corpus: Corpus) -> dict:
    """Central Asia as Moscow's security space (codebook/guards.yml): the sources whose security claims name it
    (words `central_asia_space`: `sources`, `outlets`), the listing of the Taliban in a sentence that gives
    Central Asia among its grounds (selector `listing_central_asia`: `listing_outlets`, and `listing_year`, the
    earliest date those statements give), and `failures` (fewer than two sources, or no such listing)."""
    words = judgments.vocabulary("words")["central_asia_space"]
    ids = claims.mention_sources(corpus, "security", words)
    rows = judgments.named(corpus, "listing_central_asia")
    st = door.evidence(corpus)["statements"]
    dated = st.merge(rows[door.SENTENCE_KEY].drop_duplicates(), on=door.SENTENCE_KEY)
    dated = dated[(dated.act == "lists") & (dated.as_of.astype(str) != "")]
    failures = ([f"only {len(ids)} source(s) tie security to Central Asia"] if len(ids) < 2 else []) + (
        ["no listing gives Central Asia among its grounds"] if dated.empty else [])
    return {"sources": len(ids), "outlets": lists.ordered_outlets(corpus, ids),
            "listing_outlets": lists.ordered_outlets(corpus, rows.source_id),
            "listing_year": str(dated.as_of.astype(str).min())[:4] if len(dated) else "", "failures": failures}
