"""Neo4j going away in the middle of a load: the load stops quickly with one clear line naming the server (no
traceback), nothing is half-written, and once the server is back a re-run resumes (what was committed is
'unchanged') and ends with the graph of a clean load.

Needs the local server (tests/neo4j_plugin.py: ``local`` with a ``home``), because the test stops and restarts
it; with an external server it is skipped. The server is restarted even when the test fails.
"""

from __future__ import annotations

import subprocess
import time
from urllib.parse import urlsplit

import pytest

from missiongraph.stores import neo4j_server as local_server

from .conftest import open_neo4j, wipe
from .test_crash import (N_SMALL, check_whole_documents, embedded_env, load_command,  # noqa: F401
                         small_clean, small_corpus)
from .test_neo4j_store import checksum, snapshot

pytestmark = pytest.mark.neo4j

EXIT_WITHIN = 40.0   # seconds from the server being gone to the load giving up


def restart(conn) -> None:
    bolt = urlsplit(conn.uri).port or local_server.DEFAULT_BOLT_PORT
    http = urlsplit(conn.http_url).port if conn.http_url else local_server.DEFAULT_HTTP_PORT
    local_server.start(conn.home, conn.password, bolt_port=bolt, http_port=http, timeout=180)


def test_server_stopping_mid_load_then_resume(neo4j_clean, small_corpus, small_clean):
    conn = neo4j_clean
    if not conn.local or conn.home is None:
        pytest.skip("the Neo4j server is not the local one of loader/stores/neo4j_server.py: it cannot be stopped here")
    corpus, (clean_snap, clean_counts, clean_hashes) = small_corpus, small_clean
    env = {**embedded_env(), "NEO4J_PASSWORD": conn.password, "NEO4J_USERNAME": conn.user,
           "NEO4J_DATABASE": conn.database, "PYTHONUNBUFFERED": "1"}
    cmd = load_command(corpus, "--neo4j", conn.uri, quiet=False)
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        loaded = 0
        while loaded < 3:
            line = proc.stdout.readline()
            assert line, f"the load ended before the server was stopped: {proc.stderr.read()}"
            loaded += line.startswith("loaded: ")
        t0 = time.monotonic()
        local_server.stop(conn.home)
        gone = time.monotonic()
        print(f"server stopped in {gone - t0:.1f} s")
        try:
            rest, err = proc.communicate(timeout=EXIT_WITHIN + 20)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the load was still running {EXIT_WITHIN + 20:.0f} s after the server stopped")
        took = time.monotonic() - gone
        print(f"the load gave up {took:.1f} s after the server stopped: {err.strip()}")
        assert proc.returncode == 3, (proc.returncode, err)
        assert took < EXIT_WITHIN, f"the load took {took:.1f} s to give up"
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1, f"expected one line, got:\n{err}"
        assert lines[0].startswith("Error: ") and conn.uri in lines[0], lines[0]
        assert "Traceback" not in err and "Traceback" not in rest
        assert conn.password not in err + rest
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        t0 = time.monotonic()
        restart(conn)
        print(f"server restarted in {time.monotonic() - t0:.1f} s")

    store = open_neo4j(conn)
    try:
        present = check_whole_documents(store, clean_counts, clean_hashes)   # nothing half-written
        assert 3 <= present < N_SMALL
        again = subprocess.run(load_command(corpus, "--neo4j", conn.uri), env=env, capture_output=True, text=True,
                               timeout=180)
        assert again.returncode == 0, again.stderr
        assert f"{N_SMALL - present} loaded, {present} unchanged" in again.stdout
        assert checksum(snapshot(store)) == checksum(clean_snap)
    finally:
        wipe(store)
        store.close()
