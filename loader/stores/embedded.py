"""The embedded store: LadybugDB (PyPI ``ladybug``), on disk, no server.

Default location: ``$MISSIONGRAPH_STORE`` or ``./.missiongraph/graph.lbug`` (``--store`` overrides both).

Writing documents gives the graph of the shared upsert plan (``base.write_plan``, which Neo4j runs, one
transaction per batch) but writes what is new with ``COPY … FROM`` CSV files, LadybugDB's bulk loader, instead of
``UNWIND … MERGE``/``CREATE``. A transaction (``EmbeddedStore.transaction``, a ``StagedWrite``) takes one or more
batches; for each batch ``StagedWrite.add``:

1. looks up which of the batch's nodes already exist, with their properties: one primary-key lookup per label
   (``UNWIND $keys … MATCH``);
2. deletes the old relationships of documents already in the store (a re-load): per relationship type and
   endpoint pair, ``DELETE r RETURN`` the endpoints, the only nodes that can become orphans;
3. merges an existing node only when that changes it (a re-loaded Document is always replaced) and stages new
   nodes in memory, one row per key; a new node that no relationship reaches is not written (the upsert would
   write it and delete it as an orphan in the same transaction);
4. stages every relationship (COPY appends to a relationship table; only node tables refuse a duplicate key) in
   CSV files once more than ``SPILL_ROWS`` wait; one whose endpoint exists nowhere is dropped, as
   ``MATCH … CREATE`` drops it.

At the end of the transaction, ``StagedWrite.finish`` COPYs the staged nodes and relationships, writes what CSV
cannot carry, and checks only the nodes that lost relationships in step 2 for orphans, by key (so a re-load does
not scan every label; step 2 still scans each relationship table).

COPY runs inside ``BEGIN TRANSACTION`` and ``ROLLBACK`` undoes it. It is not written to the WAL: LadybugDB
checkpoints at the commit of a transaction that COPYed, and a process killed before that checkpoint ends leaves
nothing of the transaction. That checkpoint costs more the larger the store (about 1.3 ms per document already
stored, measured at 1k–10k synthetic documents), so ``write_batches``, which a load uses, lets a transaction grow
to as many documents as the store holds: the total checkpoint cost of a load stays linear. A transaction with
fewer than ``COPY_MIN_ROWS`` new rows is written with ``MERGE``/``CREATE`` instead (measured crossover: about 50
synthetic documents). CSV carries every value exactly (``csv_field``) except strings with a NUL character and
non-finite floats: such a value is set by ``MERGE`` after the COPYs, and a node whose key holds one is written by
``MERGE`` with its relationships by ``CREATE``. The CSV files live in a temporary folder next to the store,
removed when the transaction ends (also when it fails) and, if the process was killed, on the next open of the
store. Measurements and LadybugDB 0.22 pitfalls: docs/cypher.md.
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

from ..model import DocumentGraph
from ..saved import return_columns, to_ladybug
from ..schema import Schema
from .base import (KEY_CHUNK, GraphStore, QueryResult, Statement, StoreError, check_read_only, chunks,
                   delete_doc_rels_returning_cypher, delete_orphans_among_cypher, existing_nodes_cypher, node_rows,
                   node_statements, orphan_candidates, plain, rel_rows, rel_statements)

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


def changes(row: Row, stored: Row) -> bool:
    """Whether merging ``row`` into a node with the ``stored`` properties changes it (``coalesce``: a null in
    the row keeps what is stored)."""
    return any(value is not None and value != stored.get(prop) for prop, value in row.items())


def csv_safe_value(value: Any) -> bool:
    """Whether COPY reads ``value`` back exactly (see ``csv_safe``)."""
    if isinstance(value, str):
        return "\x00" not in value
    return not isinstance(value, float) or math.isfinite(value)


SPILL_ROWS = 20_000   # staged relationship rows held in memory before they are appended to the CSV files


class StagedWrite:
    """One write transaction that batches of documents are added to (``EmbeddedStore.transaction``); the graph
    it leaves is the one ``write_plan`` gives for the same batches, one after the other.

    ``add`` does at once what must see the store: look up which of the batch's nodes exist, delete the old
    relationships of re-loaded documents, and merge an existing node when that changes it (a re-loaded Document
    is always replaced). What is new is staged: new nodes in memory, one row per key (a node named by many
    documents is one row; across batches a later non-null value wins, as ``MERGE … coalesce`` does), and
    relationship rows in CSV files once more than ``SPILL_ROWS`` wait. A new node (other than a Document) that
    no relationship reaches is left out, since the upsert's orphan clean-up would delete it; a relationship
    whose endpoint exists nowhere is dropped, as ``MATCH … CREATE`` drops it.

    ``finish`` COPYs the new nodes, then the relationships (or, for fewer than ``copy_min_rows`` rows, MERGEs
    and CREATEs them), then writes what CSV cannot carry (``csv_safe``), then deletes those of the nodes that
    lost relationships that are now orphans. Values CSV cannot carry are nulled in the COPYed row and set after
    the COPYs by MERGE (a "patch"); a node whose key CSV cannot carry is MERGEd after the COPYs, and its
    relationships CREATEd. MERGE must come after COPY: on LadybugDB 0.22 a COPY into a node table after a MERGE
    created a node in it in the same transaction corrupts that table's primary-key index."""

    def __init__(self, store: EmbeddedStore):
        self.store, self.schema = store, store.schema
        self.docs: list[str] = []          # every document added, in order
        self.seen: set[str] = set()
        self.new_docs = 0                  # of which not in the store before
        self.new: dict[str, dict[str, Row]] = defaultdict(dict)     # label -> key -> staged row
        self.patched: dict[str, set[str]] = defaultdict(set)        # keys with patches (merged by MERGE later)
        self.patches: dict[str, list[Row]] = defaultdict(list)
        self.late: dict[str, dict[str, Row]] = defaultdict(dict)    # label -> key CSV cannot carry -> row
        self.rels: dict[RelKey, list[Row]] = defaultdict(list)      # staged, not yet in a CSV file
        self.rel_count = 0                                          # relationships staged (also those spilled)
        self.late_rels: dict[RelKey, list[Row]] = defaultdict(list)
        self.spilled: set[RelKey] = set()
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
        nodes, rels = node_rows(graphs, schema), rel_rows(graphs, schema)
        self.docs += [g.doc_id for g in graphs]
        self.seen.update(g.doc_id for g in graphs)
        existing = {label: store._existing_nodes(label, unseen)
                    for label, keys in wanted_keys(nodes, rels, schema).items()
                    if (unseen := [k for k in keys if k not in self.new[label] and k not in self.late[label]])}
        reloaded = sorted(existing.get("Document", ()))
        self.new_docs += len(graphs) - len(reloaded)
        if reloaded:
            deleted = store._delete_doc_rels(reloaded)
            endpoints = ((start, end, rows) for (_, start, end), rows in deleted.items())
            for label, keys in orphan_candidates(endpoints).items():
                self.orphans[label].update(keys)
        known = {label: set(existing.get(label, ())) | {row[schema.label(label).key] for row in rows}
                 | self.new[label].keys() | self.late[label].keys() for label, rows in nodes.items()}
        kept: list[tuple[RelKey, Row]] = []
        linked: dict[str, set[str]] = defaultdict(set)
        for rel_key, rows in rels.items():
            _, start, end = rel_key
            for row in rows:
                if row["src"] in known.get(start, ()) and row["dst"] in known.get(end, ()):
                    kept.append((rel_key, row))
                    linked[start].add(row["src"])
                    linked[end].add(row["dst"])
        merge: dict[str, list[Row]] = defaultdict(list)
        for label, rows in nodes.items():
            key, have, staged, late = schema.label(label).key, existing.get(label, {}), self.new[label], self.late[label]
            for row in rows:
                k = row[key]
                stored = have.get(k)
                if stored is not None:
                    if label == "Document" or changes(row, stored):
                        merge[label].append(row)
                elif k in staged:
                    self._merge_staged(label, staged[k], row)
                elif k in late:
                    late[k].update((prop, value) for prop, value in row.items() if value is not None)
                elif label != "Document" and k not in linked[label]:
                    continue
                elif not csv_safe_value(k):
                    late[k] = row
                else:
                    self._stage(label, row)
        store._execute_all(node_statements(merge, schema, cast_expr))
        for rel_key, row in kept:
            _, start, end = rel_key
            if csv_safe(row) and row["src"] not in self.late[start] and row["dst"] not in self.late[end]:
                self.rels[rel_key].append(row)
            else:
                self.late_rels[rel_key].append(row)
        self.rel_count += len(kept)
        if row_count(self.rels) >= SPILL_ROWS:
            self._spill()

    def _stage(self, label: str, row: Row) -> None:
        if not csv_safe(row):
            self.patches[label].append(dict(row))
            self.patched[label].add(row[self.schema.label(label).key])
            row = {p: (v if csv_safe_value(v) else None) for p, v in row.items()}
        self.new[label][row[self.schema.label(label).key]] = row

    def _merge_staged(self, label: str, staged: Row, row: Row) -> None:
        """A later batch names a staged node again: its non-null values win, as MERGE's coalesce would."""
        if row[self.schema.label(label).key] in self.patched[label] or not csv_safe(row):
            self.patches[label].append(row)     # applied in order after the COPYs: the later values still win
            self.patched[label].add(row[self.schema.label(label).key])
            return
        for prop, value in row.items():
            if value is not None:
                staged[prop] = value

    def _spill(self) -> None:
        """Append the staged relationship rows to their CSV files."""
        if self.folder is None:
            path = self.store.path
            self.folder = Path(tempfile.mkdtemp(prefix=path.name + COPY_PREFIX, dir=path.parent))
        for rel_key, rows in self.rels.items():
            if rows:
                columns = ["src", "dst", *self.schema.rel(rel_key[0]).properties]
                with open(self._rel_file(rel_key), "a", encoding="utf-8", newline="") as fh:
                    fh.writelines(csv_lines(rows, columns))
                self.spilled.add(rel_key)
        self.rels.clear()

    def _rel_file(self, rel_key: RelKey) -> Path:
        assert self.folder is not None
        return self.folder / ("-".join(rel_key) + ".csv")

    # --- writing ------------------------------------------------------------------------------------------------
    def finish(self) -> None:
        """Write everything staged (still inside the transaction: the caller commits)."""
        store, schema, conn = self.store, self.schema, self.store.conn
        if self.spilled or row_count(self.new) + row_count(self.rels) >= store.copy_min_rows:
            self._spill()
            for label, by_key in self.new.items():
                if by_key:
                    file = self.folder / f"{label}.csv"   # type: ignore[operator]
                    with open(file, "w", encoding="utf-8", newline="") as fh:
                        fh.writelines(csv_lines(by_key.values(), list(schema.label(label).properties)))
                    conn.execute(copy_cypher(label, file))
            for rel_key in sorted(self.spilled):
                conn.execute(copy_cypher(rel_key[0], self._rel_file(rel_key), (rel_key[1], rel_key[2])))
        else:
            store._execute_all(node_statements({label: list(rows.values()) for label, rows in self.new.items()},
                                               schema, cast_expr))
            store._execute_all(rel_statements(self.rels, schema, cast_expr))
        store._execute_all(node_statements({label: list(by_key.values()) for label, by_key in self.late.items()},
                                           schema, cast_expr))
        store._execute_all(node_statements(self.patches, schema, cast_expr))
        store._execute_all(rel_statements(self.late_rels, schema, cast_expr))
        for label, keys in self.orphans.items():
            store._execute_all((delete_orphans_among_cypher(label, schema), {"keys": chunk})
                               for chunk in chunks(sorted(keys), KEY_CHUNK))

    def remove_files(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def row_count(rows: dict[Any, list[Row]]) -> int:
    return sum(len(r) for r in rows.values())


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
        if graphs:
            with self.transaction() as tx:
                tx.add(graphs)

    @contextmanager
    def transaction(self) -> Iterator[StagedWrite]:
        """A write transaction that batches are added to (``StagedWrite.add``); written and committed when the
        block ends, rolled back (CSV files removed) when it raises."""
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
        transaction needs of the page cache grows with it). Every COPY transaction
        ends in a checkpoint whose cost grows with the store; growing transactions keep the total cost of a large
        load about linear (docs/cypher.md), while memory stays bounded (new relationships wait in CSV files, not
        in memory). Yields the ids of each committed transaction's documents. An interrupted load keeps every
        committed transaction: at least half of what it had written, when the store was empty before."""
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
        """CSV folders a killed load left next to the store (this process holds the store's write lock, so no
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
