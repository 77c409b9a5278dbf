"""Actor mentions: the gazetteer's EntityRuler matches, with surnames and capitals resolved.

Rules (documented in codebook/actors.yml): a surname alone resolves to its person; a
capital with `government_of` stands for that government unless a locative word comes
right before it ("in Kabul" is the place, "Kabul has accused" the Taliban government).
"""

from __future__ import annotations

import pandas as pd

from ..gazetteer import actors, resolve_entity
from .common import body_paragraphs

MENTION_COLUMNS = ["source_id", "paragraph", "sentence", "char_start", "char_end", "text", "actor_id", "actor",
                   "type", "rule"]


def mentions_table(corpus) -> pd.DataFrame:
    """One row per actor mention in the body paragraphs.

    Columns: source_id, paragraph, sentence, char_start, char_end, text, actor_id, actor, type, rule.
    """
    rows = []
    for para in body_paragraphs(corpus):
        for ent in para.doc.ents:
            actor_id, rule = resolve_entity(ent)
            actor = actors()[actor_id]
            rows.append({
                "source_id": para.source_id, "paragraph": para.paragraph, "sentence": para.sentence_at(ent.start_char),
                "char_start": para.char_start + ent.start_char, "char_end": para.char_start + ent.end_char,
                "text": ent.text, "actor_id": actor_id, "actor": actor.name, "type": actor.type, "rule": rule,
            })
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)
