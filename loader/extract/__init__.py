"""Extraction: small pure rules, each ``(text: str) -> Iterable[Mention]``, registered in ``RULES``, and
linkers, each ``(text, mentions) -> Iterable[Mention]``, registered in ``LINKERS``: they run after the rules and
connect what the rules found (an evaluation and its mission, a resolution and the mission it mandates).

Rule modules (references, dates, entities, metadata, responses) each export a ``RULES`` list; this module
concatenates them in a fixed order. ``extract`` runs every rule over a text, then the linkers, then the
resolvers, each ``(text, mentions) -> mentions`` (the whole list, changed): they decide what the mentions stand
for across the document (``person_identity.resolve_persons``: which person a name is, which post a signature is).
``summarise`` turns the mentions into the gold-schema record that ``missiongraph extract --json`` prints and
``missiongraph eval`` scores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any

from ..model import Mention
from . import dates, entities, mandates, metadata, person_identity, references, responses
from .lookup import _organisations
from .text import normalise

Rule = Callable[[str], Iterable[Mention]]
Linker = Callable[[str, list[Mention]], Iterable[Mention]]
Resolver = Callable[[str, list[Mention]], list[Mention]]

RULES: list[Rule] = [*references.RULES, *dates.RULES, *entities.RULES, *metadata.RULES, *responses.RULES]
LINKERS: list[Linker] = [*responses.LINKERS, *mandates.LINKERS]
RESOLVERS: list[Resolver] = [person_identity.resolve_persons]


def extract(text: str) -> list[Mention]:
    """Every mention every rule finds in ``text``, sorted by position. Offsets index into ``text``."""
    clean = normalise(text)
    found: list[Mention] = []
    for rule in RULES:
        found.extend(rule(clean))
    linked: list[Mention] = []
    for linker in LINKERS:
        linked.extend(linker(clean, found))
    found.extend(linked)
    for resolver in RESOLVERS:
        found = resolver(clean, found)
    found.sort(key=_POSITION)
    return found


# The sort key of mentions (attrgetter builds the tuple in C: a lambda costs a Python call per mention).
_POSITION = attrgetter("start", "end", "kind", "value")


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def summarise(mentions: list[Mention]) -> dict[str, Any]:
    """The gold-schema view of a document's mentions (first occurrence order, duplicates removed)."""
    by_kind: dict[str, list[Mention]] = {}
    for m in mentions:
        by_kind.setdefault(m.kind, []).append(m)

    def first(kind: str, role: str | None = None) -> str | None:
        for m in by_kind.get(kind, []):
            if role is None or m.role == role:
                return m.value
        return None

    own = first("kamerstuk", "self")
    return {
        "self": own,
        "kamerstukken": _unique(m.value for m in by_kind.get("kamerstuk", []) if m.role != "self"
                                and m.value != own),
        "resolutions": _unique(m.value for m in by_kind.get("resolution", [])),
        "missions": _unique(m.value for m in by_kind.get("mission", []) if m.attrs.get("via") != "description"),
        "missions_described": _unique(m.value for m in by_kind.get("mission", []) if m.attrs.get("via") == "description"
                                      and not any(n.value == m.value and n.attrs.get("via") != "description"
                                                  for n in by_kind["mission"])),
        "ministries": _unique(m.value for m in by_kind.get("ministry", [])),
        "persons": _unique(m.attrs.get("full") or m.attrs.get("name") or m.value
                           for m in by_kind.get("person", []) if person_identity.is_named_politician(m)),
        "person_details": person_identity.person_details(by_kind.get("person", [])),
        "date": first("date"),
        "title": first("title"),
        "kind": first("kind"),
        "reference": first("reference"),
        "tk_ids": _unique(m.value for m in by_kind.get("tk-id", [])),
        "organisations": _unique(m.value for m in by_kind.get("organisation", [])),
        "countries": _unique(m.value for m in by_kind.get("country", [])),
        "evaluations": _unique(m.value for m in by_kind.get("evaluation", [])),
        "findings": [_item(m) for m in by_kind.get("finding", [])],
        "recommendations": [_item(m) for m in by_kind.get("recommendation", [])],
        "commitments": [{"text": m.attrs.get("text", ""), "by": m.attrs.get("by"), "when": m.attrs.get("when"),
                         "finding": m.attrs.get("finding"), "recommendation": m.attrs.get("recommendation")}
                        for m in by_kind.get("commitment", [])],
        "responds_to": _responds_to(by_kind),
    }


def _item(m: Mention) -> dict[str, Any]:
    """A finding or recommendation as ``extract --json`` gives it: number (None when the text gives none), stance
    (full, partial, rejected or None), text (the item's own text, or for a collective item the sentence), and what
    else is known."""
    a = m.attrs
    out = {"number": a.get("number", m.value), "stance": a.get("stance"), "text": a.get("text", ""),
           "collective": bool(a.get("collective"))}
    for key in ("kind", "finding", "quote"):
        if a.get(key):
            out[key] = a[key]
    return out


def _responds_to(by_kind: dict[str, list[Mention]]) -> dict[str, Any] | None:
    """The report the document answers: its title and author, as far as the text names them. A body of the
    gazetteer by its full name and the short one in brackets ("Onderzoeksraad voor Veiligheid (OVV)"), so that
    either reads as the author."""
    for kind in ("report", "evaluation"):
        for m in by_kind.get(kind, []):
            if m.attrs.get("main"):
                author = m.attrs.get("author") or m.attrs.get("evaluator")
                if author and (m.attrs.get("author_type") == "organisation" or kind == "evaluation"):
                    author = "; ".join(_full_name(a) for a in author.split("; "))
                return {"title": m.attrs.get("report_title") or m.attrs.get("title"), "author": author, "id": m.value}
    return None


def _full_name(organisation: str) -> str:
    name = (_organisations()[1].get(organisation) or {}).get("name")
    return f"{name} ({organisation})" if name and name != organisation else organisation
