"""pytest plugin: a real Neo4j for the tests that need one.

Enable it in tests/conftest.py with ``pytest_plugins = ["tests.neo4j_plugin"]``.

Fixtures
  ``neo4j_server`` (session)  -> :class:`Neo4jConnection` (uri, user, password, database, ...).
      With ``NEO4J_URI`` set: that server (``NEO4J_USERNAME`` default ``neo4j``, ``NEO4J_PASSWORD`` required,
      ``NEO4J_DATABASE`` default ``neo4j``); if that is the running local server of the home below, it counts as
      local (``local=True``) but is not stopped at the end. Otherwise the local Neo4j server (the version in
      ``$MISSIONGRAPH_NEO4J_VERSION``, else the 5.26 LTS) of
      loader/stores/neo4j_server.py is assembled (first time: mvn) and started in ``$MISSIONGRAPH_NEO4J_HOME``
      or ``<rootdir>/.missiongraph/neo4j``, with ``NEO4J_PASSWORD`` or the test password ``missiongraph-test``.
      A server this session started is stopped at the end of the session (keep it running with
      ``MISSIONGRAPH_NEO4J_KEEP=1``).
  ``neo4j_driver`` (session)  -> a ``neo4j.Driver`` for that server.
  ``neo4j_clean`` (function)  -> the same :class:`Neo4jConnection`, after ``MATCH (n) DETACH DELETE n``
      (indexes and constraints are left alone). With ``NEO4J_URI`` this empties *that* database.

Marker ``neo4j``: tests marked with it get ``neo4j_server`` automatically, and tests that use these fixtures are
marked with it automatically (so ``-m "not neo4j"`` leaves them out).

When the server is unavailable: with ``CI`` set, the tests FAIL. On a developer's machine without java/mvn
they are skipped with a message saying how to enable them; any other failure fails them.
"""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path
from typing import Iterator, Mapping

import pytest

from missiongraph.stores import neo4j_server as local_server

TEST_PASSWORD = "missiongraph-test"
_FIXTURES = ("neo4j_server", "neo4j_driver", "neo4j_clean")

ENABLE_HINT = (
    "To run them: install Java 17 and Maven (e.g. `apt-get install openjdk-17-jdk-headless maven`) so the local "
    "Neo4j can be assembled and started, or point NEO4J_URI/NEO4J_PASSWORD at a running Neo4j 5 "
    "(e.g. `docker run -p 7474:7474 -p 7687:7687 -e NEO4J_AUTH=neo4j/<password> neo4j:5.26`)."
)


@dataclasses.dataclass(frozen=True)
class Neo4jConnection:
    uri: str
    user: str
    password: str = dataclasses.field(repr=False)
    database: str = "neo4j"
    local: bool = False  # True: the local server of loader/stores/neo4j_server.py (home below)
    home: Path | None = None
    http_url: str | None = None
    version: str | None = None
    started: bool = False  # True: this test session launched it (and stops it at the end)

    @property
    def auth(self) -> tuple[str, str]:
        return (self.user, self.password)

    def driver(self, **config):
        from neo4j import GraphDatabase

        return GraphDatabase.driver(self.uri, auth=self.auth, **config)


def expected_version(env: Mapping[str, str] | None = None) -> str:
    """The Neo4j version this test session runs against: ``$MISSIONGRAPH_NEO4J_VERSION`` (scripts/test sets it for
    its second run, against a calendar version), else the LTS of loader/data/neo4j-pom.xml."""
    env = os.environ if env is None else env
    return env.get(local_server.VERSION_ENV, "").strip() or local_server.lts_version()


def is_ci(env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return env.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable_outcome(message: str, *, missing_tool: bool, env: Mapping[str, str] | None = None) -> str:
    """``"fail"`` or ``"skip"`` for a Neo4j that cannot be had: skip only for missing java/mvn off CI."""
    if missing_tool and not is_ci(env):
        return "skip"
    return "fail"


def _unavailable(message: str, *, missing_tool: bool, short: str | None = None) -> None:
    if unavailable_outcome(message, missing_tool=missing_tool) == "skip":
        pytest.skip(f"Neo4j tests skipped ({short or message}). {ENABLE_HINT}")
    suffix = " (CI is set, so this fails instead of skipping)" if is_ci() else ""
    pytest.fail(f"Neo4j unavailable: {message}{suffix}", pytrace=False)


def _report(config: pytest.Config, line: str) -> None:
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None:
        return
    if capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(line)
    else:
        reporter.write_line(line)


def _local_home(config: pytest.Config) -> Path:
    env = os.environ.get("MISSIONGRAPH_NEO4J_HOME")
    return Path(env).expanduser().resolve() if env else (config.rootpath / ".missiongraph" / "neo4j").resolve()


def _external(env: Mapping[str, str], local_home: Path) -> Neo4jConnection:
    uri = env["NEO4J_URI"]
    user = env.get("NEO4J_USERNAME") or env.get("NEO4J_USER") or local_server.USER
    password = env.get("NEO4J_PASSWORD") or ""
    database = env.get("NEO4J_DATABASE") or "neo4j"
    if not password:
        pytest.fail(f"NEO4J_URI is set ({uri}) but NEO4J_PASSWORD is not.", pytrace=False)
    failure = None
    try:
        agent = local_server.check_connection(uri, user, password, database=database, timeout=15)
    except Exception as exc:  # noqa: BLE001 - turned into one actionable line
        failure = local_server.connect_error_message(exc, uri=uri, user=user, database=database, password=password)
    if failure is not None:
        _unavailable(failure, missing_tool=False)
    version = local_server.parse_server_version(agent)
    conn = Neo4jConnection(
        uri=uri, user=user, password=password, database=database, local=False,
        version=".".join(map(str, version)) if version else None,
    )
    # NEO4J_URI may point at the local server started beforehand (scripts/test does that): then it is local.
    from urllib.parse import urlsplit

    target = urlsplit(uri)
    if target.hostname in ("127.0.0.1", "localhost", "::1"):
        st = local_server.status(local_home, password=password)
        if st["running"] and urlsplit(st["bolt_uri"]).port == (target.port or 7687):
            conn = dataclasses.replace(conn, local=True, home=local_home, http_url=st["http_url"])
    return conn


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "neo4j: needs a real Neo4j (the local server from loader/stores/neo4j_server.py, or NEO4J_URI)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        names = getattr(item, "fixturenames", ())
        if any(name in names for name in _FIXTURES) and item.get_closest_marker("neo4j") is None:
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_server(request: pytest.FixtureRequest) -> Iterator[Neo4jConnection]:
    env = os.environ
    if env.get("NEO4J_URI"):
        yield _external(env, _local_home(request.config))
        return

    home = _local_home(request.config)
    password = env.get("NEO4J_PASSWORD") or TEST_PASSWORD
    bolt_port = int(env.get("MISSIONGRAPH_NEO4J_BOLT_PORT") or local_server.DEFAULT_BOLT_PORT)
    http_port = int(env.get("MISSIONGRAPH_NEO4J_HTTP_PORT") or local_server.DEFAULT_HTTP_PORT)
    timeout = float(env.get("MISSIONGRAPH_NEO4J_START_TIMEOUT") or 180)
    t0 = time.monotonic()
    failure: local_server.Neo4jLocalError | None = None
    try:
        info = local_server.start(home, password, bolt_port=bolt_port, http_port=http_port, timeout=timeout)
    except local_server.Neo4jLocalError as exc:
        failure = exc
    if failure is not None:  # outside the except block: no chained traceback in the report
        missing = isinstance(failure, local_server.ToolMissingError)
        _unavailable(str(failure), missing_tool=missing, short=getattr(failure, "short", None))
    _report(
        request.config,
        f"neo4j: {'started' if info.started else 'reused'} local Neo4j {info.version} at {info.uri} "
        f"in {time.monotonic() - t0:.1f} s (home {home})",
    )
    conn = Neo4jConnection(
        uri=info.uri, user=info.user, password=password, database=info.database, local=True, home=home,
        http_url=info.http_url, version=info.version, started=info.started,
    )
    try:
        yield conn
    finally:
        if info.started and not env.get("MISSIONGRAPH_NEO4J_KEEP"):
            local_server.stop(home)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_server: Neo4jConnection):
    driver = neo4j_server.driver(connection_timeout=15)
    try:
        yield driver
    finally:
        driver.close()


@pytest.fixture
def neo4j_clean(neo4j_server: Neo4jConnection, neo4j_driver) -> Neo4jConnection:
    """Empty the database (nodes and relationships only; indexes and constraints stay) before the test."""
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_server.database)
    return neo4j_server


@pytest.fixture(autouse=True)
def _neo4j_for_marked_tests(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("neo4j") is not None and "neo4j_server" not in request.fixturenames:
        request.getfixturevalue("neo4j_server")
