"""Benchmark of the network visualisation: build time, file size, time to first draw in headless Chromium.

    .venv/bin/python bench/bench_viz.py                    # 5,000 nodes / 15,000 edges, 3 runs
    .venv/bin/python bench/bench_viz.py --physics-table    # also: why the large-graph threshold is 1,000 nodes

Goals: first draw under 3 s, file under 5 MB. Browser timings are milliseconds since navigation start
(``performance.now()`` recorded by the page at vis-network's first ``afterDrawing``), the median of --runs fresh
pages, next to two baselines from the same browser in the same run: an empty page (first animation frame) and our
page with an empty graph (vis-network and the app script alone). On a shared machine the absolute numbers move;
the difference to the baselines is the cost of the graph.

Needs Debian's Chromium (apt-get install chromium) and Playwright for Python; --no-browser skips that part.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from missiongraph.viz import build_network, layout_positions, write_html
from missiongraph.viz.synthetic import synthetic_graph

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
GOAL_FIRST_DRAW_MS = 3000
GOAL_SIZE_BYTES = 5_000_000
EMPTY_PAGE = ("<!DOCTYPE html><meta charset='utf-8'><title>empty</title>"
              "<script>requestAnimationFrame(() => { window.mgTimings = {firstDraw: performance.now()}; });</script>")


def timed(fn, runs: int) -> tuple[float, object]:
    """Median seconds of ``runs`` calls, and the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def open_page(browser, path: Path, timeout: float = 120.0) -> dict:
    """Load ``path`` offline in a fresh context; the page's milestones (ms since navigation start)."""
    url = path.resolve().as_uri()
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    deadline = time.monotonic() + timeout
    # Polled through page.evaluate: page.wait_for_function evals inside the page, which its CSP forbids.
    while not page.evaluate("window.mgTimings && window.mgTimings.firstDraw !== undefined"):
        if errors or time.monotonic() > deadline:
            raise RuntimeError(f"{path.name}: no first draw ({errors or 'timeout'})")
        page.wait_for_timeout(20)
    timings = page.evaluate("window.mgTimings")
    context.close()
    return timings


def median_timings(browser, path: Path, runs: int) -> dict:
    samples = [open_page(browser, path) for _ in range(runs)]
    return {key: statistics.median(s[key] for s in samples if key in s) for key in samples[0]}


def table(rows: list[tuple], header: tuple) -> str:
    cells = [tuple(str(c) for c in row) for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
             for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=15000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None, help="folder for the HTML files (default: a temp dir)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--physics-table", action="store_true",
                        help="time to first draw with physics on (stabilisation) and off, 250 to 2,000 nodes")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-viz-"))
    out.mkdir(parents=True, exist_ok=True)

    start = time.perf_counter()
    graph = synthetic_graph(args.nodes, args.edges)
    generate_s = time.perf_counter() - start
    layout_s, _ = timed(lambda: layout_positions(graph), args.runs)
    build_s, network = timed(lambda: build_network(graph, title=f"bench {args.nodes}"), args.runs)
    path = out / f"bench-{args.nodes}.html"
    write_s, _ = timed(lambda: write_html(network, path), args.runs)
    size = path.stat().st_size
    print(f"graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges "
          f"(synthetic, generated in {generate_s:.2f} s); large-graph mode: {network.missiongraph['large']}")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load}; median of {args.runs} runs; "
          f"files in {out}\n")
    rows = [("layout_positions (part of build)", f"{layout_s:.2f} s"),
            ("build_network", f"{build_s:.2f} s"),
            ("write_html", f"{write_s:.2f} s"),
            ("file size", f"{size / 1e6:.2f} MB  (goal < {GOAL_SIZE_BYTES / 1e6:.0f} MB: "
                          f"{'ok' if size < GOAL_SIZE_BYTES else 'OVER'})")]
    print(table(rows, ("python side", "")))

    if args.no_browser:
        return 0 if size < GOAL_SIZE_BYTES else 1
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("\nbrowser part skipped: pip install playwright")
        return 0
    if not Path(CHROMIUM).exists():
        print("\nbrowser part skipped: apt-get install chromium")
        return 0

    empty_page = out / "empty.html"
    empty_page.write_text(EMPTY_PAGE, encoding="utf-8")
    empty_graph = write_html(build_network(nx.MultiDiGraph(), title="empty graph"), out / "empty-graph.html")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        open_page(browser, empty_graph)  # warm-up: first launch costs are not the page's
        blank = median_timings(browser, empty_page, args.runs)
        base = median_timings(browser, empty_graph, args.runs)
        full = median_timings(browser, path, args.runs)
        print()
        print(table([
            ("empty page (baseline)", "", "", "", "", f"{blank['firstDraw']:.0f}"),
            ("page, empty graph (baseline)", f"{base['scriptStart']:.0f}", f"{base['parsed']:.0f}",
             f"{base['datasets']:.0f}", f"{base['network']:.0f}", f"{base['firstDraw']:.0f}"),
            (f"page, {args.nodes:,} nodes / {args.edges:,} edges", f"{full['scriptStart']:.0f}",
             f"{full['parsed']:.0f}", f"{full['datasets']:.0f}", f"{full['network']:.0f}",
             f"{full['firstDraw']:.0f}"),
        ], ("headless chromium, ms since navigation", "script", "json", "datasets", "network", "first draw")))
        verdict = "ok" if full["firstDraw"] < GOAL_FIRST_DRAW_MS else "OVER"
        print(f"\nfirst draw {full['firstDraw'] / 1000:.2f} s (goal < {GOAL_FIRST_DRAW_MS / 1000:.0f} s: {verdict}); "
              f"{(full['firstDraw'] - base['firstDraw']) / 1000:.2f} s more than the empty graph")

        if args.physics_table:
            rows = []
            for n in (250, 500, 1000, 2000):
                g = synthetic_graph(n, 3 * n, seed=n)
                physics = write_html(build_network(g, large_threshold=10**9), out / f"physics-{n}.html")
                layout = write_html(build_network(g, large_threshold=0), out / f"layout-{n}.html")
                on = median_timings(browser, physics, args.runs)
                off = median_timings(browser, layout, args.runs)
                rows.append((f"{n:,} nodes / {3 * n:,} edges", f"{on['firstDraw']:.0f}", f"{off['firstDraw']:.0f}"))
            print()
            print(table(rows, ("time to first draw, ms", "physics on (stabilisation)", "physics off")))
        browser.close()
    return 0 if size < GOAL_SIZE_BYTES and full["firstDraw"] < GOAL_FIRST_DRAW_MS else 1


if __name__ == "__main__":
    sys.exit(main())
