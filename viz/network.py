"""Graph in, pyvis network out: colours, shapes, sizes, captions and tooltips for the missiongraph schema.

``build_network`` is pure: it reads the graph and the schema and returns a ``pyvis.network.Network``; nothing is
written. ``missiongraph.viz.html.write_html`` turns that network into one self-contained HTML file.

Input shape (what the stores export, ``GraphStore.to_networkx``): a ``networkx.MultiDiGraph`` whose node ids are
``"{label}:{key}"`` with attributes ``label``, ``key`` and ``props``; each edge has ``type`` and ``props``
(provenance: ``doc``, ``span_start``, ``span_end``, ``text``, ``sentence``, ``page``, ``occurrences`` -- older
exports say ``start``, ``end``, ``count`` -- plus own properties such as ``stance`` on ENDORSES).

Every string here is plain text. Tooltips (``title``) are plain text too: the page shows them as DOM text, never as
HTML (see html.py).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any
from urllib.parse import urlparse

import networkx as nx
from pyvis.network import Network

from missiongraph.schema import Schema, load_schema

from .layout import layout_positions

# Above this many nodes physics is off: the page shows the layout computed in Python as is, without edge labels
# (see docs/visualisation.md: measured with bench/bench_viz.py --physics-table, vis-network's stabilisation
# takes 2 s at 500 nodes and 5 s at 1,000 on this project's machines, against about 0.5 s and 1.2 s to draw the
# same graphs without physics).
LARGE_GRAPH_NODES = 500
# Physics iterations before the first draw, up to LARGE_GRAPH_NODES: the start is the Python layout, so few are
# needed; each costs a Barnes-Hut step over all nodes.
STABILIZATION_ITERATIONS = 100

CAPTION_MAX = 40            # characters of a caption drawn on the canvas; the full caption is in the tooltip
NODE_SIZE_MIN = 8           # px, degree 0
NODE_SIZE_STEP = 4          # px per sqrt(degree)
NODE_SIZE_MAX = 40
FONT_SIZE = 14              # label font; nodes that draw their label inside (box, ellipse, ...) grow it by degree
FONT_SIZE_MAX = 20         # more makes hubs with long captions (ministries) cover their neighbours
EDGE_WIDTH_MAX = 5
UNKNOWN_COLOR = "#999999"   # labels or relationship types missing from the schema
UNKNOWN_SHAPE = "dot"
# Shapes whose size follows the label text, not `size` (vis-network); for these the font grows with degree.
LABEL_INSIDE_SHAPES = frozenset({"box", "ellipse", "database", "circle", "text"})

# The cabinet's stance on ENDORSES edges; rejected is also dashed, so colour is not the only cue.
STANCE_COLORS = {"full": "#2E7D32", "partial": "#EF6C00", "rejected": "#C62828"}
STANCE_DASHED = frozenset({"rejected"})
COUNT_KEYS = ("occurrences", "count")
# Edge properties not listed in tooltips besides the schema's provenance: offsets (older export names) and the
# stance, which is in the first line.
NOT_SHOWN = frozenset({"start", "end", "span_start", "span_end", "count", "occurrences", "stance"})


def node_size(degree: int) -> float:
    """Node size in px: grows with the square root of the degree, from NODE_SIZE_MIN to NODE_SIZE_MAX."""
    return round(min(NODE_SIZE_MAX, NODE_SIZE_MIN + NODE_SIZE_STEP * math.sqrt(max(degree, 0))), 1)


def font_size(degree: int) -> int:
    """Label font size for nodes that draw their label inside the shape."""
    return int(min(FONT_SIZE_MAX, FONT_SIZE + math.sqrt(max(degree, 0))))


def edge_width(count: int) -> float:
    """Edge width: 1 for a relationship stated once, thicker (log2) when the document states it more often."""
    return round(min(EDGE_WIDTH_MAX, 1 + math.log2(max(count, 1))), 2)


def truncate(text: str, limit: int = CAPTION_MAX) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def rel_colors(schema: Schema) -> dict[str, str]:
    """Colour per relationship type, from the schema (``color`` of each relationship type)."""
    return {name: spec.color for name, spec in schema.relationships.items()}


def split_id(node_id: str, attrs: dict[str, Any]) -> tuple[str, str]:
    """(label, key) of a node, from its attributes or else from its ``"label:key"`` id."""
    label, _, key = str(node_id).partition(":")
    return str(attrs.get("label") or label), str(attrs.get("key") if attrs.get("key") is not None else key)


def node_caption(node_id: str, attrs: dict[str, Any], schema: Schema) -> str:
    """The full caption: the schema's caption property, else the key."""
    label, key = split_id(node_id, attrs)
    spec = schema.labels.get(label)
    value = (attrs.get("props") or {}).get(spec.caption) if spec else None
    text = str(value).strip() if value is not None else ""
    return text or key


def safe_url(value: Any) -> str | None:
    """``value`` if it is an http(s) URL with a host (the only links the page opens), else None."""
    if not isinstance(value, str):
        return None
    parsed = urlparse(value.strip())
    return value.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def node_tooltip(node_id: str, attrs: dict[str, Any], schema: Schema, degree: int) -> str:
    """Plain-text tooltip: label and key, the full caption, the other properties, the number of relationships."""
    label, key = split_id(node_id, attrs)
    props = attrs.get("props") or {}
    spec = schema.labels.get(label)
    lines = [f"{label}: {key}"]
    caption = node_caption(node_id, attrs, schema)
    if caption != key:
        lines.append(caption)
    for name, value in props.items():
        if value is None or value == "" or (spec and name == spec.caption) or (name == "id" and str(value) == key):
            continue
        lines.append(f"{name}: {value}")
    lines.append(f"relationships: {degree}")
    if safe_url(props.get("url")):
        lines.append("(click to open the official page)")
    return "\n".join(lines)


def occurrences(props: dict[str, Any]) -> int:
    """How many times the document states the relationship (``occurrences``; ``count`` in older exports)."""
    for name in COUNT_KEYS:
        value = props.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
    return 1


def edge_tooltip(rel_type: str, props: dict[str, Any], schema: Schema) -> str:
    """Plain-text tooltip: type (and stance), the sentence it came from, the document id and the page when
    non-zero, the surface text, how often it is stated, and the relationship's own properties (e.g. role)."""
    stance = props.get("stance")
    lines = [f"{rel_type} ({stance})" if stance not in (None, "") else rel_type]
    if props.get("sentence"):
        lines.append(f"“{props['sentence']}”")
    where = f"document: {props['doc']}" if props.get("doc") else "document: (unknown)"
    page = props.get("page")
    if isinstance(page, int) and not isinstance(page, bool) and page > 0:
        where += f", page {page}"
    lines.append(where)
    if props.get("text"):
        lines.append(f"text: {props['text']}")
    if occurrences(props) > 1:
        lines.append(f"stated {occurrences(props)} times")
    for name, value in props.items():
        if name not in schema.provenance and name not in NOT_SHOWN and value not in (None, ""):
            lines.append(f"{name}: {value}")
    return "\n".join(lines)


def build_network(graph: nx.MultiDiGraph, schema: Schema | None = None, *, title: str = "missiongraph",
                  large_threshold: int = LARGE_GRAPH_NODES, seed: int = 0) -> Network:
    """A pyvis Network for ``graph``: one vis node per graph node, one vis edge per graph edge.

    Positions are computed here (``layout_positions``: deterministic, the same picture each time). Up to
    ``large_threshold`` nodes vis-network's physics then polishes them (STABILIZATION_ITERATIONS) and keeps the
    graph springy while dragging; above it physics is off and edges carry no label.
    The returned network also carries ``network.missiongraph``: the title, the legend (labels and relationship
    types present, with colour, shape, count and description) and whether the large-graph mode is on;
    ``write_html`` puts it on the page.
    """
    schema = schema or load_schema()
    large = graph.number_of_nodes() > large_threshold
    positions = layout_positions(graph, seed=seed)
    degrees = dict(graph.degree())
    colors = rel_colors(schema)

    net = Network(height="100%", width="100%", directed=True, heading=title)
    label_counts: Counter[str] = Counter()
    for node_id, attrs in graph.nodes(data=True):
        label, _ = split_id(node_id, attrs)
        spec = schema.labels.get(label)
        shape = spec.shape if spec else UNKNOWN_SHAPE
        degree = degrees.get(node_id, 0)
        caption = node_caption(node_id, attrs, schema)
        data: dict[str, Any] = {
            "id": str(node_id),
            "label": truncate(caption),
            "schemaLabel": label,
            "title": node_tooltip(node_id, attrs, schema, degree),
            "color": spec.color if spec else UNKNOWN_COLOR,
            "shape": shape,
            "size": node_size(degree),
        }
        if data["label"] != caption:  # cut: keep the full caption for search
            data["caption"] = caption
        if shape in LABEL_INSIDE_SHAPES:
            data["font"] = {"size": font_size(degree)}
        url = safe_url((attrs.get("props") or {}).get("url"))
        if url:
            data["url"] = url
        data["x"], data["y"] = positions[node_id]
        # What Network.add_node does, without its O(n) membership test per node (a list).
        if data["id"] in net.node_map:
            continue
        net.nodes.append(data)
        net.node_ids.append(data["id"])
        net.node_map[data["id"]] = data
        label_counts[label] += 1

    rel_counts: Counter[str] = Counter()
    parallel: Counter[frozenset[str]] = Counter()
    for u, v, attrs in graph.edges(data=True):
        rel_type = str(attrs.get("type") or "RELATED")
        props = attrs.get("props") or {}
        stance = str(props["stance"]) if props.get("stance") not in (None, "") else None
        color = STANCE_COLORS.get(stance) or colors.get(rel_type, UNKNOWN_COLOR)
        data = {
            "from": str(u),
            "to": str(v),
            "relType": rel_type,
            "title": edge_tooltip(rel_type, props, schema),
            "color": color,
        }
        if not large:  # thousands of edge labels are noise, and slow to draw; colour and legend give the type
            data["label"] = f"{rel_type} ({stance})" if stance else rel_type
        width = edge_width(occurrences(props))
        if width != 1:
            data["width"] = width
        if stance:
            data["stance"] = stance
            if stance in STANCE_DASHED:
                data["dashes"] = True
        pair = frozenset((str(u), str(v)))
        nth = parallel[pair]
        if nth:  # second and later edge between the same two nodes: curve it, alternately to either side
            # (sides seen from the pair's first node in sort order, so that A->B and B->A curves do not meet)
            clockwise = (nth % 2 == 1) != (str(u) > str(v))
            data["smooth"] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                              "roundness": min(0.2 * ((nth + 1) // 2), 1.0)}
        parallel[pair] += 1
        # What Network.add_edge does, without its O(n) check that both ends exist (graph edges always have both).
        net.edges.append(data)
        rel_counts[rel_type] += 1

    net.set_options(_options_json(large, seed))
    net.missiongraph = {
        "title": title,
        "large": large,
        "threshold": large_threshold,
        "legend": _legend(schema, label_counts, rel_counts, colors),
    }
    return net


def _legend(schema: Schema, label_counts: Counter[str], rel_counts: Counter[str],
            colors: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    labels = [name for name in schema.labels if name in label_counts]
    labels += sorted(name for name in label_counts if name not in schema.labels)
    rels = [name for name in schema.relationships if name in rel_counts]
    rels += sorted(name for name in rel_counts if name not in schema.relationships)
    return {
        "labels": [{"name": name, "color": schema.labels[name].color if name in schema.labels else UNKNOWN_COLOR,
                    "shape": schema.labels[name].shape if name in schema.labels else UNKNOWN_SHAPE,
                    "count": label_counts[name],
                    "description": schema.labels[name].description if name in schema.labels else ""}
                   for name in labels],
        "relationships": [{"name": name, "color": colors.get(name, UNKNOWN_COLOR), "count": rel_counts[name],
                           "description": schema.relationships[name].description
                           if name in schema.relationships else ""}
                          for name in rels],
        "stances": [{"name": name, "color": color, "dashed": name in STANCE_DASHED}
                    for name, color in STANCE_COLORS.items()] if rel_counts.get("ENDORSES") else [],
    }


def _options_json(large: bool, seed: int) -> str:
    options = {
        "nodes": {"font": {"size": FONT_SIZE, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 10, "align": "middle", "color": "#444444", "strokeWidth": 3},
            "smooth": False,  # straight; parallel edges get their own curves (see build_network)
            "selectionWidth": 2,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large, "multiselect": True},
        "physics": {
            "enabled": not large,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -8000, "springLength": 160, "springConstant": 0.04,
                          "damping": 0.4, "avoidOverlap": 0.2},
            "stabilization": {"enabled": not large, "iterations": STABILIZATION_ITERATIONS, "fit": True},
        },
        "layout": {"improvedLayout": False, "randomSeed": seed},
    }
    return json.dumps(options)
