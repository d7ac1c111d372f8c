"""Time to a stable drawing of a pyvis page in headless Chromium, at 500 and 5,000 nodes.

    .venv/bin/python bench/viz.py [--sizes 500 5000] [--repeat 3] [--physics]

For each size: Python time to build and render the page, its size, and in the browser
the time from navigation start to vis-network's first complete drawing (positions come
from layout.py and physics is off, so the first drawing is the stable one), and how many
pairs of node boxes (labels included, as vis-network measures them) overlap: the layered
layout must give 0. The app's graph view uses the same layout and node records. With
--physics, also the time vis-network's default force layout needs to stabilise the same
graph, for comparison. Needs /usr/bin/chromium (scripts/install-browser.sh).

    .venv/bin/python bench/viz.py --app [--sizes 500 5000]

measures the web app's graph page instead, on a synthetic store of SIZE nodes: the view of
a central document at 12 lineage hops with units shown (nearly the whole store), from
asking for it to its stable drawing (fetch, layout on the server, drawing), and the
overlapping pairs of node boxes.
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


OVERLAP_PROBE = """() => {
  const boxes = pgNodes.getIds().map((id) => pgNetwork.getBoundingBox(id)).sort((a, b) => a.left - b.left);
  let pairs = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j].left < boxes[i].right; j++) {
      if (boxes[i].top < boxes[j].bottom && boxes[j].top < boxes[i].bottom) { pairs++; }
    }
  }
  return pairs;
}"""


def measure(size: int, repeat: int, physics: bool) -> dict[str, object]:
    graph = synthetic_graph(size, seed=size)
    started = time.perf_counter()
    html = render_page(graph, f"bench {size}")
    build_s = time.perf_counter() - started
    drawn: list[float] = []
    physics_ms: float | None = None
    overlapping = -1
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
                overlapping = page.evaluate(OVERLAP_PROBE)
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
        "overlapping_pairs": overlapping,
        "physics_stabilised_ms": None if physics_ms is None else round(physics_ms),
    }


APP_READY = "() => document.getElementById('graph-app').dataset.ready === '1'"


def measure_app(size: int, repeat: int) -> dict[str, object]:
    """The app's /graph page at 12 hops with units, on a synthetic graph of `size` nodes."""
    import importlib.util

    from policygraph.viz.app import create_app

    spec = importlib.util.spec_from_file_location("helpers_browser", Path(__file__).resolve().parent.parent
                                                  / "tests" / "helpers_browser.py")
    helpers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helpers)
    graph = synthetic_graph(size, seed=size)
    root = next(n for n, a in graph.nodes(data=True) if a.get("level") == "central")
    times: list[float] = []
    overlapping = -1
    with helpers.serving(create_app(graph)) as base, browser_context() as context:
        blocked = block_network(context, allowed_prefixes=(base + "/",))
        for _ in range(repeat):
            page = context.new_page()
            page.goto(base + "/graph?id=" + root)
            page.wait_for_function(APP_READY, timeout=300_000)
            page.check("#show-units")
            page.wait_for_function(APP_READY, timeout=300_000)
            started = page.evaluate("performance.now()")
            page.select_option("#depth", "12")
            page.wait_for_function(APP_READY, timeout=300_000)
            times.append(page.evaluate("performance.now()") - started)
            overlapping = page.evaluate(OVERLAP_PROBE)
            drawn = page.evaluate("pgView.nodes.length")
            page.close()
        if blocked:
            raise RuntimeError(f"page reached for the network: {blocked[:3]}")
    return {"store_nodes": graph.number_of_nodes(), "nodes": drawn, "drawn_ms_median": round(statistics.median(times)),
            "drawn_ms_runs": [round(x) for x in times], "overlapping_pairs": overlapping}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--physics", action="store_true", help="also time vis-network's force layout")
    parser.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    parser.add_argument("--app", action="store_true", help="time the web app's graph page instead")
    args = parser.parse_args()
    if args.app:
        print(f"{'store':>6} {'nodes':>6} {'drawn ms':>9} {'overlaps':>8}  runs")
        for size in args.sizes:
            row = measure_app(size, args.repeat)
            print(json.dumps(row) if args.json else f"{row['store_nodes']:>6} {row['nodes']:>6} "
                  f"{row['drawn_ms_median']:>9} {row['overlapping_pairs']:>8}  {row['drawn_ms_runs']}", flush=True)
        return
    if not args.json:
        print(f"{'nodes':>6} {'edges':>6} {'build s':>8} {'page MB':>8} {'drawn ms':>9} {'overlaps':>8}  runs"
              + ("   physics ms" if args.physics else ""))
    for size in args.sizes:
        row = measure(size, args.repeat, args.physics)
        if args.json:
            print(json.dumps(row))
            continue
        line = (f"{row['nodes']:>6} {row['edges']:>6} {row['build_s']:>8} {row['page_mb']:>8} "
                f"{row['drawn_ms_median']:>9} {row['overlapping_pairs']:>8}  {row['drawn_ms_runs']}")
        if args.physics:
            line += f"   {row['physics_stabilised_ms']}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
