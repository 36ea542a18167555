"""The part of a graph around one node: for drawing a readable piece of a large graph."""

from __future__ import annotations

import difflib
from collections import deque

import networkx as nx

from missiongraph.schema import Schema, load_schema

from .network import node_caption, split_id

CLOSE_MATCHES = 8


def find_nodes(graph: nx.MultiDiGraph, around: str, schema: Schema | None = None) -> list[str]:
    """Node ids matching ``around``, case-insensitive: the node id itself, else every node whose key or caption
    equals it (a key can be shared by two labels, e.g. a Document and a Kamerstuk). Empty when none match."""
    schema = schema or load_schema()
    wanted = around.strip().casefold()
    for node_id in graph.nodes:
        if str(node_id).casefold() == wanted:
            return [node_id]
    found = []
    for node_id, attrs in graph.nodes(data=True):
        _, key = split_id(node_id, attrs)
        if wanted in (key.casefold(), node_caption(node_id, attrs, schema).casefold()):
            found.append(node_id)
    return found


def close_matches(graph: nx.MultiDiGraph, around: str, schema: Schema | None = None,
                  limit: int = CLOSE_MATCHES) -> list[str]:
    """Node ids whose id, key or caption contains ``around`` or resembles it (difflib), best first."""
    schema = schema or load_schema()
    wanted = around.strip().casefold()
    names: dict[str, str] = {}  # casefolded id/key/caption -> node id
    for node_id, attrs in graph.nodes(data=True):
        _, key = split_id(node_id, attrs)
        for name in (str(node_id), key, node_caption(node_id, attrs, schema)):
            names.setdefault(name.casefold(), node_id)
    result: list[str] = []
    for name, node_id in names.items():
        if wanted and wanted in name and node_id not in result:
            result.append(node_id)
    for name in difflib.get_close_matches(wanted, list(names), n=limit, cutoff=0.6):
        if names[name] not in result:
            result.append(names[name])
    return result[:limit]


def graph_neighbourhood(graph: nx.MultiDiGraph, around: str, depth: int, *,
                        schema: Schema | None = None) -> nx.MultiDiGraph:
    """The subgraph of every node within ``depth`` steps of the node(s) matching ``around``, edges followed in
    both directions, with all edges among those nodes (an induced subgraph; a copy).

    ``around`` is matched case-insensitively against node ids, then keys and captions (see ``find_nodes``).
    Raises ValueError when nothing matches, listing close matches, or when ``depth`` is negative.
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, got {depth}")
    schema = schema or load_schema()
    centres = find_nodes(graph, around, schema)
    if not centres:
        close = close_matches(graph, around, schema)
        hint = f"; close matches: {', '.join(close)}" if close else "; no close matches"
        raise ValueError(f"no node matches {around!r} (by id, key or caption){hint}")
    distance = {node: 0 for node in centres}
    queue = deque(centres)
    while queue:
        node = queue.popleft()
        if distance[node] == depth:
            continue
        for other in (*graph.successors(node), *graph.predecessors(node)):
            if other not in distance:
                distance[other] = distance[node] + 1
                queue.append(other)
    return graph.subgraph(distance).copy()
