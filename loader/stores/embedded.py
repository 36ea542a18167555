"""The embedded store: LadybugDB (PyPI ``ladybug``), on disk, no server.

Default location: ``$MISSIONGRAPH_STORE`` or ``./.missiongraph/graph.lbug`` (``--store`` overrides both).

Writing documents gives the graph of the shared upsert plan (``base.write_plan``, which Neo4j runs, one
transaction per batch) but writes what is new with ``COPY … FROM`` Parquet files written from Arrow tables,
LadybugDB's bulk loader, instead of ``UNWIND … MERGE``/``CREATE``. A transaction (``EmbeddedStore.transaction``, a ``StagedWrite``) takes one or more
batches; for each batch ``StagedWrite.add``:

1. builds the batch's relationships as Arrow tables, one per type and endpoint pair, column by column
   (``rel_tables``), and its nodes as one row per key;
2. looks up which of the batch's nodes already exist, with their properties: one primary-key lookup per label
   (``UNWIND $keys … MATCH``);
3. deletes the old relationships of documents already in the store (a re-load): per relationship type and
   endpoint pair, ``DELETE r RETURN`` the endpoints, the only nodes that can become orphans;
4. merges an existing node only when that changes it (a re-loaded Document is always replaced) and stages new
   nodes in memory, one row per key; a new node that no relationship reaches is not written (the upsert would
   write it and delete it as an orphan in the same transaction);
5. stages the relationship tables (COPY appends to a relationship table; only node tables refuse a duplicate
   key), appended to Parquet files once more than ``SPILL_ROWS`` wait; a relationship whose endpoint exists
   nowhere is dropped (an Arrow filter), as ``MATCH … CREATE`` drops it.

At the end of the transaction, ``StagedWrite.finish`` COPYs the staged nodes (one Arrow table per label) and
relationships (one file per type and endpoint pair), and checks only the nodes that lost relationships in step 3 for
orphans, by key (so a re-load does not scan every label; step 3 still scans each relationship table). Arrow
carries every value exactly (null apart from the empty string, NUL characters, newlines, NaN, infinities), so
nothing is left for a second pass. The Parquet files live in a temporary folder next to the store, removed when
the transaction ends (also when it fails) and, if the process was killed, on the next open of the store.

COPY runs inside ``BEGIN TRANSACTION`` and ``ROLLBACK`` undoes it. It is not written to the WAL: LadybugDB
checkpoints at the commit of a transaction that COPYed, and a process killed before that checkpoint ends leaves
nothing of the transaction. That checkpoint costs more the larger the store, so ``write_batches``, which a load
uses, lets a transaction grow to as many documents as the store holds: the total checkpoint cost of a load stays
linear. A transaction with fewer than ``COPY_MIN_ROWS`` new rows is written with ``MERGE``/``CREATE`` instead
(measured crossover with CSV files: about 50 synthetic documents). Measurements and LadybugDB 0.22 pitfalls:
docs/cypher.md and docs/benchmarks.md.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import attrgetter
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..model import DocumentGraph, Relationship
from ..saved import return_columns, to_ladybug
from ..schema import Schema
from .base import (KEY_CHUNK, GraphStore, QueryResult, Statement, StoreError, check_read_only, chunks,
                   delete_doc_rels_returning_cypher, delete_orphans_among_cypher, existing_nodes_cypher, node_rows,
                   node_statements, orphan_candidates, plain, rel_statements)

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
# Bulk writes with COPY FROM Parquet files of Arrow tables: pure helpers (no I/O).
# --------------------------------------------------------------------------------------------------------------

COPY_PREFIX = ".copy-"   # temporary Parquet folders are named <store file name>.copy-XXXX, next to the store
COPY_MIN_ROWS = 5000     # fewer new rows than this are written with CREATE/MERGE (see write_documents)
SPILL_ROWS = 20_000      # staged relationship rows held in memory before they are appended to the Parquet files

# The Arrow type of each schema property type: COPY reads an Arrow column of it back exactly (null, the empty
# string, NUL characters, newlines, NaN and infinities included).
ARROW_TYPES: dict[str, pa.DataType] = {"STRING": pa.string(), "INT64": pa.int64(), "DOUBLE": pa.float64(),
                                       "BOOLEAN": pa.bool_()}

# Where each provenance property comes from on a Relationship (the rest of a row is the type's own properties):
# attribute getters, which read a column of a list of relationships in C (``map``), not in a Python loop.
_PROVENANCE = {"doc": attrgetter("provenance.doc"), "span_start": attrgetter("provenance.start"),
               "span_end": attrgetter("provenance.end"), "text": attrgetter("provenance.text"),
               "sentence": attrgetter("provenance.sentence"), "page": attrgetter("provenance.page"),
               "occurrences": attrgetter("count")}
_START_KEY, _END_KEY, _PROPS = attrgetter("start.key"), attrgetter("end.key"), attrgetter("props")


def arrow_schema(columns: dict[str, str], keys: Sequence[str] = ()) -> pa.Schema:
    """The Arrow schema of a table with STRING ``keys`` first (a relationship's src and dst), then ``columns``
    (property -> schema type), in table order: COPY maps columns by position."""
    return pa.schema([(k, pa.string()) for k in keys] + [(p, ARROW_TYPES[t]) for p, t in columns.items()])


def node_table(rows: Sequence[Row], columns: dict[str, str]) -> pa.Table:
    """Node rows (dicts) as an Arrow table of the label's ``columns``: one list per column, no row objects."""
    schema = arrow_schema(columns)
    return pa.table([pa.array([row.get(p) for row in rows], type=schema.field(p).type) for p in columns],
                    schema=schema)


def rel_tables(graphs: Sequence[DocumentGraph], schema: Schema) -> dict[RelKey, pa.Table]:
    """The graphs' relationships as one Arrow table per (type, start label, end label): ``src``, ``dst`` and every
    property of the type, built column by column from the Relationship objects (no row dicts)."""
    grouped: dict[RelKey, list[Relationship]] = defaultdict(list)
    for graph in graphs:
        for rel in graph.relationships:
            grouped[(rel.type, rel.start.label, rel.end.label)].append(rel)
    out = {}
    for rel_key, rels in grouped.items():
        columns = schema.rel(rel_key[0]).properties
        arrow = arrow_schema(columns, ("src", "dst"))
        data = [pa.array(list(map(_START_KEY, rels)), pa.string()), pa.array(list(map(_END_KEY, rels)), pa.string())]
        props = list(map(_PROPS, rels)) if any(map(_PROPS, rels)) else None   # most types have no own properties
        for prop, typ in columns.items():
            get = _PROVENANCE.get(prop)
            if get is not None:
                data.append(pa.array(list(map(get, rels)), ARROW_TYPES[typ]))
            elif props is None:
                data.append(pa.nulls(len(rels), ARROW_TYPES[typ]))
            else:
                data.append(pa.array([p.get(prop) for p in props], ARROW_TYPES[typ]))
        out[rel_key] = pa.table(data, schema=arrow)
    return out


def unknown_endpoints(table: pa.Table, column: str, known: set[str]) -> list[str]:
    """The distinct values of a key column that are not in ``known`` (one lookup per distinct key, not per row)."""
    return [k for k in pc.unique(table[column]).to_pylist() if k not in known]


def cypher_string(text: str) -> str:
    """``text`` as a Cypher string literal (COPY takes its file name only as a literal, not a parameter)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def copy_cypher(table: str, file: Path, pair: tuple[str, str] | None = None) -> str:
    """COPY one Parquet file into a node table, or into one endpoint pair of a relationship table."""
    return f"COPY {table} FROM {cypher_string(str(file))}" + (f" (from='{pair[0]}', to='{pair[1]}')" if pair else "")


def wanted_keys(nodes: dict[str, list[Row]], rels: dict[RelKey, pa.Table], schema: Schema) -> dict[str, list[str]]:
    """Per label, every key the batch names (its nodes and its relationships' endpoints), sorted."""
    keys: dict[str, set[str]] = defaultdict(set)
    for label, rows in nodes.items():
        key = schema.label(label).key
        keys[label].update(row[key] for row in rows)
    for (_, start, end), table in rels.items():
        keys[start].update(pc.unique(table["src"]).to_pylist())
        keys[end].update(pc.unique(table["dst"]).to_pylist())
    return {label: sorted(k) for label, k in keys.items()}


def changes(row: Row, stored: Row) -> bool:
    """Whether merging ``row`` into a node with the ``stored`` properties changes it (``coalesce``: a null in
    the row keeps what is stored)."""
    return any(value is not None and value != stored.get(prop) for prop, value in row.items())


class StagedWrite:
    """One write transaction that batches of documents are added to (``EmbeddedStore.transaction``); the graph
    it leaves is the one ``write_plan`` gives for the same batches, one after the other.

    ``add`` does at once what must see the store: look up which of the batch's nodes exist, delete the old
    relationships of re-loaded documents, and merge an existing node when that changes it (a re-loaded Document
    is always replaced). What is new is staged: new nodes in memory, one row per key (a node named by many
    documents is one row; across batches a later non-null value wins, as ``MERGE … coalesce`` does), and
    relationships as Arrow tables, one per batch and endpoint pair, appended to a Parquet file per type and endpoint
    pair once more than ``SPILL_ROWS`` wait (a COPY straight from an Arrow table in memory was as fast, but held
    about twice the memory during the COPY: 450 against 250 MB for 1,000 synthetic documents). A new node (other than a Document) that
    no relationship reaches is left out, since the upsert's orphan clean-up would delete it; a relationship
    whose endpoint exists nowhere is dropped, as ``MATCH … CREATE`` drops it.

    ``finish`` COPYs the new nodes, then the relationships, one COPY per table and endpoint pair (or, for fewer
    than ``copy_min_rows`` rows, MERGEs and CREATEs them), then deletes those of the nodes that lost
    relationships that are now orphans. The Parquet files live in a temporary folder next to the store, removed
    when the transaction ends (also when it fails) and, if the process was killed, on the next open of the store."""

    def __init__(self, store: EmbeddedStore):
        self.store, self.schema = store, store.schema
        self.docs: list[str] = []          # every document added, in order
        self.seen: set[str] = set()
        self.new_docs = 0                  # of which not in the store before
        self.new: dict[str, dict[str, Row]] = defaultdict(dict)     # label -> key -> staged row
        self.rels: dict[RelKey, list[pa.Table]] = defaultdict(list)  # staged, not yet in a Parquet file
        self.rel_count = 0                                          # relationships staged (also those spilled)
        self.writers: dict[RelKey, pq.ParquetWriter] = {}           # the Parquet file of each spilled pair
        self.orphans: dict[str, set[str]] = defaultdict(set)
        self.folder: Path | None = None

    # --- staging ------------------------------------------------------------------------------------------------
    def add(self, graphs: Sequence[DocumentGraph]) -> None:
        if not graphs:
            return
        schema, store = self.schema, self.store
        again = sorted({g.doc_id for g in graphs} & self.seen)
        if again:
            raise ValueError(f"document {again[0]!r} is already in this transaction: write it in the next one")
        nodes, rels = node_rows(graphs, schema), rel_tables(graphs, schema)
        self.docs += [g.doc_id for g in graphs]
        self.seen.update(g.doc_id for g in graphs)
        existing = {label: store._existing_nodes(label, unseen)
                    for label, keys in wanted_keys(nodes, rels, schema).items()
                    if (unseen := [k for k in keys if k not in self.new[label]])}
        reloaded = sorted(existing.get("Document", ()))
        self.new_docs += len(graphs) - len(reloaded)
        if reloaded:
            deleted = store._delete_doc_rels(reloaded)
            endpoints = ((start, end, rows) for (_, start, end), rows in deleted.items())
            for label, keys in orphan_candidates(endpoints).items():
                self.orphans[label].update(keys)
        known = {label: set(existing.get(label, ())) | {row[schema.label(label).key] for row in rows}
                 | self.new[label].keys() for label, rows in nodes.items()}
        linked: dict[str, set[str]] = defaultdict(set)
        for rel_key, table in rels.items():
            _, start, end = rel_key
            have_start, have_end = known.get(start, set()), known.get(end, set())
            missing_src = unknown_endpoints(table, "src", have_start)
            missing_dst = unknown_endpoints(table, "dst", have_end)
            if missing_src or missing_dst:   # as MATCH … CREATE: a relationship to a node that is nowhere is dropped
                table = table.filter(pc.invert(pc.or_(pc.is_in(table["src"], pa.array(missing_src, pa.string())),
                                                      pc.is_in(table["dst"], pa.array(missing_dst, pa.string())))))
            if table.num_rows:
                self.rels[rel_key].append(table)
                self.rel_count += table.num_rows
                linked[start].update(pc.unique(table["src"]).to_pylist())
                linked[end].update(pc.unique(table["dst"]).to_pylist())
        merge: dict[str, list[Row]] = defaultdict(list)
        for label, rows in nodes.items():
            key, have, staged = schema.label(label).key, existing.get(label, {}), self.new[label]
            for row in rows:
                k = row[key]
                stored = have.get(k)
                if stored is not None:
                    if label == "Document" or changes(row, stored):
                        merge[label].append(row)
                elif k in staged:   # a later batch names a staged node again: its non-null values win (coalesce)
                    staged[k].update((prop, value) for prop, value in row.items() if value is not None)
                elif label == "Document" or k in linked[label]:
                    staged[k] = row
        store._execute_all(node_statements(merge, schema, cast_expr))
        if row_count(self.rels) >= SPILL_ROWS:
            self._spill()

    def _spill(self) -> None:
        """Append the staged relationship tables to their Parquet files."""
        for rel_key, tables in self.rels.items():
            for table in tables:
                writer = self.writers.get(rel_key)
                if writer is None:
                    writer = self.writers[rel_key] = pq.ParquetWriter(self._file("-".join(rel_key)), table.schema)
                writer.write_table(table)
        self.rels.clear()

    def _file(self, name: str) -> Path:
        if self.folder is None:
            path = self.store.path
            self.folder = Path(tempfile.mkdtemp(prefix=path.name + COPY_PREFIX, dir=path.parent))
        return self.folder / f"{name}.parquet"

    # --- writing ------------------------------------------------------------------------------------------------
    def finish(self) -> None:
        """Write everything staged (still inside the transaction: the caller commits)."""
        store, schema, conn = self.store, self.schema, self.store.conn
        if self.writers or row_count(self.new) + self.rel_count >= store.copy_min_rows:
            self._spill()
            for label, by_key in self.new.items():
                if by_key:
                    file = self._file(label)
                    pq.write_table(node_table(list(by_key.values()), schema.label(label).properties), file)
                    conn.execute(copy_cypher(label, file))
            for rel_key in sorted(self.writers):
                self.writers.pop(rel_key).close()
                conn.execute(copy_cypher(rel_key[0], self._file("-".join(rel_key)), (rel_key[1], rel_key[2])))
        else:
            store._execute_all(node_statements({label: list(rows.values()) for label, rows in self.new.items()},
                                               schema, cast_expr))
            store._execute_all(rel_statements({rel_key: [row for t in tables for row in t.to_pylist()]
                                               for rel_key, tables in self.rels.items()}, schema, cast_expr))
        for label, keys in self.orphans.items():
            store._execute_all((delete_orphans_among_cypher(label, schema), {"keys": chunk})
                               for chunk in chunks(sorted(keys), KEY_CHUNK))


    def remove_files(self) -> None:
        for writer in self.writers.values():
            writer.close()
        self.writers.clear()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def row_count(rows: dict[Any, Any]) -> int:
    """Rows in dicts of rows or in lists of Arrow tables."""
    return sum(len(r) if isinstance(r, dict) else sum(len(t) for t in r) for r in rows.values())


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

# Relationships one COPY transaction may hold per MB of page cache. Measured with the 1 GB default at 100k
# synthetic documents (~110 relationships each): transactions of 16,000 documents (1.8 M relationships) ran out
# of page cache ("the buffer pool is full"), 8,000 (0.9 M) did not; this allows about 7,500.
RELS_PER_BUFFER_MB = 800


def max_transaction_rels() -> int:
    """How many relationships ``write_batches`` puts in one transaction at most (see ``RELS_PER_BUFFER_MB``)."""
    return buffer_pool_bytes() // 2**20 * RELS_PER_BUFFER_MB


class EmbeddedStore(GraphStore):
    name = "embedded"
    row_expr = staticmethod(cast_expr)
    copy_min_rows = COPY_MIN_ROWS
    batch_size = 1000   # documents converted and staged at a time (write_batches groups them into transactions)
    max_transaction_rels: int | None = None   # None: max_transaction_rels(), from the page cache's size

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
        # A store made before a property was added to the schema gets the new column (empty).
        for name, spec in self.schema.labels.items():
            have = {row[1] for row in self.conn.execute(f'CALL table_info("{name}") RETURN *').get_all()}
            for prop, typ in spec.properties.items():
                if prop not in have:
                    self.conn.execute(f"ALTER TABLE {name} ADD IF NOT EXISTS {prop} {typ}")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            try:
                self.conn.execute("ROLLBACK")
            except RuntimeError:
                pass  # LadybugDB already rolled back the failed transaction
            raise

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
        if graphs:
            with self.transaction() as tx:
                tx.add(graphs)

    @contextmanager
    def transaction(self) -> Iterator[StagedWrite]:
        """A write transaction that batches are added to (``StagedWrite.add``); written and committed when the
        block ends, rolled back (Parquet files removed) when it raises."""
        tx = StagedWrite(self)
        try:
            with self._transaction():
                yield tx
                tx.finish()
        except StoreError:
            raise
        except RuntimeError as exc:   # LadybugDB's errors; the transaction was rolled back
            raise StoreError(self._write_failure(exc, len(tx.docs))) from None
        finally:
            tx.remove_files()

    def _write_failure(self, exc: RuntimeError, docs: int) -> str:
        """One line for a failed write transaction, with what to do when LadybugDB ran out of page cache."""
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        message = f"writing {docs} document{'s' if docs != 1 else ''} to the graph at {self.path} failed, nothing " \
                  f"of them was written ({first})"
        if "buffer pool is full" in first.lower():
            message += (f": LadybugDB's page cache ({buffer_pool_bytes() // 2**20} MB) is too small for this "
                        f"transaction; set MISSIONGRAPH_BUFFER_POOL_MB higher and load again (what was committed "
                        f"stays)")
        return message

    def write_batches(self, batches: Iterable[Sequence[DocumentGraph]]) -> Iterator[list[str]]:
        """Write ``batches`` in growing transactions: one takes batches until it holds as many documents as the
        store held when it began (at least one batch), or ``max_transaction_rels()`` relationships (what a COPY
        transaction needs of the page cache grows with it). Every COPY transaction ends in a checkpoint whose cost
        grows with the store; growing transactions keep the total cost of a large load about linear
        (docs/cypher.md), while memory stays bounded (new relationships wait as Arrow tables, not as objects, at
        most ``max_transaction_rels()`` of them). Yields the ids of each committed transaction's documents. An
        interrupted load keeps every committed transaction: at least half of what it had written, when the store
        was empty before."""
        held = self.run("MATCH (d:Document) RETURN count(d)").rows[0][0]
        max_rels = self.max_transaction_rels or max_transaction_rels()
        pending = iter(batches)
        while (batch := next(pending, None)) is not None:
            with self.transaction() as tx:
                while batch is not None:
                    tx.add(batch)
                    batch = None   # staged: the graphs may go (a batch of 1,000 is ~90 MB of objects)
                    if len(tx.docs) < held and tx.rel_count < max_rels:
                        batch = next(pending, None)
            held += tx.new_docs
            yield tx.docs

    def _existing_nodes(self, label: str, keys: list[str]) -> dict[str, Row]:
        """Those of ``keys`` that are nodes of ``label``: key -> stored properties."""
        spec = self.schema.label(label)
        props = [spec.key, *(p for p in spec.properties if p != spec.key)]
        cypher = existing_nodes_cypher(label, self.schema)
        return {row[0]: dict(zip(props, row))
                for chunk in chunks(keys, KEY_CHUNK) for row in self._rows(cypher, {"keys": chunk})}

    def _delete_doc_rels(self, docs: list[str]) -> dict[RelKey, list[list[Any]]]:
        """Delete every relationship whose provenance is one of ``docs``; their endpoints' keys per pair."""
        deleted = {}
        for rel_type, spec in self.schema.relationships.items():
            for start, end in spec.endpoints:
                cypher = delete_doc_rels_returning_cypher(rel_type, start, end, self.schema)
                deleted[(rel_type, start, end)] = self._rows(cypher, {"docs": docs})
        return deleted

    def _remove_stale_copy_folders(self) -> None:
        """Parquet folders a killed load left next to the store (this process holds the store's write lock, so no
        other writer is using them)."""
        prefix = self.path.name + COPY_PREFIX
        for entry in self.path.parent.iterdir():
            if entry.name.startswith(prefix) and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)

    def run(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> QueryResult:
        translated = to_ladybug(cypher)
        if not write:   # the text as written and as LadybugDB will read it
            check_read_only(cypher)
            check_read_only(translated)
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
