"""The gazetteer (codebook/actors.yml) as spaCy EntityRuler patterns, and look-ups by actor id."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import codebook

TYPES = ("person", "state", "organisation", "group", "place", "project", "document", "event")
SURNAME = "surname"


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    role: str | None = None
    role_words: tuple[str, ...] = ()
    government_of: str | None = None
    represents: str | None = None

    @property
    def principal(self) -> str:
        """The actor this one acts for: the state an official or organ represents, else itself."""
        return self.represents or self.id


@cache
def actors() -> dict[str, Actor]:
    """Every actor by id, in file order."""
    out = {}
    for raw in codebook.load("actors")["actors"]:
        out[raw["id"]] = Actor(
            id=raw["id"], name=raw["name"], type=raw["type"], aliases=tuple(raw["aliases"]),
            role=raw.get("role"), role_words=tuple(raw.get("role_words", ())),
            government_of=raw.get("government_of"), represents=raw.get("represents"),
        )
    return out


@cache
def locative_words() -> frozenset[str]:
    return frozenset(codebook.load("actors")["locative_words"])


def _token_pattern(words: list[str], exact: bool) -> list[dict]:
    return [{"ORTH": w} if exact else {"LOWER": w.lower()} for w in words]


def ruler_patterns(tokenize) -> list[dict]:
    """EntityRuler patterns: one per alias, plus each person's surname (id suffixed '#surname').

    `tokenize` turns an alias into its tokens, exactly as the pipeline tokenises text.
    An alias with no lowercase letter matches exactly (US is not 'us'); others ignore case.
    """
    patterns = []
    claimed = {a.lower() for actor in actors().values() for a in actor.aliases}
    for actor in actors().values():
        for alias in actor.aliases:
            exact = not any(ch.islower() for ch in alias)
            patterns.append({"label": actor.type, "id": actor.id, "pattern": _token_pattern(tokenize(alias), exact)})
        if actor.type == "person":
            surname = actor.name.split()[-1]
            if surname.lower() not in claimed:
                patterns.append({"label": actor.type, "id": f"{actor.id}#{SURNAME}",
                                 "pattern": _token_pattern([surname], False)})
    return patterns
