"""``missiongraph people``: the persons in the graph with their roles, posts and documents, and the identities to
check, the same on both stores (missiongraph.outputs.people)."""

from __future__ import annotations

import json

import pytest

from missiongraph.outputs.people import review, weak_link


def flags_of(people) -> dict[str, list[str]]:
    return {p.key: p.flags for p in people}


def test_review_of_the_sample(loaded_store):
    people = review(loaded_store, limit=500)
    by_key = {p.key: p for p in people}
    flags = flags_of(people)
    koenders = by_key["bert koenders"]
    assert (koenders.person, koenders.role, koenders.party, koenders.documents) == ("Bert Koenders", "minister", "PvdA", 4)
    assert koenders.posts == ["minister Buitenlandse Zaken 2014-10-17..2017-10-26"] and koenders.flags == []
    # the memo of 2022 names three former members by their surname alone: resolved, flagged weak
    for key in ("john kerstens", "andre bosman"):
        assert flags[key] == ["weak: the surname alone in 1 document (003_cf3b274d7ecd5e93)"]
    # a surname the gazetteer does not know, with nothing else: unresolved, one per document
    assert flags["vuijk#007"] == ["unresolved: a surname alone, in one document"]
    # a griffier named with initials in one document and by the surname in three others: a split to check
    assert flags["t.j.e. van toor"] == ["split?: the same surname as 3 unresolved 'Van Toor'"]
    assert flags["van toor#017"][1] == "split?: the same surname as T.J.E. van Toor; 2 unresolved 'Van Toor'"
    # two known people with one surname are no split
    assert all(not f.startswith("split?") for f in by_key["jasper van dijk"].flags)
    assert [p.key for p in review(loaded_store, limit=500, flagged_only=True)] == [p.key for p in people if p.flags]
    assert [p.person for p in review(loaded_store, name="Middelkoop")] == ["Eimert van Middelkoop"]


@pytest.mark.parametrize("surname, written, evidence, weak", [
    ("Van Ojik", "Van Ojik", [], True),
    ("Van Ojik", "Van Ojik", ["seat in another year"], True),
    ("Van Ojik", "Van Ojik", ["party, seat that year"], False),
    ("Van Ojik", "Bram van Ojik", [], False),
    ("Ollongren", "drs. K.H. Ollongren", [], False),
    ("Van Middelkoop", "Middelkoop", ["particle dropped, post held"], False),
    ("Voordewind", "Voordewind", ["in office or parliament that year", None], True),
])
def test_weak_link(surname, written, evidence, weak):
    assert weak_link(surname, written, evidence) is weak


@pytest.mark.neo4j
def test_same_review_on_both_stores(loaded_store, neo4j_sample_store):
    embedded = [p.as_row() for p in review(loaded_store, limit=500)]
    neo4j = [p.as_row() for p in review(neo4j_sample_store, limit=500)]
    assert json.dumps(neo4j, ensure_ascii=False) == json.dumps(embedded, ensure_ascii=False)


def test_cli_people(run):
    assert run("load", "--sample", "-q").exit_code == 0
    result = run("people", "--flagged", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert rows and all(r["flags"] for r in rows)
    assert {"person", "key", "resolved", "role", "party", "posts", "documents", "first", "last", "flags"} == set(rows[0])
    table = run("people", "--name", "van dijk")
    assert "Jasper van Dijk" in table.output and "(1 row)" in table.output
