"""Neo4j Browser files: a GraSS style sheet from the schema and the saved queries as a favourites import.

What Neo4j Browser 5 (5.24, the one the local server serves) does with them, read from its source
(``src/browser/modules/Sidebar/FileDrop`` and ``favorites.utils``; ``services/grassUtils.parseGrass``):

- **Drop one file anywhere on the Browser window.** ``.grass`` is parsed and becomes the graph style at once
  (Browser then runs ``:style`` to show it); ``.zip`` adds every ``*.cypher`` entry in it as a favourite, in a
  folder named after the entry's directory (created when missing); a single ``.cypher`` file offers "Save to
  favorites" or "Paste in editor". More than one file at a time is ignored.
- **A favourite is named after its first line** (``//`` and leading blanks removed) and runs its whole text.
  Several statements separated by ``;`` (``:param`` commands included) run one after the other, but the frame
  then only lists them with their status, without a result: so a favourite is one statement.
- **Parameters** come from Browser's own store, one for all queries (``:param name => value``): a favourite that
  used ``$limit`` would run with whatever another query set it to. So each favourite has its query's defaults
  written in (``LIMIT 50``), and runs as ``missiongraph query NAME`` does without ``-p``.
- **GraSS** is CSS-like: ``node.Label { color: ...; caption: "{property}"; }``; Browser's parser keeps no
  comments (they would become part of the next selector) and drops values containing ``:``.

The committed copies are ``loader/data/missiongraph.grass`` and ``queries/neo4j-browser-favorites.zip``
(``write_browser_files`` writes both anywhere, ``python -m missiongraph.stores.neo4j_browser`` refreshes the
committed ones; tests keep them up to date). See docs/neo4j.md, "Neo4j Browser".
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from ..saved import SavedQuery, saved_queries, split_code
from ..schema import Schema, load_schema

GRASS_FILE = "missiongraph.grass"
FAVORITES_ZIP = "neo4j-browser-favorites.zip"
FAVORITES_FOLDER = "missiongraph"  # the folder Browser puts the imported favourites in

# Node diameter per label (Browser's own steps are 10, 20, 50, 65, 80 px; default 50): the labels the graph hangs
# together by are bigger, the many small leaves smaller.
DIAMETERS = {"Mission": 80, "Document": 65, "Report": 65, "Dossier": 65, "Organisation": 40, "Country": 40}
DEFAULT_DIAMETER = 50
DARK_TEXT = "#2A2C34"   # Browser's dark caption colour on light nodes
LIGHT_TEXT = "#FFFFFF"
# Browser's defaults (GraphStyleModel), repeated so the file stands alone.
NODE_DEFAULTS = {"diameter": "50px", "color": "#A5ABB6", "border-color": "#9AA1AC", "border-width": "2px",
                 "text-color-internal": "#FFFFFF", "font-size": "10px"}
REL_DEFAULTS = {"color": "#A5ABB6", "shaft-width": "1px", "font-size": "8px", "padding": "3px",
                "text-color-external": "#000000", "text-color-internal": "#FFFFFF", "caption": "<type>"}


# --- GraSS ------------------------------------------------------------------------------------------------------------

def _rgb(color: str) -> tuple[int, int, int]:
    h = color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    if len(h) != 6:
        raise ValueError(f"not a #RRGGBB colour: {color!r}")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def darker(color: str, factor: float = 0.8) -> str:
    """``color`` with each channel scaled by ``factor``: the border Browser draws around a node of that colour."""
    return "#" + "".join(f"{round(c * factor):02X}" for c in _rgb(color))


def text_color(color: str) -> str:
    """White captions on dark nodes, dark ones on light nodes: whichever contrasts more (WCAG contrast ratio)."""
    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(color))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    dark = 0.2126 * linear(0x2A) + 0.7152 * linear(0x2C) + 0.0722 * linear(0x34)
    return LIGHT_TEXT if (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / (dark + 0.05)) else DARK_TEXT


def _rule(selector: str, props: dict[str, str]) -> str:
    for key, value in props.items():
        if any(ch in value for ch in ';{}:"\'') and not (key == "caption" and _safe_caption(value)):
            raise ValueError(f"GraSS value {value!r} of {selector} {key} would not survive Browser's parser")
    lines = [f"{selector} {{"]
    lines += [f'  {key}: "{value}";' if key == "caption" else f"  {key}: {value};" for key, value in props.items()]
    lines.append("}")
    return "\n".join(lines)


def _safe_caption(value: str) -> bool:
    return not any(ch in value for ch in ';:"\'')


def grass_rules(schema: Schema | None = None) -> dict[str, dict[str, str]]:
    """The style as Browser holds it: selector -> properties (``node``, ``node.<Label>``, ``relationship``,
    ``relationship.<TYPE>``)."""
    schema = schema or load_schema()
    rules: dict[str, dict[str, str]] = {"node": dict(NODE_DEFAULTS), "relationship": dict(REL_DEFAULTS)}
    for name, spec in schema.labels.items():
        rules[f"node.{name}"] = {
            "color": spec.color.upper(),
            "border-color": darker(spec.color),
            "text-color-internal": text_color(spec.color),
            "diameter": f"{DIAMETERS.get(name, DEFAULT_DIAMETER)}px",
            "caption": f"{{{spec.caption}}}",
        }
    for name, spec in schema.relationships.items():
        rules[f"relationship.{name}"] = {"color": spec.color.upper(), "caption": "<type>"}
    return rules


def grass(schema: Schema | None = None) -> str:
    """A GraSS style sheet for Neo4j Browser: per label the schema's colour, a darker border, a readable caption
    colour, a diameter and the schema's caption property; per relationship type a colour and its type as caption.
    Drop the file on Browser (or paste it into the frame of ``:style``) to apply it."""
    return "\n".join(_rule(selector, props) for selector, props in grass_rules(schema).items()) + "\n"


# --- favourites -------------------------------------------------------------------------------------------------------

def cypher_literal(value: Any) -> str:
    """A parameter default (JSON value) as a Cypher literal for ``:param name => <literal>``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid Cypher string literal
    if isinstance(value, list):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def _key(name: Any) -> str:
    """A map key: bare when it is an identifier, else quoted with backticks."""
    name = str(name)
    return name if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) else "`" + name.replace("`", "``") + "`"


_PARAMETER = re.compile(r"\$([A-Za-z_]\w*)")


def with_values(cypher: str, values: dict[str, Any]) -> str:
    """``cypher`` with every ``$name`` of ``values`` in its code (not in string literals, quoted names or comments)
    replaced by the Cypher literal of its value; other parameters stay."""
    def substitute(m: re.Match[str]) -> str:
        return cypher_literal(values[m.group(1)]) if m.group(1) in values else m.group(0)

    return "".join(_PARAMETER.sub(substitute, piece) if is_code else piece for piece, is_code in split_code(cypher))


def favorite_text(query: SavedQuery) -> str:
    """One saved query as a Browser favourite: the title first (Browser names the favourite after its first line),
    the description and where it comes from as comments, then the query with its own defaults written in where it
    has ``$parameters``. A favourite is one statement (Browser shows a multi-statement script as a list of
    statuses, without a table or graph) and Browser's parameters are one store shared by every query (so a
    ``$limit`` would take whichever value was set last): written-in values are the only way a favourite runs with
    its own defaults, the rows ``missiongraph query NAME`` gives. Edit them in the editor to run it with others."""
    lines = [f"// {query.title}"]
    if query.description:
        lines.append(f"// {query.description}")
    lines.append(f"// missiongraph saved query {query.name} (queries/{query.filename or query.name + '.cypher'})")
    if query.params:
        given = ", ".join(f"{name} = {cypher_literal(value)}" for name, value in query.params.items())
        lines.append(f"// With the defaults of `missiongraph query {query.name}` written in: {given}")
        lines.append("// (edit them below to ask for something else)")
    lines.append(with_values(query.cypher, query.params))
    return "\n".join(lines) + "\n"


def favorites(queries: dict[str, SavedQuery] | None = None) -> dict[str, str]:
    """Path inside the zip -> favourite text: ``missiongraph/<file>.cypher`` per saved query, in file order."""
    queries = saved_queries() if queries is None else queries
    return {f"{FAVORITES_FOLDER}/{q.filename or q.name + '.cypher'}": favorite_text(q) for q in queries.values()}


def favorites_zip(queries: dict[str, SavedQuery] | None = None) -> bytes:
    """The favourites as the zip Browser imports (drop it on the Browser window): one ``.cypher`` per saved query
    in a ``missiongraph/`` folder. Same input, same bytes (fixed timestamps and order)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path, text in favorites(queries).items():
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def read_favorites_zip(data: bytes) -> dict[str, str]:
    """What Browser takes from a favourites zip: each ``*.cypher`` entry's path and text (the inverse of
    ``favorites_zip``; entries under ``__MACOSX`` are skipped as Browser does)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name).decode("utf-8") for name in zf.namelist()
                if name.endswith(".cypher") and not name.startswith("__MACOSX")}


def favorite_name(text: str) -> str:
    """The name Browser shows for a favourite: its first line without ``//`` and leading blanks."""
    first = text.split("\n", 1)[0]
    return first[2:].lstrip() if first.startswith("//") else first


def write_browser_files(out_dir: Path | str) -> list[Path]:
    """Write ``missiongraph.grass`` and ``neo4j-browser-favorites.zip`` into ``out_dir`` (created if missing);
    return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    style, zipped = out / GRASS_FILE, out / FAVORITES_ZIP
    style.write_text(grass(), encoding="utf-8")
    zipped.write_bytes(favorites_zip())
    return [style, zipped]


def committed_paths(root: Path | str) -> dict[str, Path]:
    """Where the repository keeps the generated files: ``loader/data/missiongraph.grass`` and
    ``queries/neo4j-browser-favorites.zip``."""
    root = Path(root)
    return {"grass": root / "loader" / "data" / GRASS_FILE, "favorites": root / "queries" / FAVORITES_ZIP}


def update_committed(root: Path | str) -> list[Path]:
    """Regenerate the committed copies in the repository at ``root``; return the paths that changed."""
    paths = committed_paths(root)
    changed = []
    style = grass()
    if not paths["grass"].exists() or paths["grass"].read_text("utf-8") != style:
        paths["grass"].write_text(style, encoding="utf-8")
        changed.append(paths["grass"])
    zipped = favorites_zip()
    if not paths["favorites"].exists() or read_favorites_zip(paths["favorites"].read_bytes()) != favorites():
        paths["favorites"].write_bytes(zipped)
        changed.append(paths["favorites"])
    return changed


if __name__ == "__main__":  # python -m missiongraph.stores.neo4j_browser [ROOT]: refresh the committed copies
    import sys

    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
    for path in update_committed(root):
        print(f"updated {path}")
