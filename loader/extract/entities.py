"""Entity rules: missions, ministries, persons, organisations and countries.

The mission, ministry and person rules live in their own modules (``missions``, ``ministries``, ``persons``);
this module holds the two plain gazetteer rules (organisations, countries) and exports every entity rule in
``RULES``. All rules are pure ``(text) -> Iterable[Mention]`` functions over normalised text; the gazetteers
are read once from ``missiongraph/data/*.yaml`` (see ``missiongraph.gazetteer``) in ``lookup``, which also
answers ``country_at`` and ``organisation_at`` for the ministry and person rules.

* kind "organisation": value = canonical id from ``organisations.yaml`` (VN, NAVO, EU, IOB, ECOWAS, UNODC, OVV,
  G5-Sahel, Wagner Group, ...); attrs {"name", "type"}.
* kind "country": value = canonical Dutch name from ``countries.yaml`` (Mali, Irak, Zuid-Soedan, Bosnië en
  Herzegovina, ...); Dutch and English names map to the Dutch one.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Mention
from . import ministries, missions, persons
from .lookup import _countries, _organisations


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

__all__ = ["RULES", "find_countries", "find_organisations"]
