"""Saved queries: an expected answer for each on the sample corpus, the same rows on both stores, the dialect
translation layer, and docs/queries.md kept up to date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from missiongraph.saved import QueryError, get, parse, saved_queries, to_ladybug

ROOT = Path(__file__).resolve().parent.parent
BRIEF, NOTA = "000_9490c8c295b3259a", "003_cf3b274d7ecd5e93"


def run(store, name, **params):
    q = get(name)
    return store.run(q.cypher, q.bind({k: str(v) for k, v in params.items()})).records()


# --- the files -------------------------------------------------------------------------------------------------

REQUIRED = ["missions-overview", "most-cited-kamerstukken", "document-references", "citing-documents",
            "recommendations-stance", "commitments", "co-citation", "mission-timeline", "signatories",
            "resolutions-per-mission", "shortest-connection", "unresolved-references", "dossier", "what-connects"]


def test_every_question_has_a_saved_query_with_a_description():
    queries = saved_queries()
    assert list(queries) == REQUIRED
    for q in queries.values():
        assert q.description and q.cypher
        for name in q.params:
            assert f"${name}" in q.cypher


def test_header_parsing():
    q = parse('// name: x\n// description: Y.\n// param: n = 3\n// param: who = "Ollongren"\nMATCH (n) RETURN n',
              "x.cypher")
    assert (q.name, q.description, q.params, q.cypher) == ("x", "Y.", {"n": 3, "who": "Ollongren"},
                                                           "MATCH (n) RETURN n")
    assert q.bind({"n": "5"}) == {"n": 5, "who": "Ollongren"}
    with pytest.raises(QueryError, match="its parameters: n, who"):
        q.bind({"m": "1"})


@pytest.mark.parametrize("neo4j, ladybug", [
    ("RETURN type(r), labels(n)[0]", "RETURN label(r), label(n)"),
    ("RETURN toString(x.year), toInteger('3')", "RETURN to_string(x.year), to_int64('3')"),
    ("MATCH p = allShortestPaths((a)-[*..8]-(b))", "MATCH p = (a)-[* ALL SHORTEST 1..8]-(b)"),
    ("MATCH p = shortestPath((a)-[*..4]-(b))", "MATCH p = (a)-[* SHORTEST 1..4]-(b)"),
    ("RETURN relationships(p)", "RETURN rels(p)"),
    # near-misses: string literals and look-alike names are left alone
    ("WHERE d.title = 'type(r) and labels(n)[0]'", "WHERE d.title = 'type(r) and labels(n)[0]'"),
    ("RETURN mytype(r), prototype(x)", "RETURN mytype(r), prototype(x)"),
])
def test_translation_to_ladybug(neo4j, ladybug):
    assert to_ladybug(neo4j) == ladybug


def test_docs_queries_md_is_up_to_date():
    from missiongraph.querydocs import generate_from_sample

    assert (ROOT / "docs" / "queries.md").read_text("utf-8") == generate_from_sample(), \
        "docs/queries.md is stale: run  python -m missiongraph.querydocs > docs/queries.md"


# --- expected answers on the sample corpus (embedded store) -------------------------------------------------------

def test_missions_overview(loaded_store):
    rows = {r["mission"]: r for r in run(loaded_store, "missions-overview")}
    minusma = rows["MINUSMA"]
    assert minusma["documents"] >= 10
    assert minusma["evaluations"] == 2 and minusma["recommendations"] == 9
    assert minusma["resolutions"] >= 2
    assert {"EUFOR Althea", "RSM", "Counter-Daesh", "UNMIS", "Takuba"} <= set(rows)


def test_most_cited_kamerstukken(loaded_store):
    rows = run(loaded_store, "most-cited-kamerstukken", limit=100)
    by_id = {r["kamerstuk"]: r for r in rows}
    assert by_id["29521-309"]["loaded"] is True       # cited by 008, and 005 is 29521-309 itself
    assert by_id["29521-451"]["loaded"] is False
    assert by_id["27925-AB"] == {"kamerstuk": "27925-AB", "dossier": "27925", "citations": 2, "loaded": False,
                                 "url": "https://zoek.officielebekendmakingen.nl/kst-27925-AB.html"}
    counts = [r["citations"] for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_document_references(loaded_store):
    rows = run(loaded_store, "document-references", document=NOTA)
    found = {(r["relation"], r["kind"], r["item"]) for r in rows}
    assert {("CITES", "Kamerstuk", "27925-697"), ("CITES", "Kamerstuk", "27925-AB"),
            ("RESPONDS_TO", "Evaluation", "iob-minusma-2014-2019"), ("MENTIONS", "Mission", "MINUSMA")} <= found
    assert all(r["sentence"] for r in rows)
    by_kamerstuk = run(loaded_store, "document-references", document="29521-349")
    assert {r["document"] for r in by_kamerstuk} == {"043"}


def test_citing_documents_newest_first(loaded_store):
    rows = run(loaded_store, "citing-documents", kamerstuk="29521-327")
    assert [(r["document"], r["date"]) for r in rows] == [("043", "2017-09-11"), ("008", "2017-01-26")]


def test_recommendations_partly_endorsed_first(loaded_store):
    rows = [r for r in run(loaded_store, "recommendations-stance") if r["document"] == BRIEF]
    assert [r["recommendation"] for r in rows[:3]] == ["2.1", "2.3", "4.1"]
    assert {r["stance"] for r in rows[:3]} == {"partial"}
    assert {r["stance"] for r in rows[3:]} == {"full"}
    assert len(rows) == 9


def test_commitments_with_their_finding(loaded_store):
    rows = [r for r in run(loaded_store, "commitments") if r["document"] == NOTA]
    assert [r["addresses"] for r in rows] == ["Bevinding 1", "Bevinding 1", "Bevinding 2", "Bevinding 5",
                                              "Bevinding 6", "Bevinding 6", "Bevinding 11", "Bevinding 12"]


def test_co_citation(loaded_store):
    rows = run(loaded_store, "co-citation", limit=100)
    pairs = {(r["document_a"], r["document_b"]): set(r["items"]) for r in rows}
    assert {"27925-AB", "iob-minusma-2014-2019"} <= pairs[(BRIEF, NOTA)]
    assert "29521-227" in pairs[("005", "045")]
    assert "29521-327" in pairs[("008", "043")]


def test_mission_timeline_in_order(loaded_store):
    rows = run(loaded_store, "mission-timeline", mission="minusma")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    items = [(r["kind"], r["item"]) for r in rows]
    assert ("Document", "005") in items and ("Document", "043") in items
    assert items.index(("Document", "045")) < items.index(("Document", "005")) < items.index(("Document", "043"))
    assert ("Evaluation", "iob-minusma-2014-2019") in items


def test_signatories_per_ministry(loaded_store):
    rows = run(loaded_store, "signatories")
    assert {"ministry": "Defensie", "person": "Ollongren", "document": BRIEF} in \
        [{k: r[k] for k in ("ministry", "person", "document")} for r in rows]


def test_resolutions_per_mission(loaded_store):
    rows = run(loaded_store, "resolutions-per-mission")
    assert {(r["mission"], r["resolution"]) for r in rows} >= {("MINUSMA", "2690"), ("MINUSMA", "2164")}


def test_shortest_connection_between_the_seeds(loaded_store):
    rows = run(loaded_store, "shortest-connection", **{"from": BRIEF, "to": NOTA})
    assert rows and {r["hops"] for r in rows} == {2}
    middles = {(r["path"][1]["_label"], r["path"][1]["id"]) for r in rows}
    assert ("Kamerstuk", "27925-AB") in middles
    assert all(r["path"][0]["id"] == BRIEF and r["path"][-1]["id"] == NOTA for r in rows)


def test_unresolved_references_after_loading_only_the_seeds(seeds_store):
    rows = run(seeds_store, "unresolved-references")
    assert "29521-451" in [r["kamerstuk"] for r in rows]
    assert rows[0]["kamerstuk"] == "27925-AB" and rows[0]["cited_by"] == 2


def test_dossier_contents(loaded_store):
    rows = {r["kamerstuk"]: r for r in run(loaded_store, "dossier", dossier="29521")}
    assert rows["29521-309"]["loaded_as"] == "005" and rows["29521-309"]["cited_by"] == 1
    assert rows["29521-451"]["loaded_as"] is None
    assert "27925-AB" not in rows


def test_what_connects_the_two_seeds(seeds_store):
    rows = run(seeds_store, "what-connects")
    found = {(r["kind"], r["item"], r["via_a"], r["via_b"]) for r in rows}
    assert ("Kamerstuk", "27925-AB", "CITES", "CITES") in found
    assert ("Evaluation", "iob-minusma-2014-2019", "CITES", "RESPONDS_TO") in found
    assert ("Mission", "MINUSMA", "MENTIONS", "MENTIONS") in found


# --- the same rows on both stores -----------------------------------------------------------------------------

def canonical(rows: list[list]) -> list[str]:
    """Rows as sorted JSON strings, with collected lists sorted (collect() order is unspecified on both)."""
    def norm(v):
        if isinstance(v, list) and all(isinstance(x, (str, int, float)) for x in v):
            return sorted(v)
        if isinstance(v, list):
            return [norm(x) for x in v]
        if isinstance(v, dict):
            return {k: norm(x) for k, x in v.items()}
        return v
    return [json.dumps([norm(v) for v in r], sort_keys=True, ensure_ascii=False) for r in rows]


@pytest.mark.neo4j
@pytest.mark.parametrize("name", REQUIRED)
def test_same_rows_on_both_stores(name, loaded_store, neo4j_sample_store):
    q = get(name)
    embedded = loaded_store.run(q.cypher, q.params).rows
    neo4j = neo4j_sample_store.run(q.cypher, q.params).rows
    assert embedded, f"{name} returns nothing on the sample corpus"
    ordered = "ORDER BY" in q.cypher and name != "shortest-connection"
    if ordered:
        assert canonical(neo4j) == canonical(embedded)
    else:
        assert sorted(canonical(neo4j)) == sorted(canonical(embedded))
