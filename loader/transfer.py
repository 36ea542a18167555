"""Copy a graph from one store to another, document by document (``missiongraph push``)."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from .model import DocumentGraph, Node, NodeRef, Provenance, Relationship
from .store import GraphStore

_PROVENANCE = ("doc", "span_start", "span_end", "text", "sentence", "page", "occurrences")


def document_graphs(graph: nx.MultiDiGraph) -> list[DocumentGraph]:
    """Split an exported graph back into per-document graphs: each relationship belongs to its ``doc``."""
    by_doc: dict[str, list[tuple[str, str, dict]]] = defaultdict(list)
    for a, b, data in graph.edges(data=True):
        by_doc[data["props"]["doc"]].append((a, b, data))

    def node(node_id: str) -> Node:
        attrs = graph.nodes[node_id]
        return Node(attrs["label"], attrs["key"], {k: v for k, v in attrs["props"].items() if k != "id"})

    out = []
    for node_id, attrs in graph.nodes(data=True):
        if attrs["label"] != "Document":
            continue
        doc = attrs["key"]
        nodes: dict[str, Node] = {}
        rels = []
        for a, b, data in by_doc.get(doc, []):
            for end in (a, b):
                if end != node_id:
                    nodes.setdefault(end, node(end))
            p = data["props"]
            prov = Provenance(doc=doc, start=p["span_start"], end=p["span_end"], text=p.get("text", ""),
                              sentence=p.get("sentence", ""), page=p.get("page", 0))
            own = {k: v for k, v in p.items() if k not in _PROVENANCE}
            rels.append(Relationship(data["type"], NodeRef(graph.nodes[a]["label"], graph.nodes[a]["key"]),
                                     NodeRef(graph.nodes[b]["label"], graph.nodes[b]["key"]), prov, own,
                                     count=p.get("occurrences", 1)))
        out.append(DocumentGraph(document=node(node_id), nodes=list(nodes.values()), relationships=rels))
    return out


def push(source: GraphStore, target: GraphStore, *, batch_size: int = 200) -> int:
    """Write every document of ``source`` into ``target`` (replacing those documents' facts there)."""
    graphs = document_graphs(source.to_networkx())
    for i in range(0, len(graphs), batch_size):
        target.write_documents(graphs[i:i + batch_size])
    return len(graphs)
