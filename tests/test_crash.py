"""A load killed with SIGKILL at random points, then re-run, ends with exactly the graph of a clean load, and no
document is ever half-written.

``missiongraph load FOLDER --batch-size 1`` runs as a subprocess over a corpus of distinct documents (the sample
documents copied under many names, each with a line of its own so none is a duplicate of another) and is killed
at seeded random points: a random number of documents after it reports them loaded, plus a random delay, so the
kill lands inside a later transaction on any machine. After every kill the store must open (LadybugDB recovers from its WAL), and every
Document present must have exactly the relationships a clean load gives it (one transaction per batch: all of a
document's facts or none). The load is then resumed; after the last kill it runs to completion and the whole
graph (every node and relationship property) must equal a clean load's.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from missiongraph.pipeline import load
from missiongraph.stores.base import StoreError
from missiongraph.stores.embedded import EmbeddedStore

from .conftest import DEV, SEEDS, open_neo4j, wipe
from .test_neo4j_store import checksum, snapshot

N_DOCS = 30
N_SMALL = 14   # the Neo4j variants: slower per document, so fewer


def make_corpus(folder: Path, n: int = N_DOCS) -> Path:
    sources = sorted((SEEDS / "docs").glob("*.txt")) + sorted((DEV / "docs").glob("*.txt"))
    folder.mkdir(parents=True)
    for i in range(n):
        text = sources[i % len(sources)].read_text("utf-8")
        (folder / f"doc{i:03d}.txt").write_text(f"{text}\n\nKopie {i}.\n", "utf-8")
    return folder


def per_document(store) -> dict[str, int]:
    """Relationships per provenance document."""
    return {doc: n for doc, n in store.run("MATCH ()-[r]->() RETURN r.doc, count(r)").rows}


def check_whole_documents(store, clean_counts: dict[str, int], clean_hashes: dict[str, str]) -> int:
    """Every Document present has all of its relationships; no relationship belongs to an absent document."""
    hashes = store.document_hashes()
    counts = per_document(store)
    for doc, sha in hashes.items():
        assert sha == clean_hashes[doc], f"{doc}: content hash differs from a clean load's"
        assert counts.get(doc, 0) == clean_counts.get(doc, 0), \
            f"{doc} is half-written: {counts.get(doc, 0)} of {clean_counts.get(doc, 0)} relationships"
    stray = set(counts) - set(hashes)
    assert not stray, f"relationships of documents that are not in the store: {sorted(stray)[:5]}"
    return len(hashes)


def load_command(folder: Path, *target: str, quiet: bool = True) -> list[str]:
    return [sys.executable, "-m", "missiongraph.cli", "load", str(folder), "--batch-size", "1",
            *(["-q"] if quiet else []), *target]


def kill_after(cmd: list[str], env: dict[str, str], *, delay: float = 0.0, after_loaded: int = 0) -> int | None:
    """Run ``cmd`` and SIGKILL it ``delay`` seconds after it reported ``after_loaded`` documents loaded (so the
    kill lands inside a later transaction whatever the machine's speed); the exit code if it ended first."""
    proc = subprocess.Popen(cmd, env={**env, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        seen = 0
        while seen < after_loaded:
            line = proc.stdout.readline()
            if not line:
                proc.wait()
                return proc.returncode
            seen += line.startswith("loaded: ")
        time.sleep(delay)
        if proc.poll() is not None:
            return proc.returncode
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return None
    finally:
        proc.stdout.close()


def clean_load(folder: Path, n: int):
    """A clean, uninterrupted load of the corpus: its snapshot, relationships per document and hashes."""
    with EmbeddedStore(folder.parent / "clean.lbug") as store:
        report = load([folder], store)
        assert report.ok and len(report.loaded) == n
        return snapshot(store), per_document(store), store.document_hashes()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("crash") / "docs")


@pytest.fixture(scope="module")
def clean(corpus):
    return clean_load(corpus, N_DOCS)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("crash_small") / "docs", N_SMALL)


@pytest.fixture(scope="module")
def small_clean(small_corpus):
    return clean_load(small_corpus, N_SMALL)


def embedded_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.pop("MISSIONGRAPH_STORE", None)
    return env


def test_sigkill_at_random_points_then_rerun_gives_a_clean_graph(corpus, clean, tmp_path):
    clean_snap, clean_counts, clean_hashes = clean
    path = tmp_path / "graph.lbug"
    env = embedded_env()
    rng = random.Random(20260922)
    # (documents reported loaded, then seconds): first a kill while the store is being created, then 4 mid-load
    points = [(0, 0.15)] + [(rng.randint(1, 6), rng.uniform(0.0, 0.12)) for _ in range(4)]
    seen = []
    for after, delay in points:
        cmd = load_command(corpus, "--store", str(path), quiet=False)
        code = kill_after(cmd, env, delay=delay, after_loaded=after)
        if code is not None:
            assert code == 0, f"the load ended by itself with exit code {code}"
        if not path.exists():
            seen.append((after, "no store yet"))
            continue
        try:
            store = EmbeddedStore(path)
        except StoreError as exc:
            pytest.fail(f"LadybugDB could not open the store after SIGKILL ({after} documents reported loaded + "
                        f"{delay:.2f} s): {exc}", pytrace=False)
        with store:
            present = check_whole_documents(store, clean_counts, clean_hashes)
        seen.append((after, present))
    mid_load = [n for _, n in seen if isinstance(n, int) and 0 < n < N_DOCS]
    assert mid_load, f"no kill landed in the middle of the load (documents after each kill: {seen})"

    with EmbeddedStore(path, read_only=True) as store:
        before = len(store.document_hashes())
    done = subprocess.run(load_command(corpus, "--store", str(path)), env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    with EmbeddedStore(path, read_only=True) as store:
        assert len(store.document_hashes()) == N_DOCS
        assert checksum(snapshot(store)) == checksum(clean_snap)
    loaded = int(done.stdout.split(" loaded")[0].split()[-1])
    assert before > 0 and loaded == N_DOCS - before, f"the re-run should resume, not start over: {done.stdout}"


@pytest.mark.neo4j
def test_sigkill_against_neo4j_then_rerun_gives_a_clean_graph(neo4j_clean, small_corpus, small_clean):
    corpus, (clean_snap, clean_counts, clean_hashes) = small_corpus, small_clean
    env = {**embedded_env(), "NEO4J_PASSWORD": neo4j_clean.password, "NEO4J_USERNAME": neo4j_clean.user,
           "NEO4J_DATABASE": neo4j_clean.database}
    target = ("--neo4j", neo4j_clean.uri)
    rng = random.Random(9)
    store = open_neo4j(neo4j_clean)
    try:
        seen = []
        for _ in range(3):
            cmd = load_command(corpus, *target, quiet=False)
            code = kill_after(cmd, env, delay=rng.uniform(0.0, 0.15), after_loaded=rng.randint(1, 4))
            assert code in (None, 0), f"the load ended by itself with exit code {code}"
            seen.append(check_whole_documents(store, clean_counts, clean_hashes))
        assert any(0 < n < N_SMALL for n in seen), f"no kill landed mid-load: documents after each kill {seen}"
        done = subprocess.run(load_command(corpus, *target), env=env, capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr
        assert checksum(snapshot(store)) == checksum(clean_snap)   # the same graph as a clean embedded load
    finally:
        wipe(store)
        store.close()
