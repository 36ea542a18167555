"""Visualising a part of a large graph without loading the whole graph (missiongraph.outputs.subgraph).

The store-side parts are checked against the in-memory behaviour they replace (the whole graph from
``to_networkx``, then cut), on the sample corpus, in the embedded store and in Neo4j.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
import pytest

from missiongraph.model import DocumentGraph, Node, NodeRef, Provenance, Relationship
from missiongraph.outputs import subgraph
from missiongraph.outputs.subgraph import (DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES, find_centres, neighbourhood,
                                           neighbourhood_graph, query_part, ref_of, whole_graph)
from missiongraph.outputs.visualise import visualise
from missiongraph.saved import SavedQuery, get, saved_queries
from missiongraph.viz.neighbourhood import graph_neighbourhood

from .conftest import SEEDS

UNLIMITED = 10 ** 9


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request):
    """The sample corpus in the embedded store, and in Neo4j."""
    return request.getfixturevalue("loaded_store" if request.param == "embedded" else "neo4j_sample_store")


_WHOLE: dict[int, nx.MultiDiGraph] = {}


@pytest.fixture
def whole(store) -> nx.MultiDiGraph:
    """The whole sample graph as the old visualisation read it (once per store)."""
    if id(store) not in _WHOLE:
        _WHOLE[id(store)] = store.to_networkx()
    return _WHOLE[id(store)]


def edges(graph: nx.MultiDiGraph) -> Counter:
    """The edges as a multiset of (start, end, type, properties)."""
    return Counter((u, v, d["type"], tuple(sorted(d["props"].items()))) for u, v, d in graph.edges(data=True))


def assert_same_graph(got: nx.MultiDiGraph, expected: nx.MultiDiGraph) -> None:
    assert dict(got.nodes(data=True)) == dict(expected.nodes(data=True))
    assert edges(got) == edges(expected)


# ---- the neighbourhood -----------------------------------------------------------------------------------

@pytest.mark.parametrize("around", ["MINUSMA", "mission:minusma", "Mission:EUTM Mali", "buitenlandse zaken",
                                    "UNSCR 2690", "Hanke Bruins Slot", "iob-rsm", "29521-451"])
@pytest.mark.parametrize("depth", [0, 1, 2, 3])
def test_the_neighbourhood_is_the_one_cut_from_the_whole_graph(store, whole, around, depth):
    got = neighbourhood(store, around, depth, UNLIMITED, None)
    assert got.note == ""
    assert_same_graph(got.graph, graph_neighbourhood(whole, around, depth))


def test_within_the_default_budgets_nothing_is_left_out(store, whole):
    got = neighbourhood(store, "MINUSMA", 2)
    assert got.note == "" and got.graph.number_of_nodes() < DEFAULT_MAX_NODES
    assert_same_graph(got.graph, graph_neighbourhood(whole, "MINUSMA", 2))
    assert_same_graph(neighbourhood_graph(store, "MINUSMA", 2), got.graph)


@pytest.mark.parametrize("around", ["minusm", "UNSCR 269", "zzzzqqq", "Mission:NOPE"])
def test_no_match_names_the_same_close_matches_as_before(store, whole, around):
    with pytest.raises(ValueError) as old:
        graph_neighbourhood(whole, around, 1)
    with pytest.raises(ValueError) as new:
        neighbourhood(store, around, 1)
    assert str(new.value) == str(old.value) and "no node matches" in str(new.value)


def test_centres_by_id_key_or_caption(store):
    assert find_centres(store, "Mission:MINUSMA") == [("Mission", "MINUSMA")]
    assert find_centres(store, " mission:minusma ") == [("Mission", "MINUSMA")]
    assert find_centres(store, "unscr 2690") == [("Resolution", "2690")]
    assert find_centres(store, "HANKE BRUINS SLOT") == [("Person", "hanke bruins slot")]


def test_bad_depth_or_budget_is_refused(store):
    with pytest.raises(ValueError, match="depth"):
        neighbourhood(store, "MINUSMA", -1)
    with pytest.raises(ValueError, match="max_nodes"):
        neighbourhood(store, "MINUSMA", 1, 0)
    with pytest.raises(ValueError, match="max_edges"):
        whole_graph(store, UNLIMITED, 0)


def budgeted(graph: nx.MultiDiGraph, centres: list[str], depth: int, max_nodes: int) -> tuple[list[str], int, int]:
    """The specification of the node budget, on a graph in memory: level by level; a level that does not fit
    keeps its nodes with the most relationships to the previous level (ties by label, then key) and ends the
    expansion. Returns the nodes, how many were found, and the last level looked at."""
    chosen = sorted(centres, key=ref_of)[:max_nodes]
    found, level, frontier = len(centres), 0, list(chosen)
    while level < depth and frontier and found == len(chosen):
        links: Counter = Counter()
        for node in frontier:
            links.update(v for _, v in graph.out_edges(node))
            links.update(u for u, _ in graph.in_edges(node))
        new = sorted((n for n in links if n not in chosen), key=lambda n: (-links[n], ref_of(n)))
        if not new:
            break
        level += 1
        found += len(new)
        frontier = new[:max_nodes - len(chosen)]
        chosen += frontier
    return chosen, found, level


@pytest.mark.parametrize("around, depth, max_nodes", [
    ("Mission:MINUSMA", 2, 30),      # all of level 1, the best connected 15 of level 2
    ("Mission:MINUSMA", 2, 6),       # cut within level 1: level 2 is not looked at
    ("Ministry:Defensie", 3, 100),
    ("Mission:MINUSMA", 1, 1),       # the centre alone
])
def test_the_node_budget_keeps_the_nearest_and_best_connected_and_says_so(store, whole, around, depth, max_nodes):
    expected, found, level = budgeted(whole, [around], depth, max_nodes)
    assert found > max_nodes                                            # the budget does cut here
    got = neighbourhood(store, around, depth, max_nodes)
    assert set(got.graph.nodes) == set(expected) and got.graph.number_of_nodes() == max_nodes
    assert got.note.startswith(f"{max_nodes:,} of {found:,} nodes within depth {level}, the most connected kept "
                               f"(--max-nodes {max_nodes:,})")
    assert_same_graph(got.graph, whole.subgraph(expected))               # with every edge among them
    again = neighbourhood(store, around, depth, max_nodes)
    assert list(again.graph.nodes) == list(got.graph.nodes) and again.note == got.note


def first_edges(whole: nx.MultiDiGraph) -> dict[tuple[str, str, str], tuple[dict, int]]:
    """Per (start, end, type): the first relationship's properties (by document, then span) and how many
    documents state it."""
    per_pair: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for u, v, d in whole.edges(data=True):
        per_pair[(u, v, d["type"])].append(d["props"])
    return {pair: (min(props, key=lambda p: (p["doc"], p["span_start"])), len({p["doc"] for p in props}))
            for pair, props in per_pair.items()}


@pytest.mark.parametrize("max_edges", [200, 120, 40])
def test_above_the_edge_budget_one_edge_per_pair_and_type_is_drawn(store, whole, max_edges):
    full = graph_neighbourhood(whole, "MINUSMA", 2)
    pairs = {(u, v, d["type"]) for u, v, d in full.edges(data=True)}
    assert len(pairs) < full.number_of_edges()                           # the sample has parallel edges
    got = neighbourhood(store, "MINUSMA", 2, UNLIMITED, max_edges)
    drawn = [(u, v, d["type"]) for u, v, d in got.graph.edges(data=True)]
    assert set(got.graph.nodes) == set(full.nodes)
    assert len(drawn) == len(set(drawn)) == min(max_edges, len(pairs))
    first = first_edges(whole)
    for u, v, d in got.graph.edges(data=True):
        props, documents = first[(u, v, d["type"])]
        assert d["props"] == ({**props, "documents": documents} if documents > 1 else props)
    which = "" if max_edges >= len(pairs) else f", for {max_edges:,} of {len(pairs):,} pairs"
    assert got.note == (f"{len(drawn):,} of {full.number_of_edges():,} edges: one per node pair and type{which} "
                        f"(--max-edges {max_edges:,})")
    if max_edges >= full.number_of_nodes() - 1:                          # room for a tree: no node left alone
        assert all(degree > 0 for _, degree in got.graph.degree())


@pytest.mark.parametrize("constant, value", [("PAIR_LOOKUP_ROWS", 0), ("PAIR_LOOKUP_ROWS", UNLIMITED),
                                             ("IN_LIST_MAX", 0), ("IN_LIST_MAX", UNLIMITED)])
def test_both_ways_of_reading_relationships_give_the_same_graph(store, monkeypatch, constant, value):
    expected = {m: neighbourhood(store, "MINUSMA", 2, UNLIMITED, m) for m in (None, 150)}
    monkeypatch.setattr(subgraph, constant, value)
    for max_edges, part in expected.items():
        got = neighbourhood(store, "MINUSMA", 2, UNLIMITED, max_edges)
        assert_same_graph(got.graph, part.graph)
        assert got.note == part.note


# ---- the whole graph is never read ---------------------------------------------------------------------

@pytest.fixture
def watched(store, monkeypatch):
    """``store`` whose to_networkx fails and whose statements are recorded with the rows they returned."""
    def refuse():
        raise AssertionError("the whole graph was read")

    statements: list[tuple[str, int]] = []
    real = store.run

    def run(cypher, params=None, **kwargs):
        result = real(cypher, params, **kwargs)
        statements.append((cypher, len(result.rows)))
        return result

    monkeypatch.setattr(store, "to_networkx", refuse)
    monkeypatch.setattr(store, "run", run)
    return store, statements


def relationship_statements(statements: list[tuple[str, int]]) -> list[str]:
    return [cypher for cypher, _ in statements if "]-" in cypher or "-[" in cypher]


ANCHORED = ("UNWIND $keys AS k MATCH (", "UNWIND $pairs AS p MATCH (")


def test_a_neighbourhood_reads_relationships_only_from_the_nodes_it_draws(whole, watched, tmp_path):
    store, statements = watched
    expected = graph_neighbourhood(whole, "Mission:EUTM Mali", 1)
    path, summary = visualise(store, tmp_path / "mali.html", around="Mission:EUTM Mali", depth=1)
    assert path.exists() and summary.startswith(f"{expected.number_of_nodes()} nodes, "
                                                f"{expected.number_of_edges()} edges, ")
    reads = relationship_statements(statements)
    assert reads and all(cypher.startswith(ANCHORED) for cypher in reads)    # each from given nodes
    assert sum(rows for _, rows in statements) < whole.number_of_edges() / 10


def test_a_query_part_reads_relationships_only_among_the_nodes_it_names(watched, tmp_path):
    store, statements = watched
    query = get("what-connects")
    path, _ = visualise(store, tmp_path / "seeds.html", query=query)
    assert path.exists()
    reads = [cypher for cypher in relationship_statements(statements) if cypher != query.cypher]
    assert reads and all(cypher.startswith(ANCHORED) for cypher in reads)


# ---- a saved query's part ------------------------------------------------------------------------------

def old_node_ids(value, keys: dict[str, list[str]]) -> set[str]:
    """The nodes a result value named in the visualisation this replaces (a key index of the whole graph)."""
    out: set[str] = set()
    if isinstance(value, dict):
        if "_label" in value and "id" in value:
            out.add(f"{value['_label']}:{value['id']}")
        for v in value.values():
            if isinstance(v, (list, dict)):
                out |= old_node_ids(v, keys)
    elif isinstance(value, list):
        for v in value:
            out |= old_node_ids(v, keys)
    elif isinstance(value, str):
        out.update(keys.get(value, ()))
    return out


def old_query_subgraph(whole: nx.MultiDiGraph, store, query: SavedQuery) -> nx.MultiDiGraph:
    keys: dict[str, list[str]] = {}
    for node, attrs in whole.nodes(data=True):
        keys.setdefault(str(attrs["key"]), []).append(node)
    chosen: set[str] = set()
    for value in [*query.params.values(), *(v for row in store.run(query.cypher, query.params).rows for v in row)]:
        chosen |= old_node_ids(value, keys)
    return whole.subgraph(chosen).copy()


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_a_query_part_is_the_one_cut_from_the_whole_graph(store, whole, name):
    query = get(name)
    expected = old_query_subgraph(whole, store, query)
    if expected.number_of_nodes() == 0:
        with pytest.raises(ValueError, match="nothing to draw"):
            query_part(store, query, query.params)
        return
    got = query_part(store, query, query.params, UNLIMITED, None)
    assert got.note == ""
    assert_same_graph(got.graph, expected)


def test_the_query_node_budget_keeps_the_first_named(store, whole):
    query = get("most-cited-kamerstukken")
    keys: dict[str, list[str]] = {}
    for node, attrs in whole.nodes(data=True):                          # labels in schema order
        keys.setdefault(str(attrs["key"]), []).append(node)
    rows = store.run(query.cypher, query.params).rows
    named = list(dict.fromkeys(node for row in rows for v in row if isinstance(v, str) for node in keys.get(v, [])))
    assert len(named) > 3
    got = query_part(store, query, query.params, 3)
    assert list(got.graph.nodes) == sorted(named[:3], key=lambda n: (list(store.schema.labels).index(ref_of(n)[0]),
                                                                     ref_of(n)[1]))
    assert got.note == f"3 of {len(named):,} nodes the query names, the first kept (--max-nodes 3)"


def shared_key_graph() -> DocumentGraph:
    """A document whose id is also the number of the Kamerstuk it is published as."""
    doc = Node("Document", "29521-999", {"caption": "brief 29521-999", "title": "Brief", "kind": "brief",
                                         "sha256": "1" * 64, "chars": 100})
    kst = Node("Kamerstuk", "29521-999", {"dossier": "29521", "number": "999"})
    rel = Relationship("PUBLISHED_AS", doc.ref, NodeRef("Kamerstuk", kst.key),
                       Provenance("29521-999", 0, 20, "29 521, nr. 999", "Kamerstuk 29 521, nr. 999."))
    return DocumentGraph(document=doc, nodes=[kst], relationships=[rel])


def test_a_plain_key_in_a_row_names_the_nodes_of_every_label_with_that_key(empty_store):
    empty_store.write_documents([shared_key_graph()])
    query = SavedQuery(name="one-key", description="", cypher="RETURN '29521-999' AS key")
    got = query_part(empty_store, query, {})
    assert set(got.graph.nodes) == {"Document:29521-999", "Kamerstuk:29521-999"}
    assert [d["type"] for _, _, d in got.graph.edges(data=True)] == ["PUBLISHED_AS"]
    assert_same_graph(got.graph, old_query_subgraph(empty_store.to_networkx(), empty_store, query))


# ---- the whole graph -----------------------------------------------------------------------------------

def test_the_whole_graph_is_what_to_networkx_gives(store, whole):
    got = whole_graph(store, UNLIMITED, None)
    assert got.note == ""
    assert list(got.graph.nodes(data=True)) == list(whole.nodes(data=True))
    assert list(got.graph.edges(data=True)) == list(whole.edges(data=True))


def test_a_whole_graph_above_the_node_budget_is_refused(store, whole):
    n = whole.number_of_nodes()
    with pytest.raises(ValueError) as err:
        whole_graph(store, n - 1)
    assert str(err.value) == (f"the graph has {n:,} nodes, more than --max-nodes {n - 1:,} can draw: draw a part "
                              f"with --around NODE (--depth N) or --query NAME")
    assert whole_graph(store, n).graph.number_of_nodes() == n


# ---- the command line ----------------------------------------------------------------------------------

@pytest.fixture
def cli(run):
    """``run`` (tests/conftest.py) with the seeds loaded."""
    assert run("load", SEEDS / "docs", "-q").exit_code == 0
    return run


def test_viz_says_what_the_budgets_left_out(cli, tmp_path):
    result = cli("viz", "--around", "Ministry:Defensie", "--depth", "2", "--max-nodes", "5", "-o", "d.html")
    assert result.exit_code == 0, result.output
    assert re.search(r"\(5 nodes, \d+ edges, [\d,]+ KB; 5 of \d+ nodes within depth \d, the most connected kept "
                     r"\(--max-nodes 5\)\)", result.output)
    assert Path(tmp_path / "d.html").exists()
    result = cli("viz", "--around", "Ministry:Defensie", "--depth", "2", "--max-edges", "3", "-o", "e.html")
    assert result.exit_code == 0 and ", 3 edges, " in result.output and "(--max-edges 3)" in result.output


def test_viz_of_a_whole_graph_too_large_is_one_line_and_exit_2(cli, tmp_path):
    result = cli("viz", "--max-nodes", "10", "-o", "w.html")
    assert result.exit_code == 2
    assert "more than --max-nodes 10 can draw: draw a part with --around NODE" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "w.html").exists()
    assert cli("viz", "--max-nodes", "0").exit_code == 2                # a budget below 1 is a usage error


def test_viz_help_states_the_default_budgets(cli):
    text = " ".join(cli("viz", "--help").output.split())
    assert f"default {DEFAULT_MAX_NODES:,}" in text and f"default {DEFAULT_MAX_EDGES:,}" in text
