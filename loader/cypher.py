"""Cypher text: one scanner that tells code, strings, comments and backtick names apart (``scan``), and the
read-only guard built on it (``check_read_only``).

The scanner reads left to right, so whichever opens first hides the others: an apostrophe in a comment opens no
string, a ``//`` in a string or in a backtick name starts no comment, a backtick in a string quotes no name.

The guard accepts one statement made only of read clauses and refuses everything else, whatever the spelling
(docs/security.md lists what was tried):

- Only ASCII outside strings, comments and backtick names, and only space, tab and line feed (``\\r\\n`` too) as
  white space: Neo4j and LadybugDB both read a no-break space or U+001C as white space, so ``MATCH (n)\\u00a0DELETE n``
  would otherwise hide a clause from a check that splits on ASCII space.
- No ``\\u`` anywhere: Neo4j decodes ``\\u0027`` *before* it reads the query (as Java does), so the escape can end a
  string, a comment or a backtick name early. No NUL character. No ``/*`` inside a block comment, no lone ``\\r``
  (Neo4j ends a ``//`` comment there, LadybugDB fails), no string escape other than ``\\\\ \\' \\" \\b \\f \\n \\r \\t``,
  nothing unterminated.
- No ``;``: exactly one statement.
- Every word of the code is looked at: the clause and command keywords of both grammars that are not read clauses
  (``REFUSED``: CREATE, MERGE, SET, DELETE, LOAD, COPY, INSTALL, ATTACH, EXPORT, …) are refused wherever they
  stand, even as a name (quote such a name: ``AS `delete```); a word or backtick name followed by ``(`` must be a
  function of ``FUNCTIONS``; ``CALL`` must name a procedure of ``PROCEDURES`` and call it (no ``CALL {…}``
  subquery, no ``CALL threads=1`` setting). Every other word is a name (variable, label, property) or a read
  keyword (MATCH, OPTIONAL, WITH, UNWIND, WHERE, RETURN, ORDER BY, SKIP, LIMIT, UNION, …).
- The statement may begin with its Cypher version, ``CYPHER 5`` or ``CYPHER 25`` (nothing else after ``CYPHER``,
  and ``CYPHER`` nowhere else).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

_TOKENS = re.compile(r"""
  (?P<space>(?:[ \t\n]|\r\n)+)
| (?P<comment>//[^\n\r]*|/\*.*?\*/)
| (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
| (?P<name>`(?:[^`]|``)*`)
| (?P<param>\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|`(?:[^`]|``)*`))
| (?P<number>0[xX][0-9A-Fa-f_]+|0o[0-7_]+
    |(?:[0-9][0-9_]*(?:\.[0-9][0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9][0-9_]*)?)
| (?P<word>[A-Za-z_][A-Za-z0-9_]*)
| (?P<unterminated>/\*|['"`])
| (?P<punct>\.\.|=~|<>|<=|>=|::|->|<-|[()\[\]{},.:|&!=<>+\-*/%^])
""", re.VERBOSE | re.DOTALL)

VERBATIM = ("string", "name", "comment")   # kinds whose text is not code


class Token(NamedTuple):
    kind: str    # space, comment, string, name, param, number, word, punct, unterminated, other (one character)
    text: str
    start: int


def scan(cypher: str) -> Iterator[Token]:
    """Every token of ``cypher`` in order; their texts joined give ``cypher`` back. Never fails: a character that
    starts no token is a token of kind ``other``, an opening quote or ``/*`` that is never closed one of kind
    ``unterminated`` (and scanning goes on after it)."""
    pos, end = 0, len(cypher)
    while pos < end:
        m = _TOKENS.match(cypher, pos)
        if m:
            yield Token(m.lastgroup or "other", m.group(0), pos)
            pos = m.end()
        else:
            yield Token("other", cypher[pos], pos)
            pos += 1


def split_code(cypher: str) -> list[tuple[str, bool]]:
    """``cypher`` in consecutive pieces, each with whether it is code (False: a string literal, a backtick name or
    a comment, to be left as written)."""
    pieces: list[tuple[str, bool]] = []
    for token in scan(cypher):
        is_code = token.kind not in VERBATIM
        if pieces and is_code and pieces[-1][1]:
            pieces[-1] = (pieces[-1][0] + token.text, True)
        else:
            pieces.append((token.text, is_code))
    return pieces


# --- the read-only guard -------------------------------------------------------------------------------------------

# Keywords of Neo4j 5 and LadybugDB that start (or are part of) a clause or command other than a read clause.
REFUSED = frozenset("""
    CREATE MERGE DELETE DETACH NODETACH SET REMOVE FOREACH LOAD COPY EXPORT IMPORT ATTACH USE INSTALL UNINSTALL
    UPDATE FORCE DROP ALTER RENAME ANALYZE COMMENT BEGIN COMMIT COMMIT_SKIP_CHECKPOINT ROLLBACK
    ROLLBACK_SKIP_CHECKPOINT CHECKPOINT EXPLAIN PROFILE CYPHER USING SHOW TERMINATE GRANT DENY REVOKE START STOP
    ENABLE DRYRUN DEALLOCATE REALLOCATE FINISH INSERT LET FILTER NEXT
""".split())

# Read keywords that may stand before "(" without being a function call.
READ_KEYWORDS = frozenset("""
    MATCH OPTIONAL WHERE WITH UNWIND RETURN ORDER BY SKIP OFFSET LIMIT UNION DISTINCT AS AND OR XOR NOT IN IS
    NULL TRUE FALSE CASE WHEN THEN ELSE END STARTS ENDS CONTAINS ASC ASCENDING DESC DESCENDING YIELD
""".split())

# Functions a read-only query may call (lower case; both dialects' spellings). None reads a file, writes, sleeps
# or runs code: no apoc.*, no nextval, no LadybugDB table function.
FUNCTIONS = frozenset("""
    count collect min max sum avg stdev stdevp percentilecont percentiledisc
    any all none single exists isempty coalesce size length type label labels id elementid keys properties
    startnode endnode nodes relationships rels head last tail range reverse
    tolower toupper lower upper trim ltrim rtrim replace left right substring split string_split concat
    tostring to_string tointeger to_int64 tofloat to_double toboolean tostringornull tointegerornull
    tofloatornull abs ceil floor round sign sqrt date list_sort list_distinct list_contains
    starts_with ends_with contains regexp_matches cast shortestpath allshortestpaths reduce list_reduce
    list_transform
""".split())

# Procedures a read-only query may CALL (lower case): Neo4j's schema and server information, LadybugDB's tables.
PROCEDURES = frozenset("""
    db.labels db.relationshiptypes db.propertykeys db.schema.visualization db.schema.nodetypeproperties
    db.schema.reltypeproperties db.info db.ping dbms.components show_tables table_info show_connection
""".split())

_ESCAPES = set("\\'\"bfnrtBFNRT")
_SKIPPED = ("space", "comment")


class NotReadOnly(ValueError):
    """A query the read-only guard refuses; the message says why in one line."""


def _where(cypher: str, at: int) -> str:
    line = cypher.count("\n", 0, at) + 1
    column = at - (cypher.rfind("\n", 0, at) + 1) + 1
    return f"line {line}, column {column}"


# The Cypher versions a statement may name first ("CYPHER 5 MATCH …", Neo4j 2025.06 and later); no query options
# ("CYPHER runtime=…"): those are settings, not reading.
CYPHER_VERSIONS = frozenset({"5", "25"})


def _bare(part: Token) -> str:
    return part.text[1:-1].replace("``", "`") if part.kind == "name" else part.text


@lru_cache(maxsize=4096)
def check_read_only(cypher: str) -> None:
    """Raise :class:`NotReadOnly` unless ``cypher`` is one statement made only of read clauses (module doc)."""
    def refuse(reason: str, at: int) -> NotReadOnly:
        return NotReadOnly(f"{reason} ({_where(cypher, at)})")

    if "\x00" in cypher:
        raise refuse("a NUL character", cypher.index("\x00"))
    escape = re.search(r"\\[uU]", cypher)
    if escape:
        raise refuse("a \\u escape (Neo4j decodes it before reading the query: write the character itself)",
                     escape.start())
    tokens: list[Token] = []
    for token in scan(cypher):
        if token.kind == "other":
            char = token.text
            what = {";": "';' (one statement only)", "\r": "a carriage return without a line feed"}.get(
                char, f"the character {char!r} outside a string or `quoted name`")
            raise refuse(what, token.start)
        if token.kind == "unterminated":
            kinds = {"/*": "comment", "`": "quoted name"}
            raise refuse(f"an unterminated {kinds.get(token.text, 'string')}", token.start)
        if token.kind == "comment" and token.text.startswith("/*") and "/*" in token.text[2:]:
            raise refuse("a comment inside a comment", token.start)
        if token.kind == "string":
            for m in re.finditer(r"\\(.)", token.text[1:-1], re.DOTALL):
                if m.group(1) not in _ESCAPES:
                    raise refuse(f"the string escape \\{m.group(1)!s}", token.start + 1 + m.start())
        if token.kind not in _SKIPPED:
            tokens.append(token)
    i = 0
    if len(tokens) > 1 and tokens[0].text.upper() == "CYPHER" and tokens[1].text in CYPHER_VERSIONS:
        i = 2               # "CYPHER 25 MATCH …": the language version first, as Neo4j Browser allows
        if len(tokens) > 3 and tokens[3].text == "=":
            raise refuse("query options after CYPHER (a read-only query may name only its version: CYPHER 25)",
                         tokens[2].start)
    while i < len(tokens):
        token, before = tokens[i], tokens[i - 1] if i else None
        i += 1
        if token.kind == "punct" and token.text == "." and before is not None and before.kind == "number":
            raise refuse("a '.' right after a number", token.start)
        if token.kind not in ("word", "name"):
            continue
        word = token.text.upper() if token.kind == "word" else ""
        if word == "CALL":
            i = _check_call(tokens, i, refuse)
            continue
        if word in REFUSED:   # wherever it stands, even as a property name: quote such a name
            raise refuse(f"{token.text} is not a read clause: a read-only query may only MATCH, OPTIONAL MATCH, "
                         f"WITH, UNWIND, WHERE, RETURN, ORDER BY, SKIP, LIMIT and UNION", token.start)
        if word in READ_KEYWORDS or (before is not None and before.text == "."):
            continue
        name, after = _chain(tokens, i - 1)
        if after < len(tokens) and tokens[after].text == "(" and name.lower() not in FUNCTIONS:
            raise refuse(f"the function {name} is not on the read-only list", token.start)


def _chain(tokens: list[Token], i: int) -> tuple[str, int]:
    """The dotted name starting at ``tokens[i]`` (``apoc.util.sleep``, `` `db`.labels``) and the index after it."""
    parts = [_bare(tokens[i])]
    j = i + 1
    while j + 1 < len(tokens) and tokens[j].text == "." and tokens[j + 1].kind in ("word", "name"):
        parts.append(_bare(tokens[j + 1]))
        j += 2
    return ".".join(parts), j


def _check_call(tokens: list[Token], i: int, refuse) -> int:
    """Check the procedure called by the CALL before ``tokens[i]``; the index after its name."""
    if i >= len(tokens) or tokens[i].kind not in ("word", "name"):
        at = tokens[i].start if i < len(tokens) else tokens[i - 1].start
        raise refuse("CALL of anything but a read-only procedure (no CALL { } subquery)", at)
    name, after = _chain(tokens, i)
    if name.lower() not in PROCEDURES or after >= len(tokens) or tokens[after].text != "(":
        raise refuse(f"CALL {name}: only the read-only procedures {', '.join(sorted(PROCEDURES))} may be called",
                     tokens[i].start)
    return after


def is_read_only(cypher: str) -> bool:
    try:
        check_read_only(cypher)
    except NotReadOnly:
        return False
    return True
