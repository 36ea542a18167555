"""Choose the part of the graph to draw (whole graph, a neighbourhood, or a saved query's result) and write the
visualisation. Building the network is ``missiongraph.viz.network.build_network`` (pure); writing the file is
``missiongraph.viz.html.write_html``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from .saved import SavedQuery
from .store import GraphStore


def _node_ids(value: Any, graph: nx.MultiDiGraph, keys: dict[str, list[str]]) -> set[str]:
    """Graph node ids named by a query result value: nodes, paths, lists, or plain key strings."""
    out: set[str] = set()
    if isinstance(value, dict):
        if "_label" in value and "id" in value:
            out.add(f"{value['_label']}:{value['id']}")
        for v in value.values():
            if isinstance(v, (list, dict)):
                out |= _node_ids(v, graph, keys)
    elif isinstance(value, list):
        for v in value:
            out |= _node_ids(v, graph, keys)
    elif isinstance(value, str):
        out.update(keys.get(value, ()))
    return out


def query_subgraph(graph: nx.MultiDiGraph, store: GraphStore, query: SavedQuery,
                   params: dict[str, Any]) -> nx.MultiDiGraph:
    """The nodes a saved query's rows name (as nodes, paths or key values) and the edges among them."""
    result = store.run(query.cypher, params)
    keys: dict[str, list[str]] = {}
    for node_id, attrs in graph.nodes(data=True):
        keys.setdefault(str(attrs["key"]), []).append(node_id)
    chosen: set[str] = set()
    for value in params.values():  # the documents or items the query was asked about
        chosen |= _node_ids(value, graph, keys)
    for row in result.rows:
        for value in row:
            chosen |= _node_ids(value, graph, keys)
    if not chosen:
        raise ValueError(f"query {query.name!r} returned nothing to draw ({len(result.rows)} rows)")
    return graph.subgraph(chosen).copy()


def visualise(store: GraphStore, output: Path, *, query: SavedQuery | None = None,
              params: dict[str, Any] | None = None, around: str | None = None, depth: int = 2,
              title: str | None = None) -> tuple[Path, str]:
    """Write the HTML file; returns its path and a one-line summary."""
    from .viz.html import write_html
    from .viz.neighbourhood import graph_neighbourhood
    from .viz.network import build_network

    graph = store.to_networkx()
    if graph.number_of_nodes() == 0:
        raise ValueError("the graph is empty: load documents first (missiongraph load FOLDER)")
    if around:
        graph = graph_neighbourhood(graph, around, depth)
        title = title or f"missiongraph: {around} (depth {depth})"
    elif query:
        graph = query_subgraph(graph, store, query, params or query.params)
        title = title or f"missiongraph: {query.name}"
    network = build_network(graph, title=title or "missiongraph: whole graph")
    path = write_html(network, output)
    size = path.stat().st_size
    return path, f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, {size / 1024:.0f} KB"
