"""The embedded store: LadybugDB (PyPI ``ladybug``), on disk, no server.

Default location: ``$MISSIONGRAPH_STORE`` or ``./.missiongraph/graph.lbug`` (``--store`` overrides both).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import ladybug

from .saved import return_columns, to_ladybug
from .schema import Schema
from .store import GraphStore, QueryResult, Statement, StoreError, plain, writes

DEFAULT_STORE = Path(".missiongraph") / "graph.lbug"


def default_store_path() -> Path:
    return Path(os.environ.get("MISSIONGRAPH_STORE") or DEFAULT_STORE)


def ddl(schema: Schema) -> list[str]:
    """CREATE NODE/REL TABLE statements for every label and relationship type of the schema."""
    out = []
    for name, spec in schema.labels.items():
        cols = ", ".join(f"{p} {t}" for p, t in spec.properties.items())
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {name}({cols}, PRIMARY KEY ({spec.key}))")
    for name, spec in schema.relationships.items():
        pairs = ", ".join(f"FROM {a} TO {b}" for a, b in spec.endpoints)
        cols = ", ".join(f"{p} {t}" for p, t in spec.properties.items())
        out.append(f"CREATE REL TABLE IF NOT EXISTS {name}({pairs}, {cols})")
    return out


def _plain_value(value: Any) -> Any:
    """LadybugDB returns nodes/relationships as dicts with _LABEL/_ID/_SRC/_DST; paths as _NODES/_RELS."""
    if isinstance(value, dict):
        if "_NODES" in value and "_RELS" in value:
            return {"nodes": [_plain_value(n) for n in value["_NODES"]],
                    "relationships": [_plain_value(r) for r in value["_RELS"]]}
        if "_LABEL" in value and "_ID" in value:
            is_rel = "_SRC" in value
            out = {("_type" if is_rel else "_label"): value["_LABEL"]}
            out.update({k: plain(v) for k, v in value.items() if not k.startswith("_") and v is not None})
            return out
        return {k: _plain_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_value(v) for v in value]
    return plain(value)


def cast_expr(prop: str, typ: str) -> str:
    """LadybugDB infers a batch column's type from its values; an all-null column would be STRING."""
    return f"row.{prop}" if typ == "STRING" else f"CAST(row.{prop} AS {typ})"


class EmbeddedStore(GraphStore):
    name = "embedded"
    row_expr = staticmethod(cast_expr)

    def __init__(self, path: Path | str | None = None, schema: Schema | None = None, *, read_only: bool = False):
        super().__init__(schema)
        self.path = Path(path) if path else default_store_path()
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise StoreError(f"no graph at {self.path}: run 'missiongraph load FOLDER' first")
        try:
            self.db = ladybug.Database(str(self.path), read_only=read_only)
        except RuntimeError as exc:
            raise StoreError(f"cannot open the graph at {self.path}: {str(exc).splitlines()[0]}") from None
        self.conn = ladybug.Connection(self.db)
        if not read_only:
            self.ensure_schema()

    def ensure_schema(self) -> None:
        for statement in ddl(self.schema):
            self.conn.execute(statement)

    def execute_many(self, statements: Sequence[Statement]) -> None:
        self.conn.execute("BEGIN TRANSACTION")
        try:
            for cypher, params in statements:
                self.conn.execute(cypher, params or None)
        except BaseException:
            try:
                self.conn.execute("ROLLBACK")
            except RuntimeError:
                pass  # LadybugDB already rolled back the failed transaction
            raise
        self.conn.execute("COMMIT")

    def run(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> QueryResult:
        if not write and writes(cypher):
            raise StoreError("this query writes to the graph; pass --write to allow it")
        translated = to_ladybug(cypher)
        try:
            result = self.conn.execute(translated, params or None)
        except RuntimeError as exc:
            raise StoreError(f"query failed: {' '.join(str(exc).split())}") from None
        if isinstance(result, list):  # several statements: keep the last result
            result = result[-1]
        columns = result.get_column_names()
        if translated != cypher:  # name columns as Neo4j would, not after the translated expression
            original = return_columns(cypher)
            if original and len(original) == len(columns):
                columns = original
        rows = []
        while result.has_next():
            rows.append([_plain_value(v) for v in result.get_next()])
        return QueryResult(columns, rows)

    def close(self) -> None:
        conn, db = getattr(self, "conn", None), getattr(self, "db", None)
        self.conn = self.db = None
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()
