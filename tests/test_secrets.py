"""Passwords never appear in output, logs, errors or exceptions.

Command-line runs against Neo4j, as subprocesses (real stdout/stderr) and in-process (CliRunner: output and the
exception with its traceback), with a distinctive wrong password (rejected, and with the server unreachable) and
with the right one; the driver's own log at DEBUG; ``missiongraph neo4j status``; and the local server's log files.
(The local server's first start passes the password on the command line of set-initial-password for a few
seconds; that is outside this test.)

Wrong passwords go to a user other than ``neo4j`` where possible: Neo4j locks a user for a few seconds after three
failed logins, which would trip the tests that run after this one.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback

import pytest
from click.testing import CliRunner

from missiongraph.cli import main
from missiongraph.stores.base import StoreError
from missiongraph.stores.neo4j import Neo4jStore

from .conftest import SEEDS, wipe
from .neo4j_plugin import expected_version

pytestmark = pytest.mark.neo4j

WRONG = "s3cret-Pa55word-XYZ"


def cli(*args: str, password: str, user: str = "neo4j", uri: str | None = None, home=None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "MISSIONGRAPH_"))}
    env.update({"NEO4J_PASSWORD": password, "NEO4J_USERNAME": user})
    if uri:
        env["NEO4J_URI"] = uri
    if home:
        env["MISSIONGRAPH_NEO4J_HOME"] = str(home)
    done = subprocess.run([sys.executable, "-m", "missiongraph.cli", *args], env=env, capture_output=True,
                          text=True, timeout=120)
    return f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"


def assert_secret_free(text: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in text, f"a password leaked into:\n{text}"


def test_wrong_and_unreachable_servers_never_show_the_password(neo4j_server, tmp_path):
    uri = neo4j_server.uri
    outputs = [
        cli("load", str(SEEDS / "docs"), "--neo4j", uri, password=WRONG, user="intruder"),
        cli("query", "--cypher", "MATCH (n) RETURN count(n)", password=WRONG, user="intruder", uri=uri),
        cli("stats", "--neo4j", "bolt://127.0.0.1:1", password=WRONG),
        cli("load", str(SEEDS / "docs"), "--neo4j", "bolt://no-such-host.invalid:7687", password=WRONG),
        cli("push", "--store", str(tmp_path / "none.lbug"), "--neo4j", "bolt://127.0.0.1:1", password=WRONG),
    ]
    assert "rejected the credentials of user 'intruder'" in outputs[0]
    assert "Cannot reach Neo4j at bolt://127.0.0.1:1" in outputs[2]
    for out in outputs:
        assert out.startswith("exit 3"), out
        assert "Traceback" not in out, out
        assert_secret_free(out, WRONG)

    runner = CliRunner()
    for args in (["load", str(SEEDS / "docs"), "--neo4j", uri], ["stats", "--neo4j", "bolt://127.0.0.1:1"]):
        result = runner.invoke(main, args, env={"NEO4J_PASSWORD": WRONG, "NEO4J_USERNAME": "intruder"})
        assert result.exit_code == 3
        text = result.output
        if result.exc_info and not isinstance(result.exception, SystemExit):
            text += "".join(traceback.format_exception(*result.exc_info))
        assert_secret_free(text, WRONG)


def test_store_errors_and_the_drivers_debug_log_never_show_the_password(neo4j_server, caplog):
    caplog.set_level(logging.DEBUG, logger="neo4j")
    for kwargs in ({"uri": neo4j_server.uri, "user": "intruder"}, {"uri": "bolt://127.0.0.1:1", "user": "neo4j"}):
        with pytest.raises(StoreError) as err:
            Neo4jStore(password=WRONG, database=neo4j_server.database, timeout=5, **kwargs)
        text = "".join(traceback.format_exception(err.value)) + repr(err.value) + str(err.value.__context__)
        assert_secret_free(text, WRONG)
    store = Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password, neo4j_server.database)
    try:
        store.run("MATCH (n) RETURN count(n)")
        assert_secret_free(repr(store.__dict__) + repr(store.driver), neo4j_server.password)
    finally:
        store.close()
    assert "LOGON" in caplog.text or "HELLO" in caplog.text  # the handshake was logged, credentials masked
    assert_secret_free(caplog.text, WRONG, neo4j_server.password)


def test_successful_runs_status_and_server_logs_never_show_the_password(neo4j_clean, tmp_path):
    conn = neo4j_clean
    password = conn.password
    outputs = [
        cli("load", str(SEEDS / "docs"), "--neo4j", conn.uri, password=password),
        cli("stats", "--neo4j", conn.uri, password=password),
        cli("query", "--cypher", "MATCH (d:Document) RETURN d.id", "--neo4j", conn.uri, password=password),
    ]
    if conn.local and conn.home is not None:
        status = cli("neo4j", "status", "--home", str(conn.home), password=password)
        assert "running: True" in status and f"\nversion: {expected_version()}\n" in status
        wrong_status = cli("neo4j", "status", "--home", str(conn.home), password=WRONG)  # one failed login only
        assert "running: True" in wrong_status and "rejected the credentials" in wrong_status
        outputs += [status, wrong_status]
    for out in outputs:
        assert out.startswith("exit 0"), out
        assert_secret_free(out, WRONG)
        if password not in str(conn.home) + str(tmp_path):   # a password that is part of a path would match
            assert_secret_free(out, password)
    if conn.local and conn.home is not None:
        logs = sorted((conn.home / "logs").glob("*.log"))
        assert logs
        for log in logs:
            text = log.read_text("utf-8", errors="replace")
            assert WRONG not in text, f"the wrong password is in {log}"
            assert password not in text, f"the server's password is in {log}"
    with Neo4jStore(conn.uri, conn.user, password, conn.database) as store:
        wipe(store)
