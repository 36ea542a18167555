"""The Neo4j store against a real server: parity with the embedded store, idempotent loads, push, errors."""

from __future__ import annotations

import hashlib
import json
import time

import pytest

from missiongraph.pipeline import load
from missiongraph.stores.base import StoreError
from missiongraph.stores.embedded import EmbeddedStore
from missiongraph.stores.neo4j import Neo4jStore
from missiongraph.stores.transfer import push

from .conftest import SEEDS, open_neo4j, wipe

pytestmark = pytest.mark.neo4j


def snapshot(store) -> dict:
    """Every node and relationship with all properties, in a canonical order."""
    nodes = {label: store.nodes(label) for label in store.schema.labels}
    rels = {t: sorted(store.relationships(t), key=lambda r: json.dumps(r, sort_keys=True, default=str))
            for t in store.schema.relationships}
    return {"nodes": nodes, "relationships": rels}


def checksum(snap: dict) -> str:
    return hashlib.sha256(json.dumps(snap, sort_keys=True, default=str).encode()).hexdigest()


def test_same_graph_in_both_stores(loaded_store, neo4j_sample_store):
    embedded, neo4j = snapshot(loaded_store), snapshot(neo4j_sample_store)
    assert loaded_store.counts() == neo4j_sample_store.counts()
    for label in embedded["nodes"]:
        assert neo4j["nodes"][label] == embedded["nodes"][label], label
    for rel_type in embedded["relationships"]:
        assert neo4j["relationships"][rel_type] == embedded["relationships"][rel_type], rel_type
    assert sum(len(v) for v in embedded["relationships"].values()) > 200


def test_loading_twice_changes_nothing(neo4j_sample_store, sample_docs):
    before = snapshot(neo4j_sample_store)
    report = load(sample_docs, neo4j_sample_store)
    assert len(report.unchanged) == 19 and not report.loaded
    forced = load(sample_docs, neo4j_sample_store, force=True)
    assert len(forced.loaded) == 19
    after = snapshot(neo4j_sample_store)
    assert checksum(after) == checksum(before)
    assert neo4j_sample_store.counts() == {k: {n: len(v) for n, v in after[k].items()} for k in after}


def test_constraints_and_indexes_exist(neo4j_sample_store):
    # SHOW is a command, not a read query: the read-only guard refuses it, so it runs as a --write query
    rows = neo4j_sample_store.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type "
                                  "RETURN labelsOrTypes[0], properties[0], type", write=True).rows
    have = {(label, prop) for label, prop, kind in rows if kind in ("UNIQUENESS", "NODE_PROPERTY_UNIQUENESS")}
    for label, spec in neo4j_sample_store.schema.labels.items():
        assert (label, spec.key) in have
    neo4j_sample_store.ensure_schema()  # idempotent


@pytest.mark.parametrize("settings, message", [
    ({"password": "wrong-password-123"}, "rejected the credentials of user 'neo4j'"),
    ({"uri": "bolt://127.0.0.1:1"}, "Cannot reach Neo4j at bolt://127.0.0.1:1"),
    ({"database": "nosuchdb"}, "Database 'nosuchdb' does not exist"),
])
def test_connection_errors_are_one_line_and_quick(neo4j_server, settings, message):
    kwargs = {"uri": neo4j_server.uri, "user": neo4j_server.user, "password": neo4j_server.password,
              "database": neo4j_server.database, **settings}
    started = time.monotonic()
    with pytest.raises(StoreError) as err:
        store = Neo4jStore(**kwargs)
        store.run("MATCH (n) RETURN count(n)")
    assert time.monotonic() - started < 15
    text = str(err.value)
    assert message in text and "\n" not in text
    assert kwargs["password"] not in text


def test_writing_cypher_is_refused_unless_write(neo4j_sample_store):
    with pytest.raises(StoreError, match="--write"):
        neo4j_sample_store.run("MATCH (d:Document) DETACH DELETE d")
    assert neo4j_sample_store.counts()["nodes"]["Document"] == 19
