"""The Neo4j store: any Neo4j 5.x or calendar version (2025.x, 2026.x) over Bolt: a local server, Docker, Desktop, a
cluster or Aura (``bolt://``, ``neo4j://`` with routing, ``+s``/``+ssc`` with TLS).

Connection from ``--neo4j URI`` or ``NEO4J_URI``, ``NEO4J_USERNAME`` (default neo4j), ``NEO4J_PASSWORD``,
``NEO4J_DATABASE`` (default neo4j). Writes are batched ``UNWIND $rows`` statements in one managed transaction per
batch of documents (the driver retries transient failures). Uniqueness constraints on each label's key and
indexes on the properties saved queries filter on are created idempotently.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import Any

from ..schema import Schema
from ..model import DocumentGraph
from .base import GraphStore, QueryResult, Statement, StoreError, check_read_only, plain, write_plan

MIN_MAJOR_VERSION = 5
# The Cypher versions the saved queries and the store's own statements are written for (and tested in): each
# runs unchanged in both, so a database whose default language is either one works.
CYPHER_VERSIONS = ("5", "25")
# How long the driver retries a transaction that failed transiently (server restarting, connection lost). Short
# enough that a load against a server that went away ends within seconds with one line, not half a minute later.
MAX_RETRY_SECONDS = 10.0

# The driver logs each retry ("Transaction failed and will be retried in 2.2s (Couldn't connect ...)") as a
# WARNING; without a handler Python prints those to stderr, around our one-line error. A library's logger gets a
# NullHandler: an application that configures logging still sees them.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


_SCALARS = (str, int, float, bool, type(None))


def _plain_value(value: Any) -> Any:
    if isinstance(value, _SCALARS):   # most values: no driver types to look at (called once per value returned)
        return value
    from neo4j.graph import Node, Path, Relationship  # local import: the driver is optional at import time

    if isinstance(value, Node):
        label = sorted(value.labels)[0] if value.labels else ""
        return {"_label": label, **{k: plain(v) for k, v in dict(value).items() if v is not None}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in dict(value).items() if v is not None}}
    if isinstance(value, Path):
        return {"nodes": [_plain_value(n) for n in value.nodes],
                "relationships": [_plain_value(r) for r in value.relationships]}
    if hasattr(value, "to_native"):
        value = value.to_native()
    if isinstance(value, list):
        return [_plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain_value(v) for k, v in value.items()}
    return plain(value)


def connection_settings(uri: str | None = None) -> dict[str, str | None]:
    return {
        "uri": uri or os.environ.get("NEO4J_URI"),
        "user": os.environ.get("NEO4J_USERNAME") or os.environ.get("NEO4J_USER") or "neo4j",
        "password": os.environ.get("NEO4J_PASSWORD"),
        "database": os.environ.get("NEO4J_DATABASE") or "neo4j",
    }


def version_problem(found) -> str | None:
    """Why a server (its :class:`~missiongraph.stores.neo4j_server.Components`) cannot serve as a store, or None:
    older than Neo4j 5, or speaking none of :data:`CYPHER_VERSIONS`."""
    version = found.version or ""
    major = int(version.split(".")[0]) if version[:1].isdigit() else 0
    if major < MIN_MAJOR_VERSION:
        return f"is version {version or 'unknown'}; missiongraph needs Neo4j 5 or newer"
    if not set(found.cypher) & set(CYPHER_VERSIONS):
        return (f"(version {version}) speaks Cypher {', '.join(found.cypher) or 'of no known version'}; the saved "
                f"queries are written for Cypher {' and '.join(CYPHER_VERSIONS)}")
    return None


class Neo4jStore(GraphStore):
    name = "neo4j"

    def __init__(self, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None, schema: Schema | None = None, *, timeout: float = 10.0,
                 create_schema: bool = True):
        super().__init__(schema)
        import neo4j

        from .neo4j_server import COMPONENTS_QUERY, connect_error_message, parse_components

        settings = connection_settings(uri)
        self.uri = settings["uri"]
        if not self.uri:
            raise StoreError("no Neo4j server given: pass --neo4j bolt://HOST:7687 or set NEO4J_URI")
        self.database = database or settings["database"]
        user = user or settings["user"]
        password = password if password is not None else settings["password"]
        if not password:
            raise StoreError("no Neo4j password: set NEO4J_PASSWORD")
        try:
            self.driver = neo4j.GraphDatabase.driver(self.uri, auth=(user, password), connection_timeout=timeout,
                                                     max_transaction_retry_time=MAX_RETRY_SECONDS)
            self.driver.verify_connectivity()
            with self.driver.session(database=self.database) as session:
                found = parse_components(session.run(COMPONENTS_QUERY).data())
        except Exception as exc:  # every driver failure becomes one actionable line, password never included
            driver = getattr(self, "driver", None)
            if driver is not None:
                driver.close()
            raise StoreError(connect_error_message(exc, uri=self.uri, user=user, database=self.database,
                                                   password=password)) from None
        self.version = found.version
        self.cypher_versions = found.cypher
        problem = version_problem(found)
        if problem:
            self.driver.close()
            raise StoreError(f"Neo4j at {self.uri} {problem}")
        if create_schema:
            self.ensure_schema()

    def schema_statements(self) -> list[str]:
        out = []
        for name, spec in self.schema.labels.items():
            out.append(f"CREATE CONSTRAINT {name.lower()}_{spec.key} IF NOT EXISTS "
                       f"FOR (n:{name}) REQUIRE n.{spec.key} IS UNIQUE")
            for prop in spec.indexed:
                out.append(f"CREATE INDEX {name.lower()}_{prop} IF NOT EXISTS FOR (n:{name}) ON (n.{prop})")
        for name in self.schema.relationships:
            out.append(f"CREATE INDEX rel_{name.lower()}_doc IF NOT EXISTS FOR ()-[r:{name}]-() ON (r.doc)")
        return out

    def ensure_schema(self) -> None:
        with self.driver.session(database=self.database) as session:
            for statement in self.schema_statements():
                session.run(statement).consume()

    def write_documents(self, graphs: Sequence[DocumentGraph]) -> None:
        """Replace the facts of each document in ``graphs`` (one transaction for the batch). A batch of documents
        none of which is in the database yet skips the delete of old facts and the orphan clean-up (adding facts
        cannot orphan a node; a document is written whole or not at all, so an absent one has no facts)."""
        if not graphs:
            return
        ids = [g.doc_id for g in graphs]
        present = self.run("MATCH (d:Document) WHERE d.id IN $ids RETURN count(d)", {"ids": ids}).rows[0][0]
        self.execute_many(write_plan(graphs, self.schema, replace=bool(present), expr=self.row_expr))

    def execute_many(self, statements: Sequence[Statement]) -> None:
        def work(tx):
            for cypher, params in statements:
                tx.run(cypher, params).consume()

        try:
            with self.driver.session(database=self.database) as session:
                session.execute_write(work)
        except Exception as exc:
            from .neo4j_server import connect_error_message

            raise StoreError(connect_error_message(exc, uri=self.uri, database=self.database)) from None

    def run(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> QueryResult:
        import neo4j

        if not write:   # and it runs in a READ access-mode transaction, which Neo4j refuses to write in
            check_read_only(cypher)

        def work(tx):
            result = tx.run(cypher, params or {})
            return list(result.keys()), [[_plain_value(v) for v in record.values()] for record in result]

        try:
            with self.driver.session(database=self.database,
                                     default_access_mode=neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS) as s:
                columns, rows = s.execute_write(work) if write else s.execute_read(work)
        except neo4j.exceptions.ClientError as exc:
            raise StoreError(f"query failed: {' '.join(str(exc.message).split())}") from None
        except Exception as exc:
            from .neo4j_server import connect_error_message

            raise StoreError(connect_error_message(exc, uri=self.uri, database=self.database)) from None
        return QueryResult(columns, rows)

    def close(self) -> None:
        driver = getattr(self, "driver", None)
        self.driver = None
        if driver is not None:
            driver.close()
