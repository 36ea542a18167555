"""The part of a graph around one node: for drawing a readable piece of a large graph.

Matching ``--around`` against nodes works on *names*: ``(node id, key, caption)`` triples. ``graph_names`` makes
them from a networkx graph held in memory; ``missiongraph.outputs.subgraph.node_names`` reads them from a store without
fetching any relationship. ``match_names`` and ``closest_names`` are the same rules for both, so the in-memory
``graph_neighbourhood`` and the store-side ``missiongraph.outputs.subgraph.neighbourhood`` find the same centres.
"""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Iterable, Iterator

import networkx as nx

from missiongraph.schema import Schema, load_schema

from .network import node_caption, split_id

CLOSE_MATCHES = 8
CLOSE_RATIO = 0.6   # difflib similarity from which a name counts as a close match

# (node id "Label:key", key, caption): what ``--around`` is matched against.
NodeName = tuple[str, str, str]


def graph_names(graph: nx.MultiDiGraph, schema: Schema | None = None) -> Iterator[NodeName]:
    """The name triple of every node of ``graph``, in the graph's node order."""
    schema = schema or load_schema()
    for node_id, attrs in graph.nodes(data=True):
        _, key = split_id(node_id, attrs)
        yield str(node_id), key, node_caption(node_id, attrs, schema)


def match_names(names: Iterable[NodeName], around: str) -> list[str]:
    """Node ids matching ``around``, case-insensitive: the node whose id equals it (one written exactly as
    ``around``, else the first in the order of ``names``), else every node whose key or caption equals it (a key
    can be shared by two labels, e.g. a Document and a Kamerstuk), in the order of ``names``. Empty when none
    match."""
    exact = around.strip()
    wanted = exact.casefold()
    by_id: list[str] = []
    found: list[str] = []
    for node_id, key, caption in names:
        if node_id == exact:
            return [node_id]
        if node_id.casefold() == wanted:
            by_id.append(node_id)
        elif wanted in (key.casefold(), caption.casefold()):
            found.append(node_id)
    return by_id[:1] or found


def closest_names(names: Iterable[NodeName], around: str, limit: int = CLOSE_MATCHES) -> list[str]:
    """Node ids whose id, key or caption starts with ``around``, contains it, or resembles it (difflib ratio at
    least CLOSE_RATIO), in that order, the most similar first within each, then by id."""
    wanted = around.strip().casefold()
    scored: list[tuple[int, float, str]] = []
    for node_id, key, caption in names:
        for name in {node_id.casefold(), key.casefold(), caption.casefold()}:
            if wanted and name.startswith(wanted):
                scored.append((0, -_ratio(wanted, name), node_id))
            elif wanted and wanted in name:
                scored.append((1, -_ratio(wanted, name), node_id))
            else:
                ratio = _ratio(wanted, name, at_least=CLOSE_RATIO)
                if ratio >= CLOSE_RATIO:
                    scored.append((2, -ratio, node_id))
    result: list[str] = []
    for _, _, node_id in sorted(scored):
        if node_id not in result:
            result.append(node_id)
    return result[:limit]


def _ratio(a: str, b: str, at_least: float = 0.0) -> float:
    """difflib's similarity of ``a`` and ``b``; 0.0 when its cheap upper bounds already say it is below
    ``at_least`` (the same answer for every threshold test, far faster on tens of thousands of names)."""
    matcher = difflib.SequenceMatcher(None, a, b)
    if at_least and (matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least):
        return 0.0
    return matcher.ratio()


def no_match_error(around: str, close: list[str]) -> ValueError:
    """The error for an ``--around`` that names no node, listing the close matches."""
    hint = f"; close matches: {', '.join(close)}" if close else "; no close matches"
    return ValueError(f"no node matches {around!r} (by id, key or caption){hint}")


def check_depth(depth: int) -> None:
    """Raise ValueError for a negative depth."""
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, got {depth}")


def find_nodes(graph: nx.MultiDiGraph, around: str, schema: Schema | None = None) -> list[str]:
    """Node ids of ``graph`` matching ``around`` (see ``match_names``)."""
    return match_names(graph_names(graph, schema), around)


def close_matches(graph: nx.MultiDiGraph, around: str, schema: Schema | None = None,
                  limit: int = CLOSE_MATCHES) -> list[str]:
    """Node ids of ``graph`` that nearly match ``around`` (see ``closest_names``)."""
    return closest_names(graph_names(graph, schema), around, limit)


def graph_neighbourhood(graph: nx.MultiDiGraph, around: str, depth: int, *,
                        schema: Schema | None = None) -> nx.MultiDiGraph:
    """The subgraph of every node within ``depth`` steps of the node(s) matching ``around``, edges followed in
    both directions, with all edges among those nodes (an induced subgraph; a copy).

    For a graph held in memory; ``missiongraph.outputs.subgraph.neighbourhood`` does the same in a store, without
    loading the graph, and with a node budget.

    ``around`` is matched case-insensitively against node ids, then keys and captions (see ``match_names``).
    Raises ValueError when nothing matches, listing close matches, or when ``depth`` is negative.
    """
    check_depth(depth)
    schema = schema or load_schema()
    centres = find_nodes(graph, around, schema)
    if not centres:
        raise no_match_error(around, close_matches(graph, around, schema))
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
