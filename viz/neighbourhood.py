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
    """Node ids whose id, key or caption starts with ``around``, contains it, or resembles it (difflib ratio at
    least 0.6), in that order, the most similar first within each."""
    schema = schema or load_schema()
    wanted = around.strip().casefold()
    scored: list[tuple[int, float, str]] = []
    for node_id, attrs in graph.nodes(data=True):
        _, key = split_id(node_id, attrs)
        for name in {str(node_id).casefold(), key.casefold(), node_caption(node_id, attrs, schema).casefold()}:
            ratio = difflib.SequenceMatcher(None, wanted, name).ratio()
            if wanted and name.startswith(wanted):
                scored.append((0, -ratio, node_id))
            elif wanted and wanted in name:
                scored.append((1, -ratio, node_id))
            elif ratio >= 0.6:
                scored.append((2, -ratio, node_id))
    result: list[str] = []
    for _, _, node_id in sorted(scored):
        if node_id not in result:
            result.append(node_id)
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
