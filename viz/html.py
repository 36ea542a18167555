"""One self-contained HTML page for a pyvis network: no CDN, no network request, untrusted text kept as text.

The page is our own template (viz/templates/page.html), not pyvis's: pyvis's template loads Bootstrap and
tom-select from CDNs even with ``cdn_resources='in_line'``. Inlined into it:

* vis-network's JS and CSS, from the copy shipped inside the pyvis package (``pyvis/templates/lib/vis-9.1.2``);
* our own script and style (viz/static/app.js, viz/static/app.css): search, label and relationship filters,
  legend, tooltips, click-to-open for official pages;
* the graph as JSON in a ``<script type="application/json">`` data block (never executed), with ``<``, ``>``,
  ``&``, U+2028 and U+2029 escaped, so no document text can close the block or open a tag; repeated strings
  are sent once (see ``page_data``).

A Content-Security-Policy in the page allows only these inline scripts (by SHA-256 hash) and no connection, so
even a string that slipped through could neither run nor fetch anything. Tooltips are built by app.js as DOM
text (``textContent``); the title is HTML-escaped.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from pyvis.network import Network

VIS_VERSION = "9.1.2"
_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")
# Fields whose values repeat a lot; the page sends each distinct value once (see page_data).
PACKED_NODE_FIELDS = ("schemaLabel", "color", "shape", "label", "caption")  # captions recur in tooltips
PACKED_EDGE_FIELDS = ("relType", "label", "color", "stance")
# What a JSON text must not contain raw inside an HTML <script> element (and what some JS parsers reject).
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _vis_file(name: str) -> str:
    return resources.files("pyvis").joinpath("templates", "lib", f"vis-{VIS_VERSION}", name).read_text("utf-8")


def _own_file(*parts: str) -> str:
    return resources.files("missiongraph.viz").joinpath(*parts).read_text("utf-8")


def json_for_script(value: Any) -> str:
    """JSON text safe to put between ``<script type="application/json">`` and ``</script>``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def inline_code(code: str, tag: str) -> str:
    """``code`` checked to be safe inside a raw-text ``<tag>`` element (it must not close it)."""
    if f"</{tag}" in code.lower() or "<!--" in code:
        raise ValueError(f"cannot inline code containing '</{tag}' or '<!--'")
    return code


def csp_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def _options(network: Network) -> dict[str, Any]:
    if isinstance(network.options, dict):
        return network.options
    return json.loads(network.options.to_json())


def _fallback_meta(network: Network) -> dict[str, Any]:
    """Legend and title for a Network not made by build_network: from the nodes' colours and shapes."""
    labels: dict[str, dict[str, Any]] = {}
    for node in network.nodes:
        name = str(node.get("schemaLabel") or node.get("group") or "node")
        entry = labels.setdefault(name, {"name": name, "color": node.get("color", "#97c2fc"),
                                         "shape": node.get("shape", "dot"), "count": 0, "description": ""})
        entry["count"] += 1
    rels: dict[str, dict[str, Any]] = {}
    for edge in network.edges:
        name = str(edge.get("relType") or "edge")
        entry = rels.setdefault(name, {"name": name, "color": edge.get("color", "#848484"), "count": 0,
                                       "description": ""})
        entry["count"] += 1
    return {"title": network.heading or "network", "large": False, "threshold": None,
            "legend": {"labels": list(labels.values()), "relationships": list(rels.values()), "stances": []}}


class _Strings:
    """A table of distinct strings; ``ref`` gives a string's index in it."""

    def __init__(self) -> None:
        self.table: list[str] = []
        self._index: dict[str, int] = {}

    def ref(self, text: str) -> int:
        if text not in self._index:
            self._index[text] = len(self.table)
            self.table.append(text)
        return self._index[text]


def _pack(item: dict[str, Any], fields: tuple[str, ...], strings: _Strings) -> dict[str, Any]:
    """``item`` with the string values of ``fields`` and each line of its ``title`` replaced by string refs."""
    packed = dict(item)
    for name in fields:
        if isinstance(packed.get(name), str):
            packed[name] = strings.ref(packed[name])
    if isinstance(packed.get("title"), str):
        packed["title"] = [strings.ref(line) for line in packed["title"].split("\n")]
    return packed


def _table(items: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Items as rows of one table: {"fields": [...], "rows": [[value per field], ...]}, null for a missing field
    (trailing nulls dropped). Saves repeating every field name in every item."""
    fields = list(dict.fromkeys(name for item in items for name in item))
    rows = []
    for item in items:
        row = [item.get(name) for name in fields]
        while row and row[-1] is None:
            row.pop()
        rows.append(row)
    return {"fields": fields, "rows": rows}


def page_data(network: Network) -> dict[str, Any]:
    """Everything the page's script reads: title, mode, legend, vis-network options, nodes and edges.

    Written compactly, because a 5,000-node graph repeats the same sentences, document ids, colours and types
    thousands of times (app.js unpacks it):

    * ``strings`` is a table of distinct strings; in nodes and edges the fields named in ``packed`` and every
      line of ``title`` are indexes into it;
    * an edge's ``from``/``to`` is the index of its node in the node table;
    * ``nodes`` and ``edges`` are tables: ``fields`` once, then one row of values per item (see ``_table``).
    """
    meta = getattr(network, "missiongraph", None) or _fallback_meta(network)
    strings = _Strings()
    position = {node["id"]: i for i, node in enumerate(network.nodes)}
    nodes = [_pack(dict(node, schemaLabel=node.get("schemaLabel") or node.get("group") or "node"),
                   PACKED_NODE_FIELDS, strings) for node in network.nodes]
    edges = []
    for edge in network.edges:
        packed = _pack(dict(edge, relType=edge.get("relType") or "edge"), PACKED_EDGE_FIELDS, strings)
        packed["from"] = position[edge["from"]]
        packed["to"] = position[edge["to"]]
        edges.append(packed)
    return {"title": meta["title"], "large": meta["large"], "threshold": meta["threshold"],
            "legend": meta["legend"], "options": _options(network),
            "packed": {"nodes": list(PACKED_NODE_FIELDS), "edges": list(PACKED_EDGE_FIELDS)},
            "strings": strings.table, "nodes": _table(nodes), "edges": _table(edges)}


def render_html(network: Network) -> str:
    """The page as a string (no file I/O besides reading the packaged JS/CSS)."""
    data = page_data(network)
    # Without its source-map comment: DevTools would otherwise try to fetch vis-network.min.js.map.
    vis_js = inline_code(re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", _vis_file("vis-network.min.js")), "script")
    app_js = inline_code(_own_file("static", "app.js"), "script")
    vis_css = inline_code(_vis_file("vis-network.css"), "style")
    app_css = inline_code(_own_file("static", "app.css"), "style")
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {csp_hash(vis_js)} {csp_hash(app_js)}",
        f"style-src {csp_hash(vis_css)} {csp_hash(app_css)}",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    parts = {
        "CSP": csp,                      # our own text: no quote or markup character in it
        "TITLE": html.escape(str(data["title"])),
        "VIS_CSS": vis_css,
        "APP_CSS": app_css,
        "DATA": json_for_script(data),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # One pass: text put in is never searched for placeholders again.
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _own_file("templates", "page.html"))


def write_html(network: Network, path: str | Path) -> Path:
    """Write the page for ``network`` to ``path`` (parent folders created); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(network), encoding="utf-8")
    return path
