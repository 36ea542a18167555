"""The Python API (docs/python.md): the same rows as the command line, pandas, networkx, and a visualisation that
Jupyter shows inline. Against the real embedded store and a real Neo4j."""

from __future__ import annotations

import html
import json

import networkx as nx
import pytest
from click.testing import CliRunner

import missiongraph as mg
from missiongraph.cli import main
from missiongraph.saved import QueryError
from missiongraph.stores.base import RefusedQuery, StoreError

from .conftest import DEV, SEEDS, open_neo4j


@pytest.fixture(scope="module")
def g(tmp_path_factory):
    """The sample corpus loaded through the API into a new embedded store."""
    graph = mg.open(tmp_path_factory.mktemp("api") / "graph.lbug")
    report = graph.load([SEEDS / "docs", DEV / "docs"])
    assert len(report.loaded) == 19 and report.ok
    return graph


def cli_json(graph, *args):
    result = CliRunner().invoke(main, [*map(str, args), "--format", "json", "--store", str(graph.path)],
                                catch_exceptions=False, env={"NEO4J_URI": None})
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# (what the API is given, the same on the command line)
SAME_ROWS = [
    (("missions-overview",), {}, ["query", "missions-overview"]),
    (("01-missions-overview",), {}, ["query", "1"]),
    (("citing-documents",), {"kamerstuk": "27925-AB"}, ["query", "citing-documents", "-p", "kamerstuk=27925-AB"]),
    (("most-cited-kamerstukken",), {"limit": 3}, ["query", "most-cited-kamerstukken", "-p", "limit=3"]),
    (("shortest-connection", {"from": "000_9490c8c295b3259a", "to": "003_cf3b274d7ecd5e93"}), {},
     ["query", "shortest-connection", "-p", "from=000_9490c8c295b3259a", "-p", "to=003_cf3b274d7ecd5e93"]),
    (("MATCH (m:Mission) WHERE m.id STARTS WITH $p RETURN m.id AS id ORDER BY id",), {"p": "M"},
     ["query", "--cypher", "MATCH (m:Mission) WHERE m.id STARTS WITH $p RETURN m.id AS id ORDER BY id",
      "-p", "p=M"]),
]


@pytest.mark.parametrize("args, kwargs, cli", SAME_ROWS)
def test_query_gives_the_rows_the_command_line_gives(g, args, kwargs, cli):
    rows = g.query(*args, **kwargs)
    assert rows == cli_json(g, *cli)
    assert rows and rows.columns == list(rows[0])


def test_rows_as_a_pandas_dataframe(g):
    rows = g.query("missions-overview")
    frame = rows.df()
    assert list(frame.columns) == rows.columns and len(frame) == len(rows)
    assert frame.set_index("mission").loc["MINUSMA", "recommendations"] == 9


def test_stats_are_the_command_lines(g):
    counts = g.stats()
    rows = cli_json(g, "stats")
    assert {(r["kind"], r["name"]): r["count"] for r in rows} == {
        **{("node", k): v for k, v in counts["nodes"].items()},
        **{("relationship", k): v for k, v in counts["relationships"].items()}}
    assert counts["nodes"]["Document"] == 19


def test_people_are_the_command_lines(g):
    rows = g.people("van dijk")
    assert rows == cli_json(g, "people", "--name", "van dijk")
    assert [r["person"] for r in rows] == ["Jasper van Dijk"] and rows[0]["posts"]
    flagged = g.people(flagged=True, limit=500)
    assert flagged == cli_json(g, "people", "--flagged", "--limit", "500") and all(r["flags"] for r in flagged)


def test_bad_names_and_parameters_are_refused_with_the_closest(g):
    with pytest.raises(QueryError, match="did you mean missions-overview"):
        g.query("mision-overview")
    with pytest.raises(QueryError, match="has no parameter 'colour'; its parameters: kamerstuk"):
        g.query("citing-documents", colour="red")
    with pytest.raises(RefusedQuery, match="refused as not read-only: DETACH is not a read clause"):
        g.query("MATCH (d:Document) DETACH DELETE d")
    for limit in (10**23, -10**23, 2**63):   # what both stores take as an integer, from Python as from the CLI
        with pytest.raises(QueryError, match="parameter 'limit' of 'most-cited-kamerstukken' is too large"):
            g.query("most-cited-kamerstukken", limit=limit)
    assert len(g.query("most-cited-kamerstukken", limit=2**63 - 1)) > 0
    assert g.stats()["nodes"]["Document"] == 19


def test_cypher_writes_only_when_asked(tmp_path):
    graph = mg.open(tmp_path / "graph.lbug")
    graph.load(SEEDS / "docs")
    graph.query("MATCH (d:Document {id: $id}) DETACH DELETE d", id="003_cf3b274d7ecd5e93", write=True)
    assert graph.query("MATCH (d:Document) RETURN d.id AS id") == [{"id": "000_9490c8c295b3259a"}]
    again = graph.load(SEEDS / "docs")
    assert again.loaded == ["003_cf3b274d7ecd5e93"] and again.unchanged == ["000_9490c8c295b3259a"]


def test_neighbourhood_is_a_networkx_graph_within_depth(g):
    hood = g.neighbourhood("MINUSMA", depth=1)
    assert isinstance(hood, nx.MultiDiGraph)
    assert "Mission:MINUSMA" in hood
    distance = nx.single_source_shortest_path_length(hood.to_undirected(as_view=True), "Mission:MINUSMA")
    assert set(distance) == set(hood) and max(distance.values()) == 1
    mentioning = {d for (d, _, data) in hood.in_edges("Mission:MINUSMA", data=True) if data["type"] == "MENTIONS"}
    by_query = g.query("MATCH (d:Document)-[:MENTIONS]->(:Mission {id: 'MINUSMA'}) RETURN DISTINCT d.id AS id")
    assert mentioning == {f"Document:{row['id']}" for row in by_query}
    assert hood.nodes["Mission:MINUSMA"]["label"] == "Mission"
    with pytest.raises(ValueError, match="no node matches 'MINUSMAA'"):
        g.neighbourhood("MINUSMAA")


def test_viz_writes_the_file_and_shows_inline_in_jupyter(g, tmp_path):
    from IPython.core.formatters import DisplayFormatter

    drawn = g.viz(tmp_path / "minusma.html", around="MINUSMA", depth=1)
    page = (tmp_path / "minusma.html").read_text("utf-8")
    assert drawn.path == tmp_path / "minusma.html" and "MINUSMA" in page
    assert str(drawn).startswith(f"wrote {tmp_path / 'minusma.html'} (") and " nodes, " in str(drawn)
    shown, _ = DisplayFormatter().format(drawn)   # what IPython and Jupyter display for the object
    frame = shown["text/html"]
    assert frame.startswith('<iframe srcdoc="') and html.escape(page, quote=True) in frame
    assert 'src="http' not in frame   # the page is inside the iframe: no server, no network
    assert shown["text/plain"]   # a terminal IPython prints something too


def test_viz_of_a_saved_query_matches_the_command_line(g, tmp_path):
    drawn = g.viz(tmp_path / "api.html", query="what-connects")
    result = CliRunner().invoke(main, ["viz", "--query", "14", "-o", str(tmp_path / "cli.html"), "--store",
                                       str(g.path)], env={"NEO4J_URI": None})
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(drawn).replace("api.html", "cli.html")


def test_open_names_the_store_and_load_refuses_a_missing_path(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("MISSIONGRAPH_STORE", str(tmp_path / "env.lbug"))
    assert mg.open().path == tmp_path / "env.lbug"
    assert mg.open("bolt://127.0.0.1:7687").neo4j_uri == "bolt://127.0.0.1:7687"
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        mg.open(tmp_path / "x.lbug").load(tmp_path / "nowhere")
    with pytest.raises(StoreError, match="no graph at"):
        mg.open(tmp_path / "never-loaded.lbug").query("missions-overview")


@pytest.mark.neo4j
def test_the_same_rows_from_neo4j(g, neo4j_server):
    store = open_neo4j(neo4j_server)
    store.run("MATCH (n) DETACH DELETE n", write=True)
    store.close()
    with mg.open(neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password,
                 database=neo4j_server.database) as neo:
        neo.load([SEEDS / "docs", DEV / "docs"])
        for name, params in [("missions-overview", {}), ("citing-documents", {"kamerstuk": "27925-AB"}),
                             ("recommendations-stance", {"limit": 500})]:
            assert neo.query(name, params) == g.query(name, params), name
        assert neo.stats() == g.stats()
        assert set(neo.neighbourhood("MINUSMA", 1)) == set(g.neighbourhood("MINUSMA", 1))
