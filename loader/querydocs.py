"""Generate docs/queries.md from queries/*.cypher: name, question, parameters, the Cypher and an example result on
the bundled sample corpus.  Regenerate with:  python -m missiongraph.querydocs > docs/queries.md
"""

from __future__ import annotations

import json
import shlex
import sys
import tempfile
from pathlib import Path

from .cli import sample_dirs
from .pipeline import load
from .saved import saved_queries
from .stores.embedded import EmbeddedStore
from .ui import render

EXAMPLE_ROWS = 5


def generate(store: EmbeddedStore) -> str:
    out = ["# Saved queries", "",
           "Generated from `queries/*.cypher` by `python -m missiongraph.querydocs > docs/queries.md`; a test keeps",
           "it up to date. Each query runs unchanged on the embedded store and on Neo4j (see docs/cypher.md).",
           "Example results are from the bundled sample corpus (`missiongraph load --sample`), first "
           f"{EXAMPLE_ROWS} rows, long values cut. A query can also be named by its file name or number",
           "(`missiongraph query 01-missions-overview`, `missiongraph query 1`), in Python too (docs/python.md).", "",
           "Saved queries, `viz --query` and `query --cypher` without `--write` are read-only by construction: the",
           "query must pass the read-only guard (`missiongraph.cypher`) before a store sees it. It accepts one statement",
           "made of read clauses (MATCH, OPTIONAL MATCH, WITH, UNWIND, WHERE, RETURN, ORDER BY, SKIP, LIMIT, UNION) with",
           "functions and procedures from a short list, and refuses anything else in one line naming what and where",
           "(writes, `;`, COPY, LOAD, EXPORT, IMPORT, ATTACH, INSTALL, LOAD EXTENSION, CALL of settings or subqueries,",
           "`\\u` escapes, characters outside ASCII in the code). On Neo4j the query also runs in a READ transaction.",
           "What was tried and why it holds: [security.md](security.md).", ""]
    queries = saved_queries()
    out += [f"- [`{q.name}`](#{q.name}): {q.description}" for q in queries.values()]
    for q in queries.values():
        out += ["", f"## {q.name}", "", q.description, "", f"File: `queries/{q.filename}`", ""]
        if q.params:
            out.append("Parameters: " + ", ".join(f"`{k}` (default `{json.dumps(v, ensure_ascii=False)}`)"
                                                 for k, v in q.params.items()))
            out.append("")
        args = " ".join(f"-p {shlex.quote(f'{k}={v}')}" for k, v in q.params.items())
        out += ["```sh", f"missiongraph query {q.name}{' ' + args if args else ''}", "```", "",
                "```cypher", q.cypher, "```", ""]
        result = store.run(q.cypher, q.params)
        out += ["Example result:", "", "```", render(result.columns, result.rows[:EXAMPLE_ROWS], "table", width=40)]
        if len(result.rows) > EXAMPLE_ROWS:
            out.append(f"(… {len(result.rows)} rows in all)")
        out += ["```"]
    return "\n".join(out) + "\n"


def generate_from_sample() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        with EmbeddedStore(Path(tmp) / "graph.lbug") as store:
            load(sample_dirs(), store)
            return generate(store)


if __name__ == "__main__":
    sys.stdout.write(generate_from_sample())
