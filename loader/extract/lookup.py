"""The organisation and country tables, and where a name from them starts: ``country_at``, ``organisation_at``.

Below ``entities`` (the organisation and country rules) and ``ministries`` and ``persons`` (which ask whether a
country or organisation name starts at a position), so that none of them imports another to get at the tables.
The gazetteers are read once from ``missiongraph/data/{organisations,countries}.yaml``.
"""

from __future__ import annotations

from functools import lru_cache

from ..gazetteer import PhraseMatcher, load


@lru_cache(maxsize=1)
def _organisations() -> tuple[PhraseMatcher, dict[str, dict]]:
    entries = load("organisations")
    pairs = [(a, e["id"]) for e in entries for a in [e["id"], e.get("name") or "", *e["aliases"], *e["former"]] if a]
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
