"""Real tests of the local Neo4j server (loader/stores/neo4j_server.py) and the pytest plugin (tests/neo4j_plugin.py).

No mocks: the server is started once per session by the ``neo4j_server`` fixture. The stop/start cycle runs
last in this file and leaves the server running for whatever comes after.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j import exceptions as ne

from missiongraph.stores import neo4j_server as local_server
from missiongraph.stores.neo4j_server import (
    Neo4jLocalError,
    ServerTooOldError,
    check_connection,
    check_server_version,
    connect_error_message,
    parse_server_version,
)

try:  # the plugin module, however the lead wires it up
    from tests.neo4j_plugin import expected_version, is_ci, unavailable_outcome
except ImportError:  # pragma: no cover - rootdir not on sys.path
    from neo4j_plugin import expected_version, is_ci, unavailable_outcome  # type: ignore[no-redef]

WRONG_PASSWORD = "definitely-not-the-password-42"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def local(neo4j_server):
    if not neo4j_server.local:
        pytest.skip("NEO4J_URI is set: these tests are about the local server of loader/stores/neo4j_server.py")
    return neo4j_server


# ----------------------------------------------------------------------------------- no server needed


def test_parse_server_version():
    assert parse_server_version("Neo4j/5.26.30") == (5, 26, 30)
    assert parse_server_version("Neo4j/2025.01.0") == (2025, 1, 0)
    assert parse_server_version("Neo4j/4.4") == (4, 4)
    assert parse_server_version("") is None
    assert parse_server_version(None) is None


def test_version_too_old_is_one_clear_line():
    assert check_server_version("Neo4j/5.26.30") == (5, 26, 30)
    assert check_server_version("Neo4j/2025.08.1") == (2025, 8, 1)
    with pytest.raises(ServerTooOldError) as info:
        check_server_version("Neo4j/4.4.12", uri="bolt://db.example:7687")
    msg = connect_error_message(info.value)
    assert "\n" not in msg
    assert "4.4.12" in msg and "Neo4j 5 or newer" in msg and "bolt://db.example:7687" in msg


@pytest.mark.parametrize("bad", [None, "", "pw4x", "1234567"])
def test_password_must_have_8_characters(bad, tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)  # None means: take it from the env
    with pytest.raises(Neo4jLocalError) as info:
        local_server.start(tmp_path / "home", bad, timeout=5)
    msg = str(info.value)
    assert "NEO4J_PASSWORD" in msg and "8" in msg and "\n" not in msg
    if bad:
        assert bad not in msg
    assert not (tmp_path / "home").exists()  # rejected before touching anything


def test_get_password_reads_env():
    assert local_server.get_password({"NEO4J_PASSWORD": "long-enough"}) == "long-enough"
    with pytest.raises(Neo4jLocalError, match="NEO4J_PASSWORD"):
        local_server.get_password({})


def test_default_home(monkeypatch, tmp_path):
    monkeypatch.delenv("MISSIONGRAPH_NEO4J_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert local_server.default_home() == tmp_path.resolve() / ".missiongraph" / "neo4j"
    monkeypatch.setenv("MISSIONGRAPH_NEO4J_HOME", str(tmp_path / "elsewhere"))
    assert local_server.default_home() == (tmp_path / "elsewhere").resolve()


def test_stop_and_status_of_an_empty_home(tmp_path):
    home = tmp_path / "nothing-here"
    assert local_server.stop(home) is False
    assert local_server.stop(home) is False
    st = local_server.status(home, password="irrelevant-pw")
    assert st["running"] is False and st["pid"] is None and st["assembled"] is False


def test_cli_status_and_stop_of_an_empty_home(tmp_path, run):
    home = tmp_path / "nothing-here"
    stopped = run("neo4j", "stop", "--home", home)
    assert stopped.exit_code == 0 and stopped.output == "Neo4j was not running\n"
    shown = run("neo4j", "status", "--home", home)
    assert shown.exit_code == 0
    assert "running: False\n" in shown.output and "assembled_version: None\n" in shown.output
    assert "bolt_uri: bolt://127.0.0.1:7687\n" in shown.output and "java: None\n" in shown.output


def test_unavailable_policy():
    # On CI a Neo4j that cannot start fails the tests; on a laptop without java/mvn they are skipped.
    assert unavailable_outcome("x", missing_tool=True, env={"CI": "true"}) == "fail"
    assert unavailable_outcome("x", missing_tool=True, env={}) == "skip"
    assert unavailable_outcome("x", missing_tool=False, env={}) == "fail"
    assert unavailable_outcome("x", missing_tool=True, env={"CI": "false"}) == "skip"
    assert is_ci({"CI": "1"}) and not is_ci({"CI": ""})


def test_unreachable_server_gives_one_line_quickly():
    port = _free_port()
    uri = f"bolt://127.0.0.1:{port}"
    t0 = time.monotonic()
    with pytest.raises(ne.ServiceUnavailable) as info:
        check_connection(uri, "neo4j", WRONG_PASSWORD, timeout=5)
    assert time.monotonic() - t0 < 10
    msg = connect_error_message(info.value, uri=uri, password=WRONG_PASSWORD)
    assert msg.startswith(f"Cannot reach Neo4j at {uri}")
    assert "refused" in msg.lower()
    assert "\n" not in msg and WRONG_PASSWORD not in msg


_PROBE = """
import pytest

@pytest.mark.neo4j
def test_needs_neo4j():
    pass
"""


@pytest.mark.parametrize("ci", ["", "true"])
def test_without_java_and_mvn_skips_locally_but_fails_on_ci(tmp_path, ci):
    """A real pytest run in a subprocess whose PATH has neither java nor mvn."""
    (tmp_path / "test_probe.py").write_text(_PROBE)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    repo = Path(__file__).resolve().parent.parent
    env = {
        "PATH": str(tmp_path / "no-tools-here"),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "PYTHONPATH": str(repo),
        "MISSIONGRAPH_NEO4J_HOME": str(tmp_path / "neo4j-home"),
        "MISSIONGRAPH_NEO4J_JDKS": "",        # and no JDK installed elsewhere on the machine either
        "MISSIONGRAPH_NEO4J_CACHE": "off",    # nor assembled jars to start from
        # ports nobody uses, so a server running for this session is not reused
        "MISSIONGRAPH_NEO4J_BOLT_PORT": str(_free_port()),
        "MISSIONGRAPH_NEO4J_HTTP_PORT": str(_free_port()),
    }
    if ci:
        env["CI"] = ci
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.neo4j_plugin", "-rs", "-q", "-p", "no:cacheprovider",
         str(tmp_path / "test_probe.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    text = out.stdout + out.stderr
    if ci:
        assert out.returncode == 1, text
        assert "1 error" in text and "java not found" in text and "CI is set" in text
    else:
        assert out.returncode == 0, text
        assert "1 skipped" in text
        assert "install Java 17 and Maven" in text and "NEO4J_URI" in text


# ----------------------------------------------------------------------------------- the real server


def test_server_answers(neo4j_server):
    agent = check_connection(neo4j_server.uri, neo4j_server.user, neo4j_server.password,
                             database=neo4j_server.database)
    assert parse_server_version(agent) >= (5, 0)


def test_status_reports_the_running_version(local):
    st = local_server.status(local.home, password=local.password)
    assert st["running"] is True, st
    assert isinstance(st["pid"], int)
    assert st["bolt_listening"] is True
    assert st["version"] == expected_version(), st
    assert st["edition"] == "community"
    assert st["bolt_uri"] == local.uri
    assert st["error"] is None


def test_status_without_password_still_reports_running(local, monkeypatch):
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    st = local_server.status(local.home)
    assert st["running"] is True and st["version"] is None and "NEO4J_PASSWORD" in st["error"]


def test_browser_is_served(local):
    with urllib.request.urlopen(local.http_url + "/browser/", timeout=10) as resp:
        assert resp.status == 200
        assert resp.headers.get_content_type() == "text/html"
        body = resp.read().decode("utf-8", "replace")
    assert "<html" in body.lower() and "Neo4j Browser" in body


def test_wrong_password_is_a_clear_quick_error(local):
    # start() with another password while the server runs: one line, no password, no second server.
    t0 = time.monotonic()
    with pytest.raises(Neo4jLocalError) as info:
        local_server.start(local.home, WRONG_PASSWORD, timeout=30)
    assert time.monotonic() - t0 < 10
    msg = str(info.value)
    assert "rejects this password" in msg and "NEO4J_PASSWORD" in msg and str(local.home) in msg
    assert WRONG_PASSWORD not in msg and "\n" not in msg

    # The driver's AuthError turns into the same kind of line.
    with pytest.raises(ne.AuthError) as info2:
        check_connection(local.uri, "neo4j", WRONG_PASSWORD, timeout=5)
    msg2 = connect_error_message(info2.value, uri=local.uri, password=WRONG_PASSWORD)
    assert "rejected the credentials of user 'neo4j'" in msg2
    assert WRONG_PASSWORD not in msg2 and "\n" not in msg2

    # A successful login resets Neo4j's failed-attempt counter (3 in a row lock the user for 5 s).
    check_connection(local.uri, local.user, local.password)


def test_unknown_database_is_a_clear_error(neo4j_server):
    with pytest.raises(ne.ClientError) as info:
        check_connection(neo4j_server.uri, neo4j_server.user, neo4j_server.password, database="nosuchdb")
    assert info.value.code == "Neo.ClientError.Database.DatabaseNotFound"
    msg = connect_error_message(info.value, uri=neo4j_server.uri, database="nosuchdb")
    assert "Database 'nosuchdb' does not exist" in msg and "\n" not in msg


def test_start_again_reuses_the_running_server(local):
    before = local_server.status(local.home, password=local.password)
    t0 = time.monotonic()
    info = local_server.start(local.home, local.password)
    assert time.monotonic() - t0 < 10
    assert info.started is False
    assert info.pid == before["pid"]
    assert info.version == expected_version()
    assert info.browser_url == local.http_url + "/browser/"
    assert local.password not in repr(info)


def test_assemble_is_idempotent_and_fast(local):
    marker = local.home / "lib" / ".missiongraph-complete"
    mtime = marker.stat().st_mtime_ns
    t0 = time.monotonic()
    local_server.assemble(local.home, bolt_port=int(local.uri.rsplit(":", 1)[1]),
                         http_port=int(local.http_url.rsplit(":", 1)[1]))
    assert time.monotonic() - t0 < 5
    assert marker.stat().st_mtime_ns == mtime
    jars = {p.name for p in (local.home / "lib").glob("*.jar")}
    assert any(j.startswith("neo4j-browser-5.24.0") for j in jars)
    assert f"neo4j-server-{expected_version()}.jar" in jars
    conf = (local.home / "conf" / "neo4j.conf").read_text()
    assert f"server.directories.data={local.home / 'data'}" in conf
    assert "server.https.enabled=false" in conf and "dbms.usage_report.enabled=false" in conf


def test_neo4j_clean_empties_nodes_but_keeps_constraints(neo4j_server, neo4j_driver):
    db = neo4j_server.database
    neo4j_driver.execute_query(
        "CREATE CONSTRAINT mg_plugin_test_key IF NOT EXISTS FOR (n:MgPluginTest) REQUIRE n.key IS UNIQUE",
        database_=db,
    )
    try:
        neo4j_driver.execute_query("CREATE (:MgPluginTest {key: 1})-[:R]->(:MgPluginTest {key: 2})", database_=db)
        # What the neo4j_clean fixture runs before each test:
        neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=db)
        count = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=db).records[0]["c"]
        assert count == 0
        names = [r["name"] for r in neo4j_driver.execute_query("SHOW CONSTRAINTS YIELD name", database_=db).records]
        assert "mg_plugin_test_key" in names
    finally:
        neo4j_driver.execute_query("DROP CONSTRAINT mg_plugin_test_key IF EXISTS", database_=db)


def test_neo4j_clean_fixture_gives_an_empty_database(neo4j_clean, neo4j_driver):
    count = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=neo4j_clean.database)
    assert count.records[0]["c"] == 0


@pytest.mark.neo4j
def test_marker_alone_brings_up_the_server(request):
    conn = request.getfixturevalue("neo4j_server")
    with GraphDatabase.driver(conn.uri, auth=conn.auth) as driver:
        driver.verify_connectivity()


def test_stop_then_start_keeps_data_and_password(local, neo4j_driver):
    """Runs last in this file: a full clean stop and restart (about 10 s)."""
    label = "MgRestart_" + uuid.uuid4().hex[:8]
    neo4j_driver.execute_query(f"CREATE (:{label} {{v: 1}})", database_=local.database)

    t0 = time.monotonic()
    assert local_server.stop(local.home) is True
    assert time.monotonic() - t0 < 30
    st = local_server.status(local.home, password=local.password)
    assert st["running"] is False and st["bolt_listening"] is False
    assert not (local.home / "run" / "neo4j.pid").exists()
    assert local_server.stop(local.home) is False  # idempotent

    info = local_server.start(local.home, local.password, timeout=120)
    assert info.started is True
    try:
        records = neo4j_driver.execute_query(
            f"MATCH (n:{label}) RETURN n.v AS v", database_=local.database
        ).records
        assert [r["v"] for r in records] == [1]
    finally:
        neo4j_driver.execute_query(f"MATCH (n:{label}) DETACH DELETE n", database_=local.database)
