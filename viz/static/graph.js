// The app's interactive graph: documents first, units on demand, click to open a document's
// neighbours, filters that leave no orphans, path highlighting, PNG/SVG download.
// Positions always come from the server's layered layout (viz/layout.py), so what is
// added never lands on what is there. All text reaches the DOM through textContent.
(function () {
  "use strict";
  var app = document.getElementById("graph-app");
  var rootId = app.getAttribute("data-root");
  var api = {
    graph: app.getAttribute("data-api-graph"),
    path: app.getAttribute("data-api-path"),
    doc: app.getAttribute("data-document-url")
  };
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var opened = [];
  var pathIds = { nodes: {}, edges: {} };
  var shownIds = {};

  function filters() {
    var levels = {};
    document.querySelectorAll("#filter-levels input:checked").forEach(function (i) { levels[i.value] = true; });
    var types = {};
    document.querySelectorAll("#filter-edges input:checked").forEach(function (i) { types[i.value] = true; });
    return {
      levels: levels,
      types: types,
      province: document.getElementById("filter-province").value,
      from: parseInt(document.getElementById("filter-year-from").value, 10),
      to: parseInt(document.getElementById("filter-year-to").value, 10)
    };
  }
  var current = filters();

  function passes(n) {
    if (n.id === rootId || pathIds.nodes[n.id]) { return true; }
    if (!current.levels[n.level_name || ""]) { return false; }
    if (current.province && n.kind !== "unit" && n.province !== current.province) { return false; }
    if (!isNaN(current.from) && n.year && n.year < current.from) { return false; }
    if (!isNaN(current.to) && n.year && n.year > current.to) { return false; }
    return true;
  }
  function edgeOn(e) { return !!current.types[e.etype] || !!pathIds.edges[e.id]; }

  // What is shown: the nodes that pass the filters and are still joined to the root by
  // shown edges; a node whose edges are all hidden is hidden too (no orphans).
  function computeShown(nodeList, edgeList) {
    var ok = {};
    nodeList.forEach(function (n) { if (passes(n)) { ok[n.id] = true; } });
    var around = {};
    edgeList.forEach(function (e) {
      if (!edgeOn(e) || !ok[e.from] || !ok[e.to]) { return; }
      (around[e.from] = around[e.from] || []).push(e.to);
      (around[e.to] = around[e.to] || []).push(e.from);
    });
    shownIds = {};
    var queue = [rootId].concat(Object.keys(pathIds.nodes));
    queue.forEach(function (id) { shownIds[id] = true; });
    for (var i = 0; i < queue.length; i++) {  // the queue grows while it is read
      (around[queue[i]] || []).forEach(function (other) {
        if (!shownIds[other]) { shownIds[other] = true; queue.push(other); }
      });
    }
  }

  var view = {
    nodes: new vis.DataView(nodes, { filter: function (n) { return !!shownIds[n.id]; } }),
    edges: new vis.DataView(edges, { filter: function (e) {
      return edgeOn(e) && !!shownIds[e.from] && !!shownIds[e.to];
    } })
  };
  var network = new vis.Network(document.getElementById("graph"), view, {
    physics: { enabled: false },
    layout: { improvedLayout: false },
    edges: { smooth: false, arrows: { to: { enabled: true, scaleFactor: 0.6 } } },
    nodes: { font: { size: 14, face: "DejaVu Sans, Arial, sans-serif" } },
    interaction: { hover: true, tooltipDelay: 120 }
  });
  window.pgNetwork = network;
  window.pgNodes = nodes;
  window.pgEdges = edges;
  window.pgView = view;

  function decorate(record) {
    record.title = window.pgTipElement(record.tipHead, record.tip);
    return record;
  }

  function refilter() {
    current = filters();
    computeShown(nodes.get(), edges.get());
    view.nodes.refresh();
    view.edges.refresh();
    counted();
  }

  function counted() {
    document.getElementById("graph-count").textContent = window.pgT(
      "{shown} of {total} nodes shown · {edges} edges",
      { shown: view.nodes.length, total: nodes.length, edges: view.edges.length });
    fillPathChoices();
  }

  function graphUrl() {
    var url = api.graph + "?id=" + encodeURIComponent(rootId) +
      "&depth=" + encodeURIComponent(document.getElementById("depth").value) +
      "&units=" + (document.getElementById("show-units").checked ? "1" : "0");
    opened.forEach(function (id) { url += "&open=" + encodeURIComponent(id); });
    return url;
  }

  // Fetch the whole picture again (layout included) and replace what is drawn.
  function load() {
    app.removeAttribute("data-ready");
    return fetch(graphUrl())
      .then(function (r) { if (!r.ok) { throw new Error("graph " + r.status); } return r.json(); })
      .then(function (data) {
        nodes.clear();
        edges.clear();
        // what is shown is known before the records go in: the views take them as they come
        current = filters();
        computeShown(data.nodes, data.edges);
        nodes.add(data.nodes.map(decorate));
        edges.add(data.edges.map(decorate));
        paint(true);
        counted();
        app.setAttribute("data-expanded", opened.join("\n"));
        network.once("afterDrawing", function () { app.setAttribute("data-ready", "1"); });
        network.fit({ animation: false });
        network.redraw();
      })
      .catch(function (err) {
        document.getElementById("graph-count").textContent = window.pgT("Could not load: {error}", { error: err.message });
      });
  }

  function open(id) {
    if (id === rootId || opened.indexOf(id) >= 0) { return Promise.resolve(); }
    opened.push(id);
    return load();
  }
  window.pgExpand = open;

  network.on("click", function (params) {
    if (params.nodes.length) { open(params.nodes[0]); }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) {
      window.location.href = api.doc + "?id=" + encodeURIComponent(params.nodes[0]);
    }
  });

  document.querySelectorAll(".graph-side input, .graph-side select").forEach(function (el) {
    if (el.id === "path-from" || el.id === "path-to") { return; }
    if (el.id === "show-units" || el.id === "depth") {
      el.addEventListener("change", load);
      return;
    }
    el.addEventListener("change", refilter);
    el.addEventListener("input", refilter);
  });

  // From starts on the document shown, To on the farthest document loaded from it.
  function fillPathChoices() {
    var docs = nodes.get({ filter: function (n) { return n.kind !== "unit"; } });
    docs.sort(function (a, b) { return (a.rank - b.rank) || String(a.label).localeCompare(String(b.label)); });
    ["path-from", "path-to"].forEach(function (selectId) {
      var select = document.getElementById(selectId);
      var keep = select.value;
      while (select.firstChild) { select.removeChild(select.firstChild); }
      docs.forEach(function (n) {
        var option = document.createElement("option");
        option.value = n.id;
        option.textContent = n.label + (n.year ? " (" + n.year + ")" : "");
        select.appendChild(option);
      });
      if (keep && nodes.get(keep)) {
        select.value = keep;
      } else if (selectId === "path-from") {
        select.value = rootId;
      } else {
        var far = docs.filter(function (n) { return n.id !== rootId; });
        var rootRank = (nodes.get(rootId) || { rank: 0 }).rank;
        far.sort(function (a, b) { return Math.abs(b.rank - rootRank) - Math.abs(a.rank - rootRank); });
        if (far.length) { select.value = far[0].id; }
      }
    });
  }

  function paint(on) {
    var nodeUpdates = Object.keys(pathIds.nodes).filter(function (id) { return nodes.get(id); }).map(function (id) {
      return { id: id, borderWidth: on ? 5 : 1.5, shadow: on ? { enabled: true, color: "#f1c40f", size: 18 } : false };
    });
    var edgeUpdates = Object.keys(pathIds.edges).filter(function (id) { return edges.get(id); }).map(function (id) {
      var e = edges.get(id);
      if (on && e.baseWidth === undefined) { e.baseWidth = e.width; e.baseColor = e.color; }
      return { id: id, width: on ? 6 : e.baseWidth, color: on ? "#f1c40f" : e.baseColor,
               baseWidth: e.baseWidth, baseColor: e.baseColor };
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
  }

  function clearPath() {
    paint(false);
    pathIds = { nodes: {}, edges: {} };
    app.removeAttribute("data-path");
    document.getElementById("path-result").textContent = "";
    refilter();
  }

  document.getElementById("path-clear").addEventListener("click", clearPath);
  document.getElementById("path-go").addEventListener("click", function () {
    var from = document.getElementById("path-from").value;
    var to = document.getElementById("path-to").value;
    var result = document.getElementById("path-result");
    clearPath();
    fetch(api.path + "?from=" + encodeURIComponent(from) + "&to=" + encodeURIComponent(to))
      .then(function (r) { if (!r.ok) { throw new Error("path " + r.status); } return r.json(); })
      .then(function (data) {
        if (!data.found) { result.textContent = window.pgT("No chain between these two documents."); return null; }
        data.nodes.forEach(function (id) { pathIds.nodes[id] = true; });
        data.edges.forEach(function (id) { pathIds.edges[id] = true; });
        var missing = data.nodes.filter(function (id) { return !nodes.get(id); });
        missing.forEach(function (id) { if (opened.indexOf(id) < 0) { opened.push(id); } });
        return (missing.length ? load() : Promise.resolve()).then(function () {
          paint(true);
          refilter();
          result.textContent = window.pgT("{steps} steps: {names}", {
            steps: data.nodes.length - 1,
            names: data.nodes.map(function (id) { var n = nodes.get(id); return n ? n.label : id; }).join(" → ")
          });
          app.setAttribute("data-path", data.nodes.join("\n"));
        });
      })
      .catch(function (err) { result.textContent = window.pgT("Path failed: {error}", { error: err.message }); });
  });

  document.getElementById("download-png").addEventListener("click", function () {
    window.pgExport.png(network, "graph-" + (nodes.get(rootId) || { label: "graph" }).label);
  });
  document.getElementById("download-svg").addEventListener("click", function () {
    window.pgExport.svg(network, view, "graph-" + (nodes.get(rootId) || { label: "graph" }).label);
  });

  load();
})();
