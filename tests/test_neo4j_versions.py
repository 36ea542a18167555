"""Neo4j versions: the 5.26 LTS and the calendar versions (2025.x, 2026.x) side by side.

The first part needs no server: version names, which Java each needs and which one is picked (with the real JDKs
of this machine), the two names of the server's main class, ``dbms.components()`` read by name. The second part
runs against the session's server (``tests/neo4j_plugin.py``; ``scripts/test`` runs the suite against 5.26 and
the Neo4j tests again against 2026.09.0): the store reads the version and the Cypher versions, every store
statement and saved query works when the database's default language is Cypher 25, and ``neo4j://`` (routing)
works as well as ``bolt://``.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from missiongraph.pipeline import load
from missiongraph.saved import saved_queries
from missiongraph.stores import neo4j_server as local_server
from missiongraph.stores.base import StoreError
from missiongraph.stores.neo4j import Neo4jStore, version_problem
from missiongraph.stores.neo4j_server import (Components, Neo4jLocalError, ToolMissingError, java_needed,
                                              parse_components, parse_neo4j_version)

from .conftest import SEEDS, wipe
from .neo4j_plugin import expected_version, is_ci
from .test_neo4j_store import snapshot

JDK_GLOBS = "/usr/lib/jvm/*/bin/java"


# ----------------------------------------------------------------------------------- no server needed


@pytest.mark.parametrize("version, parsed", [
    ("5.26.30", (5, 26, 30)),
    ("5.26.0", (5, 26, 0)),
    ("2025.01.0", (2025, 1, 0)),
    ("2026.09.0", (2026, 9, 0)),
    (" 2026.09.0 ", (2026, 9, 0)),
])
def test_neo4j_versions_that_can_run(version, parsed):
    assert parse_neo4j_version(version) == parsed


@pytest.mark.parametrize("version", ["4.4.12", "3.5.0", "2026.09", "5.26", "latest", "", "2024.01.0", "6.0.0",
                                     "2026.09.0-SNAPSHOT"])
def test_other_versions_are_one_clear_line(version):
    with pytest.raises(Neo4jLocalError) as info:
        parse_neo4j_version(version)
    msg = str(info.value)
    assert "\n" not in msg and "5.26" in msg and "2026.09.0" in msg


@pytest.mark.parametrize("version, java", [("5.26.30", 17), ("2025.01.0", 21), ("2025.10.1", 21),
                                           ("2026.09.0", 21)])
def test_java_each_version_needs(version, java):
    assert java_needed(version) == java


def test_the_lts_is_the_default(monkeypatch, tmp_path):
    monkeypatch.delenv(local_server.VERSION_ENV, raising=False)
    assert local_server.lts_version().startswith("5.26.")
    assert local_server.resolve_version(tmp_path / "empty-home") == local_server.lts_version()
    assert local_server.resolve_version(tmp_path / "empty-home", "2026.09.0") == "2026.09.0"
    monkeypatch.setenv(local_server.VERSION_ENV, "2026.09.0")
    assert local_server.resolve_version(tmp_path / "empty-home") == "2026.09.0"
    assert local_server.resolve_version(tmp_path / "empty-home", "5.26.30") == "5.26.30"   # the option wins


def test_a_bad_version_is_refused_before_anything_is_written(tmp_path, run):
    result = run("neo4j", "start", "--home", tmp_path / "home", "--version", "4.4.12")
    assert result.exit_code == 3
    assert "Not a Neo4j version missiongraph can run: '4.4.12'" in result.output
    assert not (tmp_path / "home").exists()


def _java_majors() -> dict[int, str]:
    """The JDKs installed here, by major version."""
    out = {}
    for java in sorted(Path("/").glob(JDK_GLOBS.lstrip("/"))):
        major = local_server._java_major(str(java))
        if major:
            out.setdefault(major, str(java))
    return out


@pytest.fixture
def only_java(monkeypatch, tmp_path):
    """PATH with one real ``java`` (a link to it) and nothing else; no JAVA_HOME, no JDK search."""
    def use(java: str | None):
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir(exist_ok=True)
        if java:
            (bin_dir / "java").symlink_to(java)
        monkeypatch.setenv("PATH", str(bin_dir))
        monkeypatch.delenv("JAVA_HOME", raising=False)
        monkeypatch.setenv("MISSIONGRAPH_NEO4J_JDKS", "")
    return use


def _needs_jdks(*majors) -> dict[int, str]:
    jdks = _java_majors()
    have = {m: j for m, j in jdks.items() if any(m >= want for want in majors)}
    missing = [want for want in majors if not any(m >= want for m in jdks)]
    if missing:
        message = f"this machine has no Java {missing[0]}+ under /usr/lib/jvm (has: {sorted(jdks)})"
        if is_ci():
            pytest.fail(message)
        pytest.skip(message)
    return have


def test_java_17_runs_the_lts_but_not_2026(only_java):
    jdks = _needs_jdks(17)
    java17 = next((j for m, j in jdks.items() if m < 21), None)
    if java17 is None:
        pytest.skip("no Java 17..20 here to show the refusal with")
    only_java(java17)
    assert local_server._java("5.26.30").endswith("java")
    with pytest.raises(ToolMissingError) as info:
        local_server._java("2026.09.0")
    msg = str(info.value)
    assert "Neo4j 2026.09.0 needs Java 21 or newer" in msg and f"(Java {local_server._java_major(java17)})" in msg
    assert "JAVA_HOME" in msg and "--version 5.26" in msg and "\n" not in msg
    assert info.value.short.startswith("Neo4j 2026.09.0 needs Java 21+, found only Java ")


def test_no_java_at_all_names_the_java_the_version_needs(only_java):
    only_java(None)
    with pytest.raises(ToolMissingError) as info:
        local_server._java("2026.09.0")
    assert "java not found: Neo4j 2026.09.0 needs Java 21 or newer" in str(info.value)
    assert info.value.short == "java not found"


def test_the_jdks_on_the_machine_are_searched_after_java_home_and_path(only_java, monkeypatch):
    jdks = _needs_jdks(17, 21)
    old = min(jdks)
    only_java(jdks[old])                                   # PATH: the oldest Java here
    monkeypatch.setenv("MISSIONGRAPH_NEO4J_JDKS", JDK_GLOBS)
    picked = local_server._java("2026.09.0")
    assert local_server._java_major(picked) >= 21
    assert local_server._java("5.26.30") == str(Path(os.environ["PATH"]) / "java")   # PATH before the search
    newest = max(jdks)
    monkeypatch.setenv("JAVA_HOME", str(Path(jdks[newest]).parent.parent))
    assert local_server._java("5.26.30") == str(Path(jdks[newest]).parent.parent / "bin" / "java")  # JAVA_HOME first


def test_both_names_of_the_server_main_class_are_known(tmp_path):
    home = tmp_path / "h"
    for main in ("org.neo4j.server.CommunityEntryPoint", "org.neo4j.server.Neo4jCommunity"):
        args = ["/usr/bin/java", "-Xmx1g", "-cp", f"{home}/lib/*", main, f"--home-dir={home}",
                f"--config-dir={home}/conf"]
        assert local_server._is_server_of(args, home)
        assert not local_server._is_server_of(args, tmp_path / "other")
    assert not local_server._is_server_of(["java", "org.neo4j.server.startup.Neo4jCommand", f"--home-dir={home}"],
                                          home)


@pytest.mark.parametrize("rows, expected", [
    # Neo4j 5.26: one row
    ([{"name": "Neo4j Kernel", "versions": ["5.26.30"], "edition": "community"}],
     Components("5.26.30", "community", ("5",))),
    # Neo4j 2026.09: the kernel and Cypher, in either order
    ([{"name": "Neo4j Kernel", "versions": ["2026.09.0"], "edition": "community"},
      {"name": "Cypher", "versions": ["5", "25"], "edition": ""}],
     Components("2026.09.0", "community", ("5", "25"))),
    ([{"name": "Cypher", "versions": ["5", "25"], "edition": ""},
      {"name": "Neo4j Kernel", "versions": ["2026.09.0"], "edition": "enterprise"}],
     Components("2026.09.0", "enterprise", ("5", "25"))),
    ([], Components(None, None, ())),
])
def test_components_are_read_by_name(rows, expected):
    assert parse_components(rows) == expected


@pytest.mark.parametrize("found, problem", [
    (Components("5.26.30", "community", ("5",)), None),
    (Components("2026.09.0", "community", ("5", "25")), None),
    (Components("2027.01.0", "community", ("25",)), None),
    (Components("4.4.12", "community", ()), "is version 4.4.12; missiongraph needs Neo4j 5 or newer"),
    (Components("2030.01.0", "community", ("30",)), "speaks Cypher 30; the saved queries are written for Cypher 5 and 25"),
])
def test_which_servers_the_store_takes(found, problem):
    got = version_problem(found)
    assert (got is None) if problem is None else (problem in got)


def test_lib_cache_is_named_after_both_versions(monkeypatch, tmp_path):
    monkeypatch.setenv("MISSIONGRAPH_NEO4J_CACHE", str(tmp_path / "cache"))
    versions = {"neo4j.version": "2026.09.0", "neo4j.browser.version": "5.24.0"}
    assert local_server._cached_lib(versions) == tmp_path / "cache" / "neo4j-2026.09.0-browser-5.24.0"
    monkeypatch.setenv("MISSIONGRAPH_NEO4J_CACHE", "off")
    assert local_server._cached_lib(versions) is None


def test_a_home_does_not_go_back_to_an_older_version(tmp_path):
    home = tmp_path / "h"
    (home / "data" / "databases" / "system").mkdir(parents=True)
    with pytest.raises(Neo4jLocalError) as info:
        local_server._check_switch(home, "2026.09.0", "5.26.30")
    assert "holds databases of Neo4j 2026.09.0; Neo4j 5.26.30 cannot open them" in str(info.value)
    local_server._check_switch(home, "5.26.30", "2026.09.0")    # upgrading is Neo4j's own business
    local_server._check_switch(home, "2026.09.0", "2026.09.0")


# ----------------------------------------------------------------------------------- the real server


def test_store_reads_version_and_cypher_versions(neo4j_server, neo4j_sample_store):
    if neo4j_server.local:      # the local server runs the session's version; an external one may run any
        assert neo4j_sample_store.version == expected_version()
    assert "5" in neo4j_sample_store.cypher_versions
    if parse_neo4j_version(neo4j_sample_store.version)[0] >= 2026:
        assert neo4j_sample_store.cypher_versions == ("5", "25")


@pytest.fixture
def cypher_25_default(neo4j_server, neo4j_driver):
    """The database's default language set to Cypher 25 for the test (ALTER DATABASE, Community too); back to
    Cypher 5 afterwards."""
    versions = local_server.parse_components(
        [r.data() for r in neo4j_driver.execute_query(local_server.COMPONENTS_QUERY, database_="system").records])
    if "25" not in versions.cypher:
        pytest.skip(f"Neo4j {versions.version} speaks only Cypher {', '.join(versions.cypher)}")

    def set_default(language: str) -> None:
        neo4j_driver.execute_query(f"ALTER DATABASE {neo4j_server.database} SET DEFAULT LANGUAGE CYPHER {language}",
                                   database_="system")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:    # the change reaches the database shortly after
            rows = neo4j_driver.execute_query("SHOW DATABASES YIELD name, defaultLanguage WHERE name = $name "
                                              "RETURN defaultLanguage", name=neo4j_server.database,
                                              database_="system").records
            if rows and rows[0][0] == f"CYPHER {language}":
                return
            time.sleep(0.2)
        raise AssertionError(f"the default language did not become Cypher {language}")

    set_default("25")
    try:
        yield neo4j_server
    finally:
        set_default("5")


def test_everything_works_when_the_default_language_is_cypher_25(cypher_25_default, loaded_store, sample_docs):
    store = Neo4jStore(cypher_25_default.uri, cypher_25_default.user, cypher_25_default.password,
                       cypher_25_default.database)   # schema statements in Cypher 25
    try:
        wipe(store)
        assert load(sample_docs, store).ok
        assert store.counts() == loaded_store.counts()
        assert snapshot(store) == snapshot(loaded_store)
        for q in saved_queries().values():                               # no prefix: the default, Cypher 25
            assert store.run(q.cypher, q.params).rows == loaded_store.run(q.cypher, q.params).rows, q.name
        assert load(sample_docs, store, force=True).ok                  # re-load: delete and orphan statements
        assert snapshot(store) == snapshot(loaded_store)
        assert store.forget("005") and store.counts()["nodes"]["Document"] == 18   # forget's statements
    finally:
        wipe(store)
        store.close()


def test_neo4j_scheme_with_routing_works_like_bolt(neo4j_server, seeds_store):
    target = urlsplit(neo4j_server.uri)
    routed = f"neo4j://{target.hostname}:{target.port or 7687}"
    store = Neo4jStore(routed, neo4j_server.user, neo4j_server.password, neo4j_server.database)
    try:
        wipe(store)
        assert load([SEEDS / "docs"], store).ok
        assert store.counts() == seeds_store.counts()
        q = saved_queries()["what-connects"]
        assert store.run(q.cypher, q.params).rows == seeds_store.run(q.cypher, q.params).rows
    finally:
        wipe(store)
        store.close()


@pytest.mark.parametrize("scheme", ["neo4j+s", "neo4j+ssc", "bolt+s"])
def test_tls_scheme_against_a_server_without_tls_is_one_clear_line(neo4j_server, scheme):
    target = urlsplit(neo4j_server.uri)
    uri = f"{scheme}://{target.hostname}:{target.port or 7687}"
    t0 = time.monotonic()
    with pytest.raises(StoreError) as info:
        Neo4jStore(uri, neo4j_server.user, neo4j_server.password, neo4j_server.database)
    assert time.monotonic() - t0 < 15
    msg = str(info.value)
    assert msg.startswith(f"Cannot reach Neo4j at {uri}: the TLS handshake failed") and "\n" not in msg
    assert neo4j_server.password not in msg


def test_routing_failure_says_why():
    port = free_port()
    with pytest.raises(StoreError) as info:
        Neo4jStore(f"neo4j://127.0.0.1:{port}", "neo4j", "whatever-password")
    assert re.match(rf"Cannot reach Neo4j at neo4j://127.0.0.1:{port} \(Connection refused\)", str(info.value))


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_status_names_the_java_the_server_runs(neo4j_server):
    if not neo4j_server.local:
        pytest.skip("NEO4J_URI is not the local server")
    st = local_server.status(neo4j_server.home, password=neo4j_server.password)
    assert st["java"] and shutil.which(st["java"]) or Path(st["java"]).is_file()
    major = local_server._java_major(st["java"])
    assert major >= java_needed(st["version"])
    assert st["assembled_version"] == st["version"]
    assert st["cypher_versions"] in ("5", "5, 25")


def test_a_second_home_is_assembled_from_the_cache_without_maven(neo4j_server, tmp_path, monkeypatch):
    """The session's server was assembled once (or taken from the cache): another home of that version needs
    neither mvn nor java (PATH empty), takes well under the seconds mvn does, and shares the jars' disk."""
    if not neo4j_server.local:
        pytest.skip("NEO4J_URI is not the local server: nothing was assembled here")
    version = expected_version()
    cache = local_server._cached_lib({**local_server._pom_versions(local_server._pom_path()),
                                      "neo4j.version": version})
    if cache is None or not local_server._lib_complete(cache, json_versions(cache)):
        pytest.skip(f"no cache of assembled servers for {version} ({cache}; MISSIONGRAPH_NEO4J_CACHE=off?)")
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("MISSIONGRAPH_NEO4J_JDKS", "")
    t0 = time.monotonic()
    assert local_server.assemble(tmp_path / "h", version=version, bolt_port=free_port(),
                                 http_port=free_port()) == version
    took = time.monotonic() - t0
    assert took < 10, took
    lib = tmp_path / "h" / "lib"
    assert local_server.home_version(tmp_path / "h") == version
    assert not (tmp_path / "h" / "logs" / "assemble.log").exists()          # mvn never ran
    jar = f"neo4j-server-{version}.jar"
    if (lib / jar).stat().st_dev == (cache / jar).stat().st_dev:
        assert (lib / jar).stat().st_ino == (cache / jar).stat().st_ino      # a hard link, not a copy


def json_versions(lib: Path) -> dict:
    import json

    return json.loads((lib / local_server._MARKER).read_text(encoding="utf-8"))["versions"]
