"""The network visualisation without a browser: what build_network draws, what write_html writes."""

from __future__ import annotations

import base64
import copy
import difflib
import hashlib
import json
import math
import re
from pathlib import Path

import networkx as nx
import pytest
from importlib import resources

from missiongraph.schema import LabelSpec, RelSpec, Schema, load_schema
from missiongraph.viz import LARGE_GRAPH_NODES, build_network, graph_neighbourhood, layout_positions, write_html
from missiongraph.viz.html import json_for_script, page_data, render_html
from missiongraph.viz.neighbourhood import close_matches, find_nodes, graph_names
from missiongraph.viz.network import (CAPTION_MAX, STANCE_COLORS, UNKNOWN_COLOR, edge_tooltip,
                                      edge_width, font_size, node_size, truncate)
from missiongraph.viz.synthetic import synthetic_graph

XSS_TITLE = "Brief <img src=x onerror=alert(1)> </script><script>alert(2)</script> & co \u2028 end"
XSS_SENTENCE = "De Kamer <b onmouseover=alert(3)>verzoekt</b> </SCRIPT><!-- het kabinet."
KST_URL = "https://zoek.officielebekendmakingen.nl/kst-29521-451.html"
RES_URL = "https://undocs.org/S/RES/2690(2023)"


def add_node(g: nx.MultiDiGraph, label: str, key: str, **props) -> str:
    node_id = f"{label}:{key}"
    g.add_node(node_id, label=label, key=key, props={"id": key, **props})
    return node_id


def add_edge(g: nx.MultiDiGraph, u: str, v: str, rel: str, **props) -> None:
    base = {"doc": "brief-2023", "span_start": 10, "span_end": 20, "text": "MINUSMA",
            "sentence": "Het kabinet verlengt de bijdrage aan MINUSMA.", "page": 0, "occurrences": 1}
    g.add_edge(u, v, type=rel, props={**base, **props})


def sample_graph() -> nx.MultiDiGraph:
    """A document with one of each kind of neighbour, an XSS title and an XSS sentence."""
    g = nx.MultiDiGraph()
    doc = add_node(g, "Document", "brief-2023", title=XSS_TITLE, kind="brief", date="2023-06-01")
    kst = add_node(g, "Kamerstuk", "29521-451", dossier="29521", number="451", url=KST_URL)
    mission = add_node(g, "Mission", "MINUSMA", name="MINUSMA", organisation="UN")
    res = add_node(g, "Resolution", "2690", caption="UNSCR 2690", year=2023, url=RES_URL)
    rec1 = add_node(g, "Recommendation", "iob-r1", caption="Aanbeveling 1", text="Zorg voor een exitstrategie.")
    rec2 = add_node(g, "Recommendation", "iob-r2", caption="Aanbeveling 2")
    rec3 = add_node(g, "Recommendation", "iob-r3", caption="Aanbeveling 3")
    person = add_node(g, "Person", "bruins slot", name="Bruins Slot")
    ministry = add_node(g, "Ministry", "Defensie")
    add_edge(g, doc, kst, "CITES", sentence=XSS_SENTENCE, page=4)
    add_edge(g, doc, kst, "PUBLISHED_AS")
    add_edge(g, doc, mission, "MENTIONS", occurrences=4)
    add_edge(g, doc, res, "MENTIONS")
    add_edge(g, res, mission, "MANDATES")
    add_edge(g, doc, rec1, "ENDORSES", stance="full")
    add_edge(g, doc, rec2, "ENDORSES", stance="partial")
    add_edge(g, doc, rec3, "ENDORSES", stance="rejected")
    add_edge(g, doc, person, "SIGNED_BY")
    add_edge(g, person, ministry, "HOLDS_POST", role="minister")
    return g


def by_id(net) -> dict[str, dict]:
    return {node["id"]: node for node in net.nodes}


# ---- nodes: colour, shape, size, caption --------------------------------------------------------------------

@pytest.mark.parametrize("label", sorted(load_schema().labels))
def test_colour_and_shape_come_from_the_schema(label):
    g = nx.MultiDiGraph()
    node = add_node(g, label, "k1")
    spec = load_schema().labels[label]
    drawn = by_id(build_network(g))[node]
    assert (drawn["color"], drawn["shape"], drawn["schemaLabel"]) == (spec.color, spec.shape, label)


def tiny_schema() -> Schema:
    labels = {
        "Alpha": LabelSpec(name="Alpha", key="id", caption="name", properties={"id": "STRING", "name": "STRING"},
                           color="#112233", shape="star", description="First."),
        "Beta": LabelSpec(name="Beta", key="id", caption="id", properties={"id": "STRING"}, color="#445566",
                          shape="box"),
    }
    rels = {"LINKS": RelSpec(name="LINKS", endpoints=(("Alpha", "Beta"),)),
            "OTHER": RelSpec(name="OTHER", endpoints=(("Alpha", "Beta"),))}
    return Schema(labels=labels, relationships=rels, provenance={"doc": "STRING", "sentence": "STRING"})


@pytest.mark.parametrize("label, key, props, color, shape, caption", [
    ("Alpha", "a1", {"name": "Het eerste"}, "#112233", "star", "Het eerste"),
    ("Alpha", "a2", {}, "#112233", "star", "a2"),                      # no caption property: the key
    ("Beta", "b1", {"name": "ignored"}, "#445566", "box", "b1"),
    ("Gamma", "g1", {"name": "x"}, UNKNOWN_COLOR, "dot", "g1"),         # label not in the schema
])
def test_node_style_table(label, key, props, color, shape, caption):
    g = nx.MultiDiGraph()
    node = add_node(g, label, key, **props)
    drawn = by_id(build_network(g, tiny_schema()))[node]
    assert (drawn["color"], drawn["shape"], drawn["label"]) == (color, shape, caption)


@pytest.mark.parametrize("degree, size", [(0, 8.0), (1, 12.0), (4, 16.0), (9, 20.0), (25, 28.0), (64, 40.0),
                                          (10_000, 40.0)])
def test_node_size_grows_with_degree(degree, size):
    assert node_size(degree) == size


def test_sizes_in_the_network_follow_degree():
    g = nx.MultiDiGraph()
    hub = add_node(g, "Mission", "MINUSMA")
    leaves = [add_node(g, "Country", f"c{i}") for i in range(9)]
    for leaf in leaves:
        add_edge(g, leaf, hub, "MENTIONS")
    drawn = by_id(build_network(g))
    assert drawn[hub]["size"] == node_size(9) == 20.0
    assert {drawn[leaf]["size"] for leaf in leaves} == {node_size(1)}


@pytest.mark.parametrize("degree, size", [(0, 14), (1, 15), (4, 16), (16, 18), (36, 20), (100, 20)])
def test_label_inside_shapes_grow_their_font(degree, size):
    assert font_size(degree) == size


def test_box_nodes_carry_a_font_size_dots_do_not():
    drawn = by_id(build_network(sample_graph()))
    assert drawn["Document:brief-2023"]["font"] == {"size": font_size(8)} == {"size": 16}
    assert "font" not in drawn["Kamerstuk:29521-451"]


@pytest.mark.parametrize("text, shown", [
    ("UNSCR 2690", "UNSCR 2690"),
    ("x" * CAPTION_MAX, "x" * CAPTION_MAX),
    ("x" * (CAPTION_MAX + 1), "x" * (CAPTION_MAX - 1) + "…"),
    ("  Kamerbrief\n over   MINUSMA ", "Kamerbrief over MINUSMA"),
    ("Beleidsreactie op de IOB-evaluatie van de Nederlandse bijdrage aan MINUSMA",
     "Beleidsreactie op de IOB-evaluatie van…"),
])
def test_captions_are_cut_on_the_canvas(text, shown):
    assert truncate(text) == shown


def test_long_caption_is_cut_but_whole_in_the_tooltip_and_search():
    title = "Beleidsreactie op de IOB-evaluatie van de Nederlandse bijdrage aan MINUSMA 2014-2019"
    g = nx.MultiDiGraph()
    node = add_node(g, "Report", "e1", title=title, evaluator="IOB")
    drawn = by_id(build_network(g))[node]
    assert drawn["label"] == truncate(title) and len(drawn["label"]) <= CAPTION_MAX
    assert drawn["caption"] == title
    assert drawn["title"].splitlines() == ["Report: e1", title, "evaluator: IOB", "relationships: 0"]


def test_node_tooltip_lists_every_property():
    drawn = by_id(build_network(sample_graph()))
    assert drawn["Mission:MINUSMA"]["title"].splitlines() == [
        "Mission: MINUSMA", "name: MINUSMA", "organisation: UN", "relationships: 2"]
    assert drawn["Resolution:2690"]["title"].splitlines() == [
        "Resolution: 2690", "UNSCR 2690", "year: 2023", f"url: {RES_URL}", "relationships: 2",
        "(click to open the official page)"]


@pytest.mark.parametrize("url, kept", [
    (KST_URL, True), (RES_URL, True), ("http://example.org/x", True),
    ("javascript:alert(1)", False), ("data:text/html,<b>x</b>", False), ("//evil.example/x", False),
    ("kst-29521-451.html", False), ("", False), (None, False),
])
def test_only_web_urls_become_links(url, kept):
    g = nx.MultiDiGraph()
    node = add_node(g, "Kamerstuk", "29521-451", url=url)
    drawn = by_id(build_network(g))[node]
    assert ("url" in drawn) is kept
    assert drawn.get("url", url) == url


# ---- edges: colour, label, stance, tooltip -------------------------------------------------------------------

def edges_by_type(net) -> dict[tuple[str, str | None], dict]:
    return {(e["relType"], e.get("stance")): e for e in net.edges}


@pytest.mark.parametrize("rel, stance, color, label, dashed", [
    ("CITES", None, "REL", "CITES", False),
    ("MENTIONS", None, "REL", "MENTIONS", False),
    ("HOLDS_POST", None, "REL", "HOLDS_POST", False),
    ("ENDORSES", "full", STANCE_COLORS["full"], "ENDORSES (full)", False),
    ("ENDORSES", "partial", STANCE_COLORS["partial"], "ENDORSES (partial)", False),
    ("ENDORSES", "rejected", STANCE_COLORS["rejected"], "ENDORSES (rejected)", True),
])
def test_edge_colour_label_and_stance(rel, stance, color, label, dashed):
    schema = load_schema()
    edge = edges_by_type(build_network(sample_graph()))[(rel, stance)]
    expected = schema.relationships[rel].color if color == "REL" else color
    assert (edge["color"], edge["label"], edge.get("dashes", False)) == (expected, label, dashed)


def test_each_relationship_type_has_its_own_colour():
    colors = [spec.color for spec in load_schema().relationships.values()]
    assert len(set(colors)) == len(colors)
    assert not set(colors) & set(STANCE_COLORS.values())


@pytest.mark.parametrize("props, lines", [
    ({"doc": "brief-2023", "sentence": "Zin een.", "page": 0, "text": "MINUSMA", "occurrences": 1},
     ["MENTIONS", "“Zin een.”", "document: brief-2023", "text: MINUSMA"]),
    ({"doc": "rapport", "sentence": "Zin twee.", "page": 12, "text": "Mali", "occurrences": 3},
     ["MENTIONS", "“Zin twee.”", "document: rapport, page 12", "text: Mali", "stated 3 times"]),
    ({"doc": "oud", "sentence": "Oude export.", "start": 1, "end": 9, "count": 2},   # older property names
     ["MENTIONS", "“Oude export.”", "document: oud", "stated 2 times"]),
    ({"doc": "brief", "sentence": "S.", "page": 2, "stance": "partial"},
     ["MENTIONS (partial)", "“S.”", "document: brief, page 2"]),
    ({"doc": "brief", "role": "minister"}, ["MENTIONS", "document: brief", "role: minister"]),
    ({}, ["MENTIONS", "document: (unknown)"]),
])
def test_edge_tooltip_table(props, lines):
    assert edge_tooltip("MENTIONS", props, load_schema()).splitlines() == lines


@pytest.mark.parametrize("count, width", [(None, 1.0), (1, 1.0), (2, 2.0), (4, 3.0), (1000, 5.0)])
def test_edge_width_by_occurrences(count, width):
    assert edge_width(count or 1) == width


def test_every_graph_edge_becomes_one_network_edge_parallel_ones_curved():
    g = sample_graph()
    net = build_network(g)
    assert len(net.edges) == g.number_of_edges()
    between = [e for e in net.edges if (e["from"], e["to"]) == ("Document:brief-2023", "Kamerstuk:29521-451")]
    assert "smooth" not in between[0] and between[1]["smooth"]["type"] in ("curvedCW", "curvedCCW")


def test_legend_lists_what_is_drawn_in_schema_order():
    legend = build_network(sample_graph()).missiongraph["legend"]
    assert [(e["name"], e["count"]) for e in legend["labels"]] == [
        ("Document", 1), ("Kamerstuk", 1), ("Mission", 1), ("Resolution", 1), ("Recommendation", 3),
        ("Ministry", 1), ("Person", 1)]
    assert [e["name"] for e in legend["relationships"]] == [
        "CITES", "PUBLISHED_AS", "MENTIONS", "SIGNED_BY", "HOLDS_POST", "MANDATES", "ENDORSES"]
    assert [e["name"] for e in legend["stances"]] == ["full", "partial", "rejected"]


def test_build_network_is_pure(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    g = sample_graph()
    before = (copy.deepcopy(dict(g.nodes(data=True))), copy.deepcopy(list(g.edges(data=True))))
    build_network(g)
    assert (dict(g.nodes(data=True)), list(g.edges(data=True))) == before
    assert list(tmp_path.iterdir()) == []


# ---- large graphs: layout in Python, physics off ------------------------------------------------------------

def chain(n: int) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    ids = [add_node(g, "Kamerstuk", f"29521-{i}") for i in range(n)]
    for a, b in zip(ids, ids[1:], strict=False):
        add_edge(g, a, b, "MENTIONS")
    return g


@pytest.mark.parametrize("nodes, threshold, large", [
    (5, 5, False), (6, 5, True), (LARGE_GRAPH_NODES, LARGE_GRAPH_NODES, False),
    (LARGE_GRAPH_NODES + 1, LARGE_GRAPH_NODES, True),
])
def test_threshold_switches_physics_off(nodes, threshold, large):
    net = build_network(chain(nodes), large_threshold=threshold)
    assert net.options["physics"]["enabled"] is not large
    assert net.options["physics"]["stabilization"]["enabled"] is not large
    assert net.missiongraph["large"] is large
    assert all("x" in n and "y" in n for n in net.nodes)         # the Python layout, always
    assert all(("label" in e) is not large for e in net.edges)   # no edge labels on large graphs


def test_default_threshold_is_used():
    assert build_network(chain(3)).missiongraph["threshold"] == LARGE_GRAPH_NODES == 500


def test_layout_is_deterministic_finite_and_spread():
    g = synthetic_graph(300, 900, seed=3)
    first = layout_positions(g, seed=1)
    assert first == layout_positions(g, seed=1)
    assert set(first) == set(g.nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in first.values())
    assert len(set(first.values())) == len(first)                # no two nodes on the same spot
    assert layout_positions(nx.MultiDiGraph()) == {}


def test_layout_handles_isolated_nodes_and_islands():
    g = chain(4)
    add_node(g, "Country", "Mali")
    a, b = add_node(g, "Person", "a"), add_node(g, "Ministry", "b")
    add_edge(g, a, b, "HOLDS_POST")
    positions = layout_positions(g)
    assert set(positions) == set(g.nodes) and len(set(positions.values())) == len(positions)


# ---- the written page ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, text", [
    ("<", '"\\u003c"'), (">", '"\\u003e"'), ("&", '"\\u0026"'), ("\u2028", '"\\u2028"'), ("\u2029", '"\\u2029"'),
    ("</script>", '"\\u003c/script\\u003e"'), ("é ✓", '"é ✓"'), ({"a": ["<!--"]}, '{"a":["\\u003c!--"]}'),
])
def test_json_for_script_escapes(value, text):
    assert json_for_script(value) == text
    assert json.loads(text) == value


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory) -> str:
    path = write_html(build_network(sample_graph(), title="Test <b>title</b>"),
                      tmp_path_factory.mktemp("viz") / "sample.html")
    return path.read_text("utf-8")


def test_untrusted_text_appears_only_escaped(sample_page):
    for raw in ("<img src=x onerror=alert(1)>", "</script><script>alert(2)", "<b onmouseover", "</SCRIPT><!--",
                "<b>title</b>", "\u2028"):
        assert raw not in sample_page
    assert "Test &lt;b&gt;title&lt;/b&gt;" in sample_page                      # <title> and <h1>
    assert len(re.findall(r"</script", sample_page, re.IGNORECASE)) == 3     # data, vis, app: nothing else
    block = re.search(r'<script type="application/json" id="mg-data">(.*?)</script>', sample_page, re.DOTALL)
    assert not set(block.group(1)) & set("<>&\u2028\u2029")


def test_app_script_never_uses_html_sinks():
    code = resources.files("missiongraph.viz").joinpath("static", "app.js").read_text("utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in code


def test_page_is_self_contained(sample_page):
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)\s*=", sample_page, re.IGNORECASE)
    assert not re.search(r"@import|url\((?!\"?data:)", sample_page)
    assert "sourceMappingURL" not in sample_page
    for cdn in ("jsdelivr", "unpkg", "cdnjs", "bootstrapcdn", "googleapis", "jquery.com", "tom-select"):
        assert cdn not in sample_page.lower()
    lib = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
    url = re.compile(r"https?://[^\s\"'<>\\]+")
    inert = set(url.findall(lib.joinpath("vis-network.min.js").read_text("utf-8")))
    inert.add("http://www.w3.org/2000/svg")          # SVG namespace in app.js, not a request
    data_urls = {KST_URL, RES_URL}                   # official pages, opened only on click
    found = set(url.findall(sample_page))
    assert found - inert - data_urls == set()


def test_content_security_policy_pins_the_inline_scripts(sample_page):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', sample_page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", sample_page, re.DOTALL)
    assert len(scripts) == 2
    for code in scripts:
        digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def unpack(data: dict) -> tuple[list[dict], list[dict]]:
    """What app.js does with page_data, in Python."""
    strings = data["strings"]

    def objects(table):
        return [{f: v for f, v in zip(table["fields"], row, strict=False) if v is not None} for row in table["rows"]]

    def restore(item, fields):
        item = {k: strings[v] if k in fields and isinstance(v, int) else v for k, v in item.items()}
        if isinstance(item.get("title"), list):
            item["title"] = "\n".join(strings[i] for i in item["title"])
        return item

    nodes = [restore(n, data["packed"]["nodes"]) for n in objects(data["nodes"])]
    edges = [restore(e, data["packed"]["edges"]) for e in objects(data["edges"])]
    for edge in edges:
        edge["from"], edge["to"] = nodes[edge["from"]]["id"], nodes[edge["to"]]["id"]
    return nodes, edges


@pytest.mark.parametrize("graph", [sample_graph(), synthetic_graph(60, 200, seed=2)], ids=["sample", "synthetic"])
def test_page_data_unpacks_to_the_network(graph):
    net = build_network(graph)
    nodes, edges = unpack(page_data(net))
    assert nodes == net.nodes
    assert edges == net.edges


def test_embedded_json_is_what_page_data_says(sample_page):
    block = re.search(r'<script type="application/json" id="mg-data">(.*?)</script>', sample_page, re.DOTALL)
    data = json.loads(block.group(1))
    net = build_network(sample_graph(), title="Test <b>title</b>")
    assert data == json.loads(json.dumps(page_data(net)))
    assert len(data["nodes"]["rows"]) == 9 and len(data["edges"]["rows"]) == 10


@pytest.mark.parametrize("nodes, edges, low, high", [
    (9, 10, 600_000, 1_000_000),                # vis-network alone is ~690 KB
    (5000, 15000, 1_000_000, 5_000_000),        # the goal: under 5 MB
])
def test_file_size_bounds(tmp_path, nodes, edges, low, high):
    graph = sample_graph() if nodes == 9 else synthetic_graph(nodes, edges)
    size = write_html(build_network(graph), tmp_path / "g.html").stat().st_size
    assert low < size < high


def test_write_html_returns_the_path_and_makes_folders(tmp_path):
    target = tmp_path / "a" / "b" / "graph.html"
    assert write_html(build_network(chain(2)), str(target)) == target and target.is_file()


def test_a_plain_pyvis_network_can_be_written_too(tmp_path):
    from pyvis.network import Network
    net = Network(directed=True)
    net.add_node("a", label="A <b>", title="<img src=x onerror=alert(1)>")
    net.add_node("b", label="B")
    net.add_edge("a", "b", title="x")
    text = render_html(net)
    assert "<img src=x" not in text and "A <b>" not in text


# ---- neighbourhood ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("around, depth, expected", [
    ("Mission:MINUSMA", 0, {"Mission:MINUSMA"}),
    ("mission:minusma", 0, {"Mission:MINUSMA"}),                         # id, any case
    ("minusma", 1, {"Mission:MINUSMA", "Document:brief-2023", "Resolution:2690"}),   # key
    ("unscr 2690", 1, {"Resolution:2690", "Document:brief-2023", "Mission:MINUSMA"}),  # caption
    ("Bruins Slot", 1, {"Person:bruins slot", "Document:brief-2023", "Ministry:Defensie"}),
    ("Defensie", 2, {"Ministry:Defensie", "Person:bruins slot", "Document:brief-2023"}),
])
def test_neighbourhood_table(around, depth, expected):
    assert set(graph_neighbourhood(sample_graph(), around, depth).nodes) == expected


def test_neighbourhood_keeps_attributes_and_all_edges_among_the_nodes():
    g = sample_graph()
    sub = graph_neighbourhood(g, "Kamerstuk:29521-451", 1)
    assert set(sub.nodes) == {"Kamerstuk:29521-451", "Document:brief-2023"}
    assert sorted(d["type"] for _, _, d in sub.edges(data=True)) == ["CITES", "PUBLISHED_AS"]
    assert sub.nodes["Kamerstuk:29521-451"] == g.nodes["Kamerstuk:29521-451"]
    assert isinstance(sub, nx.MultiDiGraph)
    sub.add_node("new")
    assert "new" not in g                                                  # a copy


@pytest.mark.parametrize("around, hint", [
    ("minusm", "Mission:MINUSMA"),
    ("UNSCR 269", "Resolution:2690"),
    ("aanbeveling", "Recommendation:iob-r1"),
])
def test_neighbourhood_without_match_names_close_ones(around, hint):
    with pytest.raises(ValueError, match="no node matches") as err:
        graph_neighbourhood(sample_graph(), around, 1)
    assert hint in str(err.value)


def test_neighbourhood_errors():
    with pytest.raises(ValueError, match="no close matches"):
        graph_neighbourhood(sample_graph(), "zzzzqqq", 1)
    with pytest.raises(ValueError, match="depth"):
        graph_neighbourhood(sample_graph(), "MINUSMA", -1)


@pytest.mark.parametrize("around, expected", [
    ("Ministry:defensie", ["Ministry:defensie"]),          # written exactly: that node
    ("Ministry:Defensie", ["Ministry:Defensie"]),
    ("MINISTRY:DEFENSIE", ["Ministry:Defensie"]),          # else the first whose id matches in any case
    ("defensie", ["Ministry:Defensie", "Ministry:defensie"]),   # key: every node
])
def test_an_id_written_exactly_wins_over_one_in_another_case(around, expected):
    g = nx.MultiDiGraph()
    add_node(g, "Ministry", "Defensie")
    add_node(g, "Ministry", "defensie")
    assert find_nodes(g, around) == expected


@pytest.mark.parametrize("around", ["minusm", "UNSCR 269", "aanbeveling", "brief-2023x", "Defensei", "zzzzqqq", ""])
def test_close_matches_are_difflibs_ranking(around):
    """The cheap upper bounds that skip most difflib ratios change nothing: the plain definition gives the same."""
    g = sample_graph()
    wanted = around.strip().casefold()
    scored = []
    for node_id, key, caption in graph_names(g):
        for name in {node_id.casefold(), key.casefold(), caption.casefold()}:
            ratio = difflib.SequenceMatcher(None, wanted, name).ratio()
            tier = 0 if wanted and name.startswith(wanted) else 1 if wanted and wanted in name else 2
            if tier < 2 or ratio >= 0.6:
                scored.append((tier, -ratio, node_id))
    expected = list(dict.fromkeys(node_id for _, _, node_id in sorted(scored)))[:8]
    assert close_matches(g, around) == expected


def test_whole_pipeline_on_a_graph_file(tmp_path):
    net = build_network(graph_neighbourhood(sample_graph(), "MINUSMA", 2), title="MINUSMA")
    path = write_html(net, tmp_path / "minusma.html")
    assert path.stat().st_size > 0 and Path(path).suffix == ".html"


def test_the_sample_corpus(loaded_store, tmp_path):
    """The real export: every node and edge drawn, Kamerstukken linked to their official page."""
    g = loaded_store.to_networkx()
    net = build_network(g, title="sample corpus")
    assert len(net.nodes) == g.number_of_nodes() > 100 and len(net.edges) == g.number_of_edges()
    kamerstukken = [n for n in net.nodes if n["schemaLabel"] == "Kamerstuk"]
    assert kamerstukken and all(n["url"].startswith("https://zoek.officielebekendmakingen.nl/kst-")
                                for n in kamerstukken if "url" in n)
    for (_, _, attrs), edge in zip(g.edges(data=True), net.edges, strict=True):   # provenance in every tooltip
        props = attrs["props"]
        assert f"document: {props['doc']}" in edge["title"]
        assert not props.get("sentence") or f"“{props['sentence']}”" in edge["title"]
    assert write_html(net, tmp_path / "corpus.html").stat().st_size < 2_000_000
