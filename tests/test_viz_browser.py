"""The written page in a real headless Chromium (Debian's), offline: loads, counts, escapes, searches, filters.

Needs ``pip install playwright`` (test extras) and ``apt-get install chromium``; never ``playwright install``.
Without Chromium the tests skip, unless CI is set: then they fail.
"""

from __future__ import annotations

import time
from pathlib import Path

import networkx as nx
import pytest

from tests.chromium import OfflinePage, launch

from missiongraph.viz import build_network, write_html
from missiongraph.viz.synthetic import synthetic_graph

from tests.test_viz import KST_URL, XSS_SENTENCE, add_edge, add_node, sample_graph

pytestmark = pytest.mark.browser

# Payloads that set a flag, besides the alert() ones in test_viz.XSS_TITLE: nothing may set it.
FLAG_PAYLOADS = ('<img src=x onerror="window.__pwned=1">', '</script><script>window.__pwned=2</script>',
                 '"><svg onload="window.__pwned=3">')


@pytest.fixture(scope="module")
def browser():
    yield from launch()


def wait_until(page, expression: str, timeout: float = 30.0) -> None:
    """Poll ``expression`` until truthy. (page.wait_for_function evals its predicate inside the page, which the
    page's Content-Security-Policy forbids; page.evaluate goes through DevTools and is allowed.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{expression} still false after {timeout} s")
        page.wait_for_timeout(50)


class Visit(OfflinePage):
    """One network page opened offline (tests.chromium.OfflinePage), once vis-network has drawn it."""

    prefix = "viz"

    def __init__(self, browser, path: Path, *, bypass_csp: bool = False):
        super().__init__(browser, path, bypass_csp=bypass_csp)
        wait_until(self.page, "window.mgFirstDraw !== undefined")

    def hover_node(self, node_id: str) -> None:
        point = self.page.evaluate(
            "id => mgNetwork.canvasToDOM(mgNetwork.getPositions([id])[id])", node_id)
        box = self.page.locator("#mg-network").bounding_box()
        self.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        self.page.wait_for_selector(".vis-tooltip", state="visible", timeout=5_000)


@pytest.fixture
def visit(browser, tmp_path):
    opened: list[Visit] = []

    def open_graph(graph: nx.MultiDiGraph, name: str = "graph", *, bypass_csp: bool = False, **kwargs) -> Visit:
        path = write_html(build_network(graph, title=f"Test {name}", **kwargs), tmp_path / f"{name}.html")
        opened.append(Visit(browser, path, bypass_csp=bypass_csp))
        return opened[-1]

    yield open_graph
    for v in opened:
        v.close()


def xss_graph() -> nx.MultiDiGraph:
    g = sample_graph()
    for i, payload in enumerate(FLAG_PAYLOADS):
        node = add_node(g, "Document", f"xss-{i}", title=payload, kind=payload)
        add_edge(g, node, "Mission:MINUSMA", "MENTIONS", sentence=payload, doc=payload, text=payload)
    return g


def test_page_loads_offline_without_errors_and_with_all_the_graph(visit):
    g = sample_graph()
    v = visit(g, "sample")
    assert v.errors == []
    assert v.requests == [v.url]                          # nothing but the file itself was asked for
    counts = v.page.evaluate("""() => ({data: [mgData.nodes.rows.length, mgData.edges.rows.length],
                                        shown: [mgNodes.length, mgEdges.length],
                                        drawn: Object.keys(mgNetwork.body.nodes).length})""")
    assert counts["data"] == counts["shown"] == [g.number_of_nodes(), g.number_of_edges()]
    assert counts["drawn"] >= g.number_of_nodes()
    assert v.page.locator("#mg-labels input").count() == 7
    assert "9 of 9 nodes" in v.page.locator("#mg-status").inner_text()
    v.screenshot("sample")


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_untrusted_text_does_not_run(visit, bypass_csp):
    v = visit(xss_graph(), "xss", bypass_csp=bypass_csp)
    for node in ["Document:brief-2023"] + [f"Document:xss-{i}" for i in range(len(FLAG_PAYLOADS))]:
        v.hover_node(node)                                # tooltips are built from the untrusted text
        v.page.wait_for_timeout(150)
    tip = v.page.locator(".vis-tooltip").inner_text()
    assert FLAG_PAYLOADS[-1] in tip                       # shown as text ...
    assert v.page.evaluate("window.__pwned") is None      # ... and never run
    assert v.dialogs == []
    assert v.page.locator("#mg-main img, #mg-main svg[onload], .vis-tooltip *:not(.mg-tip)").count() == 0
    assert v.errors == [] and v.requests == [v.url]       # no request for the <img src=x>
    assert v.page.title() == "Test xss"
    v.screenshot(f"xss-tooltip-{'no-csp' if bypass_csp else 'csp'}")


def test_edge_tooltip_shows_sentence_document_and_page(visit):
    v = visit(sample_graph(), "edge")
    v.page.evaluate("mgNetwork.setOptions({physics: false})")
    middle = v.page.evaluate("""() => {
        const e = mgEdges.get({filter: e => e.relType === 'CITES'})[0];
        return mgNetwork.canvasToDOM(mgNetwork.body.edges[e.id].edgeType.getPoint(0.5));
    }""")
    box = v.page.locator("#mg-network").bounding_box()
    v.page.mouse.move(box["x"] + middle["x"], box["y"] + middle["y"])
    v.page.wait_for_selector(".vis-tooltip", state="visible", timeout=5_000)
    text = v.page.locator(".vis-tooltip").inner_text()
    assert XSS_SENTENCE in text and "document: brief-2023, page 4" in text
    v.screenshot("edge-tooltip")


def test_search_finds_focuses_and_selects(visit):
    v = visit(sample_graph(), "search")
    v.page.fill("#mg-search", "minus")
    assert v.page.locator("#mg-results li").first.inner_text().startswith("MINUSMA")
    v.screenshot("search")
    v.page.press("#mg-search", "Enter")
    assert v.page.evaluate("mgNetwork.getSelectedNodes()") == ["Mission:MINUSMA"]
    assert v.page.evaluate("mgFind('unscr 2690')") == ["Resolution:2690"]
    assert v.page.evaluate("mgNetwork.getSelectedNodes()") == ["Resolution:2690"]
    assert v.page.evaluate("mgFind('29521-451')")[0] == "Kamerstuk:29521-451"   # by key
    assert v.page.evaluate("mgFind('no such thing')") == []


def test_label_filter_hides_and_search_brings_back(visit):
    v = visit(sample_graph(), "filter")
    v.page.locator('#mg-labels input[data-name="Recommendation"]').uncheck()
    assert v.page.evaluate("mgNetwork.body.nodeIndices.length") == 6
    assert "6 of 9 nodes" in v.page.locator("#mg-status").inner_text()
    v.page.locator('#mg-rels input[data-name="MENTIONS"]').uncheck()
    assert "5 of 10 edges" in v.page.locator("#mg-status").inner_text()
    v.screenshot("filter")
    v.page.evaluate("mgFind('Aanbeveling 2')")             # a hidden label is shown again
    assert v.page.locator('#mg-labels input[data-name="Recommendation"]').is_checked()
    assert v.page.evaluate("mgNetwork.body.nodeIndices.length") == 9


def test_click_on_a_kamerstuk_opens_its_official_page(visit):
    v = visit(sample_graph(), "click")
    v.page.evaluate("mgNetwork.setOptions({physics: false})")
    point = v.page.evaluate("id => mgNetwork.canvasToDOM(mgNetwork.getPositions([id])[id])", "Kamerstuk:29521-451")
    box = v.page.locator("#mg-network").bounding_box()
    with v.context.expect_page() as popup:
        v.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    assert KST_URL in v.requests                          # asked for (and aborted: the test is offline)
    assert popup.value.evaluate("window.opener") is None  # noopener


def test_large_graph_draws_with_precomputed_layout(visit):
    g = synthetic_graph(1500, 4500, seed=5)
    v = visit(g, "large")
    assert v.errors == [] and v.requests == [v.url]
    state = v.page.evaluate("""() => ({large: mgData.large, physics: mgNetwork.physics.physicsEnabled,
                                       nodes: mgNodes.length, edges: mgEdges.length})""")
    assert state == {"large": True, "physics": False, "nodes": 1500, "edges": 4500}
    assert "physics off" in v.page.locator("#mg-status").inner_text()
    v.screenshot("large")


def test_the_sample_corpus_draws_offline(visit, loaded_store):
    g = loaded_store.to_networkx()
    v = visit(g, "corpus")
    assert v.errors == [] and v.requests == [v.url]
    assert v.page.evaluate("[mgNodes.length, mgEdges.length]") == [g.number_of_nodes(), g.number_of_edges()]
    v.screenshot("corpus")
    assert v.page.evaluate("mgFind('MINUSMA')")[0] == "Mission:MINUSMA"
    v.screenshot("corpus-minusma")
