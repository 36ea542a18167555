"""Neo4j Browser, for real: headless Chromium (Debian's) opens the local server's Browser, connects over Bolt,
imports our favourites zip and GraSS file the way a user does (dropping the file on the window), runs saved
queries from the favourites and from the editor, and checks the drawn graph: one circle per result node in the
schema's colour and size, relationships in theirs. Screenshots go to ``test-artifacts/neo4j-browser-*.png``.

Needs the local Neo4j (``scripts/test`` starts it; it serves Browser 5.24 at /browser/) or NEO4J_URI with its
Browser on port 7474, Playwright for Python (never ``playwright install``) and ``apt-get install chromium``.
Without Chromium or Playwright the tests skip, unless CI is set: then they fail.

The page is kept offline: requests to anything but the server (fonts, analytics, Sentry, canny.io) are aborted
and recorded, not failed on; a JavaScript error on the page fails the test.
"""

from __future__ import annotations

import base64
import json
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.chromium import ARTIFACTS, launch

from missiongraph.saved import get, saved_queries
from missiongraph.schema import load_schema
from missiongraph.stores.neo4j_browser import (DEFAULT_DIAMETER, DIAMETERS, cypher_literal, favorite_name,
                                               favorites, favorites_zip, grass)

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

GRAPH_QUERY = "shortest-connection"   # a saved query that returns nodes, so Browser draws a graph
TABLE_QUERY = "most-cited-kamerstukken"  # one with a LIMIT $limit: the parameter must arrive as an integer

# Drop one file on Browser's window: what its FileDrop component receives when a user drags a file onto it.
DROP_FILE = """({name, b64}) => {
  const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
  const data = new DataTransfer();
  data.items.add(new File([bytes], name));
  const target = document.querySelector('.filedrop');
  if (!target) throw new Error('no .filedrop element: is this Neo4j Browser?');
  for (const type of ['dragenter', 'dragover', 'drop'])
    target.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
}"""


class BrowserSession:
    """One Chromium page on Neo4j Browser, connected to the test server."""

    def __init__(self, chromium, conn):
        self.conn = conn
        bolt = urlsplit(conn.uri)
        self.bolt_host = f"{bolt.hostname}:{bolt.port or 7687}"
        self.url = (conn.http_url or f"http://{bolt.hostname}:7474").rstrip("/") + "/browser/"
        http = urlsplit(self.url)
        self.allowed = {(http.hostname, http.port or 80), (bolt.hostname, bolt.port or 7687)}
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context = chromium.new_context(viewport={"width": 1400, "height": 1000})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(20_000)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("console", self._console)

    def _route(self, route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or (parts.hostname, parts.port or 80) in self.allowed:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _console(self, message):
        # The aborted outside requests log "Failed to load resource"; anything else logged as an error counts.
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.errors.append(f"console: {message.text}")

    def connect(self) -> None:
        page = self.page
        page.goto(self.url)
        page.get_by_test_id("boltaddress").wait_for()
        scheme = urlsplit(self.conn.uri).scheme + "://"
        page.get_by_test_id("bolt-scheme-select").select_option(scheme)
        page.get_by_test_id("boltaddress").fill(self.bolt_host)
        page.get_by_test_id("username").fill(self.conn.user)
        page.get_by_test_id("password").fill(self.conn.password)
        page.get_by_test_id("connect").click()
        page.get_by_text("You are connected as user").wait_for()

    def drop(self, name: str, data: bytes) -> None:
        self.page.evaluate(DROP_FILE, {"name": name, "b64": base64.b64encode(data).decode("ascii")})

    def frame(self, command_text: str):
        """The newest result frame whose command starts with ``command_text``."""
        command = self.page.get_by_test_id("frameCommand").filter(has_text=command_text)
        return self.page.get_by_test_id("frame").filter(has=command).first

    def run_favorite(self, name: str) -> None:
        item = self.page.get_by_test_id("savedScriptListItem").filter(has=self.page.get_by_test_id(f"scriptTitle-{name}"))
        item.hover()
        item.get_by_test_id("savedScriptsButton-Run").click()

    def wait_until_still(self, selector: str, timeout: float = 8.0) -> None:
        """Wait for the force layout to settle: the nodes' transforms stop changing (or the time is up)."""
        last, deadline = None, time.monotonic() + timeout
        while time.monotonic() < deadline:
            now = self.page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('transform'))")
            if now == last:
                return
            last = now
            self.page.wait_for_timeout(400)

    def screenshot(self, name: str, locator=None) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"neo4j-browser-{name}.png"
        (locator or self.page).screenshot(path=str(path))
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def chromium():
    yield from launch()


@pytest.fixture(scope="module")
def session(chromium, neo4j_server, neo4j_sample_store):
    """Browser connected to the server holding the sample corpus, with our favourites and style imported."""
    s = BrowserSession(chromium, neo4j_server)
    try:
        s.connect()
        s.drop("neo4j-browser-favorites.zip", favorites_zip())
        s.drop("missiongraph.grass", grass().encode("utf-8"))
        s.frame(":style").locator("pre").filter(has_text="node.Mission").wait_for()   # Browser shows the style
        s.page.get_by_test_id("navigationFavorites").click()
        s.page.get_by_test_id("expandFolder-missiongraph").click()
        yield s
    finally:
        s.close()
    assert not s.errors, s.errors


def node_key(node: dict) -> tuple[str, str]:
    spec = load_schema().labels[node["_label"]]
    return node["_label"], str(node[spec.key])


def test_favourites_import_with_readable_names(session):
    expected = sorted(favorite_name(text) for text in favorites().values())
    folder = session.page.get_by_test_id("savedScriptsFolder-missiongraph")
    shown = [t.strip() for t in folder.get_by_test_id("savedScriptListItem").all_inner_texts()]
    assert sorted(shown) == expected == sorted(q.title for q in saved_queries().values())
    assert get(GRAPH_QUERY).title in shown and not any(name.startswith("name:") for name in shown)
    session.screenshot("favorites")


def test_saved_query_from_the_favourites_draws_the_graph_in_the_schema_style(session, neo4j_sample_store):
    schema = load_schema()
    q = get(GRAPH_QUERY)
    session.run_favorite(q.title)                         # runs with its own defaults: no parameter is set
    frame = session.frame(f"// {q.title}")
    nodes = frame.locator("svg g.node")
    nodes.first.wait_for()
    session.wait_until_still("svg g.node")

    rows = neo4j_sample_store.run(q.cypher, q.params).records()
    expected = {node_key(n): n for row in rows for n in row["path"]}
    assert rows and nodes.count() == len(expected)
    overview = frame.locator('[data-testid^="property-details-overview-node-label-"]').evaluate_all(
        "els => els.map(e => e.dataset.testid.split('-').pop())")
    assert set(overview) - {"*"} == {label for label, _ in expected}

    drawn = nodes.evaluate_all("""gs => gs.map(g => {
        const c = g.querySelector('circle.b-outline');
        return {fill: c.getAttribute('fill').toUpperCase(), stroke: c.getAttribute('stroke').toUpperCase(),
                r: parseFloat(c.getAttribute('r')),
                caption: Array.from(g.querySelectorAll('text.caption')).map(t => t.textContent.trim()).join(' ').trim()};
    })""")
    # One circle per node, in its label's colour, border and diameter (GraSS applied, not Browser's palette).
    want = sorted((schema.labels[label].color.upper(), DIAMETERS.get(label, DEFAULT_DIAMETER) / 2)
                  for label, _ in expected)
    assert sorted((d["fill"], d["r"]) for d in drawn) == want
    by_fill = {spec.color.upper(): spec for spec in schema.labels.values()}
    for d in drawn:
        assert d["stroke"] != d["fill"] and by_fill[d["fill"]]
    # Captions come from the schema's caption property; short ones fit the circle whole.
    short = {str(n.get(schema.labels[label].caption)) for (label, _), n in expected.items()
             if 0 < len(str(n.get(schema.labels[label].caption) or "")) <= 5}
    assert short and short <= {d["caption"] for d in drawn}

    rels = frame.locator("svg g.relationship").evaluate_all("""gs => gs.map(g => ({
        fill: g.querySelector('path.b-outline').getAttribute('fill').toUpperCase(),
        type: g.querySelector('text').textContent.trim()}))""")
    assert rels, "Browser connects the result nodes with their relationships"
    rel_colors = {name: spec.color.upper() for name, spec in schema.relationships.items()}
    whole = [r for r in rels if not r["type"].endswith("…")]     # short arrows cut their caption
    assert whole and all(r["fill"] == rel_colors[r["type"]] for r in whole), whole
    assert {r["fill"] for r in rels} <= set(rel_colors.values())
    frame.locator('button[title="Collapse the node properties display"]').click()   # the whole graph in view
    session.page.wait_for_timeout(600)                     # the panel slides away
    path = session.screenshot("graph", frame)
    assert path.stat().st_size > 10_000
    session.screenshot("page")


def type_and_run(session, text: str) -> None:
    session.page.get_by_test_id("activeEditor").click()
    session.page.keyboard.press("Control+A")
    session.page.keyboard.press("Delete")
    session.page.keyboard.insert_text(text)
    session.page.keyboard.press("Control+Enter")


def test_saved_query_typed_into_the_editor_runs_with_its_parameters(session, neo4j_sample_store):
    q = get(TABLE_QUERY)
    for name, value in q.params.items():
        type_and_run(session, f":param {name} => {cypher_literal(value)}")
        session.frame(f":param {name} =>").wait_for()
    type_and_run(session, favorites()[f"missiongraph/{q.filename}"])
    result = session.frame(f"// {q.title}")
    status = result.get_by_text(re.compile(r"Started streaming \d+ records"))
    status.wait_for()
    rows = neo4j_sample_store.run(q.cypher, q.params).records()
    assert f"Started streaming {len(rows)} records" in status.inner_text()   # LIMIT took the integer
    assert result.get_by_text(f'"{rows[0]["kamerstuk"]}"').first.is_visible()
    session.screenshot("table", result)


def rows_shown(session, frame) -> int:
    """The number of records Browser says a result frame streamed (from its table view)."""
    table = frame.get_by_test_id("cypherFrameSidebarTable")
    if table.count():
        table.first.click()                                  # a graph result: its status is on the table view
    status = frame.get_by_text(re.compile(r"Started streaming \d+ records?"))
    status.first.wait_for()
    return int(re.search(r"Started streaming (\d+) record", status.first.inner_text()).group(1))


def test_every_favourite_shows_as_many_rows_as_the_command_line(session, neo4j_server, neo4j_sample_store,
                                                                monkeypatch):
    """Each favourite, run from the sidebar with nothing set (``:params`` cleared first), streams as many records
    as ``missiongraph query NAME`` prints for the same server: its own defaults, not another query's."""
    from click.testing import CliRunner

    from missiongraph.cli import main

    type_and_run(session, ":params {}")                  # no parameter left from an earlier test
    session.frame(":params {}").wait_for()
    for key, value in {"NEO4J_URI": neo4j_server.uri, "NEO4J_USERNAME": neo4j_server.user,
                       "NEO4J_PASSWORD": neo4j_server.password, "NEO4J_DATABASE": neo4j_server.database}.items():
        monkeypatch.setenv(key, value)
    counts = {}
    for q in saved_queries().values():
        cli = CliRunner().invoke(main, ["query", q.name, "--format", "json"], catch_exceptions=False)
        assert cli.exit_code == 0, cli.output
        want = len(json.loads(cli.output))
        session.run_favorite(q.title)
        frame = session.frame(f"// {q.title}")
        counts[q.name] = (rows_shown(session, frame), want)
    assert {name: shown for name, (shown, _) in counts.items()} == {name: want for name, (_, want) in counts.items()}
    assert counts["unresolved-references"][1] > 25          # the case that showed 25 rows in Browser before
