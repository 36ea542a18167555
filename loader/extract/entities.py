"""Entity rules: missions, ministries, persons, organisations and countries.

The mission, ministry and person rules live in their own modules (``missions``, ``ministries``, ``persons``);
this module holds the two plain gazetteer rules (organisations, countries) and exports every entity rule in
``RULES``. All rules are pure ``(text) -> Iterable[Mention]`` functions over normalised text; the gazetteers
are read once from ``missiongraph/data/*.yaml`` (see ``missiongraph.gazetteer``).

* kind "organisation": value = canonical id from ``organisations.yaml`` (VN, NAVO, EU, IOB, ECOWAS, UNODC, OVV,
  G5-Sahel, Wagner Group, ...); attrs {"name", "type"}.
* kind "country": value = canonical Dutch name from ``countries.yaml`` (Mali, Irak, Zuid-Soedan, Bosnië en
  Herzegovina, ...); Dutch and English names map to the Dutch one.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ..gazetteer import PhraseMatcher, load
from ..model import Mention
from . import ministries, missions, persons


@lru_cache(maxsize=1)
def _organisations() -> tuple[PhraseMatcher, dict[str, dict]]:
    entries = load("organisations")
    pairs = [(a, e["id"]) for e in entries for a in [e["id"], e.get("name") or "", *e["aliases"]] if a]
    return PhraseMatcher(pairs), {e["id"]: e for e in entries}


@lru_cache(maxsize=1)
def _countries() -> PhraseMatcher:
    entries = load("countries")
    return PhraseMatcher([(a, e["id"]) for e in entries for a in [e["id"], *e["aliases"]]])


def country_at(text: str, pos: int) -> str | None:
    """The canonical country whose name starts exactly at ``pos``, or None."""
    matcher = _countries()
    m = matcher.regex.match(text, pos)
    return matcher.lookup(m.group()) if m else None


def organisation_at(text: str, pos: int) -> str | None:
    """The canonical organisation whose name starts exactly at ``pos``, or None."""
    matcher = _organisations()[0]
    m = matcher.regex.match(text, pos)
    return matcher.lookup(m.group()) if m else None


def find_organisations(text: str) -> Iterator[Mention]:
    """Organisations named in ``text`` (kind "organisation")."""
    matcher, entries = _organisations()
    for m in matcher.matches(text):
        surface = m.group()
        ident = matcher.lookup(surface)
        if ident is not None:
            e = entries[ident]
            yield Mention("organisation", ident, m.start(), m.end(), surface,
                          attrs={"name": e.get("name") or ident, "type": e.get("type", "")})


def find_countries(text: str) -> Iterator[Mention]:
    """Countries named in ``text`` (kind "country"), Dutch canonical names."""
    matcher = _countries()
    for m in matcher.matches(text):
        surface = m.group()
        ident = matcher.lookup(surface)
        if ident is not None:
            yield Mention("country", ident, m.start(), m.end(), surface)


RULES = [*missions.RULES, *ministries.RULES, *persons.RULES, find_organisations, find_countries]

__all__ = ["RULES", "country_at", "find_countries", "find_organisations", "organisation_at"]
