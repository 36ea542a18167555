"""Copy a graph from one store to another in batches of documents (``missiongraph push``).

A document's facts are the relationships whose ``doc`` is its id, with their endpoint nodes. ``push`` reads the
source ``read_size`` documents at a time and writes them with the target's ``write_documents`` in batches of
``batch_size``, so pushing is an upsert exactly like loading (a document already in the target has its facts
replaced) and memory holds one read batch, never the whole graph. Everything is copied: every property of the
nodes, every property of the relationships, with their provenance.

A read batch is a run of consecutive Document ids in the source's own order (``ORDER BY d.id``, pages of
``WHERE d.id > $after … LIMIT``): its relationships are read per type and endpoint pair with one range
condition on ``doc`` (``r.doc >= $first AND r.doc <= $last``, checked per relationship, where ``r.doc IN $docs``
with a list of 1,000 ids cost five times as much on LadybugDB), then the endpoints' properties by key. A
relationship whose ``doc`` is not a Document of the source belongs to no document and is not copied, nor is a
node that no copied relationship reaches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..model import DocumentGraph, Node, NodeRef, Provenance, Relationship
from ..schema import Schema
from .base import KEY_CHUNK, GraphStore, chunks, existing_nodes_cypher

Row = list[Any]


def documents_page_cypher(schema: Schema, *, first: bool) -> str:
    """Up to ``$limit`` Document nodes, key first then every property, in key order; after the first page only
    those whose key sorts after ``$after`` (the last key of the previous page)."""
    spec = schema.label("Document")
    props = [spec.key, *(p for p in spec.properties if p != spec.key)]
    where = "" if first else f" WHERE d.{spec.key} > $after"
    return (f"MATCH (d:Document){where} RETURN " + ", ".join(f"d.{p}" for p in props)
            + f" ORDER BY d.{spec.key} LIMIT $limit")


def range_rels_cypher(rel_type: str, start: str, end: str, schema: Schema) -> str:
    """The relationships of one type and endpoint pair whose ``doc`` lies between ``$first`` and ``$last``: both
    endpoints' keys, then every property of the type (provenance included) in schema order."""
    skey, ekey = schema.label(start).key, schema.label(end).key
    props = ", ".join(f"r.{p}" for p in schema.rel(rel_type).properties)
    return (f"MATCH (a:{start})-[r:{rel_type}]->(b:{end}) WHERE r.doc >= $first AND r.doc <= $last "
            f"RETURN a.{skey}, b.{ekey}, {props}")


def node_from_row(label: str, row: Row, schema: Schema) -> Node:
    """A node from a row of ``existing_nodes_cypher`` (key first, then the other properties in schema order);
    null properties are left out, as a document's graph leaves them out."""
    spec = schema.label(label)
    others = [p for p in spec.properties if p != spec.key]
    return Node(label, row[0], {p: v for p, v in zip(others, row[1:]) if v is not None})


def rel_from_row(rel_type: str, start: str, end: str, row: Row, schema: Schema) -> Relationship:
    """A relationship from a row of ``range_rels_cypher``: provenance from the provenance properties, the type's
    own non-null properties as its properties, ``occurrences`` as its count."""
    props = dict(zip(schema.rel(rel_type).properties, row[2:]))
    prov = Provenance(doc=props["doc"], start=props["span_start"], end=props["span_end"],
                      text=props["text"] if props["text"] is not None else "",
                      sentence=props["sentence"] if props["sentence"] is not None else "",
                      page=props["page"] if props["page"] is not None else 0)
    own = {k: v for k, v in props.items() if k not in schema.provenance and v is not None}
    count = props["occurrences"] if props["occurrences"] is not None else 1
    return Relationship(rel_type, NodeRef(start, row[0]), NodeRef(end, row[1]), prov, own, count=count)


def document_graphs(documents: Sequence[Node], rels: Sequence[Relationship],
                    nodes: dict[NodeRef, Node]) -> list[DocumentGraph]:
    """One graph per Document in ``documents`` (in that order): the relationships whose ``doc`` is its key, and
    their endpoints from ``nodes`` (other than the Document itself). Relationships of other documents are left
    out."""
    by_doc: dict[str, list[Relationship]] = defaultdict(list)
    for rel in rels:
        by_doc[rel.provenance.doc].append(rel)
    out = []
    for document in documents:
        own = by_doc.get(document.key, [])
        ends = dict.fromkeys(ref for rel in own for ref in (rel.start, rel.end) if ref != document.ref)
        out.append(DocumentGraph(document=document, nodes=[nodes[ref] for ref in ends if ref in nodes],
                                 relationships=own))
    return out


def document_pages(source: GraphStore, size: int) -> Iterator[list[Node]]:
    """The source's Document nodes, ``size`` at a time, in the source's key order."""
    after: str | None = None
    while True:
        cypher = documents_page_cypher(source.schema, first=after is None)
        params: dict[str, Any] = {"limit": size} if after is None else {"limit": size, "after": after}
        page = [node_from_row("Document", row, source.schema) for row in source.run(cypher, params).rows]
        if not page:
            return
        yield page
        if len(page) < size:
            return
        after = page[-1].key


def read_batch(source: GraphStore, documents: list[Node]) -> list[DocumentGraph]:
    """The graphs of a run of consecutive ``documents`` (in key order), read from ``source``."""
    schema = source.schema
    span = {"first": documents[0].key, "last": documents[-1].key}
    rels = [rel_from_row(rel_type, start, end, row, schema)
            for rel_type, spec in schema.relationships.items() for start, end in spec.endpoints
            for row in source.run(range_rels_cypher(rel_type, start, end, schema), span).rows]
    wanted: dict[str, set[str]] = defaultdict(set)
    for rel in rels:
        wanted[rel.start.label].add(rel.start.key)
        wanted[rel.end.label].add(rel.end.key)
    nodes: dict[NodeRef, Node] = {}
    for label, keys in wanted.items():
        for chunk in chunks(sorted(keys), KEY_CHUNK):
            for row in source.run(existing_nodes_cypher(label, schema), {"keys": chunk}).rows:
                node = node_from_row(label, row, schema)
                nodes[node.ref] = node
    return document_graphs(documents, rels, nodes)


def push(source: GraphStore, target: GraphStore, *, batch_size: int = 200, read_size: int = 1000,
         progress: Callable[[list[str]], None] | None = None) -> int:
    """Write every document of ``source`` into ``target`` (replacing those documents' facts there), reading
    ``read_size`` documents at a time and writing ``batch_size`` per ``write_documents`` call; ``progress`` is
    told the ids of each batch written. Returns how many documents were pushed."""
    pushed = 0
    for documents in document_pages(source, read_size):
        graphs = read_batch(source, documents)
        for batch in chunks(graphs, batch_size):
            target.write_documents(batch)
            if progress:
                progress([g.doc_id for g in batch])
        pushed += len(graphs)
    return pushed
