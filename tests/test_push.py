"""missiongraph push: the embedded graph copied into another store is the same graph, read and written in bounded
batches of documents, and pushing is an upsert like loading."""

from __future__ import annotations

import pytest

from missiongraph.pipeline import load
from missiongraph.stores.embedded import EmbeddedStore
from missiongraph.stores.transfer import push

from .conftest import DEV, SEEDS, open_neo4j, wipe
from .test_neo4j_store import snapshot
from .test_updates import NEW, OLD, OTHER


@pytest.mark.neo4j
def test_push_copies_the_embedded_graph(tmp_path, neo4j_server):
    with EmbeddedStore(tmp_path / "g.lbug") as source:
        load([SEEDS / "docs"], source)
        expected = snapshot(source)
        with open_neo4j(neo4j_server) as target:
            wipe(target)
            assert push(source, target) == 2
            assert snapshot(target) == expected


class Recorder:
    """Wraps a store: records the size of every ``write_documents`` batch and the parameters of every read."""

    def __init__(self, store):
        self.store, self.writes, self.reads = store, [], []
        self.schema = store.schema

    def write_documents(self, graphs):
        self.writes.append([g.doc_id for g in graphs])
        self.store.write_documents(graphs)

    def run(self, cypher, params=None, **kw):
        self.reads.append((cypher, params or {}))
        return self.store.run(cypher, params, **kw)

    def to_networkx(self):
        raise AssertionError("push read the whole graph at once")


@pytest.fixture(scope="module")
def sample_source(tmp_path_factory):
    with EmbeddedStore(tmp_path_factory.mktemp("source") / "g.lbug") as store:
        assert load([SEEDS / "docs", DEV / "docs"], store).ok
        yield store


# read_size, batch_size -> sizes of the write_documents batches for the 19 sample documents
BATCHES = [
    (4, 3, [3, 1, 3, 1, 3, 1, 3, 1, 3]),
    (5, 5, [5, 5, 5, 4]),
    (1000, 200, [19]),
    (1, 200, [1] * 19),
    (19, 7, [7, 7, 5]),
]


@pytest.mark.parametrize("read_size, batch_size, sizes", BATCHES)
def test_push_reads_and_writes_in_bounded_batches(sample_source, tmp_path, read_size, batch_size, sizes):
    source = Recorder(sample_source)
    with EmbeddedStore(tmp_path / "target.lbug") as store:
        target = Recorder(store)
        assert push(source, target, batch_size=batch_size, read_size=read_size) == 19
        assert [len(batch) for batch in target.writes] == sizes
        assert snapshot(store) == snapshot(sample_source)
    ids = sorted(doc for batch in target.writes for doc in batch)
    assert ids == sorted(r[0] for r in sample_source.run("MATCH (d:Document) RETURN d.id").rows)
    # every read is about one read batch: a page of at most read_size Documents, relationships of a run of at
    # most read_size consecutive documents, or nodes looked up by key
    for cypher, params in source.reads:
        if "$first" in cypher:
            assert len([i for i in ids if params["first"] <= i <= params["last"]]) <= read_size
        elif "$limit" in cypher:
            assert params["limit"] == read_size
        else:
            assert "$keys" in cypher, cypher


def test_ids_in_any_order_and_relationships_of_no_document(tmp_path):
    """Ids that sort differently by case, digits and accents are batched in the store's own order, and a
    relationship whose ``doc`` names no Document (nor a node only it reaches) is not copied."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for number, name in enumerate(("Zeeland", "alpha", "ärende", "10", "9", "brief-2", "brief-10", "_x")):
        (folder / f"{name}.txt").write_text(OTHER.replace("401", str(number + 1)), "utf-8")
    with EmbeddedStore(tmp_path / "source.lbug") as source:
        assert load([folder], source).ok
        expected = snapshot(source)
        source.run("CREATE (:Kamerstuk {id: '99999-1'})-[:IN_DOSSIER {doc: 'alpha2', span_start: 0, span_end: 0}]"
                   "->(:Dossier {id: '99999'})", write=True)     # 'alpha2' sorts inside a batch of documents
        assert source.run("MATCH ()-[r:IN_DOSSIER {doc: 'alpha2'}]->() RETURN count(r)").rows == [[1]]
        with EmbeddedStore(tmp_path / "target.lbug") as store:
            target = Recorder(store)
            assert push(source, target, batch_size=2, read_size=3) == 8
            assert [len(batch) for batch in target.writes] == [2, 1, 2, 1, 2]
            assert snapshot(store) == expected


def test_push_is_an_upsert_like_loading(tmp_path):
    """The target's older version of a document is replaced, its other documents stay: the result is what
    loading the pushed documents into the target gives."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "brief.txt").write_text(OLD, "utf-8")
    (tmp_path / "eigen.txt").write_text(OTHER.replace("29 521, nr. 401", "36 180, nr. 7"), "utf-8")
    with EmbeddedStore(tmp_path / "target.lbug") as target, EmbeddedStore(tmp_path / "loaded.lbug") as loaded:
        for store in (target, loaded):
            assert load([folder, tmp_path / "eigen.txt"], store).ok
        (folder / "brief.txt").write_text(NEW, "utf-8")
        (folder / "other.txt").write_text(OTHER, "utf-8")
        with EmbeddedStore(tmp_path / "source.lbug") as source:
            assert load([folder], source).ok
            assert push(source, target) == 2
        assert load([folder], loaded).ok
        assert snapshot(target) == snapshot(loaded)
        kamerstukken = {r[0] for r in target.run("MATCH (k:Kamerstuk) RETURN k.id").rows}
        assert "36180-7" in kamerstukken and "29521-402" in kamerstukken and "27925-812" not in kamerstukken
