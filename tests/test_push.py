"""missiongraph push: the embedded graph copied into Neo4j is the same graph."""

from __future__ import annotations

import pytest

from missiongraph.embedded import EmbeddedStore
from missiongraph.pipeline import load
from missiongraph.transfer import push

from .conftest import SEEDS, open_neo4j, wipe
from .test_neo4j_store import snapshot

pytestmark = pytest.mark.neo4j


def test_push_copies_the_embedded_graph(tmp_path, neo4j_server):
    with EmbeddedStore(tmp_path / "g.lbug") as source:
        load([SEEDS / "docs"], source)
        expected = snapshot(source)
        with open_neo4j(neo4j_server) as target:
            wipe(target)
            assert push(source, target) == 2
            assert snapshot(target) == expected
