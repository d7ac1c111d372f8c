"""Time to a stable drawing of a pyvis page in headless Chromium, at 500 and 5,000 nodes.

    .venv/bin/python bench/viz.py [--sizes 500 5000] [--repeat 3] [--physics]

For each size: Python time to build and render the page, its size, and in the browser
the time from navigation start to vis-network's first complete drawing (positions come
from layout.py and physics is off, so the first drawing is the stable one). With
--physics, also the time vis-network's default force layout needs to stabilise the same
graph, for comparison. Needs /usr/bin/chromium (scripts/install-browser.sh).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from policygraph.viz.browser import block_network, browser_context
from policygraph.viz.pyvis_page import render_page
from policygraph.viz.synthetic import synthetic_graph

PHYSICS_PROBE = """() => new Promise((resolve) => {
  const data = JSON.parse(document.getElementById("pg-data").textContent);
  data.nodes.forEach((n) => { delete n.x; delete n.y; });
  const box = document.createElement("div");
  box.style.cssText = "width:1200px;height:800px";
  document.body.appendChild(box);
  const start = performance.now();
  const net = new vis.Network(box, {nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)},
                              {physics: {enabled: true, stabilization: {iterations: 1000}}, edges: {smooth: false}});
  net.once("stabilizationIterationsDone", () => resolve(performance.now() - start));
})"""


def measure(size: int, repeat: int, physics: bool) -> dict[str, object]:
    graph = synthetic_graph(size, seed=size)
    started = time.perf_counter()
    html = render_page(graph, f"bench {size}")
    build_s = time.perf_counter() - started
    drawn: list[float] = []
    physics_ms: float | None = None
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / f"bench-{size}.html"
        page_path.write_text(html, encoding="utf-8")
        with browser_context() as context:
            blocked = block_network(context)
            for _ in range(repeat):
                page = context.new_page()
                page.goto(page_path.as_uri())
                page.wait_for_selector("body[data-drawn='1']", timeout=300_000)
                drawn.append(page.evaluate("window.pgDrawnAt"))
                page.close()
            if physics:
                page = context.new_page()
                page.goto(page_path.as_uri())
                page.wait_for_selector("body[data-drawn='1']", timeout=300_000)
                physics_ms = page.evaluate(PHYSICS_PROBE)
                page.close()
            if blocked:
                raise RuntimeError(f"page reached for the network: {blocked[:3]}")
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "build_s": round(build_s, 3),
        "page_mb": round(len(html.encode()) / 1e6, 2),
        "drawn_ms_median": round(statistics.median(drawn)),
        "drawn_ms_runs": [round(x) for x in drawn],
        "physics_stabilised_ms": None if physics_ms is None else round(physics_ms),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--physics", action="store_true", help="also time vis-network's force layout")
    parser.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    args = parser.parse_args()
    if not args.json:
        print(f"{'nodes':>6} {'edges':>6} {'build s':>8} {'page MB':>8} {'drawn ms':>9}  runs"
              + ("   physics ms" if args.physics else ""))
    for size in args.sizes:
        row = measure(size, args.repeat, args.physics)
        if args.json:
            print(json.dumps(row))
            continue
        line = (f"{row['nodes']:>6} {row['edges']:>6} {row['build_s']:>8} {row['page_mb']:>8} "
                f"{row['drawn_ms_median']:>9}  {row['drawn_ms_runs']}")
        if args.physics:
            line += f"   {row['physics_stabilised_ms']}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
