"""The intermediate model crosses process boundaries (worker processes send every DocumentGraph to the writer):
its compact pickled form must give back exactly the same objects."""

from __future__ import annotations

import pickle

import pytest

from missiongraph.model import DocumentGraph, Node, NodeRef, Provenance, Relationship
from missiongraph.pipeline import document_graph, find_files, is_candidate
from missiongraph.read import read_document

from .conftest import DEV, SEEDS


def hand_made() -> DocumentGraph:
    d = Node("Document", "brief-1", {"title": "Zin met \"quotes\"", "chars": 12, "kind": "kamerbrief"})
    p = Node("Person", "k.h. ollongren", {"name": "K.H. Ollongren"})
    empty = Node("Country", "Mali")                                     # no properties
    meta = Provenance(doc="brief-1", start=0, end=0, text="", sentence="(document metadata: kamerstuk = 1)")
    span = Provenance(doc="brief-1", start=3, end=9, text="Ollongren", sentence="De minister, Ollongren.", page=2)
    rels = [Relationship("SIGNED_BY", d.ref, p.ref, span, {}, 3),
            Relationship("HOLDS_POST", p.ref, NodeRef("Ministry", "Defensie"), span, {"role": "minister"}),
            Relationship("MENTIONS", d.ref, empty.ref, meta)]
    return DocumentGraph(d, [p, empty], rels)


def sample_graphs() -> list[DocumentGraph]:
    return [document_graph(read_document(p, doc_id=p.stem))
            for p in find_files([SEEDS / "docs", DEV / "docs"]) if is_candidate(p)]


@pytest.mark.parametrize("protocol", [pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL])
def test_a_pickled_graph_comes_back_equal_with_the_same_types(protocol):
    graph = hand_made()
    back = pickle.loads(pickle.dumps(graph, protocol))
    assert back == graph
    assert type(back.relationships[0].start) is NodeRef and type(back.relationships[0].provenance) is Provenance
    assert back.relationships[0].count == 3 and back.nodes[1].props == {}
    back.nodes[0].props["name"] = "changed"                              # a copy, not shared state
    assert graph.nodes[0].props["name"] == "K.H. Ollongren"


def test_every_sample_graph_survives_pickling():
    graphs = sample_graphs()
    assert len(graphs) >= 19
    assert pickle.loads(pickle.dumps(graphs)) == graphs
