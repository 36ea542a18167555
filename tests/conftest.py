"""Shared fixtures: the sample corpus, a loaded embedded store, and (via tests.neo4j_plugin) a real Neo4j."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from missiongraph.cli import main

pytest_plugins = ["tests.neo4j_plugin"]

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "loader" / "sample"
SEEDS = SAMPLE / "seeds"
DEV = SAMPLE / "dev"
SEED_BRIEF = SEEDS / "docs" / "000_9490c8c295b3259a.txt"   # beleidsreactie, C-130 evaluation
SEED_NOTA = SEEDS / "docs" / "003_cf3b274d7ecd5e93.txt"    # nota, MINUSMA 2014-2019 evaluation


def gold(path: Path) -> dict:
    return json.loads((path.parent.parent / "gold" / f"{path.stem}.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def sample_docs() -> list[Path]:
    return [SEEDS / "docs", DEV / "docs"]


@pytest.fixture(scope="session")
def loaded_store(tmp_path_factory, sample_docs):
    """An embedded store with the seeds and the dev corpus loaded (shared: tests must not write to it)."""
    from missiongraph.stores.embedded import EmbeddedStore
    from missiongraph.pipeline import load

    store = EmbeddedStore(tmp_path_factory.mktemp("store") / "graph.lbug")
    report = load(sample_docs, store)
    assert report.ok and len(report.loaded) == 19
    yield store
    store.close()


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory):
    """An embedded store with only the two seed documents loaded."""
    from missiongraph.stores.embedded import EmbeddedStore
    from missiongraph.pipeline import load

    store = EmbeddedStore(tmp_path_factory.mktemp("seeds") / "graph.lbug")
    assert load([SEEDS / "docs"], store).ok
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path):
    from missiongraph.stores.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "graph.lbug")
    yield store
    store.close()


def open_neo4j(conn):
    from missiongraph.stores.neo4j import Neo4jStore

    return Neo4jStore(conn.uri, conn.user, conn.password, conn.database)


def wipe(store) -> None:
    store.run("MATCH (n) DETACH DELETE n", write=True)


@pytest.fixture(scope="module")
def neo4j_sample_store(neo4j_server, sample_docs):
    """Neo4j with the seeds and the dev corpus loaded (fresh per test module)."""
    from missiongraph.pipeline import load

    store = open_neo4j(neo4j_server)
    wipe(store)
    assert load(sample_docs, store).ok
    yield store
    store.close()


@pytest.fixture
def run(tmp_path, monkeypatch):
    """The command line in a fresh folder with its own embedded store (and no NEO4J_URI): ``run("load", ...)``
    returns click's Result."""
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("MISSIONGRAPH_STORE", str(tmp_path / "graph.lbug"))
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    return invoke
