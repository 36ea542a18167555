"""The cabinet gazetteer (loader/data/cabinet.yaml): every entry's example resolves to it, the departments' names
over time, one holder per post on any day, and bad entries refused with a clear message."""

from __future__ import annotations

import datetime as dt

import pytest

from missiongraph.extract.cabinet import Cabinet, bare_key, cabinet, has_particle, party_id, same_party
from missiongraph.extract.person_identity import person_details, resolve_persons
from missiongraph.extract.persons import find_persons
from missiongraph.extract.text import normalise
from missiongraph.model import Mention

CABINET = cabinet()
MEMBERS = list(CABINET.members.values())
TRACKED = ("Algemene Zaken", "Buitenlandse Zaken", "Ontwikkelingssamenwerking", "Defensie", "Justitie en Veiligheid",
           "Binnenlandse Zaken en Koninkrijksrelaties", "Financiën")


def _iso(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: m.id)
def test_example_resolves_to_the_entry(member):
    text = normalise(member.example["text"])
    found = [*find_persons(text), Mention("date", _iso(member.example["date"]), 0, 0, "")]
    keys = [d["key"] for d in person_details(resolve_persons(text, found))]
    assert member.id in keys, keys


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: m.id)
def test_entry_is_consistent(member):
    assert member.id == member.id.lower() and member.name and member.surname
    assert member.name.endswith(member.surname) or member.name.lower().endswith(member.surname.lower())
    assert member.gender in ("f", "m")
    for post in member.posts:
        if post.department in TRACKED and not post.acting:
            # the post as it was named: the department's name on its first day
            assert CABINET.name_on(post.department, post.start) == post.ministry, (post.ministry, post.start)
    assert member.posts or member.seats, "a person holds a post or a seat"


def test_since_kok_i():
    """Every post of the tracked departments has a holder on every day since 22 August 1994 (but the minister for
    Development Cooperation in Balkenende I, Rutte I and Schoof after NSC left, when a state secretary held the
    portfolio), and never two
    at once."""
    gaps = {("Ontwikkelingssamenwerking", "minister"): [("2002-07-22", "2003-05-27"), ("2010-10-14", "2012-11-05"),
                                                       ("2025-08-22", "2026-02-23")]}
    roles = {dep: "minister-president" if dep == "Algemene Zaken" else "minister" for dep in TRACKED}
    bounds = sorted({p.start for m in MEMBERS for p in m.posts} | {p.end for m in MEMBERS for p in m.posts if p.end})
    for day in [d for d in bounds if d >= "1994-08-22"]:
        for dep, role in roles.items():
            holders = {m.id for m, _ in CABINET.holders(dep, role, day)}
            if any(lo <= day < hi for lo, hi in gaps.get((dep, role), [])):
                assert not holders, (dep, day, holders)
            else:
                assert len(holders) == 1, (dep, day, holders)


@pytest.mark.parametrize("department, date, name", [
    (dep, _iso(example["date"]), example["name"]) for dep, example in CABINET.examples.items()])
def test_department_names_over_time(department, date, name):
    assert CABINET.name_on(department, date) == name
    assert CABINET.department(name) == department


@pytest.mark.parametrize("ministry, department", [
    ("Justitie", "Justitie en Veiligheid"), ("Veiligheid en Justitie", "Justitie en Veiligheid"),
    ("Ontwikkelingssamenwerking", "Ontwikkelingssamenwerking"),
    ("Buitenlandse Handel en Ontwikkelingssamenwerking", "Ontwikkelingssamenwerking"),
    ("Buitenlandse Handel en Ontwikkelingshulp", "Ontwikkelingssamenwerking"),
    ("Binnenlandse Zaken", "Binnenlandse Zaken en Koninkrijksrelaties"),
    ("Onderwijs, Cultuur en Wetenschap", "Onderwijs, Cultuur en Wetenschap"),      # not followed: itself
])
def test_departments(ministry, department):
    assert CABINET.department(ministry) == department


@pytest.mark.parametrize("surname, expected, bare", [
    ("Van Dijk", {"jasper van dijk", "otwin van dijk", "gijs van dijk", "inge van dijk"}, False),
    ("Middelkoop", {"eimert van middelkoop"}, True),                 # written without its particle
    ("Bijleveld-Schouten", {"ank bijleveld"}, False),                # another surname of hers
    ("Yesilgöz", {"dilan yesilgoz-zegerius"}, False),
    ("Van Middelkoop", {"eimert van middelkoop"}, False),
    ("Dijk", {"jasper van dijk", "otwin van dijk", "gijs van dijk", "inge van dijk"}, True),   # as Middelkoop
    ("Van Koenders", set(), False),
])
def test_candidates(surname, expected, bare):
    found = CABINET.candidates(surname)
    assert {c.member.id for c in found} == expected
    assert all(c.bare == bare for c in found)


@pytest.mark.parametrize("written, party", [("Partij van de Arbeid", "PvdA"), ("GL", "GroenLinks"), ("cu", "ChristenUnie"),
                                            ("Groep X", "Groep X")])
def test_party_names(written, party):
    assert party_id(written) == party


def test_same_party():
    assert same_party("GroenLinks-PvdA", "PvdA") and same_party("GL", "GroenLinks") and not same_party("SP", "PvdA")


def test_particles():
    assert bare_key("Van der Staaij") == "staaij" and has_particle("De Roon") and not has_particle("Bruins Slot")


@pytest.mark.parametrize("entry, message", [
    ({"id": "x", "name": "X", "surname": "X", "posts": [{"role": "minister", "ministry": "Oorlog", "from": "2000-01-01"}]},
     "'Oorlog' is not in ministries.yaml"),
    ({"id": "x", "name": "X", "surname": "X", "posts": [{"role": "koning", "ministry": "Defensie", "from": "2000-01-01"}]},
     "post role must be one of"),
    ({"id": "x", "name": "X", "surname": "X", "posts": [{"role": "minister", "ministry": "Defensie", "from": "2000-13-01"}]},
     "'2000-13-01' is not an ISO date"),
    ({"id": "x", "name": "X", "surname": "X",
      "posts": [{"role": "minister", "ministry": "Defensie", "from": "2001-01-01", "to": "2000-01-01"}]},
     "post ends before it starts"),
    ({"id": "x", "name": "X", "surname": "X", "seats": [{"chamber": "Senaat", "from": 2000, "to": 2001}]},
     "a seat needs chamber"),
    ({"id": "x", "name": "X"}, "a person needs id, name and surname"),
    ({"id": "x", "name": "X", "surname": "X", "gender": "v"}, "gender must be one of"),
])
def test_bad_entries_are_refused(entry, message):
    with pytest.raises(ValueError, match=message):
        Cabinet({"departments": [], "persons": [entry]})


def test_duplicate_ids_are_refused():
    entry = {"id": "x", "name": "X", "surname": "X", "seats": [{"chamber": "Tweede Kamer", "from": 2000, "to": 2001}]}
    with pytest.raises(ValueError, match="duplicate person id 'x'"):
        Cabinet({"departments": [], "persons": [entry, entry]})
