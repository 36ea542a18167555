"""The part of the graph to draw, fetched from the store without loading the whole graph.

A large graph (100k documents: ~11 million relationships) cannot be held in memory as a networkx graph, and a
picture of more than a few thousand nodes cannot be read anyway. So the visualisation asks the store for only
what it draws:

* the centre node(s) of ``--around``, matched by id, key or caption on node names alone (no relationship is
  read), with the same rules as the in-memory ``missiongraph.viz.neighbourhood.graph_neighbourhood``;
* the neighbourhood, breadth-first in the store, one level at a time, within a node budget (``max_nodes``);
* a saved query's nodes, looked up by key;
* the nodes chosen and the relationships among them (the induced subgraph), as the networkx graph
  ``missiongraph.viz.network.build_network`` takes (the shape of ``GraphStore.to_networkx``), within an edge
  budget (``max_edges``): beyond it, one edge per node pair and type;
* the whole graph only when it fits the node budget.

Every statement is parameterised and runs unchanged on LadybugDB and Neo4j: one statement per label, or per
relationship type and endpoint pair from the schema (no ``labels(n)``/``type(r)``, which the engines spell
differently), with the keys in ``UNWIND $keys`` batches that are never empty (LadybugDB refuses an empty list).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..saved import SavedQuery
from ..schema import Schema
from ..stores.base import GraphStore
from ..viz.neighbourhood import NodeName, check_depth, closest_names, match_names, no_match_error

# The largest picture drawn by default: the size docs/visualisation.md benchmarks (5,000 nodes draw in about
# 2 s in the browser); more is a hairball that takes long to open.
DEFAULT_MAX_NODES = 5000
# The most edges drawn by default: the size docs/visualisation.md benchmarks with 5,000 nodes (3 edges per node).
DEFAULT_MAX_EDGES = 15000
# End keys up to which relationships are filtered in the store with IN $targets (see pair_counts).
IN_LIST_MAX = 100
# Relationships read from start nodes per node pair wanted, above which link_edges looks pairs up one by one
# instead (LadybugDB, 1,000-document corpus: 17,000 relationships read in 0.16 s; 2,000 pair lookups 0.3-0.6 s).
PAIR_LOOKUP_ROWS = 30
# Keys per UNWIND batch: large enough that a 5,000-node neighbourhood needs few statements per label.
KEY_BATCH = 2000

Ref = tuple[str, str]   # (label, key): a node


@dataclass(frozen=True)
class Part:
    """A part of the graph to draw, and what was left out of it."""

    graph: nx.MultiDiGraph
    note: str = ""   # one line on what the budgets left out; empty when nothing was


def ref_of(node: str) -> Ref:
    """The (label, key) of a ``Label:key`` node id (labels hold no colon; keys may)."""
    label, _, key = node.partition(":")
    return label, key


def _check_budget(max_nodes: int, max_edges: int | None = None) -> None:
    """Raise ValueError for a node or edge budget below 1."""
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be 1 or more, got {max_nodes}")
    if max_edges is not None and max_edges < 1:
        raise ValueError(f"max_edges must be 1 or more, got {max_edges}")


def _by_label(refs: Iterable[Ref]) -> dict[str, list[str]]:
    """Keys per label, sorted (so the statements, and what they return, do not depend on set order)."""
    out: dict[str, set[str]] = defaultdict(set)
    for label, key in refs:
        out[label].add(key)
    return {label: sorted(keys) for label, keys in out.items()}


def _run_batched(store: GraphStore, cypher: str, items: list[Any], *, name: str = "keys",
                 **params: Any) -> Iterator[list[Any]]:
    """Rows of ``cypher`` run once per batch of KEY_BATCH ``items`` (as ``$keys``, or ``$<name>``)."""
    for i in range(0, len(items), KEY_BATCH):
        yield from store.run(cypher, {name: items[i:i + KEY_BATCH], **params}).rows


# --------------------------------------------------------------------------------------------------------------
# Nodes: counting, names, lookups.
# --------------------------------------------------------------------------------------------------------------

def count_nodes(store: GraphStore) -> int:
    """How many nodes the graph has (one count per label; no node is read)."""
    return sum(store.run(f"MATCH (n:{label}) RETURN count(n)").rows[0][0] for label in store.schema.labels)


def node_names(store: GraphStore) -> Iterator[NodeName]:
    """(node id, key, caption) of every node, label by label in schema order, by key: what ``--around`` is
    matched against. Reads two properties per node and no relationship."""
    for label, spec in store.schema.labels.items():
        with_caption = spec.caption != spec.key
        columns = f"n.{spec.key}, n.{spec.caption}" if with_caption else f"n.{spec.key}"
        rows = store.run(f"MATCH (n:{label}) RETURN {columns}").rows
        for row in sorted(rows, key=lambda r: str(r[0])):
            key = str(row[0])
            caption = str(row[1]).strip() if with_caption and row[1] is not None else ""
            yield f"{label}:{key}", key, caption or key


def find_centres(store: GraphStore, around: str) -> list[Ref]:
    """The node(s) ``around`` names, as ``missiongraph.viz.neighbourhood.match_names`` decides: a node id
    (``Mission:MINUSMA``; written exactly, else in any case), else every node whose key or caption equals it,
    case-insensitive.

    An id written exactly is one primary-key lookup; anything else reads the node names. Raises ValueError
    listing close matches when nothing matches.
    """
    label, _, key = around.strip().partition(":")
    if key and label in store.schema.labels:
        spec = store.schema.labels[label]
        if store.run(f"MATCH (n:{label} {{{spec.key}: $key}}) RETURN n.{spec.key}", {"key": key}).rows:
            return [(label, key)]
    found = match_names(node_names(store), around)
    if not found:
        raise no_match_error(around, closest_names(node_names(store), around))
    return [ref_of(node) for node in found]


def refs_by_key(store: GraphStore, keys: Iterable[str]) -> dict[str, list[Ref]]:
    """For each of ``keys``, the nodes of any label with that key (labels in schema order): one primary-key
    lookup per label and batch, no scan."""
    wanted = sorted(set(keys))
    found: dict[str, list[Ref]] = defaultdict(list)
    if not wanted:
        return found
    for label, spec in store.schema.labels.items():
        cypher = f"UNWIND $keys AS k MATCH (n:{label} {{{spec.key}: k}}) RETURN n.{spec.key}"
        for (key,) in _run_batched(store, cypher, wanted):
            found[str(key)].append((label, str(key)))
    return found


# --------------------------------------------------------------------------------------------------------------
# The neighbourhood: breadth-first in the store, within a node budget.
# --------------------------------------------------------------------------------------------------------------

def endpoint_types(schema: Schema) -> dict[tuple[str, str], list[str]]:
    """Relationship types per (start label, end label) pair, in schema order."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for rel_type, spec in schema.relationships.items():
        for start, end in spec.endpoints:
            out[(start, end)].append(rel_type)
    return dict(out)


def neighbour_counts(store: GraphStore, refs: Iterable[Ref]) -> Counter[Ref]:
    """Every node linked to one of ``refs`` (either direction), with how many relationships link it to them.

    One statement per endpoint pair and direction whose label ``refs`` has, counted in the store: a hub linked
    to 100k documents returns one row per distinct neighbour, never the relationships themselves.
    """
    keys = _by_label(refs)
    counts: Counter[Ref] = Counter()
    for (start, end), types in endpoint_types(store.schema).items():
        skey, ekey = store.schema.label(start).key, store.schema.label(end).key
        rels = "|".join(types)
        if start in keys:
            cypher = (f"UNWIND $keys AS k MATCH (a:{start} {{{skey}: k}})-[:{rels}]->(b:{end}) "
                      f"RETURN b.{ekey}, count(*)")
            for key, n in _run_batched(store, cypher, keys[start]):
                counts[(end, str(key))] += n
        if end in keys:
            cypher = (f"UNWIND $keys AS k MATCH (b:{end} {{{ekey}: k}})<-[:{rels}]-(a:{start}) "
                      f"RETURN a.{skey}, count(*)")
            for key, n in _run_batched(store, cypher, keys[end]):
                counts[(start, str(key))] += n
    return counts


@dataclass(frozen=True)
class Expansion:
    """The nodes a breadth-first expansion chose, and what the budget left out."""

    nodes: list[Ref]   # centres first, then level by level, the most connected first within a level
    found: int         # nodes within ``reached`` steps: more than len(nodes) when the budget cut
    reached: int       # the deepest level looked at (less than the depth asked when nothing was left)
    max_nodes: int

    @property
    def truncated(self) -> bool:
        return self.found > len(self.nodes)

    def note(self) -> str:
        """One line on what the budget left out, for the summary the CLI prints; empty when nothing was."""
        if not self.truncated:
            return ""
        return (f"{len(self.nodes):,} of {self.found:,} nodes within depth {self.reached}, "
                f"the most connected kept (--max-nodes {self.max_nodes:,})")


def expand(store: GraphStore, centres: list[Ref], depth: int, max_nodes: int) -> Expansion:
    """Every node within ``depth`` steps of ``centres``, edges followed in both directions, at most
    ``max_nodes`` of them.

    Level by level: the neighbours of the last level's nodes that are not chosen yet form the next level. When
    a level does not fit in the budget, its nodes with the most relationships to the previous level are kept
    (ties by label, then key), and the expansion stops there: nearer nodes always go before farther ones, and
    the same graph always gives the same nodes.
    """
    check_depth(depth)
    _check_budget(max_nodes)
    ordered = sorted(set(centres))
    chosen: dict[Ref, None] = dict.fromkeys(ordered[:max_nodes])
    found, level, frontier = len(ordered), 0, list(chosen)
    while level < depth and frontier and found == len(chosen):
        counts = neighbour_counts(store, frontier)
        new = sorted((ref for ref in counts if ref not in chosen), key=lambda ref: (-counts[ref], ref))
        if not new:
            break
        level += 1
        found += len(new)
        frontier = new[:max_nodes - len(chosen)]
        chosen.update(dict.fromkeys(frontier))
    return Expansion(nodes=list(chosen), found=found, reached=level, max_nodes=max_nodes)


# --------------------------------------------------------------------------------------------------------------
# The drawn graph: chosen nodes and the relationships among them.
# --------------------------------------------------------------------------------------------------------------

# A relationship type with one of its endpoint pairs: (type, start label, end label).
Link = tuple[str, str, str]


def _sort_value(value: Any) -> tuple[bool, Any]:
    """Sort nulls last, whatever the type of the rest."""
    return (value is None, value if value is not None else 0)


def _add_nodes(store: GraphStore, graph: nx.MultiDiGraph, keys: dict[str, list[str]]) -> dict[str, list[str]]:
    """Add the nodes named by ``keys`` (per label) that the store has, with their properties (nulls left out),
    label by label in schema order, by key; returns the keys found per label."""
    present: dict[str, list[str]] = {}
    for label, spec in store.schema.labels.items():
        if label not in keys:
            continue
        columns = list(spec.properties)
        cypher = (f"UNWIND $keys AS k MATCH (n:{label} {{{spec.key}: k}}) "
                  f"RETURN {', '.join(f'n.{p}' for p in columns)}")
        rows = sorted((dict(zip(columns, row)) for row in _run_batched(store, cypher, keys[label])),
                      key=lambda props: str(props[spec.key]))
        for props in rows:
            key = props[spec.key]
            graph.add_node(f"{label}:{key}", label=label, key=key,
                           props={k: v for k, v in props.items() if v is not None})
        present[label] = [str(props[spec.key]) for props in rows]
    return present


def _links(schema: Schema, present: dict[str, list[str]]) -> list[Link]:
    """The (type, start, end) triples that can link the present nodes, in schema order."""
    return [(rel_type, start, end) for rel_type, spec in schema.relationships.items()
            for start, end in spec.endpoints if present.get(start) and present.get(end)]


@dataclass(frozen=True)
class LinkPairs:
    """The node pairs one link joins among the nodes drawn."""

    rows: list[list[Any]]   # start key, end key, how many relationships
    scanned: int            # relationships the counting statement read (those of the start nodes)


def _from_starts(schema: Schema, link: Link, targets: list[str]) -> tuple[str, dict[str, Any]]:
    """The MATCH of a link's relationships from a batch of start keys (``$keys``), and the parameters besides
    them: end keys are tested in the store with ``IN $targets`` only when they are few (LadybugDB tests IN
    against the list item by item: 2,600 targets made a statement three times slower than returning every
    relationship and filtering here)."""
    rel_type, start, end = link
    skey, ekey = schema.label(start).key, schema.label(end).key
    match = f"UNWIND $keys AS k MATCH (a:{start} {{{skey}: k}})-[r:{rel_type}]->(b:{end})"
    if len(targets) <= IN_LIST_MAX:
        return f"{match} WHERE b.{ekey} IN $targets", {"targets": targets}
    return match, {}


def pair_counts(store: GraphStore, present: dict[str, list[str]]) -> dict[Link, LinkPairs]:
    """Per link, the pairs of present nodes it joins, counted in the store: no relationship is transferred.

    Relationships are read from their start node: in this schema start nodes (documents, mostly) have few
    relationships each, while end nodes can be hubs with tens of thousands.
    """
    schema = store.schema
    out: dict[Link, LinkPairs] = {}
    for link in _links(schema, present):
        _, start, end = link
        match, params = _from_starts(schema, link, present[end])
        cypher = f"{match} RETURN a.{schema.label(start).key}, b.{schema.label(end).key}, count(*)"
        rows = list(_run_batched(store, cypher, present[start], **params))
        wanted = set(present[end])
        kept = [row for row in rows if str(row[1]) in wanted]
        if kept:
            out[link] = LinkPairs(kept, sum(row[2] for row in rows))
    return out


def first_per_pair(rows: list[list[Any]], columns: list[str]) -> tuple[list[list[Any]], Counter[tuple[str, str]]]:
    """Of relationship rows (start key, end key, properties), the first per node pair (by document, then span),
    and how many documents state each pair."""
    doc, span = 2 + columns.index("doc"), 2 + columns.index("span_start")
    first: dict[tuple[str, str], list[Any]] = {}
    docs: dict[tuple[str, str], set[Any]] = defaultdict(set)
    for row in rows:
        pair = (str(row[0]), str(row[1]))
        docs[pair].add(row[doc])
        order = (_sort_value(row[doc]), _sort_value(row[span]))
        if pair not in first or order < (_sort_value(first[pair][doc]), _sort_value(first[pair][span])):
            first[pair] = row
    return list(first.values()), Counter({pair: len(found) for pair, found in docs.items()})


def link_edges(store: GraphStore, link: Link, present: dict[str, list[str]], pairs: LinkPairs, *,
               first_only: bool) -> tuple[list[list[Any]], Counter[tuple[str, str]]]:
    """The relationships of ``link`` between ``pairs`` (rows: start key, end key, the type's properties): all
    of them, or with ``first_only`` one per pair, the first document's (the first by span when it states the
    link at several places); and how many documents state each pair (counted only with ``first_only``).

    Read from the start nodes when that reads at most PAIR_LOOKUP_ROWS relationships per pair wanted; else per
    pair, counted in the store and, with ``first_only``, only the first document's fetched (a person holding a
    post is stated in every letter they sign: 24 pairs, 4,584 relationships in the 1,000-document corpus).
    """
    rel_type, start, end = link
    schema = store.schema
    skey, ekey = schema.label(start).key, schema.label(end).key
    columns = list(schema.rel(rel_type).properties)
    ret = f"RETURN a.{skey}, b.{ekey}, {', '.join(f'r.{p}' for p in columns)}"
    wanted = {(str(a), str(b)) for a, b, _ in pairs.rows}
    if pairs.scanned <= PAIR_LOOKUP_ROWS * len(wanted):
        starts = sorted({a for a, _ in wanted})
        match, params = _from_starts(schema, link, present[end])
        rows = [row for row in _run_batched(store, f"{match} {ret}", starts, **params)
                if (str(row[0]), str(row[1])) in wanted]
        return first_per_pair(rows, columns) if first_only else (rows, Counter())
    match = f"UNWIND $pairs AS p MATCH (a:{start} {{{skey}: p.a}})-[r:{rel_type}]->(b:{end} {{{ekey}: p.b}})"
    batch = [{"a": a, "b": b} for a, b in sorted(wanted)]
    if not first_only:
        return list(_run_batched(store, f"{match} {ret}", batch, name="pairs")), Counter()
    counted = list(_run_batched(store, f"{match} RETURN a.{skey}, b.{ekey}, count(DISTINCT r.doc), min(r.doc)",
                                batch, name="pairs"))
    batch = [{"a": str(a), "b": str(b), "doc": doc} for a, b, _, doc in counted]
    rows, _ = first_per_pair(list(_run_batched(store, f"{match} WHERE r.doc = p.doc {ret}", batch, name="pairs")),
                             columns)
    return rows, Counter({(str(a), str(b)): n for a, b, n, _ in counted})


def _add_edges(graph: nx.MultiDiGraph, schema: Schema, link: Link, rows: list[list[Any]],
               extra: dict[tuple[str, str], dict[str, Any]] | None = None) -> None:
    """Add one edge per row (start key, end key, the type's properties), in the order of
    ``GraphStore.relationships``: by start key, end key, document and span; ``extra`` adds properties per
    (start key, end key)."""
    rel_type, start, end = link
    columns = list(schema.rel(rel_type).properties)
    doc, span = 2 + columns.index("doc"), 2 + columns.index("span_start")
    rows = sorted(rows, key=lambda row: (str(row[0]), str(row[1]), _sort_value(row[doc]), _sort_value(row[span])))
    for row in rows:
        props = {k: v for k, v in zip(columns, row[2:]) if v is not None}
        props.update((extra or {}).get((str(row[0]), str(row[1])), {}))
        graph.add_edge(f"{start}:{row[0]}", f"{end}:{row[1]}", type=rel_type, props=props)


def budget_pairs(counts: dict[Link, LinkPairs], order: list[Ref], max_edges: int) -> dict[Link, LinkPairs]:
    """At most ``max_edges`` of the node pairs in ``counts`` (rows as ``pair_counts`` gives them), chosen by
    the nodes' place in ``order`` (nearest first): first, for every node, its pair with the earliest node
    before it (so each node drawn stays joined to the nearer part, as in the breadth-first tree), then the
    others; within each, by the later node's place, then the earlier node's, then schema order."""
    rank = {ref: i for i, ref in enumerate(order)}
    items: list[tuple[int, int, int, Link, list[Any]]] = []   # (later, earlier, link index, link, row)
    for index, (link, pairs) in enumerate(counts.items()):
        _, start, end = link
        for row in pairs.rows:
            a, b = rank[(start, str(row[0]))], rank[(end, str(row[1]))]
            items.append((max(a, b), min(a, b), index, link, row))
    tree: dict[int, int] = {}   # later node's rank -> the item joining it to the earliest node before it
    for i, (later, earlier, index, _, _) in enumerate(items):
        best = tree.get(later)
        if best is None or (earlier, index) < (items[best][1], items[best][2]):
            tree[later] = i
    in_tree = set(tree.values())
    ranked = sorted(range(len(items)), key=lambda i: (i not in in_tree, items[i][0], items[i][1], items[i][2]))
    kept: dict[Link, list[list[Any]]] = defaultdict(list)
    for i in ranked[:max_edges]:
        kept[items[i][3]].append(items[i][4])
    # The relationships reading the kept pairs' start nodes would read: the link's average per pair.
    return {link: LinkPairs(kept[link], counts[link].scanned * len(kept[link]) // len(counts[link].rows))
            for link in counts if link in kept}


def induced_graph(store: GraphStore, refs: Iterable[Ref], max_edges: int | None = None) -> Part:
    """The nodes ``refs`` names (those the store has) with their properties and the relationships among them,
    in the shape of ``GraphStore.to_networkx`` (node id ``Label:key`` with attributes label, key and props,
    nulls left out; edges with type and props), nodes and edges in the same order as there.

    Every relationship when there are at most ``max_edges`` (or no limit). Else one edge per node pair and
    type: the first document's, with the property ``documents`` saying how many documents state it when more
    than one (a person HOLDS_POST a ministry in every letter they sign); and when there are more pairs than
    ``max_edges``, those ``budget_pairs`` chooses (``refs`` in order of nearness). The part's note says so.
    """
    order = list(dict.fromkeys(refs))
    graph = nx.MultiDiGraph()
    present = _add_nodes(store, graph, _by_label(order))
    counts = pair_counts(store, present)
    total = sum(row[2] for pairs in counts.values() for row in pairs.rows)
    if max_edges is None or total <= max_edges:
        for link, pairs in counts.items():
            _add_edges(graph, store.schema, link, link_edges(store, link, present, pairs, first_only=False)[0])
        return Part(graph)
    kept = budget_pairs(counts, order, max_edges)
    for link, pairs in kept.items():
        rows, docs = link_edges(store, link, present, pairs, first_only=True)
        extra = {pair: {"documents": n} for pair, n in docs.items() if n > 1}
        _add_edges(graph, store.schema, link, rows, extra)
    n_pairs = sum(len(pairs.rows) for pairs in counts.values())
    n_kept = sum(len(pairs.rows) for pairs in kept.values())
    which = "" if n_kept == n_pairs else f", for {n_kept:,} of {n_pairs:,} pairs"
    return Part(graph, f"{graph.number_of_edges():,} of {total:,} edges: one per node pair and type{which} "
                       f"(--max-edges {max_edges:,})")


# --------------------------------------------------------------------------------------------------------------
# The three parts the visualisation draws.
# --------------------------------------------------------------------------------------------------------------

def _with_note(part: Part, note: str) -> Part:
    """``part`` with ``note`` put before its own (each says what one budget left out)."""
    return Part(part.graph, "; ".join(n for n in (note, part.note) if n))


def neighbourhood(store: GraphStore, around: str, depth: int, max_nodes: int = DEFAULT_MAX_NODES,
                  max_edges: int | None = DEFAULT_MAX_EDGES) -> Part:
    """The nodes within ``depth`` steps of the node(s) ``around`` names (see ``find_centres``), at most
    ``max_nodes`` of them (see ``expand``), and the relationships among them (see ``induced_graph``). Within
    the budgets this is the same graph as ``graph_neighbourhood(store.to_networkx(), around, depth)``, without
    reading the rest of the graph."""
    check_depth(depth)
    expansion = expand(store, find_centres(store, around), depth, max_nodes)
    return _with_note(induced_graph(store, expansion.nodes, max_edges), expansion.note())


def neighbourhood_graph(store: GraphStore, around: str, depth: int, max_nodes: int = DEFAULT_MAX_NODES,
                        max_edges: int | None = DEFAULT_MAX_EDGES) -> nx.MultiDiGraph:
    """``neighbourhood(...).graph``: the networkx graph alone (for benchmarks and scripts)."""
    return neighbourhood(store, around, depth, max_nodes, max_edges).graph


def _named(value: Any, schema: Schema, out: list[Ref | str]) -> None:
    """Append to ``out`` what a query result value names, in order: nodes (dicts with ``_label`` and their
    key) as refs, also inside paths, lists and maps; plain strings as keys to look up in every label."""
    if isinstance(value, dict):
        spec = schema.labels.get(str(value.get("_label")))
        if spec is not None and value.get(spec.key) is not None:
            out.append((spec.name, str(value[spec.key])))
        for v in value.values():
            if isinstance(v, (list, dict)):
                _named(v, schema, out)
    elif isinstance(value, list):
        for v in value:
            _named(v, schema, out)
    elif isinstance(value, str):
        out.append(value)


def query_part(store: GraphStore, query: SavedQuery, params: dict[str, Any],
               max_nodes: int = DEFAULT_MAX_NODES, max_edges: int | None = DEFAULT_MAX_EDGES) -> Part:
    """The nodes a saved query's parameters and rows name (nodes, paths, lists, or plain key strings, which
    name the nodes of every label with that key) and the relationships among them (see ``induced_graph``).

    At most ``max_nodes``: the first named, parameters first, then row by row (queries put what matters most
    first). Raises ValueError when the rows name no node.
    """
    _check_budget(max_nodes, max_edges)
    result = store.run(query.cypher, params)
    named: list[Ref | str] = []
    for value in [*params.values(), *(v for row in result.rows for v in row)]:
        _named(value, store.schema, named)
    by_key = refs_by_key(store, (item for item in named if isinstance(item, str)))
    chosen: dict[Ref, None] = {}
    for item in named:
        for ref in (by_key.get(item, []) if isinstance(item, str) else [item]):
            chosen.setdefault(ref)
    kept = list(chosen)[:max_nodes]
    part = induced_graph(store, kept, max_edges)
    if part.graph.number_of_nodes() == 0:
        raise ValueError(f"query {query.name!r} returned nothing to draw ({len(result.rows)} rows)")
    note = ""
    if len(chosen) > len(kept):
        note = (f"{len(kept):,} of {len(chosen):,} nodes the query names, the first kept "
                f"(--max-nodes {max_nodes:,})")
    return _with_note(part, note)


def all_refs(store: GraphStore) -> Iterator[Ref]:
    """Every node, label by label in schema order, by key (reads keys only)."""
    for label, spec in store.schema.labels.items():
        keys = sorted(str(row[0]) for row in store.run(f"MATCH (n:{label}) RETURN n.{spec.key}").rows)
        yield from ((label, key) for key in keys)


def whole_graph(store: GraphStore, max_nodes: int = DEFAULT_MAX_NODES,
                max_edges: int | None = DEFAULT_MAX_EDGES) -> Part:
    """The whole graph (see ``induced_graph``: the same as ``store.to_networkx()`` within ``max_edges``), when it
    has at most ``max_nodes`` nodes; else ValueError saying how to draw a part."""
    _check_budget(max_nodes, max_edges)
    total = count_nodes(store)
    if total > max_nodes:
        raise ValueError(f"the graph has {total:,} nodes, more than --max-nodes {max_nodes:,} can draw: draw a "
                         f"part with --around NODE (--depth N) or --query NAME")
    return induced_graph(store, all_refs(store), max_edges)
