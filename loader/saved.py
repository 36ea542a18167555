"""Saved queries: ``queries/*.cypher``, one per file, with a header of ``// name:``, ``// description:`` and
``// param: NAME = DEFAULT`` lines (defaults are JSON: ``20``, ``"MINUSMA"``). The header may start with a
plain comment line that is the query's title, e.g. ``// Most cited Kamerstukken``: Neo4j Browser names a
favourite after its first line, so that line should read well (without it, the title is made from the name).

The files are written in Neo4j's Cypher 5, kept to a subset that LadybugDB also runs, plus a few constructs that
``to_ladybug`` translates (see docs/cypher.md): ``type(r)``, ``labels(n)[0]``, ``toString``, ``toInteger``,
``relationships(p)``, ``allShortestPaths((a)-[*..k]-(b))`` / ``shortestPath(...)``, the sorted copy of a list
``COLLECT { UNWIND xs AS x RETURN x ORDER BY x }`` (``list_sort(xs)``) and a list folded into one string
``reduce(acc = '', x IN xs | acc + EXPR)`` (``list_reduce(list_transform(...), ...)``).
"""

from __future__ import annotations

import difflib
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

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Defaults overridden by ``given``; a string (from the command line) is converted to the default's type,
        another value (from Python) is taken as it is."""
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            valid = ", ".join(self.params) or "none"
            raise QueryError(f"query {self.name!r} has no parameter {unknown[0]!r}; its parameters: {valid}")
        out = dict(self.params)
        for key, raw in given.items():
            default = self.params[key]
            if not isinstance(raw, str):
                out[key] = raw
            elif isinstance(default, bool):
                out[key] = raw.lower() in ("1", "true", "yes")
            elif isinstance(default, int):
                try:
                    out[key] = int(raw)
                except ValueError:
                    raise QueryError(f"parameter {key!r} of {self.name!r} must be a whole number, got {raw!r}") from None
            else:
                out[key] = raw
            value = out[key]   # from the command line or from Python: what both stores take as an integer
            if isinstance(value, int) and not isinstance(value, bool) and not INT64_MIN <= value <= INT64_MAX:
                raise QueryError(f"parameter {key!r} of {self.name!r} is too large: {raw} (at most {INT64_MAX:,})")
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


def _spelling(name: str) -> str:
    """A query name as it is compared: no folder, no ``.cypher``, lower case, ``-`` for spaces and underscores."""
    name = name.strip().replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"\.cypher$", "", name, flags=re.IGNORECASE)
    return re.sub(r"[\s_]+", "-", name.casefold())


def _number(filename: str) -> int | None:
    """The number a query file starts with (``01-missions-overview.cypher`` -> 1), if any."""
    m = re.match(r"(\d+)", filename)
    return int(m.group(1)) if m else None


def find(name: str) -> SavedQuery | None:
    """The saved query ``name`` stands for, by any name a user would try: its name (``missions-overview``), its
    file name with or without ``.cypher`` or its folder (``01-missions-overview``, ``queries/01-...cypher``), or
    its number (``1``, ``01``); case, spaces and underscores do not matter. None when none matches."""
    wanted = _spelling(name)
    for q in saved_queries().values():
        if wanted in (_spelling(q.name), _spelling(q.filename)):
            return q
        if wanted.isdigit() and _number(q.filename) == int(wanted):
            return q
    return None


def closest(name: str, limit: int = 3) -> list[str]:
    """The names of the saved queries closest to ``name``: those whose name contains it (or it theirs), then the
    most similar names and file names (difflib), best first."""
    wanted = _spelling(name)
    queries = saved_queries().values()
    out = [q.name for q in queries if wanted and (wanted in _spelling(q.name) or _spelling(q.name) in wanted)]
    spellings = {_spelling(s): q.name for q in queries for s in (q.name, q.filename)}
    out += [spellings[m] for m in difflib.get_close_matches(wanted, list(spellings), n=limit * 2, cutoff=0.6)]
    return list(dict.fromkeys(out))[:limit]


def get(name: str) -> SavedQuery:
    """The saved query ``name`` stands for (see ``find``); an unknown name raises QueryError naming the closest
    ones, or every saved query when none is close."""
    query = find(name)
    if query is not None:
        return query
    near = closest(name)
    if near:
        raise QueryError(f"unknown query {name!r}; did you mean {' or '.join(near)}? "
                         f"(missiongraph query --list shows all {len(saved_queries())})")
    raise QueryError(f"unknown query {name!r}; saved queries: {', '.join(saved_queries())}")


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
    names and comments stay as written; a construct may contain string literals, which stand in the code as
    placeholders while it is translated)."""
    pieces = split_code(cypher)
    verbatim = [piece for piece, is_code in pieces if not is_code]
    masked, n = [], 0
    for piece, is_code in pieces:
        if is_code:
            masked.append(piece)
        else:
            masked.append(f"\x00{n}\x00")
            n += 1
    translated = _translate("".join(masked))
    return _PLACEHOLDER.sub(lambda m: verbatim[int(m.group(1))], translated)


_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")


def _translate(code: str) -> str:
    code = _reduce_to_ladybug(code)
    for pattern, repl in _TRANSLATIONS:
        code = pattern.sub(repl, code)
    return code


# reduce(acc = INIT, x IN LIST | acc + EXPR): folding a list into one value by concatenation, e.g. a path's node
# keys as one string to order paths by (LadybugDB can neither reduce nor order by a list).
_REDUCE_START = re.compile(r"\breduce\(", re.IGNORECASE)
_REDUCE_BODY = re.compile(r"\s*(\w+)\s*=\s*([^,|]+?)\s*,\s*(\w+)\s+IN\s+([^|]+?)\s*\|\s*\1\s*\+\s*(.+?)\s*",
                          re.IGNORECASE | re.DOTALL)


def _reduce_to_ladybug(code: str) -> str:
    """``reduce(acc = INIT, x IN LIST | acc + EXPR)`` -> ``INIT + list_reduce(list_transform(LIST, x -> EXPR),
    (acc, x) -> acc + x)`` (the same value for a non-empty LIST); any other reduce is left as written."""
    out, pos = [], 0
    for m in _REDUCE_START.finditer(code):
        if m.start() < pos:
            continue
        close = _closing_paren(code, m.end() - 1)
        body = _REDUCE_BODY.fullmatch(code, m.end(), close) if close is not None else None
        if body is None:
            continue
        acc, init, var, items, expr = body.groups()
        out.append(code[pos:m.start()])
        out.append(f"{init} + list_reduce(list_transform({items}, {var} -> {expr}), ({acc}, {var}) -> {acc} + {var})")
        pos = close + 1
    out.append(code[pos:])
    return "".join(out)


def _closing_paren(code: str, opening: int) -> int | None:
    depth = 0
    for i in range(opening, len(code)):
        if code[i] == "(":
            depth += 1
        elif code[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


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
