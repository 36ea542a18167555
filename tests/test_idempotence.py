"""Loading is idempotent on the embedded store: the same corpus loaded twice (skipped as unchanged, or forced to
re-extract) gives the identical graph, counted and checksummed over every node and relationship property, and a
fresh store loaded in other batch sizes ends with the same graph too.

Neo4j's variant is ``test_neo4j_store.py::test_loading_twice_changes_nothing``.
"""

from __future__ import annotations

from missiongraph.pipeline import load
from missiongraph.stores.embedded import EmbeddedStore

from .test_neo4j_store import checksum, snapshot


def counts_of(snap: dict) -> dict:
    return {k: {n: len(v) for n, v in snap[k].items()} for k in snap}


def test_loading_the_same_corpus_twice_gives_the_identical_graph(tmp_path, sample_docs, loaded_store):
    reference = snapshot(loaded_store)
    with EmbeddedStore(tmp_path / "graph.lbug") as store:
        first = load(sample_docs, store)
        assert first.ok and len(first.loaded) == 19
        once = snapshot(store)
        assert checksum(once) == checksum(reference)           # same graph as an independent load

        again = load(sample_docs, store)
        assert again.loaded == [] and len(again.unchanged) == 19
        assert checksum(snapshot(store)) == checksum(once)

        forced = load(sample_docs, store, force=True)
        assert len(forced.loaded) == 19 and not forced.unchanged
        twice = snapshot(store)
        assert checksum(twice) == checksum(once)
        assert store.counts() == counts_of(twice) == counts_of(once)
    assert sum(len(v) for v in once["relationships"].values()) > 200


def test_batch_size_does_not_change_the_graph(tmp_path, sample_docs, loaded_store):
    reference = checksum(snapshot(loaded_store))
    with EmbeddedStore(tmp_path / "b.lbug") as store:
        assert load(sample_docs, store, batch_size=1).ok
        assert checksum(snapshot(store)) == reference
        assert len(load(sample_docs, store, force=True, batch_size=7).loaded) == 19
        assert checksum(snapshot(store)) == reference


def test_reopening_the_store_keeps_the_identical_graph(tmp_path, sample_docs):
    path = tmp_path / "graph.lbug"
    with EmbeddedStore(path) as store:
        assert load(sample_docs, store).ok
        before = checksum(snapshot(store))
    with EmbeddedStore(path, read_only=True) as store:
        assert checksum(snapshot(store)) == before
    with EmbeddedStore(path) as store:
        assert len(load(sample_docs, store).unchanged) == 19
        assert checksum(snapshot(store)) == before
