"""The founding documents, end to end: what issue #2 promises about them, checked on the loaded graph."""

from __future__ import annotations

import random

import pytest

from missiongraph.extract import extract, summarise
from missiongraph.extract.text import fold

from .conftest import SEED_BRIEF, SEED_NOTA, gold

BRIEF = "000_9490c8c295b3259a"
NOTA = "003_cf3b274d7ecd5e93"


@pytest.fixture(scope="module")
def brief():
    return summarise(extract(SEED_BRIEF.read_text("utf-8")))


@pytest.fixture(scope="module")
def nota():
    return summarise(extract(SEED_NOTA.read_text("utf-8")))


def test_brief_kamerstukken_are_exactly_the_gold(brief):
    assert sorted(brief["kamerstukken"]) == sorted(gold(SEED_BRIEF)["kamerstukken"])
    for tricky in ("27925-AB", "29521-D", "35570-V-9", "27925-941"):
        assert tricky in brief["kamerstukken"]


def test_brief_kind_and_resolution(brief):
    assert brief["kind"] == "beleidsreactie"
    assert brief["resolutions"] == ["2690"]


STANCES_BRIEF = {"2.1": "partial", "2.2": "full", "2.3": "partial", "3.1": "full", "3.2": "full",
                 "4.1": "partial", "4.2": "full", "5.1": "full", "5.2": "full"}


def test_brief_recommendations_with_stances(brief):
    assert {r["number"]: r["stance"] for r in brief["recommendations"]} == STANCES_BRIEF
    by_number = {r["number"]: r for r in brief["recommendations"]}
    assert by_number["2.1"]["text"].startswith("Pas het format van het toetsingskader aan")
    assert by_number["2.1"]["finding"] == "2"
    assert by_number["5.2"]["text"].endswith("(bijv. door verhoging van de uitzendtermijn).")


def test_brief_conclusions_1_to_5(brief):
    conclusions = [f for f in brief["findings"] if f["kind"] == "conclusie"]
    assert [f["number"] for f in conclusions] == ["1", "2", "3", "4", "5"]
    assert conclusions[0]["text"].startswith("De missie sloot aan bij het bredere Sahel-beleid")


# The founding letter is undated; its three signatories' posts give its time: the days all three held the post
# they sign under (Van Leeuwen stood in for Schreinemacher from 4 December 2023 to 15 April 2024).
SIGNATORIES_BRIEF = {
    "Hanke Bruins Slot": ("Buitenlandse Zaken", "2023-09-05", "2024-07-02", ["given name", "post in the letter's time"]),
    "Kajsa Ollongren": ("Defensie", "2022-01-10", "2024-07-02", ["initials", "post in the letter's time"]),
    "Geoffrey van Leeuwen": ("Buitenlandse Handel en Ontwikkelingssamenwerking", "2023-12-04", "2024-04-15",
                             ["given name", "post in the letter's time"]),
}


def test_brief_signatories(brief):
    assert brief["persons"] == list(SIGNATORIES_BRIEF)
    signed = {d["name"]: d for d in brief["person_details"] if d["signatory"]}
    assert set(signed) == set(SIGNATORIES_BRIEF)
    for name, (ministry, start, end, evidence) in SIGNATORIES_BRIEF.items():
        d = signed[name]
        assert d["resolved"] == "gazetteer" and d["roles"] == ["minister"] and not d["weak"], name
        assert d["evidence"] == evidence, name
        assert [(p["ministry"], p["from"], p["to"]) for p in d["posts"]] == [(ministry, start, end)], name
    # the posts overlap: there were days on which all three signed as what they sign as
    assert max(v[1] for v in SIGNATORIES_BRIEF.values()) < min(v[2] for v in SIGNATORIES_BRIEF.values())


def test_nota_persons_are_members_of_parliament(nota):
    """The memo (2022) cites motions of members who had left the Kamer by then: resolved, with their seat, flagged
    weak (the surname alone, in another year)."""
    details = {d["name"]: d for d in nota["person_details"]}
    for name, party in (("John Kerstens", "PvdA"), ("André Bosman", "VVD"), ("Bram van Ojik", "GroenLinks")):
        d = details[name]
        assert d["roles"] == ["kamerlid"] and d["party"] == party and d["weak"], name
        assert d["posts"][0]["chamber"] == "Tweede Kamer" and d["evidence"] == ["seat in another year"], name
    assert details["Kees Matthijssen"]["roles"] == ["commander"]
    assert "Kees Matthijssen" not in nota["persons"]


def test_nota_metadata(nota):
    assert nota["kind"] == "nota"
    assert nota["reference"] == "Min-BuZa.2022.240"
    assert nota["date"] == "2022-09-23"
    assert sorted(nota["kamerstukken"]) == ["27925-697", "27925-699", "27925-AB"]


def test_nota_findings_with_stances(nota):
    stances = {f["number"]: f["stance"] for f in nota["findings"]}
    assert stances == {str(n): ("partial" if n in (1, 2, 8, 9) else "full") for n in range(1, 13)}


def test_nota_commitments_tied_to_findings(nota):
    listed = [c for c in nota["commitments"] if c["finding"]]
    assert len(listed) == 8
    assert sorted({c["finding"] for c in listed}, key=int) == ["1", "2", "5", "6", "11", "12"]


def test_nota_names_the_evaluation_a_mission_in_a_mission(nota):
    assert "iob-minusma-2014-2019" in nota["evaluations"]


# --- the same, in the graph ------------------------------------------------------------------------------------

def rows(store, cypher, **params):
    return store.run(cypher, params).rows


def test_27925_AB_is_one_node_cited_by_both_seeds(seeds_store):
    citing = rows(seeds_store, "MATCH (d:Document)-[:CITES]->(k:Kamerstuk {id: '27925-AB'}) RETURN d.id ORDER BY d.id")
    assert citing == [[BRIEF], [NOTA]]
    assert rows(seeds_store, "MATCH (k:Kamerstuk) WHERE k.id STARTS WITH '27925-A' RETURN k.id") == [["27925-AB"]]


def test_resolution_2690_mandates_minusma(seeds_store):
    assert rows(seeds_store, "MATCH (r:Resolution {id: '2690'})-[:MANDATES]->(m:Mission) RETURN m.id") == [["MINUSMA"]]


def test_brief_recommendations_belong_to_the_c130_evaluation(seeds_store):
    found = rows(seeds_store, """
        MATCH (d:Document {id: $doc})-[:RESPONDS_TO]->(e:Report)-[:HAS_RECOMMENDATION]->(r:Recommendation)
        MATCH (d)-[s:ENDORSES]->(r)
        RETURN e.id, r.number, s.stance ORDER BY r.number""", doc=BRIEF)
    assert {row[0] for row in found} == {"iob-minusma-2021-2022"}
    assert {row[1]: row[2] for row in found} == STANCES_BRIEF


def test_brief_cites_the_earlier_evaluation_and_its_policy_response(seeds_store):
    assert rows(seeds_store, """
        MATCH (d:Document {id: $doc})-[:CITES]->(e:Report {id: 'iob-minusma-2014-2019'})
        MATCH (k:Kamerstuk {id: '29521-451'})-[:RESPONDS_TO]->(e)
        RETURN count(*)""", doc=BRIEF) == [[1]]


def test_nota_responds_to_the_same_evaluation_the_brief_cites(seeds_store):
    assert rows(seeds_store, """
        MATCH (n:Document {id: $nota})-[:RESPONDS_TO]->(e:Report)<-[:CITES]-(b:Document {id: $brief})
        RETURN e.id""", nota=NOTA, brief=BRIEF) == [["iob-minusma-2014-2019"]]


def test_signatories_hold_their_posts(seeds_store):
    found = rows(seeds_store, """
        MATCH (d:Document {id: $doc})-[:SIGNED_BY]->(p:Person)-[h:HOLDS_POST]->(m:Ministry)
        WHERE h.doc = d.id RETURN p.name, p.id, m.id, h.role, h.term_from, h.term_to ORDER BY p.name""", doc=BRIEF)
    assert found == [[name, name.lower(), ministry, "minister", start, end]
                     for name, (ministry, start, end, _) in sorted(SIGNATORIES_BRIEF.items())]


def test_nota_commitments_in_the_graph(seeds_store):
    found = rows(seeds_store, """
        MATCH (d:Document {id: $doc})-[:COMMITS]->(c:Commitment)-[:ADDRESSES]->(f:Finding)
        RETURN DISTINCT f.number""", doc=NOTA)
    assert sorted(r[0] for r in found) == sorted(["1", "2", "5", "6", "11", "12"])


def test_every_relationship_has_provenance_that_contains_the_cited_text(loaded_store):
    """Pick relationships at random: the stored sentence contains the surface text, which is the span."""
    from pathlib import Path

    from missiongraph.read import read_document

    # Offsets index into the text as the reader produced it (decoded and cleaned), which is what users see.
    texts = {d["id"]: read_document(Path(d["source"])).text for d in loaded_store.nodes("Document")}
    rels = [r for t in loaded_store.schema.relationships for r in loaded_store.relationships(t)]
    assert len(rels) > 200
    for rel in rels:
        assert rel["doc"] in texts, rel
        assert rel["sentence"] and rel["text"], rel
    for rel in random.Random(7).sample(rels, 150):
        span = texts[rel["doc"]][rel["span_start"]:rel["span_end"]]
        assert fold(span) == rel["text"], rel
        assert rel["text"] in rel["sentence"], rel
