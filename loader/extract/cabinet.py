"""The cabinet gazetteer (``data/cabinet.yaml``): who held which post when, and who sat in parliament.

``cabinet()`` reads and checks the file once. It answers:

* ``candidates(surname)``: the persons a written surname can stand for: 'Van Dijk' -> Jasper, Otwin, Gijs and
  Inge van Dijk; 'Bijleveld-Schouten' -> Ank Bijleveld (an ``also`` name); 'Middelkoop' (written without its
  particle) -> Eimert van Middelkoop, marked ``bare`` (weaker: the text dropped the particle);
* ``holders(ministry, role, date)``: who held the post on that day, through the department's names over time
  ('Minister van Veiligheid en Justitie' on 2016-05-01 -> Van der Steur; 'Minister van Justitie en Veiligheid'
  on the same day finds him too, since both names are the same department);
* ``department(ministry)``: the department a ministry name belongs to (Justitie, Veiligheid en Justitie and
  Justitie en Veiligheid are one).

Dates are ISO strings (YYYY-MM-DD) and compare as strings; a post covers ``from <= date < to``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ..gazetteer import by_id
from ..yamlfile import read_yaml

ROLES = ("minister", "staatssecretaris", "minister-president")
CHAMBERS = ("Tweede Kamer", "Eerste Kamer")
GENDERS = ("f", "m")
PARTICLES = {"van", "de", "der", "den", "ten", "ter", "te", "het", "'t", "’t", "in", "op", "uit", "aan", "la", "le",
             "du", "da", "von", "zu", "del", "della", "di", "dos", "das", "el", "d'", "vande", "vanden"}

# Spellings of party names in texts -> the party id used here (organisations.yaml ids). GroenLinks-PvdA stands for
# both parties it joined.
PARTY_NAMES = {
    "vvd": "VVD", "pvda": "PvdA", "partij van de arbeid": "PvdA", "cda": "CDA", "d66": "D66", "sp": "SP",
    "pvv": "PVV", "partij voor de vrijheid": "PVV", "sgp": "SGP", "christenunie": "ChristenUnie",
    "cu": "ChristenUnie", "groenlinks": "GroenLinks", "gl": "GroenLinks", "pvdd": "PvdD",
    "partij voor de dieren": "PvdD", "denk": "DENK", "fvd": "FvD", "forum voor democratie": "FvD", "ja21": "JA21",
    "bbb": "BBB", "boerburgerbeweging": "BBB", "nsc": "NSC", "nieuw sociaal contract": "NSC", "volt": "Volt",
    "50plus": "50PLUS", "lpf": "LPF", "gl-pvda": "GroenLinks-PvdA", "groenlinks-pvda": "GroenLinks-PvdA",
    "bij1": "BIJ1", "bvnl": "BVNL",
}


def party_id(written: str) -> str:
    """The party a written name stands for ('Partij van de Arbeid' -> PvdA), or the name as written."""
    return PARTY_NAMES.get(" ".join(written.split()).casefold(), written.strip())


def same_party(a: str, b: str) -> bool:
    """Whether two party names can be the same party (GroenLinks-PvdA agrees with GroenLinks and with PvdA)."""
    a, b = party_id(a), party_id(b)
    if a == b:
        return True
    joint = {"GroenLinks-PvdA", "GroenLinks", "PvdA"}
    return "GroenLinks-PvdA" in (a, b) and {a, b} <= joint


@lru_cache(maxsize=4096)
def surname_key(surname: str) -> str:
    """The lookup key of a surname: white space folded, case folded ('Van der  Staaij' -> 'van der staaij')."""
    return " ".join(surname.split()).casefold()


@lru_cache(maxsize=4096)
def bare_key(surname: str) -> str:
    """The surname key without its leading particle words ('Van Middelkoop' -> 'middelkoop')."""
    words = surname_key(surname).split()
    while len(words) > 1 and words[0] in PARTICLES:
        words = words[1:]
    return " ".join(words)


def has_particle(surname: str) -> bool:
    return bare_key(surname) != surname_key(surname)


@dataclass(frozen=True, slots=True)
class Post:
    role: str                   # minister, staatssecretaris, minister-president
    ministry: str               # as the post was named then (a ministries.yaml id)
    department: str             # the department that name belongs to (departments[].id)
    start: str                  # ISO date, first day in office
    end: str | None             # ISO date, first day out of office (None: in office)
    acting: bool = False
    portfolio: str = ""
    note: str = ""

    def covers(self, date: str) -> bool:
        return self.start <= date and (self.end is None or date < self.end)

    def overlaps(self, lo: str, hi: str | None) -> bool:
        """Whether the post was held on some day of [lo, hi) (hi None: open)."""
        return (hi is None or self.start < hi) and (self.end is None or lo < self.end)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"role": self.role, "ministry": self.ministry, "from": self.start, "to": self.end}
        if self.acting:
            out["acting"] = True
        if self.portfolio:
            out["portfolio"] = self.portfolio
        return out


@dataclass(frozen=True, slots=True)
class Seat:
    chamber: str                # Tweede Kamer, Eerste Kamer
    party: str
    start: int                  # year
    end: int                    # year (inclusive)

    def covers(self, date: str) -> bool:
        return self.start <= int(date[:4]) <= self.end

    def as_json(self) -> dict[str, Any]:
        return {"role": "kamerlid", "chamber": self.chamber, "party": self.party, "from": str(self.start),
                "to": str(self.end)}


@dataclass(frozen=True, slots=True)
class Member:
    """A person in the gazetteer."""

    id: str
    name: str
    surname: str
    also: tuple[str, ...] = ()
    given: tuple[str, ...] = ()
    initials: str = ""
    gender: str = ""
    party: str = ""
    posts: tuple[Post, ...] = ()
    seats: tuple[Seat, ...] = ()
    example: dict[str, Any] = field(default_factory=dict)
    also_keys: frozenset[str] = frozenset()     # the ``also`` surnames, case folded

    def posts_at(self, date: str) -> list[Post]:
        return [p for p in self.posts if p.covers(date)]

    def seats_at(self, date: str) -> list[Seat]:
        return [s for s in self.seats if s.covers(date)]

    def active(self, date: str) -> bool:
        """In office or in parliament on ``date`` (seats by year)."""
        return any(p.covers(date) for p in self.posts) or any(s.covers(date) for s in self.seats)

    def parties(self, date: str | None = None) -> set[str]:
        """The parties the person belonged to (on ``date`` when a seat says so, else all known)."""
        if date:
            at = {s.party for s in self.seats_at(date)}
            if at:
                return at
        return {p for p in (self.party, *(s.party for s in self.seats)) if p}


@dataclass(frozen=True, slots=True)
class Candidate:
    member: Member
    bare: bool                  # found through the surname without its particle ('Middelkoop')


def _iso(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value)
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"cabinet.yaml: {where}: {text!r} is not an ISO date") from None


class Cabinet:
    def __init__(self, data: dict[str, Any]):
        ministries = by_id("ministries")
        self.departments: dict[str, str] = {}             # ministry name -> department id
        self.department_names: dict[str, list[tuple[str, str | None, str | None]]] = {}
        for dep in data.get("departments") or []:
            names = []
            for n in dep["names"]:
                if n["name"] not in ministries:
                    raise ValueError(f"cabinet.yaml: department {dep['id']}: {n['name']!r} is not in ministries.yaml")
                names.append((n["name"], _iso(n.get("from"), dep["id"]), _iso(n.get("to"), dep["id"])))
                self.departments.setdefault(n["name"], dep["id"])
            self.department_names[dep["id"]] = names
        self.examples = {d["id"]: d.get("example") or {} for d in data.get("departments") or []}
        self.members: dict[str, Member] = {}
        self.by_key: dict[str, list[Candidate]] = {}
        for entry in data.get("persons") or []:
            member = self._member(entry, ministries)
            if member.id in self.members:
                raise ValueError(f"cabinet.yaml: duplicate person id {member.id!r}")
            self.members[member.id] = member
            keys = {surname_key(s) for s in (member.surname, *member.also)}
            for k in keys:
                self.by_key.setdefault(k, []).append(Candidate(member, False))
            for k in {bare_key(s) for s in (member.surname, *member.also)} - keys:
                self.by_key.setdefault(k, []).append(Candidate(member, True))
        # The posts of each department and role, for ``holders``.
        self.posts: dict[tuple[str, str], list[tuple[Member, Post]]] = {}
        for member in self.members.values():
            for post in member.posts:
                self.posts.setdefault((post.department, post.role), []).append((member, post))
        # Two-word surnames without a particle (Bruins Slot, Gmelich Meijling): the name parser keeps them whole.
        self.compound_surnames = frozenset(
            tuple(surname_key(s).split()) for m in self.members.values() for s in (m.surname, *m.also)
            if len(s.split()) == 2 and not has_particle(s))

    def _member(self, e: dict[str, Any], ministries: dict[str, Any]) -> Member:
        ident = e.get("id")
        if not isinstance(ident, str) or not ident.strip() or not e.get("name") or not e.get("surname"):
            raise ValueError(f"cabinet.yaml: a person needs id, name and surname: {e!r}")
        if e.get("gender") and e["gender"] not in GENDERS:
            raise ValueError(f"cabinet.yaml: {ident}: gender must be one of {GENDERS}")
        posts = []
        for p in e.get("posts") or []:
            if p.get("role") not in ROLES:
                raise ValueError(f"cabinet.yaml: {ident}: post role must be one of {ROLES}: {p!r}")
            if p.get("ministry") not in ministries:
                raise ValueError(f"cabinet.yaml: {ident}: {p.get('ministry')!r} is not in ministries.yaml")
            start = _iso(p.get("from"), ident)
            if start is None:
                raise ValueError(f"cabinet.yaml: {ident}: a post needs 'from': {p!r}")
            end = _iso(p.get("to"), ident)
            if end is not None and end <= start:
                raise ValueError(f"cabinet.yaml: {ident}: post ends before it starts: {p!r}")
            posts.append(Post(p["role"], p["ministry"], self.departments.get(p["ministry"], p["ministry"]), start,
                              end, bool(p.get("acting")), p.get("portfolio") or "", p.get("note") or ""))
        seats = []
        for s in e.get("seats") or []:
            if s.get("chamber") not in CHAMBERS or not isinstance(s.get("from"), int) or \
                    not isinstance(s.get("to"), int) or s["to"] < s["from"]:
                raise ValueError(f"cabinet.yaml: {ident}: a seat needs chamber, from and to (years): {s!r}")
            seats.append(Seat(s["chamber"], party_id(s.get("party") or e.get("party") or ""), s["from"], s["to"]))
        also = tuple(e.get("also") or ())
        return Member(ident, e["name"], e["surname"], also, tuple(e.get("given") or ()),
                      e.get("initials") or "", e.get("gender") or "", party_id(e.get("party") or ""),
                      tuple(sorted(posts, key=lambda p: p.start)), tuple(seats), e.get("example") or {},
                      frozenset(a.casefold() for a in also))

    def candidates(self, surname: str) -> list[Candidate]:
        """The persons a written surname can stand for. A surname written without a particle also finds those whose
        surname has one (``bare``); one written with a particle finds only surnames with that particle."""
        found = self.by_key.get(surname_key(surname), [])
        if found and has_particle(surname):
            return [c for c in found if not c.bare]
        return found

    def department(self, ministry: str) -> str:
        return self.departments.get(ministry, ministry)

    def holders(self, ministry: str, role: str, date: str | None = None,
                window: tuple[str, str | None] | None = None) -> list[tuple[Member, Post]]:
        """Who held the post ``role`` of ``ministry``'s department on ``date`` (or on some day of ``window``), acting
        holders included. A minister with a portfolio of his own (the minister voor Rechtsbescherming at Justitie
        en Veiligheid) does not hold the department's post 'minister van ...'."""
        return [(m, p) for m, p in self.posts.get((self.department(ministry), role), ())
                if not (role == "minister" and p.portfolio)
                and (p.covers(date) if date else window is not None and p.overlaps(*window))]

    def name_on(self, department: str, date: str) -> str | None:
        """The department's name on ``date``."""
        for name, start, end in self.department_names.get(department, []):
            if (start is None or start <= date) and (end is None or date < end):
                return name
        return None


@lru_cache(maxsize=1)
def cabinet() -> Cabinet:
    raw = files("missiongraph").joinpath("data/cabinet.yaml").read_text(encoding="utf-8")
    data = read_yaml(raw) or {}
    if not isinstance(data, dict):
        raise ValueError("cabinet.yaml: expected 'departments' and 'persons'")
    return Cabinet(data)
