"""Benchmark of the report page (missiongraph report): the time to read a report from the store and render its page.

    .venv/bin/python bench/bench_report.py                       # a report with 50 items, embedded store, 5 runs
    .venv/bin/python bench/bench_report.py --items 12 50 99 --neo4j bolt://127.0.0.1:7687   # and Neo4j (NEO4J_PASSWORD)
    .venv/bin/python bench/bench_report.py --write DIR --items 50                         # only write the document

The report is real extraction output: a synthetic cabinet response (``response_text``) to an evaluation with N
numbered recommendations, a stance sentence for each (endorsed, partly, not) and a list of commitments that names
each recommendation, loaded with ``missiongraph.pipeline.load``. Timed, the median of --runs:

* ``saved query``: the baseline, ``missiongraph query report -p report=ID`` (queries/15-report.cypher), the one
  query that answered the question before the page existed, on the same store in the same run;
* ``read``: ``read_report`` (the page's queries), ``render``: ``render_report`` (the HTML), ``page``: both, what
  ``missiongraph report ID --no-network`` costs besides opening the store; ``csv``: read and ``report_rows``;
* ``network view``: the neighbourhood drawn next to the page (``visualise``), which ``missiongraph report`` also
  writes;
* in headless Chromium (unless --no-browser): milliseconds from navigation to the page's load event, next to an
  empty page in the same browser.

Goal (issue 22): the page of a report with 50 items renders in under 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

GOAL_SECONDS = 1.0
STANCE_SENTENCES = ("Het kabinet onderschrijft aanbeveling {n} volledig.",
                    "Het kabinet onderschrijft aanbeveling {n} ten dele.",
                    "Het kabinet neemt aanbeveling {n} niet over.")


def years(items: int) -> str:
    """The period of the synthetic report with ``items`` items: its own for every count below 100 apart."""
    start = 2000 + items % 98
    return f"{start}-{start + 1}"


def report_id(items: int) -> str:
    return f"iob-minusma-{years(items)}"


def response_text(items: int) -> str:
    """A cabinet response to the IOB evaluation of MINUSMA in the years ``years(items)`` (a report id of its own:
    iob-minusma-YYYY-YYYY) with ``items`` numbered recommendations: recommendation n is endorsed fully, partly
    or not (n mod 3: 1, 2, 0), and has one commitment."""
    lines = [f"In deze brief ontvangt u de beleidsreactie van het kabinet op de IOB-evaluatie van de Nederlandse "
             f"bijdrage aan MINUSMA {years(items)}.", "", "Aanbevelingen:"]
    lines += [f"{n}. Versterk onderdeel {n} van de inzet en rapporteer jaarlijks over de voortgang van punt {n}."
              for n in range(1, items + 1)]
    lines.append("")
    lines += [STANCE_SENTENCES[(n - 1) % 3].format(n=n) for n in range(1, items + 1)]
    lines += ["", "Het kabinet doet de volgende toezeggingen:"]
    lines += [f"- Aanbeveling {n}: De Kamer wordt voor de zomer geïnformeerd over onderdeel {n}."
              for n in range(1, items + 1)]
    return "\n".join(lines) + "\n"


def expected_stance(n: int) -> str:
    return ("full", "partial", "rejected")[(n - 1) % 3]


def write_documents(out: Path, sizes: list[int]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for items in sizes:
        path = out / f"reactie-{items}.txt"
        path.write_text(response_text(items), encoding="utf-8")
        paths.append(path)
    return paths


def measure(store, items: int, runs: int, out: Path) -> dict:
    from missiongraph.outputs.report import read_report, render_report, report_rows
    from missiongraph.outputs.visualise import visualise
    from missiongraph.saved import get

    from bench_viz import timed as median_seconds     # median seconds of runs, and the last result

    rid = report_id(items)
    saved = get("report")
    result: dict = {"store": store.name, "items": items}
    result["saved query"], rows = median_seconds(lambda: store.run(saved.cypher, saved.bind({"report": rid})).rows,
                                                 runs)
    result["read"], page = median_seconds(lambda: read_report(store, rid), runs)
    assert len(page.items) == items and all(i.stance == expected_stance(int(i.number)) for i in page.items), rid
    assert len(rows) == items
    result["render"], html = median_seconds(lambda: render_report(page, network="x-network.html"), runs)
    result["page"], _ = median_seconds(lambda: render_report(read_report(store, rid)), runs)
    result["csv"], _ = median_seconds(lambda: report_rows(read_report(store, rid)), runs)
    result["network view"], _ = median_seconds(
        lambda: visualise(store, out / f"{rid}-network.html", around=f"Report:{rid}", depth=2), runs)
    path = out / f"{rid}.html"
    path.write_text(html, encoding="utf-8")
    result["file"] = path
    result["bytes"] = path.stat().st_size
    return result


def only(url: str):
    """A route handler that lets the page itself load and aborts every other request."""
    def handle(route) -> None:
        route.continue_() if route.request.url == url else route.abort()
    return handle


def browser_load_ms(paths: list[Path], runs: int) -> dict[str, float]:
    """Median ms from navigation start to the load event, per page, and for an empty page (the baseline)."""
    from playwright.sync_api import sync_playwright

    empty = paths[0].with_name("empty.html")
    empty.write_text("<!DOCTYPE html><meta charset='utf-8'><title>empty</title>", encoding="utf-8")
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
    out: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for path in [empty, *paths]:
            samples = []
            for _ in range(runs):
                context = browser.new_context()
                url = path.resolve().as_uri()
                context.route("**/*", only(url))
                page = context.new_page()
                page.goto(url, wait_until="load")
                samples.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
                context.close()
            out[path.name] = statistics.median(samples)
        browser.close()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, nargs="+", default=[50], help="items per report (default 50)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--neo4j", metavar="URI", help="also measure on this Neo4j (NEO4J_PASSWORD); it is wiped")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--write", metavar="DIR", type=Path, help="only write the response documents into DIR")
    args = parser.parse_args(argv)
    if not all(1 <= n <= 99 for n in args.items):
        parser.error("--items from 1 to 99 (the extractor reads list numbers of one or two digits)")
    if len({report_id(n) for n in args.items}) != len(args.items):
        parser.error("two --items counts give the same report id (counts 98 apart)")
    if args.write:
        for path in write_documents(args.write, args.items):
            print(path)
        return

    from missiongraph.pipeline import load
    from missiongraph.stores.embedded import EmbeddedStore

    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        tmp_path = Path(tmp)
        docs = write_documents(tmp_path / "docs", args.items)
        stores = [EmbeddedStore(tmp_path / "graph.lbug")]
        if args.neo4j:
            from missiongraph.stores.neo4j import Neo4jStore

            neo = Neo4jStore(args.neo4j, password=os.environ.get("NEO4J_PASSWORD"))
            neo.run("MATCH (n) DETACH DELETE n", write=True)
            stores.append(neo)
        results = []
        for store in stores:
            assert load(docs, store).ok
            for items in args.items:
                results.append(measure(store, items, args.runs, tmp_path))
            store.close()
        columns = ["saved query", "read", "render", "page", "csv", "network view"]
        print(f"median of {args.runs} runs, seconds; python {sys.version.split()[0]}, {os.cpu_count()} cores")
        print(f"{'store':9} {'items':>5} " + " ".join(f"{c:>12}" for c in columns) + f" {'page/query':>10} {'KB':>6}")
        for r in results:
            print(f"{r['store']:9} {r['items']:>5} " + " ".join(f"{r[c]:>12.3f}" for c in columns)
                  + f" {r['page'] / r['saved query']:>10.1f} {r['bytes'] / 1024:>6.0f}")
        worst = max(r["page"] for r in results if r["items"] <= 50) if any(r["items"] <= 50 for r in results) \
            else None
        if worst is not None:
            print(f"goal: a 50-item page under {GOAL_SECONDS:.0f} s: worst {worst:.3f} s "
                  f"({'met' if worst < GOAL_SECONDS else 'NOT met'})")
        if not args.no_browser:
            pages = {r["file"].name: f"{r['items']} items" for r in results if r["store"] == "embedded"}
            loads = browser_load_ms([r["file"] for r in results if r["store"] == "embedded"], args.runs)
            print("headless Chromium, ms from navigation to the load event (median): "
                  + ", ".join(f"{pages.get(name, 'an empty page')} {ms:.0f}" for name, ms in loads.items()))


if __name__ == "__main__":
    main()
