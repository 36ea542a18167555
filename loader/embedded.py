"""The embedded store: LadybugDB (PyPI ``ladybug``), on disk, no server.

Default location: ``$MISSIONGRAPH_STORE`` or ``./.missiongraph/graph.lbug`` (``--store`` overrides both).

Writing a batch of documents (``EmbeddedStore.write_documents``) gives the graph of the shared upsert plan
(``store.write_plan``, which Neo4j runs) but writes what is new with ``COPY … FROM`` CSV files, LadybugDB's bulk
loader, instead of ``UNWIND … MERGE``/``CREATE``, all in ONE transaction per batch:

1. Look up which of the batch's nodes already exist, with their properties: one primary-key lookup per label
   (``UNWIND $keys … MATCH``).
2. Documents already in the store (a re-load) lose their old relationships: per relationship type and endpoint
   pair, ``DELETE r RETURN`` the endpoints, the only nodes that can become orphans.
3. An existing node is merged only when that changes it (a re-loaded Document is always replaced); new nodes are
   COPYed. A new node that no relationship of the batch reaches is not written (the upsert would write it and
   delete it as an orphan in the same transaction).
4. Every relationship of the batch is COPYed (COPY appends to a relationship table; only node tables refuse a
   duplicate key); one whose endpoint is not in the batch nor in the store is dropped, as ``MATCH … CREATE``
   drops it.
5. Only nodes that lost relationships in step 2 are checked for orphans, by key, so a re-load no longer scans
   every label; step 2 still scans each relationship table.

COPY runs inside ``BEGIN TRANSACTION`` and ``ROLLBACK`` undoes it. It is not written to the WAL: LadybugDB
checkpoints at the commit of a transaction that COPYed, and a process killed before that checkpoint ends leaves
nothing of the batch. That checkpoint is most of a batch's cost, so a batch with fewer than ``COPY_MIN_ROWS`` new
rows is written with ``MERGE``/``CREATE`` instead (measured crossover: about 50 synthetic documents), and larger
batches are much cheaper per document. CSV carries every value exactly (``csv_field``) except strings with a NUL
character and non-finite floats; a row holding one goes through ``MERGE``/``CREATE`` after the COPYs. The CSV
files live in a temporary folder next to the store, removed when the batch ends (also when it fails) and, if the
process was killed, on the next open of the store. Measurements and LadybugDB 0.22 pitfalls: docs/cypher.md.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ladybug

from .model import DocumentGraph
from .saved import return_columns, to_ladybug
from .schema import Schema
from .store import (GraphStore, QueryResult, Statement, StoreError, delete_doc_rels_returning_cypher,
                    delete_orphans_among_cypher, existing_nodes_cypher, node_rows, node_statements, plain,
                    rel_rows, rel_statements, writes)

Row = dict[str, Any]
RelKey = tuple[str, str, str]   # (relationship type, start label, end label)

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


# --------------------------------------------------------------------------------------------------------------
# Bulk writes with COPY FROM CSV: pure helpers (no I/O).
# --------------------------------------------------------------------------------------------------------------

COPY_PREFIX = ".copy-"   # temporary CSV folders are named <store file name>.copy-XXXX, next to the store
COPY_MIN_ROWS = 5000     # fewer new rows than this are written with CREATE/MERGE (see write_documents)


def csv_field(value: Any) -> str:
    """One value as a CSV field that LadybugDB's COPY reads back exactly.

    Null is an unquoted empty field; a string is always quoted (COPY reads a quoted empty field as an empty
    string, an unquoted one as null) with its quotes doubled. The quote is COPY's escape character, so
    backslashes, commas, semicolons, tabs, newlines and any unicode need nothing (newlines inside quotes need
    ``parallel=false``, see ``copy_cypher``)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return '"' + value.replace('"', '""') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    raise TypeError(f"no CSV form for a {type(value).__name__} value")


def csv_safe(row: Row) -> bool:
    """Whether COPY reads every value of ``row`` back exactly: not a string with a NUL character (COPY's CSV
    reader stops at it) nor a float that is not finite."""
    for value in row.values():
        if isinstance(value, str) and "\x00" in value:
            return False
        if isinstance(value, float) and not math.isfinite(value):
            return False
    return True


def csv_lines(rows: Iterable[Row], columns: Sequence[str]) -> Iterator[str]:
    """CSV lines (no header) of ``rows``, columns in table order: COPY maps fields by position."""
    for row in rows:
        yield ",".join([csv_field(row[c]) for c in columns]) + "\n"


def cypher_string(text: str) -> str:
    """``text`` as a Cypher string literal (COPY takes its file name only as a literal, not a parameter)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def copy_cypher(table: str, file: Path, pair: tuple[str, str] | None = None) -> str:
    """COPY one CSV file into a node table, or into one endpoint pair of a relationship table."""
    options = "header=false, parallel=false"
    if pair:
        options += f", from='{pair[0]}', to='{pair[1]}'"
    return f"COPY {table} FROM {cypher_string(str(file))} ({options})"


def wanted_keys(nodes: dict[str, list[Row]], rels: dict[RelKey, list[Row]], schema: Schema) -> dict[str, list[str]]:
    """Per label, every key the batch names (its nodes and its relationships' endpoints), sorted."""
    keys: dict[str, set[str]] = defaultdict(set)
    for label, rows in nodes.items():
        key = schema.label(label).key
        keys[label].update(row[key] for row in rows)
    for (_, start, end), rows in rels.items():
        keys[start].update(row["src"] for row in rows)
        keys[end].update(row["dst"] for row in rows)
    return {label: sorted(k) for label, k in keys.items()}


@dataclass
class BatchWrite:
    """How one batch is written, in this order: ``merge`` (existing nodes), COPY ``copy_nodes`` then
    ``copy_rels``, then ``create_nodes`` (new nodes COPY cannot carry) and ``create_rels``. New nodes written by
    MERGE must come after the COPYs: on LadybugDB 0.22 a COPY into a node table after a MERGE created a node in
    it in the same transaction corrupts that table's primary-key index ("invalid local node offset")."""

    merge: dict[str, list[Row]] = field(default_factory=dict)         # label -> rows of existing nodes
    copy_nodes: dict[str, list[Row]] = field(default_factory=dict)    # label -> rows of new nodes
    copy_rels: dict[RelKey, list[Row]] = field(default_factory=dict)
    create_nodes: dict[str, list[Row]] = field(default_factory=dict)  # label -> new rows that are not CSV-safe
    create_rels: dict[RelKey, list[Row]] = field(default_factory=dict)  # not CSV-safe, or to a node just above


def changes(row: Row, stored: Row) -> bool:
    """Whether merging ``row`` into a node with the ``stored`` properties changes it (``coalesce``: a null in
    the row keeps what is stored)."""
    return any(value is not None and value != stored.get(prop) for prop, value in row.items())


def split_batch(nodes: dict[str, list[Row]], rels: dict[RelKey, list[Row]], existing: dict[str, dict[str, Row]],
                schema: Schema) -> BatchWrite:
    """Split a batch's rows (``node_rows``/``rel_rows``) by what the store already has (``existing``: per label,
    key -> stored properties).

    The result, written after the batch documents' old relationships are deleted, gives the graph
    ``write_plan`` gives: an existing Document is replaced; another existing node is merged only if that changes
    it; a relationship whose endpoint will not exist is dropped; a new node (other than a Document) that no
    remaining relationship reaches is left out, since the upsert's orphan clean-up would delete it."""
    out = BatchWrite()
    known = {label: set(existing.get(label, {})) | {row[schema.label(label).key] for row in rows}
             for label, rows in nodes.items()}
    kept: list[tuple[RelKey, Row]] = []
    linked: dict[str, set[str]] = defaultdict(set)
    for rel_key, rows in rels.items():
        _, start, end = rel_key
        for row in rows:
            if row["src"] in known.get(start, ()) and row["dst"] in known.get(end, ()):
                kept.append((rel_key, row))
                linked[start].add(row["src"])
                linked[end].add(row["dst"])
    late: dict[str, set[str]] = defaultdict(set)   # new nodes written after the COPYs
    for label, rows in nodes.items():
        key, have = schema.label(label).key, existing.get(label, {})
        for row in rows:
            stored = have.get(row[key])
            if stored is not None:
                if label == "Document" or changes(row, stored):
                    out.merge.setdefault(label, []).append(row)
            elif label != "Document" and row[key] not in linked[label]:
                continue
            elif csv_safe(row):
                out.copy_nodes.setdefault(label, []).append(row)
            else:
                out.create_nodes.setdefault(label, []).append(row)
                late[label].add(row[key])
    for rel_key, row in kept:
        _, start, end = rel_key
        copy = csv_safe(row) and row["src"] not in late[start] and row["dst"] not in late[end]
        (out.copy_rels if copy else out.create_rels).setdefault(rel_key, []).append(row)
    return out


def row_count(rows: dict[Any, list[Row]]) -> int:
    return sum(len(r) for r in rows.values())


def orphan_candidates(deleted: dict[RelKey, list[list[Any]]]) -> dict[str, list[str]]:
    """Per label (Documents excepted: they stay), the keys of the endpoints of deleted relationships, sorted."""
    keys: dict[str, set[str]] = defaultdict(set)
    for (_, start, end), rows in deleted.items():
        for src, dst in rows:
            keys[start].add(src)
            keys[end].add(dst)
    keys.pop("Document", None)
    return {label: sorted(k) for label, k in keys.items() if k}


def _chunked(keys: list[str], size: int = 5000) -> Iterator[list[str]]:
    for i in range(0, len(keys), size):
        yield keys[i:i + size]


def buffer_pool_bytes() -> int:
    """LadybugDB's page cache: ``$MISSIONGRAPH_BUFFER_POOL_MB`` (default 1024). LadybugDB's own default is most
    of the machine's memory, which a long load fills; a fixed size keeps a 100k-document load under 1.5 GB."""
    raw = os.environ.get("MISSIONGRAPH_BUFFER_POOL_MB", "").strip()
    try:
        mb = int(raw) if raw else DEFAULT_BUFFER_POOL_MB
    except ValueError:
        raise StoreError(f"MISSIONGRAPH_BUFFER_POOL_MB must be a whole number of megabytes, not {raw!r}") from None
    if mb < 64:
        raise StoreError(f"MISSIONGRAPH_BUFFER_POOL_MB must be at least 64, not {mb}")
    return mb * 1024 * 1024


DEFAULT_BUFFER_POOL_MB = 1024


class EmbeddedStore(GraphStore):
    name = "embedded"
    row_expr = staticmethod(cast_expr)
    copy_min_rows = COPY_MIN_ROWS
    batch_size = 1000   # every COPY transaction ends in a checkpoint: larger batches amortise it (docs/benchmarks.md)

    def __init__(self, path: Path | str | None = None, schema: Schema | None = None, *, read_only: bool = False):
        super().__init__(schema)
        self.path = Path(path) if path else default_store_path()
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise StoreError(f"no graph at {self.path}: run 'missiongraph load FOLDER' first")
        try:
            self.db = ladybug.Database(str(self.path), read_only=read_only, buffer_pool_size=buffer_pool_bytes())
        except RuntimeError as exc:
            raise StoreError(f"cannot open the graph at {self.path}: {str(exc).splitlines()[0]}") from None
        self.conn = ladybug.Connection(self.db)
        if not read_only:
            self.ensure_schema()
            self._remove_stale_copy_folders()

    def ensure_schema(self) -> None:
        for statement in ddl(self.schema):
            self.conn.execute(statement)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            try:
                self.conn.execute("ROLLBACK")
            except RuntimeError:
                pass  # LadybugDB already rolled back the failed transaction
            raise
        self.conn.execute("COMMIT")

    def execute_many(self, statements: Sequence[Statement]) -> None:
        with self._transaction():
            self._execute_all(statements)

    def _execute_all(self, statements: Iterable[Statement]) -> None:
        for cypher, params in statements:
            self.conn.execute(cypher, params or None)

    def _rows(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        result = self.conn.execute(cypher, params)
        rows = []
        while result.has_next():
            rows.append(result.get_next())
        return rows

    def write_documents(self, graphs: Sequence[DocumentGraph]) -> None:
        """Replace the facts of each document in ``graphs`` in one transaction, new data by COPY (module doc)."""
        if not graphs:
            return
        nodes, rels = node_rows(graphs, self.schema), rel_rows(graphs, self.schema)
        with self._transaction():
            existing = {label: self._existing_nodes(label, keys)
                        for label, keys in wanted_keys(nodes, rels, self.schema).items()}
            reloaded = sorted(existing.get("Document", ()))
            deleted = self._delete_doc_rels(reloaded) if reloaded else {}
            batch = split_batch(nodes, rels, existing, self.schema)
            self._execute_all(node_statements(batch.merge, self.schema, cast_expr))
            if row_count(batch.copy_nodes) + row_count(batch.copy_rels) >= self.copy_min_rows:
                self._copy(batch.copy_nodes, batch.copy_rels)
            else:
                self._execute_all(node_statements(batch.copy_nodes, self.schema, cast_expr))
                self._execute_all(rel_statements(batch.copy_rels, self.schema, cast_expr))
            self._execute_all(node_statements(batch.create_nodes, self.schema, cast_expr))
            self._execute_all(rel_statements(batch.create_rels, self.schema, cast_expr))
            for label, keys in orphan_candidates(deleted).items():
                self._execute_all((delete_orphans_among_cypher(label, self.schema), {"keys": chunk})
                                  for chunk in _chunked(keys))

    def _existing_nodes(self, label: str, keys: list[str]) -> dict[str, Row]:
        """Those of ``keys`` that are nodes of ``label``: key -> stored properties."""
        spec = self.schema.label(label)
        props = [spec.key, *(p for p in spec.properties if p != spec.key)]
        cypher = existing_nodes_cypher(label, self.schema)
        return {row[0]: dict(zip(props, row))
                for chunk in _chunked(keys) for row in self._rows(cypher, {"keys": chunk})}

    def _delete_doc_rels(self, docs: list[str]) -> dict[RelKey, list[list[Any]]]:
        """Delete every relationship whose provenance is one of ``docs``; their endpoints' keys per pair."""
        deleted = {}
        for rel_type, spec in self.schema.relationships.items():
            for start, end in spec.endpoints:
                cypher = delete_doc_rels_returning_cypher(rel_type, start, end, self.schema)
                deleted[(rel_type, start, end)] = self._rows(cypher, {"docs": docs})
        return deleted

    def _copy(self, nodes: dict[str, list[Row]], rels: dict[RelKey, list[Row]]) -> None:
        """COPY node rows, then relationship rows, through CSV files in a temporary folder next to the store."""
        if not nodes and not rels:
            return
        folder = Path(tempfile.mkdtemp(prefix=self.path.name + COPY_PREFIX, dir=self.path.parent))
        try:
            for label, rows in nodes.items():
                file = self._write_csv(folder / f"{label}.csv", rows, list(self.schema.label(label).properties))
                self.conn.execute(copy_cypher(label, file))
            for (rel_type, start, end), rows in rels.items():
                columns = ["src", "dst", *self.schema.rel(rel_type).properties]
                file = self._write_csv(folder / f"{rel_type}-{start}-{end}.csv", rows, columns)
                self.conn.execute(copy_cypher(rel_type, file, (start, end)))
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    @staticmethod
    def _write_csv(file: Path, rows: list[Row], columns: list[str]) -> Path:
        with open(file, "w", encoding="utf-8", newline="") as fh:
            fh.writelines(csv_lines(rows, columns))
        return file

    def _remove_stale_copy_folders(self) -> None:
        """CSV folders a killed load left next to the store (this process holds the store's write lock, so no
        other writer is using them)."""
        prefix = self.path.name + COPY_PREFIX
        for entry in self.path.parent.iterdir():
            if entry.name.startswith(prefix) and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)

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
