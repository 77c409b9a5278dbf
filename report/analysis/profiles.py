"""Source profiles: the grade each source takes from its manifest profile (codebook/reading.yml,
`grades`), and which sources are independent of each other."""

from __future__ import annotations

import pandas as pd

from ..codebook import load
from ..corpus import Corpus


def grade_rules() -> list[dict]:
    """The grade rules of the codebook, best first: grade, rank, label and the profile fields they match."""
    return load("reading")["grades"]


def grade(profile: dict) -> dict:
    """The first grade rule whose fields all match `profile` (origin, sourcing)."""
    for rule in grade_rules():
        if all(profile.get(k) == v for k, v in rule.items() if k not in ("grade", "rank", "label")):
            return rule
    raise ValueError(f"no grade rule matches {profile}")  # the last rule matches everything (a lint checks)


def source_profiles(corpus: Corpus) -> pd.DataFrame:
    """One row per source: its profile from the manifest and the grade computed from it.

    Columns: source_id, outlet, published, kind, author (the name, or "none named"), sourcing, origin,
    based_on, grade, grade_label, rank. Oldest first.
    """
    rows = []
    for s in corpus.sources.to_dict("records"):
        s = {k: (v if isinstance(v, str) else None) for k, v in s.items()}  # missing optional fields
        g = grade({"origin": s["origin"], "sourcing": s["sourcing"]})
        rows.append({"source_id": s["source_id"], "outlet": s["outlet"], "published": s["published"], "kind": s["kind"],
                     "author": s["author"] or "none named", "sourcing": s["sourcing"] or "not profiled",
                     "origin": s["origin"] or "not profiled", "based_on": s["based_on"] or "",
                     "grade": g["grade"], "grade_label": g["label"], "rank": int(g["rank"])})
    cols = ["source_id", "outlet", "published", "kind", "author", "sourcing", "origin", "based_on", "grade",
            "grade_label", "rank"]
    return pd.DataFrame(rows, columns=cols).sort_values(["published", "source_id"], ignore_index=True)


def independent_count(corpus: Corpus, source_ids) -> int:
    """How many independent sources among `source_ids`: a derivative source whose `based_on` names
    another of them counts once with it."""
    ids = set(source_ids)
    based = dict(zip(corpus.sources.source_id, corpus.sources.based_on))
    return sum(1 for s in ids if not (based.get(s) in ids and based.get(s) != s))
