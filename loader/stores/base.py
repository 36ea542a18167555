"""What every graph store does, and the Cypher both stores share.

A store writes :class:`DocumentGraph` objects and answers Cypher. Writing a document *replaces* its facts: every
relationship whose provenance is that document is deleted, then the document's nodes are merged and its
relationships created, all in one transaction per batch of documents. Entities no longer named by any document
(orphans) are removed. Loading the same document twice therefore gives the same graph.

All Cypher here is parameterised; labels and relationship types come only from the schema, never from
document content. The statements are written in the subset both Neo4j 5 and LadybugDB accept
(see docs/cypher.md).
"""

from __future__ import annotations

import datetime as _dt
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..cypher import NotReadOnly, is_read_only
from ..cypher import check_read_only as guard
from ..identity import Stored
from ..model import DocumentGraph
from ..schema import Schema, load_schema

if TYPE_CHECKING:
    import networkx as nx

Statement = tuple[str, dict[str, Any]]
# How a store reads a row value in UNWIND batches: (property, schema type) -> Cypher expression.
RowExpr = Callable[[str, str], str]


def plain_expr(prop: str, typ: str) -> str:
    return f"row.{prop}"


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


class StoreError(RuntimeError):
    """A store could not do what was asked; the message is one line a user can act on."""


class RefusedQuery(StoreError):
    """A query the read-only guard refuses (``check_read_only``): the query is at fault, not the store, so the
    command line answers it as a usage error (exit 2)."""


# --------------------------------------------------------------------------------------------------------------
# Pure row converters and statement builders (no I/O).
# --------------------------------------------------------------------------------------------------------------

def node_rows(graphs: Sequence[DocumentGraph], schema: Schema) -> dict[str, list[dict[str, Any]]]:
    """Rows per label, one per distinct node key (first non-null value of each property wins)."""
    rows: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for graph in graphs:
        for node in [graph.document, *graph.nodes]:
            row = schema.node_row(node)
            have = rows[node.label].get(node.key)
            if have is None:
                rows[node.label][node.key] = row
            else:
                for k, v in row.items():
                    if have.get(k) is None and v is not None:
                        have[k] = v
    return {label: list(by_key.values()) for label, by_key in rows.items()}


def rel_rows(graphs: Sequence[DocumentGraph], schema: Schema) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Rows per (type, start label, end label): ``src``, ``dst`` and every property of the type."""
    out: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for graph in graphs:
        for rel in graph.relationships:
            row = schema.rel_row(rel)
            row["src"] = rel.start.key
            row["dst"] = rel.end.key
            out[(rel.type, rel.start.label, rel.end.label)].append(row)
    return dict(out)


def merge_nodes_cypher(label: str, schema: Schema, expr: RowExpr = plain_expr) -> str:
    spec = schema.label(label)
    sets = ", ".join(f"n.{p} = coalesce({expr(p, t)}, n.{p})" for p, t in spec.properties.items() if p != spec.key)
    cypher = f"UNWIND $rows AS row MERGE (n:{label} {{{spec.key}: row.{spec.key}}})"
    return f"{cypher} SET {sets}" if sets else cypher


def replace_document_cypher(schema: Schema, expr: RowExpr = plain_expr) -> str:
    """Document properties are the document's own: set them all (a re-load may clear a field)."""
    spec = schema.label("Document")
    sets = ", ".join(f"n.{p} = {expr(p, t)}" for p, t in spec.properties.items() if p != spec.key)
    return f"UNWIND $rows AS row MERGE (n:Document {{{spec.key}: row.{spec.key}}}) SET {sets}"


def create_rels_cypher(rel_type: str, start: str, end: str, schema: Schema, expr: RowExpr = plain_expr) -> str:
    spec = schema.rel(rel_type)
    skey, ekey = schema.label(start).key, schema.label(end).key
    sets = ", ".join(f"r.{p} = {expr(p, t)}" for p, t in spec.properties.items())
    return (f"UNWIND $rows AS row MATCH (a:{start} {{{skey}: row.src}}) MATCH (b:{end} {{{ekey}: row.dst}}) "
            f"CREATE (a)-[r:{rel_type}]->(b) SET {sets}")


def delete_doc_rels_cypher(rel_type: str) -> str:
    return f"MATCH ()-[r:{rel_type}]->() WHERE r.doc IN $docs DELETE r"


def delete_orphans_cypher(label: str) -> str:
    return f"MATCH (n:{label}) WHERE NOT EXISTS {{ MATCH (n)--() }} DELETE n"


def existing_nodes_cypher(label: str, schema: Schema) -> str:
    """Which of ``$keys`` are already nodes of ``label``, with their properties (schema order, key first):
    one primary-key lookup per key, no scan."""
    spec = schema.label(label)
    props = [spec.key, *(p for p in spec.properties if p != spec.key)]
    return f"UNWIND $keys AS k MATCH (n:{label} {{{spec.key}: k}}) RETURN " + ", ".join(f"n.{p}" for p in props)


def delete_doc_rels_returning_cypher(rel_type: str, start: str, end: str, schema: Schema) -> str:
    """Delete the ``$docs`` documents' relationships of one type and endpoint pair, returning the endpoints' keys
    (the only nodes that can become orphans)."""
    skey, ekey = schema.label(start).key, schema.label(end).key
    return (f"MATCH (a:{start})-[r:{rel_type}]->(b:{end}) WHERE r.doc IN $docs DELETE r "
            f"RETURN a.{skey}, b.{ekey}")


def delete_orphans_among_cypher(label: str, schema: Schema) -> str:
    """Delete those of ``$keys`` that are nodes of ``label`` without any relationship (looked up by key)."""
    key = schema.label(label).key
    return f"UNWIND $keys AS k MATCH (n:{label} {{{key}: k}}) WHERE NOT EXISTS {{ MATCH (n)--() }} DELETE n"


def write_plan(graphs: Sequence[DocumentGraph], schema: Schema, *, replace: bool = True,
               expr: RowExpr = plain_expr) -> list[Statement]:
    """The statements that write ``graphs``: delete their old facts, merge nodes, create relationships."""
    if not graphs:
        return []
    docs = [g.doc_id for g in graphs]
    plan: list[Statement] = []
    if replace:
        plan += [(delete_doc_rels_cypher(t), {"docs": docs}) for t in schema.relationships]
    plan += node_statements(node_rows(graphs, schema), schema, expr)
    plan += rel_statements(rel_rows(graphs, schema), schema, expr)
    if replace:
        plan += [(delete_orphans_cypher(label), {}) for label in schema.labels if label != "Document"]
    return plan


def node_statements(nodes: dict[str, list[dict[str, Any]]], schema: Schema,
                    expr: RowExpr = plain_expr) -> list[Statement]:
    """MERGE statements for node rows per label (a Document's properties are all replaced, others coalesced)."""
    plan: list[Statement] = []
    for label, rows in nodes.items():
        cypher = (replace_document_cypher(schema, expr) if label == "Document"
                  else merge_nodes_cypher(label, schema, expr))
        plan += [(cypher, {"rows": chunk}) for chunk in chunks(rows)]
    return plan


def rel_statements(rels: dict[tuple[str, str, str], list[dict[str, Any]]], schema: Schema,
                   expr: RowExpr = plain_expr) -> list[Statement]:
    """CREATE statements for relationship rows per (type, start label, end label)."""
    return [(create_rels_cypher(rel_type, start, end, schema, expr), {"rows": chunk})
            for (rel_type, start, end), rows in rels.items() for chunk in chunks(rows)]


def entity_pairs(schema: Schema) -> list[tuple[str, str, str]]:
    """Every (type, start label, end label) with a Document on neither side: the relationships a document
    contributes that do not hang on its own Document node."""
    return [(rel_type, start, end) for rel_type, spec in schema.relationships.items()
            for start, end in spec.endpoints if "Document" not in (start, end)]


def doc_rel_keys_cypher(rel_type: str, start: str, end: str, schema: Schema) -> str:
    """The endpoints' keys of the ``$docs`` documents' relationships of one type and endpoint pair (reads)."""
    skey, ekey = schema.label(start).key, schema.label(end).key
    return f"MATCH (a:{start})-[r:{rel_type}]->(b:{end}) WHERE r.doc IN $docs RETURN a.{skey}, b.{ekey}"


def document_neighbours_cypher(schema: Schema) -> str:
    """Every node one relationship away from the Document ``$id``, as a whole node (its label and key)."""
    return f"MATCH (d:Document {{{schema.label('Document').key}: $id}})--(n) RETURN n"


def delete_pair_rels_cypher(rel_type: str, start: str, end: str) -> str:
    """Delete the ``$docs`` documents' relationships of one type and endpoint pair."""
    return f"MATCH (:{start})-[r:{rel_type}]->(:{end}) WHERE r.doc IN $docs DELETE r"


def orphan_candidates(endpoints: Iterable[tuple[str, str, Iterable[Sequence[Any]]]],
                      nodes: Iterable[tuple[str, Any]] = ()) -> dict[str, list[str]]:
    """Per label (Documents excepted: they are never orphans), the sorted keys of the nodes that deleting
    relationships may leave without any: the ``endpoints`` of the deleted relationships, given as (start label,
    end label, key pairs), and any other ``nodes`` (label, key) that lost one."""
    keys: dict[str, set[Any]] = defaultdict(set)
    for label, key in nodes:
        keys[label].add(key)
    for start, end, pairs in endpoints:
        for src, dst in pairs:
            keys[start].add(src)
            keys[end].add(dst)
    keys.pop("Document", None)
    return {label: sorted(found) for label, found in keys.items() if found}


def forget_candidates(neighbours: Iterable[dict[str, Any]], endpoints: Iterable[tuple[str, str, Iterable[Any]]],
                      schema: Schema) -> dict[str, list[str]]:
    """The ``orphan_candidates`` of forgetting a document: its Document node's ``neighbours`` (plain nodes, with
    ``_label``) and the ``endpoints`` of its relationships between entities."""
    return orphan_candidates(endpoints, ((node["_label"], node[schema.label(node["_label"]).key])
                                         for node in neighbours))


def forget_plan(doc_id: str, candidates: dict[str, list[str]], schema: Schema) -> list[Statement]:
    """The statements (one transaction) that forget a document: delete its relationships between entities (per
    endpoint pair), its Document node with every relationship at it, then those ``candidates``
    (``forget_candidates``) that no relationship reaches any more, looked up by key: no label is scanned.

    Relies on what the loader writes: a relationship at a Document node is that document's own (its ``doc``
    is the node's id), so deleting the node deletes exactly the document's relationships that hang on it."""
    docs = [doc_id]
    plan: list[Statement] = [(delete_pair_rels_cypher(*pair), {"docs": docs}) for pair in entity_pairs(schema)]
    plan.append((f"MATCH (d:Document {{{schema.label('Document').key}: $id}}) DETACH DELETE d", {"id": doc_id}))
    plan += [(delete_orphans_among_cypher(label, schema), {"keys": chunk})
             for label, keys in candidates.items() for chunk in chunks(keys, KEY_CHUNK)]
    return plan


ROW_CHUNK = 2000   # rows per UNWIND statement
KEY_CHUNK = 5000   # keys per lookup or check by key


def chunks(items: list[Any], size: int = ROW_CHUNK) -> Iterator[list[Any]]:
    """``items`` in consecutive lists of at most ``size``."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


def writes(cypher: str) -> bool:
    """Whether the read-only guard refuses ``cypher`` (``missiongraph.cypher.check_read_only``)."""
    return not is_read_only(cypher)


def check_read_only(cypher: str) -> None:
    """Raise RefusedQuery (a StoreError) unless the read-only guard accepts ``cypher`` (one line: why, and that
    --write allows it). Parameters never reach this check: they are data."""
    try:
        guard(cypher)
    except NotReadOnly as exc:
        raise RefusedQuery(f"refused as not read-only: {exc}; pass --write to run it anyway") from None


def plain(value: Any) -> Any:
    """Turn a store's result value into plain Python that both stores render the same way."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


# --------------------------------------------------------------------------------------------------------------
# The store interface.
# --------------------------------------------------------------------------------------------------------------

class GraphStore(ABC):
    """A graph store: LadybugDB (``EmbeddedStore``) or Neo4j (``Neo4jStore``)."""

    name = "store"
    batch_size = 200   # documents per write transaction unless the load says otherwise
    row_expr: RowExpr = staticmethod(plain_expr)

    def __init__(self, schema: Schema | None = None):
        self.schema = schema or load_schema()

    # --- primitives each backend implements -------------------------------------------------------------
    @abstractmethod
    def ensure_schema(self) -> None:
        """Create tables / constraints and indexes (idempotent)."""

    @abstractmethod
    def execute_many(self, statements: Sequence[Statement]) -> None:
        """Run write statements in ONE transaction: all or nothing."""

    @abstractmethod
    def run(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> QueryResult:
        """Run one Cypher statement and return plain rows. Refuses writing Cypher unless ``write``."""

    @abstractmethod
    def close(self) -> None: ...

    # --- shared behaviour ---------------------------------------------------------------------------------
    def write_documents(self, graphs: Sequence[DocumentGraph]) -> None:
        """Replace the facts of each document in ``graphs`` (one transaction for the batch). Both stores override
        this with faster writes that give the same graph (``missiongraph.stores.embedded``,
        ``missiongraph.stores.neo4j``)."""
        self.execute_many(write_plan(graphs, self.schema, expr=self.row_expr))

    def write_batches(self, batches: Iterable[Sequence[DocumentGraph]]) -> Iterator[list[str]]:
        """Write ``batches`` (each with ``write_documents``, one transaction per batch) as they come, yielding
        each committed batch's document ids. The embedded store groups batches into growing transactions."""
        for batch in batches:
            self.write_documents(batch)
            yield [g.doc_id for g in batch]

    def forget(self, doc_id: str) -> bool:
        """Remove one document and every fact it contributed, leaving the graph a load without it gives. Returns
        whether it was there.

        Reads first which nodes may become orphans (``forget_candidates``: the Document's neighbours, one lookup,
        and the endpoints of its relationships between entities), then writes ``forget_plan`` in one
        transaction, so that only those nodes are checked for orphans, by key, instead of every node of every
        label. What is read is never trusted for what to delete: the relationships go by their ``doc``, so a
        load of the same document between the read and the write cannot leave facts behind (at worst a node
        it named that is then left without relationships)."""
        key = self.schema.label("Document").key
        if not self.run(f"MATCH (d:Document {{{key}: $id}}) RETURN d.{key}", {"id": doc_id}).rows:
            return False
        neighbours = [row[0] for row in self.run(document_neighbours_cypher(self.schema), {"id": doc_id}).rows]
        endpoints = [(start, end, self.run(doc_rel_keys_cypher(rel_type, start, end, self.schema),
                                           {"docs": [doc_id]}).rows)
                     for rel_type, start, end in entity_pairs(self.schema)]
        self.execute_many(forget_plan(doc_id, forget_candidates(neighbours, endpoints, self.schema), self.schema))
        return True

    def document_hashes(self) -> dict[str, str]:
        return {row[0]: row[1] for row in self.run("MATCH (d:Document) RETURN d.id, d.sha256").rows}

    def stored_documents(self) -> list[Stored]:
        """Every document's id, content hash and source: what the identity rule (``missiongraph.identity``)
        needs to know which file is which document."""
        return [Stored(*row) for row in self.run("MATCH (d:Document) RETURN d.id, d.sha256, d.source").rows]

    def set_sources(self, sources: dict[str, str]) -> None:
        """Set the ``source`` of documents (id -> source) in one transaction: a file with the same bytes as a
        document is added to its sources without reading it again."""
        rows = [{"id": doc_id, "source": source} for doc_id, source in sources.items()]
        key = self.schema.label("Document").key
        self.execute_many([(f"UNWIND $rows AS row MATCH (d:Document {{{key}: row.id}}) SET d.source = row.source",
                            {"rows": chunk}) for chunk in chunks(rows)])

    def counts(self) -> dict[str, dict[str, int]]:
        """Node count per label and relationship count per type (zeros included)."""
        labels = {label: self.run(f"MATCH (n:{label}) RETURN count(n)").rows[0][0] for label in self.schema.labels}
        rels = {t: self.run(f"MATCH ()-[r:{t}]->() RETURN count(r)").rows[0][0] for t in self.schema.relationships}
        return {"nodes": labels, "relationships": rels}

    def nodes(self, label: str) -> list[dict[str, Any]]:
        """Every node of a label as a dict of its schema properties, sorted by key."""
        spec = self.schema.label(label)
        cols = list(spec.properties)
        ret = ", ".join(f"n.{p}" for p in cols)
        rows = self.run(f"MATCH (n:{label}) RETURN {ret} ORDER BY n.{spec.key}").rows
        return [dict(zip(cols, row)) for row in rows]

    def relationships(self, rel_type: str) -> list[dict[str, Any]]:
        """Every relationship of a type: start and end label and key, and its properties, in a stable order."""
        spec = self.schema.rel(rel_type)
        out = []
        for start, end in spec.endpoints:
            skey, ekey = self.schema.label(start).key, self.schema.label(end).key
            cols = list(spec.properties)
            ret = ", ".join(f"r.{p}" for p in cols)
            cypher = (f"MATCH (a:{start})-[r:{rel_type}]->(b:{end}) "
                      f"RETURN a.{skey}, b.{ekey}, {ret} ORDER BY a.{skey}, b.{ekey}, r.doc, r.span_start")
            for row in self.run(cypher).rows:
                out.append({"type": rel_type, "start": f"{start}:{row[0]}", "end": f"{end}:{row[1]}",
                            **dict(zip(cols, row[2:]))})
        return out

    def to_networkx(self) -> nx.MultiDiGraph:
        """The whole graph as a networkx MultiDiGraph (node id ``Label:key``; attrs label, key, props)."""
        import networkx as nx     # here: importing it costs every command 0.2 s

        g = nx.MultiDiGraph()
        for label, spec in self.schema.labels.items():
            for props in self.nodes(label):
                g.add_node(f"{label}:{props[spec.key]}", label=label, key=props[spec.key],
                           props={k: v for k, v in props.items() if v is not None})
        for rel_type in self.schema.relationships:
            for rel in self.relationships(rel_type):
                props = {k: v for k, v in rel.items() if k not in ("type", "start", "end") and v is not None}
                g.add_edge(rel["start"], rel["end"], type=rel_type, props=props)
        return g

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
