"""The people review: the persons in a store with their roles, posts and documents, and the identities a
researcher should check (what ``missiongraph people`` prints).

It runs the saved query ``people`` and adds flags:

* ``unresolved``: a surname alone, in one document, that the resolver could not tie to one person (the gazetteer
  persons it may be are listed);
* ``weak``: documents where the person's identity rests on the surname alone: no initials or given name in the
  words that name the person, and nothing but the surname, the year or a seat in another year behind it (the
  ``evidence`` of the document's HOLDS_POST); a merge to check;
* ``split?``: other persons with the same surname of whom at least one is not a gazetteer person (a name the
  text gives differently, an unresolved surname): perhaps the same person, kept apart; a split to check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..saved import get
from ..stores.base import GraphStore

# Evidence that says no more than the surname and the year (see missiongraph.extract.person_identity).
WEAK_EVIDENCE = frozenset({"surname", "particle dropped", "in office or parliament that year", "member of parliament",
                           "seat in another year"})
# Per person and document: the words that name the person and the evidence of that document's HOLDS_POST.
_LINKS = """
UNWIND $keys AS k
MATCH (p:Person {id: k})
MATCH (d:Document)-[r:SIGNED_BY|MENTIONS]->(p)
OPTIONAL MATCH (q:Person)-[h:HOLDS_POST {doc: d.id}]->()
WHERE q = p
RETURN p.id, d.id, r.text, collect(h.evidence)
"""
_SAME_SURNAME = """
MATCH (q:Person)
WHERE q.surname IN $surnames
RETURN q.id, q.name, q.surname, q.resolved
"""


@dataclass
class PersonReview:
    person: str
    key: str
    resolved: str
    role: str
    party: str
    posts: list[str]
    documents: int
    first: str | None
    last: str | None
    flags: list[str] = field(default_factory=list)

    def as_row(self) -> list[Any]:
        return [self.person, self.key, self.resolved, self.role, self.party, self.posts, self.documents, self.first, self.last,
                self.flags]


COLUMNS = ["person", "key", "resolved", "role", "party", "posts", "documents", "first", "last", "flags"]


def weak_link(surname: str, written: str, evidence: list[str]) -> bool:
    """Whether a document names a person by the surname alone and gives nothing else to tell who it is."""
    items = {e.strip() for ev in evidence if ev for e in ev.split(",")}
    if items - WEAK_EVIDENCE:
        return False
    return len((written or "").split()) <= len(surname.split())


def review(store: GraphStore, name: str = "", limit: int = 100, flagged_only: bool = False) -> list[PersonReview]:
    """The persons (the most named first, names containing ``name``; at most ``limit``) with their flags."""
    query = get("people")
    result = store.run(query.cypher, query.bind({"person": name, "limit": str(limit)}))
    rows = [dict(zip(result.columns, row)) for row in result.rows]
    people = [PersonReview(r["person"], r["key"], r["resolved"], r["role"], r["party"], r["posts"] or [],
                           r["documents"], r["first"], r["last"]) for r in rows]
    if not people:
        return []
    surname = {r["key"]: r["surname"] for r in rows}
    links: dict[str, list[tuple[str, str, list[str]]]] = {}
    for key, doc, written, evidence in store.run(_LINKS, {"keys": [p.key for p in people]}).rows:
        links.setdefault(key, []).append((doc, written, evidence or []))
    by_surname: dict[str, list[tuple[str, str, str]]] = {}
    wanted = sorted(set(surname.values()) - {""})
    if wanted:
        for key, pname, sname, resolved in store.run(_SAME_SURNAME, {"surnames": wanted}).rows:
            by_surname.setdefault(sname, []).append((key, pname, resolved or ""))
    for p in people:
        p.flags = _flags(p, surname[p.key], links.get(p.key, []), by_surname.get(surname[p.key], []))
    if flagged_only:
        people = [p for p in people if p.flags]
    return people


def _flags(p: PersonReview, surname: str, links: list[tuple[str, str, list[str]]],
           same_surname: list[tuple[str, str, str]]) -> list[str]:
    flags = []
    if p.resolved == "unresolved":
        flags.append("unresolved: a surname alone, in one document")
    weak = sorted({doc for doc, written, evidence in links
                   if p.resolved == "gazetteer" and weak_link(surname or p.person, written, evidence)})
    if weak:
        shown = ", ".join(weak[:5]) + (f" and {len(weak) - 5} more" if len(weak) > 5 else "")
        flags.append(f"weak: the surname alone in {len(weak)} document{'s' if len(weak) != 1 else ''} ({shown})")
    others = [(k, n, r) for k, n, r in same_surname
              if k != p.key and not (r == "gazetteer" and p.resolved == "gazetteer")]
    if others:
        named = sorted({n for _, n, r in others if r != "unresolved"})
        unresolved = sum(1 for _, _, r in others if r == "unresolved")
        parts = named + ([f"{unresolved} unresolved '{surname}'"] if unresolved else [])
        flags.append("split?: the same surname as " + "; ".join(parts))
    return flags
