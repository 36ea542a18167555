"""Choose the part of the graph to draw (whole graph, a neighbourhood, or a saved query's result) and write the
visualisation. The part is fetched from the store without loading the whole graph (``missiongraph.outputs.subgraph``);
building the network is ``missiongraph.viz.network.build_network`` (pure); writing the file is
``missiongraph.viz.html.write_html``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..saved import SavedQuery
from ..stores.base import GraphStore
from .subgraph import DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES, Part, count_nodes, neighbourhood, query_part, whole_graph


def choose_part(store: GraphStore, *, query: SavedQuery | None = None, params: dict[str, Any] | None = None,
                around: str | None = None, depth: int = 2, max_nodes: int = DEFAULT_MAX_NODES,
                max_edges: int | None = DEFAULT_MAX_EDGES) -> Part:
    """The neighbourhood of ``around`` within ``depth`` steps, else the nodes ``query`` names, else the whole
    graph (refused above ``max_nodes`` nodes); neighbourhoods and query results are cut to ``max_nodes``, and
    above ``max_edges`` relationships one edge per node pair and type is drawn (see missiongraph.outputs.subgraph)."""
    if count_nodes(store) == 0:
        raise ValueError("the graph is empty: load documents first (missiongraph load FOLDER)")
    if around:
        return neighbourhood(store, around, depth, max_nodes, max_edges)
    if query:
        return query_part(store, query, params or query.params, max_nodes, max_edges)
    return whole_graph(store, max_nodes, max_edges)


def summary_line(part: Part, size_bytes: int) -> str:
    """What was drawn, in one line: nodes, edges, file size, and what the budgets left out."""
    graph = part.graph
    line = f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges, {size_bytes / 1024:,.0f} KB"
    return f"{line}; {part.note}" if part.note else line


def visualise(store: GraphStore, output: Path, *, query: SavedQuery | None = None,
              params: dict[str, Any] | None = None, around: str | None = None, depth: int = 2,
              max_nodes: int = DEFAULT_MAX_NODES, max_edges: int | None = DEFAULT_MAX_EDGES,
              title: str | None = None) -> tuple[Path, str]:
    """Write the HTML file; returns its path and a one-line summary (see ``choose_part``, ``summary_line``)."""
    from ..viz.html import write_html
    from ..viz.network import build_network

    part = choose_part(store, query=query, params=params, around=around, depth=depth, max_nodes=max_nodes,
                       max_edges=max_edges)
    if around:
        title = title or f"missiongraph: {around} (depth {depth})"
    elif query:
        title = title or f"missiongraph: {query.name}"
    network = build_network(part.graph, title=title or "missiongraph: whole graph")
    path = write_html(network, output)
    return path, summary_line(part, path.stat().st_size)
