"""Saved queries: ``queries/*.cypher``, one per file, with a header of ``// name:``, ``// description:`` and
``// param: NAME = DEFAULT`` lines (defaults are JSON: ``20``, ``"MINUSMA"``). The header may start with a
plain comment line that is the query's title, e.g. ``// Most cited Kamerstukken``: Neo4j Browser names a
favourite after its first line, so that line should read well (without it, the title is made from the name).

The files are written in Neo4j's Cypher 5, kept to a subset that LadybugDB also runs, plus a few constructs that
``to_ladybug`` translates (see docs/cypher.md): ``type(r)``, ``labels(n)[0]``, ``toString``, ``toInteger``,
``relationships(p)``, ``allShortestPaths((a)-[*..k]-(b))`` / ``shortestPath(...)`` and the sorted copy of a list
``COLLECT { UNWIND xs AS x RETURN x ORDER BY x }`` (``list_sort(xs)``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .cypher import split_code

_HEADER = re.compile(r"^//\s*(?P<key>name|description|param)\s*:\s*(?P<value>.*?)\s*$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<default>.+)$")
_TITLE = re.compile(r"^//\s*(?P<title>\S.*?)\s*$")


INT64_MIN, INT64_MAX = -2**63, 2**63 - 1


class QueryError(ValueError):
    """Unknown query or bad parameter; the message lists the valid choices."""


@dataclass(frozen=True)
class SavedQuery:
    name: str
    description: str
    cypher: str
    params: dict[str, Any] = field(default_factory=dict)  # name -> default
    filename: str = ""
    title: str = ""  # the first header line when it is a plain comment, else made from the name (see title_from)

    def bind(self, given: dict[str, str]) -> dict[str, Any]:
        """Defaults overridden by ``given`` (strings from the command line), converted to the default's type."""
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            valid = ", ".join(self.params) or "none"
            raise QueryError(f"query {self.name!r} has no parameter {unknown[0]!r}; its parameters: {valid}")
        out = dict(self.params)
        for key, raw in given.items():
            default = self.params[key]
            if isinstance(default, bool):
                out[key] = raw.lower() in ("1", "true", "yes")
            elif isinstance(default, int):
                try:
                    out[key] = int(raw)
                except ValueError:
                    raise QueryError(f"parameter {key!r} of {self.name!r} must be a whole number, got {raw!r}") from None
                if not INT64_MIN <= out[key] <= INT64_MAX:   # what both stores take as an integer
                    raise QueryError(f"parameter {key!r} of {self.name!r} is too large: {raw} (at most {INT64_MAX:,})")
            else:
                out[key] = raw
        return out


def title_from(name: str) -> str:
    """The title of a query whose file has no title line: its name in words (``most-cited`` -> ``Most cited``)."""
    words = name.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def parse(text: str, filename: str = "") -> SavedQuery:
    meta: dict[str, str] = {}
    params: dict[str, Any] = {}
    body = []
    lines = text.splitlines()
    title = ""
    if lines and not _HEADER.match(lines[0]) and (t := _TITLE.match(lines[0])):
        title, lines = t.group("title"), lines[1:]  # a plain comment first: the title (Browser's favourite name)
    for line in lines:
        m = _HEADER.match(line)
        if m and not body:
            if m.group("key") == "param":
                p = _PARAM.match(m.group("value"))
                if not p:
                    raise QueryError(f"{filename}: bad param line {line!r} (want: // param: name = default)")
                params[p.group("name")] = json.loads(p.group("default"))
            else:
                meta[m.group("key")] = m.group("value")
        elif line.strip() or body:
            body.append(line)
    if "name" not in meta:
        raise QueryError(f"{filename}: missing '// name:' header")
    return SavedQuery(name=meta["name"], description=meta.get("description", ""), cypher="\n".join(body).strip(),
                      params=params, filename=filename, title=title or title_from(meta["name"]))


def saved_queries() -> dict[str, SavedQuery]:
    """Every saved query by name, in file order."""
    folder = resources.files("missiongraph.queries")
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            q = parse(entry.read_text("utf-8"), entry.name)
            out[q.name] = q
    return out


def get(name: str) -> SavedQuery:
    queries = saved_queries()
    if name not in queries:
        raise QueryError(f"unknown query {name!r}; saved queries: {', '.join(queries)}")
    return queries[name]


# --- dialect translation: Neo4j Cypher 5 -> LadybugDB --------------------------------------------------------------

_TRANSLATIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\ballShortestPaths\(\s*\((\w+)\)-\[\*\.\.(\d+)\]-\((\w+)\)\s*\)"), r"(\1)-[* ALL SHORTEST 1..\2]-(\3)"),
    (re.compile(r"\bshortestPath\(\s*\((\w+)\)-\[\*\.\.(\d+)\]-\((\w+)\)\s*\)"), r"(\1)-[* SHORTEST 1..\2]-(\3)"),
    (re.compile(r"\blabels\((\w+)\)\[0\]"), r"label(\1)"),
    (re.compile(r"\btype\((\w+)\)"), r"label(\1)"),
    (re.compile(r"\btoString\("), "to_string("),
    (re.compile(r"\btoInteger\("), "to_int64("),
    (re.compile(r"\btoFloat\("), "to_double("),
    (re.compile(r"\brelationships\((\w+)\)"), r"rels(\1)"),
    # a list sorted ascending: Cypher 5 has no sort function (coll.sort is Cypher 25), LadybugDB no COLLECT {}
    (re.compile(r"\bCOLLECT\s*\{\s*UNWIND\s+(\w+)\s+AS\s+(\w+)\s+RETURN\s+\2\s+ORDER\s+BY\s+\2\s*\}", re.IGNORECASE),
     r"list_sort(\1)"),
]
def to_ladybug(cypher: str) -> str:
    """Rewrite the few Neo4j constructs LadybugDB spells differently (in the code only: string literals, quoted
    names and comments stay as written)."""
    return "".join(_translate(piece) if is_code else piece for piece, is_code in split_code(cypher))


def _translate(code: str) -> str:
    for pattern, repl in _TRANSLATIONS:
        code = pattern.sub(repl, code)
    return code


def return_columns(cypher: str) -> list[str] | None:
    """Column names Neo4j gives the final RETURN: the alias, or the expression as written. None if unclear."""
    pieces = split_code(cypher)
    # same offsets as cypher: ``text`` without comments (for the names), ``code`` without anything quoted either
    text = "".join(p if is_code or not p.startswith(("//", "/*")) else " " * len(p) for p, is_code in pieces)
    code = "".join(p if is_code else " " * len(p) for p, is_code in pieces)
    at = [m.start() for m in re.finditer(r"\bRETURN\b", code, re.IGNORECASE)]
    if not at:
        return None
    start = at[-1] + len("RETURN")
    end_m = re.search(r"\b(?:ORDER\s+BY|SKIP|LIMIT|UNION)\b", code[start:], re.IGNORECASE)
    end = start + end_m.start() if end_m else len(code)
    items, depth, last = [], 0, start
    for i in range(start, end):
        ch = code[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            items.append((last, i))
            last = i + 1
    items.append((last, end))
    names = []
    for a, b in items:
        item = text[a:b].strip()
        item = re.sub(r"^DISTINCT\s+", "", item, flags=re.IGNORECASE)
        alias = re.search(r"\s+AS\s+(?:`([^`]*)`|(\w+))\s*$", item, re.IGNORECASE)
        names.append(alias.group(1) or alias.group(2) if alias else " ".join(item.split()))
    return names
