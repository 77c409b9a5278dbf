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
def home() -> str:
    """The id of the country whose recognition of the Taliban the book studies (actors.yml `home`)."""
    home_id = codebook.load("actors")["home"]
    if home_id not in actors():
        raise ValueError(f"actors.yml: home {home_id!r} is not an actor of the gazetteer")
    return home_id


@cache
def locative_words() -> frozenset[str]:
    return frozenset(codebook.load("actors")["locative_words"])


def resolve_entity(ent) -> tuple[str, str]:
    """(actor id, rule) for one EntityRuler span of the gazetteer's patterns: rule is alias, surname, metonym
    or place. A surname alone resolves to its person; a capital with `government_of` stands for that
    government unless a locative word comes right before it ("in Kabul" is the place)."""
    actor_id, _, how = ent.ent_id_.partition("#")
    rule = SURNAME if how == SURNAME else "alias"
    actor = actors()[actor_id]
    if actor.government_of:
        previous = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if previous in locative_words():
            rule = "place"
        else:
            actor_id, rule = actor.government_of, "metonym"
    return actor_id, rule


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
