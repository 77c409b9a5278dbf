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
        g = grade({"origin": s["origin"], "sourcing": s["sourcing"], "expertise": s.get("expertise")})
        rows.append({"source_id": s["source_id"], "outlet": s["outlet"], "published": s["published"], "kind": s["kind"],
                     "author": s["author"] or "none named", "sourcing": s["sourcing"] or "not profiled",
                     "origin": s["origin"] or "not profiled", "based_on": s["based_on"] or "",
                     "grade": g["grade"], "grade_label": g["label"], "rank": int(g["rank"])})
    cols = ["source_id", "outlet", "published", "kind", "author", "sourcing", "origin", "based_on", "grade",
            "grade_label", "rank"]
    return pd.DataFrame(rows, columns=cols).sort_values(["published", "source_id"], ignore_index=True)


def independent_count(corpus: Corpus, source_ids) -> int:
    """How many independent sources among `source_ids`: each primary source counts; a derivative source
    stands for the source of the corpus its `based_on` names (so a rewrite and its original count once),
    and counts not at all when its original is not in the corpus (a rewrite of reports it does not name is
    not known to be independent of anything)."""
    origin = dict(zip(corpus.sources.source_id, corpus.sources.origin))
    based = dict(zip(corpus.sources.source_id, corpus.sources.based_on))
    stands_for = {based.get(s) if origin.get(s) == "derivative" else s for s in set(source_ids)}
    return len(stands_for & set(origin))


def derivative_count(corpus: Corpus, source_ids) -> int:
    """How many of `source_ids` are derivative (they do not count as independent)."""
    origin = dict(zip(corpus.sources.source_id, corpus.sources.origin))
    return sum(1 for s in set(source_ids) if origin.get(s) == "derivative")
