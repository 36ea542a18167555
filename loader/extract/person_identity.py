"""Person identity: which person each person mention stands for, and the posts that person held that day.

The person rule (``persons``) finds names with what the text says about them: initials, given names, title,
'de heer'/'mevrouw', party, post and ministry, role (minister, staatssecretaris, kamerlid, ambassador, commander,
official, foreign politician, expert). ``resolve_persons`` runs after the rules, over the whole document, and
decides who each name is:

1. **Candidates** from the cabinet gazetteer (``cabinet.yaml``): the persons with that surname (an ``also`` name
   counts; a surname written without its particle, 'Middelkoop', finds Van Middelkoop, noted as such). Foreign
   politicians are never matched against it (their surname may be Dutch-looking: 'De Crem').
2. **Contradictions rule a candidate out**: initials or a given name the person cannot have, 'mevrouw' for a man,
   another party, a post in a department the person never held, 'minister' for someone who never was one.
3. **Support ranks the rest**: strong (initials or given name agree, the party agrees, the post stated is the
   one held on the document's date, a signature under a post held that day), medium (the post was held at another
   time, a seat in parliament that year), weak (in office or parliament that year) and none (the surname only).
   The best-supported candidate wins when it is the only one at its rank; officers, diplomats, officials and
   experts are matched only on strong support (a general named Kamp is not the minister).
4. **The document decides the rest**: a name without evidence of its own ('De heer Van Dijk:') takes the person
   the same document resolved with evidence ('De heer Van Dijk (SP)'), unless the document resolved two persons of
   that surname (two Van Dijks in one debate): then it stays **unresolved**, with its candidates listed.
5. **Unnamed posts** ('De Minister van Defensie,' without a name, 'BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN
   EN VAN DEFENSIE') resolve to whoever held the post on the document's date, through the department's names
   over time. Without a date, the named signatories' posts give a window of days (their common time in office)
   that stands in for it.

Names not in the gazetteer keep an identity from the text: 'Kees Matthijssen' (given name), 'T.J.E. van Toor'
(initials), 'Günal-Gezer (PvdA)' (party). A bare surname with nothing else stays an unresolved mention of this
document (key ``surname#``; the graph adds the document id), never merged across documents on the surname.

Each person mention gets: ``value`` = the person's key (gazetteer id, text key or ``surname#``) and attrs
``person`` (the same key), ``full`` (the name as fully as known), ``surname``, ``resolved`` (gazetteer, text,
unresolved), ``evidence`` (what the identity rests on), ``weak`` (it rests on the surname alone), ``posts`` (posts
and seats held on the date: role, ministry or chamber, party, from, to, source), ``candidates`` (when unresolved).

Linear: per document a few dictionary lookups per mention and one pass per surname family.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter, not_
from typing import Any

from ..model import Mention
from .cabinet import Member, Post, bare_key, cabinet, has_particle, same_party
from .persons import FOREIGN, POLITICAL_ROLES

STRONG, MEDIUM, WEAK, NONE = 3, 2, 1, 0
_KIND, _START = attrgetter("kind"), attrgetter("start")
_IS_PERSON, _IS_DATE, _KEEP = "person".__eq__, "date".__eq__, not_
OFFICE_ROLES = ("minister", "staatssecretaris", "minister-president")
_INITIAL = re.compile(r"(Th|Ch|Ph|IJ|Chr|Joh|Jac|Wm|Fr|Hk|[A-Z])\.")
_EK_HEADER = re.compile(r"EERSTE KAMER DER STATEN-GENERAAL|Eerste Kamer der Staten-Generaal")
_TK_HEADER = re.compile(r"TWEEDE KAMER DER STATEN-GENERAAL|Tweede Kamer der Staten-Generaal")


@dataclass(slots=True)
class _Fit:
    """How one candidate fits one mention."""

    member: Member
    tier: int
    evidence: list[str] = field(default_factory=list)


def initials_of(written: str) -> list[str]:
    """'A.Th.B.' -> ['A', 'Th', 'B']."""
    return _INITIAL.findall(written)


def _fit(m: Mention, member: Member, bare: bool, date: str | None, window: tuple[str, str | None] | None,
         departments: dict[str, str]) -> _Fit | None:
    """The support a candidate has for a mention, or None when the text contradicts it."""
    a = m.attrs
    tier, evidence = NONE, ["surname"]
    if bare:
        evidence.append("particle dropped")
    gender = a.get("gender")
    if gender and member.gender and gender != member.gender:
        return None
    written = initials_of(a.get("initials", ""))
    given = a.get("given", "")
    known = initials_of(member.initials)
    if written and known:   # (unknown official initials say nothing: a roepnaam need not start with the first)
        # 'Sigrid A.M. Kaag': the initials after a given name are the others
        forms = [written, [given[:1].upper(), *written]] if given else [written]
        if known in forms:
            tier, evidence = STRONG, [*evidence, "initials"]
        elif all(f[0] != known[0] for f in forms):
            return None
        elif any(known[:len(f)] == f or f[:len(known)] == known for f in forms):
            tier = max(tier, MEDIUM)
            evidence.append("initials in part")
    if given:
        names = {g.casefold() for g in member.given}
        letters = {g[:1].casefold() for g in member.given} | {i[:1].casefold() for i in initials_of(member.initials)}
        if given.casefold() in names or given.split()[0].casefold() in names:
            tier, evidence = STRONG, [*evidence, "given name"]
        elif names and given[:1].casefold() not in letters:
            return None
    party = a.get("party")
    if party:
        parties = member.parties(date)
        if parties and not any(same_party(party, p) for p in parties):
            return None
        if parties:
            # the party of a seat that year, or of a person whose seats are not known or on an undated text
            sure = not date or not member.seats or bool(member.seats_at(date))
            tier = max(tier, STRONG if sure else MEDIUM)
            evidence.append("party")
    role = a.get("role", "")
    ministry = a.get("ministry", "")
    if role in OFFICE_ROLES:
        held = [p for p in member.posts if p.role == role]
        if ministry:
            dep = departments.get(ministry)
            if dep is not None:             # a department the gazetteer follows: the post must be one of its
                held = [p for p in held if p.department == dep]
                if not held:
                    return None
            else:
                held = []
        elif not held:
            return None
        if held:
            on = [p for p in held if _in_time(p, date, window)]
            if on and (date or window):
                tier, evidence = STRONG, [*evidence, "post on date" if date else "post in the letter's time"]
            else:
                tier = max(tier, MEDIUM)
                evidence.append("post held")
    elif role == "kamerlid" and member.seats:
        if date and member.seats_at(date):
            tier = max(tier, MEDIUM)
            evidence.append("seat that year")
        else:           # an undated text, or a seat in another year (a motion of years ago; seats are approximate)
            tier = max(tier, WEAK)
            evidence.append("member of parliament" if not date else "seat in another year")
    if tier == NONE and date and member.active(date):
        tier = WEAK
        evidence.append("in office or parliament that year")
    return _Fit(member, tier, [e for e in evidence if e != "surname"] or evidence)


def _in_time(post: Post, date: str | None, window: tuple[str, str | None] | None) -> bool:
    if date:
        return post.covers(date)
    if window:
        return post.overlaps(*window)
    return False


def _chamber(text: str) -> str:
    """The chamber of a document's members: the Eerste Kamer when its header says so, else the Tweede Kamer."""
    head = text[:3000]
    return "Eerste Kamer" if _EK_HEADER.search(head) and not _TK_HEADER.search(head) else "Tweede Kamer"


def _key(*parts: str) -> str:
    return " ".join(" ".join(parts).split()).casefold()


def _after_first(surname: str) -> str:
    """A surname as it is written after a given name or initials: 'Van Dijk' -> 'van Dijk'."""
    if not has_particle(surname):
        return surname
    words = surname.split()
    n = len(words) - len(bare_key(surname).split())
    return " ".join([*(w.lower() for w in words[:n]), *words[n:]])


def _full(given: str, surname: str) -> str:
    """'Jasper' + 'Van Dijk' -> 'Jasper van Dijk'."""
    return f"{given} {_after_first(surname)}" if given else surname


def _member_name(member: Member, written: str) -> str:
    """The person's name as fully as known: the gazetteer's, or the given name with the surname as the text writes
    it when that is one of the person's other surnames ('Ank Bijleveld-Schouten')."""
    if member.also_keys and member.given and written.casefold() in member.also_keys:
        return _full(member.given[0], written)
    return member.name


def _posts(member: Member, m: Mention, date: str | None, window: tuple[str, str | None] | None,
           departments: dict[str, str]) -> list[dict[str, Any]]:
    """The gazetteer posts (and seats) the mention refers to: the post the text states, held that day (or in the
    letter's time, or the only one of its kind); without a stated post, every post and seat held that day."""
    a = m.attrs
    role, ministry = a.get("role", ""), a.get("ministry", "")
    out: list[dict[str, Any]] = []
    if role in OFFICE_ROLES:
        held = [p for p in member.posts if p.role == role and
                (not ministry or p.department == departments.get(ministry, ministry))]
        on = [p for p in held if _in_time(p, date, window)]
        chosen = on or (held if len(held) == 1 else [])     # held that day, else the one post of its kind
        out = [{**p.as_json(), "source": "gazetteer"} for p in chosen]
        if not out and ministry:
            out = [{"role": role, "ministry": ministry, "source": "text"}]
        return out
    if date:
        out = [{**p.as_json(), "source": "gazetteer"} for p in member.posts_at(date)]
        out += [{**s.as_json(), "source": "gazetteer"} for s in member.seats_at(date)]
    if role == "kamerlid" and not any(p["role"] == "kamerlid" for p in out):
        seats = [s for s in member.seats if not a.get("party") or same_party(a["party"], s.party)]
        if date and seats:      # a member of parliament in another year (a motion of years ago): the nearest seat
            year = int(date[:4])
            seats = [min(seats, key=lambda s: min(abs(year - s.start), abs(year - s.end)))]
        if len(seats) == 1:
            out.append({**seats[0].as_json(), "source": "gazetteer"})
    return out


def _text_posts(m: Mention, chamber: str) -> list[dict[str, Any]]:
    a = m.attrs
    role = a.get("role", "")
    if role in OFFICE_ROLES and a.get("ministry"):
        return [{"role": role, "ministry": a["ministry"], "source": "text"}]
    if role == "kamerlid" and (a.get("party") or a.get("chamber")):
        post = {"role": "kamerlid", "chamber": a.get("chamber") or chamber, "source": "text"}
        if a.get("party"):
            post["party"] = a["party"]
        return [post]
    return []


def _written(m: Mention) -> str:
    """The name as the text writes it, without titles ('Pieter De Crem', 'T.J.E. van Toor'); names in capitals
    (motion headers) and broken over lines are rebuilt from their parts."""
    a = m.attrs
    text = " ".join(m.text.split())
    title = a.get("title", "")
    if title and text.startswith(title):
        text = text[len(title):].strip()
    if text.isupper() or "\n" in m.text or not text.endswith(a["name"].split()[-1]):
        if a.get("given"):
            return _full(a["given"], a["name"])
        return f"{a['initials']} {_after_first(a['name'])}" if a.get("initials") else a["name"]
    return text


def _text_key(m: Mention) -> tuple[str, str]:
    """(key, full name) of a person the gazetteer does not know, from what the text gives: given name, initials,
    party; ('', name) when only the surname is written."""
    a = m.attrs
    surname = a["name"]
    if a.get("given") or a.get("initials"):
        full = _written(m)
        return _key(full), full
    if a.get("party"):
        return _key(surname, f"({a['party']})"), surname
    return "", surname


def _assign(m: Mention, key: str, full: str, surname: str, resolved: str, evidence: list[str], weak: bool,
            posts: list[dict[str, Any]], member: Member | None = None, candidates: list[str] | None = None) -> None:
    a = m.attrs
    m.value = key
    a.update(person=key, full=full, surname=surname, resolved=resolved, evidence=evidence, weak=weak, posts=posts)
    if member is not None and member.party and not a.get("party"):
        a["party"] = member.party
    if candidates:
        a["candidates"] = candidates


def resolve_persons(text: str, found: list[Mention]) -> list[Mention]:
    """Resolve every person mention in ``found`` (see the module docstring); unnamed posts that no one held (or
    that the document's date does not decide) are dropped. Returns the new list of mentions."""
    # (the mentions of a kind, picked out by C code: a Python loop over a document's hundred mentions would cost
    # more than resolving its persons)
    kinds = list(map(_KIND, found))
    persons = list(compress(found, map(_IS_PERSON, kinds)))
    if not persons:
        return found
    named = [m for m in persons if not m.attrs.get("unnamed")]
    unnamed = [m for m in persons if m.attrs.get("unnamed")]
    dates = list(compress(found, map(_IS_DATE, kinds)))
    date = min(dates, key=_START).value if dates else None
    cab = cabinet()
    departments = cab.departments
    chamber = _Lazy(lambda: _chamber(text))
    family = {id(m): bare_key(m.attrs["name"]) for m in named}

    # the letter's time when it has no date: the days all its named signatories held the posts they sign under
    window: tuple[str, str | None] | None = None
    fits = _all_candidates(named, date, None, departments)
    if not date:
        window = _signatory_window(named, fits, departments)
        if window:
            fits = _all_candidates(named, None, window, departments)

    # pass 1: names whose own evidence decides
    chosen: dict[int, _Fit] = {}
    for m in named:
        best = _best(fits[id(m)], date, strong_only=m.attrs.get("role") not in POLITICAL_ROLES)
        if best is not None and best.tier >= MEDIUM:
            chosen[id(m)] = best
    by_family: dict[str, set[str]] = {}
    for m in named:
        if id(m) in chosen:
            by_family.setdefault(family[id(m)], set()).add(chosen[id(m)].member.id)
    # pass 2: the rest, with the document's help
    for m in named:
        if id(m) in chosen or m.attrs.get("role") == FOREIGN:
            continue
        options = fits[id(m)]
        if m.attrs.get("role") not in POLITICAL_ROLES:
            options = []                                    # an officer or official: only strong support counts
        in_family = by_family.get(family[id(m)], set())
        in_doc = [f for f in options if f.member.id in in_family]
        if len(in_doc) == 1:
            chosen[id(m)] = _Fit(in_doc[0].member, STRONG, [*in_doc[0].evidence, "same document"])
        elif not in_family:
            best = _best(options, date)
            if best is not None and (best.tier >= WEAK or not date):
                chosen[id(m)] = best

    # text identities of names the gazetteer does not decide
    text_keys = {id(m): _text_key(m) for m in named if id(m) not in chosen}
    text_ids: dict[str, set[tuple[str, str]]] = {}          # family -> {(key, full)}
    for m in named:
        if id(m) in text_keys and text_keys[id(m)][0]:
            text_ids.setdefault(family[id(m)], set()).add(text_keys[id(m)])

    done: dict[tuple, tuple] = {}       # mentions that say the same about a name, resolved alike: the same result
    for m in named:
        a = m.attrs
        fit = chosen.get(id(m))
        sig = (_signature(m), id(fit) if fit else None)
        result = done.get(sig)
        if result is None:
            result = done[sig] = _identity(m, fit, text_keys.get(id(m)), text_ids.get(family[id(m)], set()),
                                           bool(by_family.get(family[id(m)])), fits[id(m)], date, window,
                                           departments, chamber)
        _assign(m, *result)

    drop: set[int] = set()
    holders: dict[tuple[str, str], tuple] = {}
    for m in unnamed:
        post_key = (m.attrs["ministry"], m.attrs["role"])
        if post_key not in holders:
            holders[post_key] = _holder(cab, m, date, window)
        member, post = holders[post_key]
        if member is None:
            drop.add(id(m))
            continue
        _assign(m, member.id, member.name, member.surname, "gazetteer",
                ["post on date" if date else "post in the letter's time",
                 "letter header" if m.attrs["context"] == "header" else "signature"], False,
                [{**post.as_json(), "source": "gazetteer"}], member)
    if not drop:
        return found
    return list(compress(found, map(_KEEP, map(drop.__contains__, map(id, found)))))


class _Lazy:
    """A value computed when first asked for."""

    def __init__(self, make):
        self.make, self.value, self.made = make, None, False

    def __call__(self):
        if not self.made:
            self.value, self.made = self.make(), True
        return self.value


def _identity(m: Mention, fit: _Fit | None, text_key: tuple[str, str] | None, family_ids: set[tuple[str, str]],
              family_resolved: bool, fits: list[_Fit], date: str | None, window: tuple[str, str | None] | None,
              departments: dict[str, str], chamber: _Lazy) -> tuple:
    """The ``_assign`` arguments of one named mention: its key, name, surname, how resolved, evidence, weak, posts,
    member, candidates."""
    a = m.attrs
    if fit is not None:
        member = fit.member
        weak = fit.tier <= WEAK and "same document" not in fit.evidence
        posts = _posts(member, m, date, window, departments) or _text_posts(m, chamber())
        return member.id, _member_name(member, a["name"]), member.surname, "gazetteer", fit.evidence, weak, posts, \
            member, None
    key, full = text_key or ("", a["name"])
    candidates = [f.member.name for f in fits] if a.get("role") in POLITICAL_ROLES else []
    if key:
        evidence = [label for label, attr in (("given name", "given"), ("initials", "initials"), ("party", "party"))
                    if a.get(attr)]
        return key, full, a["name"], "text", evidence, False, _text_posts(m, chamber()), None, candidates
    if len(family_ids) == 1 and not family_resolved:
        key, full = next(iter(family_ids))
        return key, full, a["name"], "text", ["same document"], False, _text_posts(m, chamber()), None, None
    return _key(a["name"]) + "#", a["name"], a["name"], "unresolved", ["surname"], True, \
        _text_posts(m, chamber()), None, candidates


_EVIDENCE_ATTRS = ("name", "role", "ministry", "party", "given", "initials", "gender")


def _signature(m: Mention) -> tuple:
    """What a mention says about a name (``_EVIDENCE_ATTRS``): mentions that say the same are resolved alike."""
    a = m.attrs.get
    return a("name"), a("role"), a("ministry"), a("party"), a("given"), a("initials"), a("gender")


def _all_candidates(named: list[Mention], date: str | None, window: tuple[str, str | None] | None,
                    departments: dict[str, str]) -> dict[int, list[_Fit]]:
    """The fitting candidates of every named mention; mentions that say the same about a name (a speaker line
    repeated through a debate) share one computation."""
    seen: dict[tuple, list[_Fit]] = {}
    out = {}
    for m in named:
        sig = _signature(m)
        fits = seen.get(sig)
        if fits is None:
            fits = seen[sig] = _candidates(m, date, window, departments)
        out[id(m)] = fits
    return out


def _candidates(m: Mention, date: str | None, window: tuple[str, str | None] | None,
                departments: dict[str, str]) -> list[_Fit]:
    if m.attrs.get("role") == FOREIGN:
        return []
    out = []
    for c in cabinet().candidates(m.attrs["name"]):
        fit = _fit(m, c.member, c.bare, date, window, departments)
        if fit is not None:
            out.append(fit)
    return out


def _best(options: list[_Fit], date: str | None, strong_only: bool = False) -> _Fit | None:
    """The candidate with the most support, when it is the only one with that much (of those with that much, the
    only one in office or parliament on the date), and strong if asked."""
    if not options:
        return None
    top = max(f.tier for f in options)
    best = [f for f in options if f.tier == top]
    if len(best) > 1 and date:
        best = [f for f in best if f.member.active(date)]
    if len(best) != 1 or (strong_only and top < STRONG):
        return None
    return best[0]


def _signatory_window(named: list[Mention], fits: dict[int, list[_Fit]],
                      departments: dict[str, str]) -> tuple[str, str | None] | None:
    """The days all named signatories held the post they sign under (their unique fitting candidate's posts of
    that department and role), or None."""
    lo, hi = "", None
    for m in named:
        a = m.attrs
        if m.role != "signatory" or a.get("role") not in OFFICE_ROLES or not a.get("ministry"):
            continue
        options = fits[id(m)]
        if len(options) != 1:
            continue
        dep = departments.get(a["ministry"], a["ministry"])
        posts = [p for p in options[0].member.posts if p.role == a["role"] and p.department == dep]
        if len(posts) != 1:
            continue
        p = posts[0]
        lo = max(lo, p.start)
        hi = p.end if hi is None else (min(hi, p.end) if p.end else hi)
    if not lo or (hi is not None and hi <= lo):
        return None
    return lo, hi


def _holder(cab, m: Mention, date: str | None, window: tuple[str, str | None] | None):
    """The one person who held the mention's post on the date (or in the letter's time), with the post."""
    found = cab.holders(m.attrs["ministry"], m.attrs["role"], date, window) if date or window else []
    if len({mem.id for mem, _ in found}) != 1:
        return None, None
    return found[0]


def is_named_politician(m: Mention) -> bool:
    """A Dutch minister, state secretary or member of parliament (or a person without a stated role) whom the text
    names: what the gold's ``persons`` counts."""
    return not m.attrs.get("unnamed") and m.attrs.get("role", "") in POLITICAL_ROLES


_STRENGTH = {"initials": 3, "given name": 3, "party": 3, "post on date": 3, "post in the letter's time": 3,
             "same document": 2, "post held": 2, "initials in part": 2, "seat that year": 2}


def strength(m: Mention) -> int:
    """How strongly a resolved mention's identity is supported (for choosing the mention that stands for a person
    in a document: the graph keeps its provenance)."""
    return max((_STRENGTH.get(e, 0) for e in m.attrs.get("evidence", ())), default=0)


def person_details(mentions: Iterable[Mention]) -> list[dict[str, Any]]:
    """One record per person in a document (first occurrence order): the name as fully as known, the key, how it
    was resolved and on what evidence, the roles, party and posts the document gives, the surnames as written."""
    out: dict[str, dict[str, Any]] = {}
    for m in mentions:
        if m.kind != "person":
            continue
        a = m.attrs
        key = a.get("person") or m.value
        d = out.get(key)
        if d is None:
            d = out[key] = {"name": a.get("full") or a.get("name") or key, "key": key,
                            "surname": a.get("surname") or a.get("name", ""), "resolved": a.get("resolved", ""),
                            "roles": [], "party": "", "posts": [], "evidence": [], "weak": True, "named": False,
                            "signatory": False, "sender": False, "written": [], "mentions": 0}
        d["mentions"] += 1
        role = a.get("role", "")
        if role and role not in d["roles"]:
            d["roles"].append(role)
        if a.get("party") and not d["party"]:
            d["party"] = a["party"]
        for post in a.get("posts", ()):
            if post not in d["posts"]:
                d["posts"].append(post)
        for e in a.get("evidence", ()):
            if e not in d["evidence"]:
                d["evidence"].append(e)
        d["weak"] = d["weak"] and bool(a.get("weak", True))
        if a.get("unnamed"):
            d["sender" if a.get("context") == "header" else "signatory"] = True
        else:
            d["named"] = True
            d["signatory"] = d["signatory"] or m.role == "signatory"
            if a.get("name") and a["name"] not in d["written"]:
                d["written"].append(a["name"])
        if a.get("candidates") and "candidates" not in d:
            d["candidates"] = a["candidates"]
    return list(out.values())
