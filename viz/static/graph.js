// The app's interactive graph: click to expand, filters, path highlighting.
// All text reaches the DOM through textContent (tooltips via tooltip.js).
(function () {
  "use strict";
  var app = document.getElementById("graph-app");
  var rootId = app.getAttribute("data-root");
  var api = {
    graph: app.getAttribute("data-api-graph"),
    expand: app.getAttribute("data-api-expand"),
    path: app.getAttribute("data-api-path"),
    doc: app.getAttribute("data-document-url")
  };
  var BAND = 260;
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var expanded = {};
  var pathIds = { nodes: {}, edges: {} };

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

  function nodeVisible(n) {
    if (n.id === rootId || pathIds.nodes[n.id]) { return true; }
    if (!current.levels[n.level_name || ""]) { return false; }
    if (current.province && n.kind !== "unit" && n.province !== current.province) { return false; }
    if (!isNaN(current.from) && n.year && n.year < current.from) { return false; }
    if (!isNaN(current.to) && n.year && n.year > current.to) { return false; }
    return true;
  }
  function edgeVisible(e) { return !!current.types[e.etype] || !!pathIds.edges[e.id]; }

  var view = {
    nodes: new vis.DataView(nodes, { filter: nodeVisible }),
    edges: new vis.DataView(edges, { filter: edgeVisible })
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

  function updateCount() {
    document.getElementById("graph-count").textContent =
      view.nodes.length + " of " + nodes.length + " nodes shown · " + view.edges.length + " edges";
    fillPathChoices();
  }

  function add(data, around) {
    var fresh = data.nodes.filter(function (n) { return !nodes.get(n.id); });
    var base = around ? network.getPositions([around])[around] : null;
    var perRank = {};
    fresh.forEach(function (n) {
      if (n.x === undefined || n.y === undefined) {
        var slot = perRank[n.rank] = (perRank[n.rank] || 0) + 1;
        var existing = nodes.get({ filter: function (m) { return m.rank === n.rank; } }).length;
        n.x = (base ? base.x : 0) + (slot - 1) * 150 - 60 + (existing % 3) * 20;
        n.y = n.rank * BAND + (n.kind === "unit" ? 90 : 0) + (base && slot > 8 ? 40 * Math.floor(slot / 8) : 0);
      }
      decorate(n);
    });
    nodes.add(fresh);
    edges.update(data.edges.map(decorate));
    updateCount();
  }

  function expand(id) {
    if (expanded[id]) { return Promise.resolve(); }
    expanded[id] = true;
    return fetch(api.expand + "?id=" + encodeURIComponent(id))
      .then(function (r) { if (!r.ok) { throw new Error("expand " + r.status); } return r.json(); })
      .then(function (data) {
        add(data, id);
        network.fit({ animation: false });
        app.setAttribute("data-expanded", Object.keys(expanded).join("\n"));
      });
  }
  window.pgExpand = expand;

  network.on("click", function (params) {
    if (params.nodes.length) { expand(params.nodes[0]); }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) {
      window.location.href = api.doc + "?id=" + encodeURIComponent(params.nodes[0]);
    }
  });

  function refilter() {
    current = filters();
    view.nodes.refresh();
    view.edges.refresh();
    updateCount();
  }
  document.querySelectorAll(".graph-side input, .graph-side select").forEach(function (el) {
    if (el.id === "path-from" || el.id === "path-to") { return; }
    el.addEventListener("change", refilter);
    el.addEventListener("input", refilter);
  });

  function fillPathChoices() {
    ["path-from", "path-to"].forEach(function (selectId) {
      var select = document.getElementById(selectId);
      var keep = select.value;
      var docs = nodes.get({ filter: function (n) { return n.kind !== "unit"; } });
      docs.sort(function (a, b) { return (a.rank - b.rank) || String(a.label).localeCompare(String(b.label)); });
      while (select.firstChild) { select.removeChild(select.firstChild); }
      docs.forEach(function (n) {
        var option = document.createElement("option");
        option.value = n.id;
        option.textContent = n.label + (n.year ? " (" + n.year + ")" : "");
        select.appendChild(option);
      });
      if (keep) { select.value = keep; }
    });
  }

  function paint(on) {
    var nodeUpdates = Object.keys(pathIds.nodes).map(function (id) {
      return { id: id, borderWidth: on ? 5 : 1.5, shadow: on ? { enabled: true, color: "#f1c40f", size: 18 } : false };
    });
    var edgeUpdates = Object.keys(pathIds.edges).filter(function (id) { return edges.get(id); }).map(function (id) {
      var e = edges.get(id);
      if (on && e.baseWidth === undefined) { e.baseWidth = e.width; e.baseColor = e.color; }
      return { id: id, width: on ? 6 : e.baseWidth, color: on ? "#f1c40f" : e.baseColor,
               baseWidth: e.baseWidth, baseColor: e.baseColor };
    });
    nodes.update(nodeUpdates.filter(function (u) { return nodes.get(u.id); }));
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
        if (!data.found) { result.textContent = "No chain between these two documents."; return null; }
        var missing = data.nodes.filter(function (id) { return !nodes.get(id); });
        return Promise.all(missing.map(function (id, i) {
          var previous = data.nodes[data.nodes.indexOf(id) - 1];
          return previous ? expand(previous) : null;
        })).then(function () {
          data.nodes.forEach(function (id) { pathIds.nodes[id] = true; });
          data.edges.forEach(function (id) { pathIds.edges[id] = true; });
          paint(true);
          refilter();
          result.textContent = (data.nodes.length - 1) + " steps: " + data.nodes.map(function (id) {
            var n = nodes.get(id);
            return n ? n.label : id;
          }).join(" → ");
          app.setAttribute("data-path", data.nodes.join("\n"));
        });
      })
      .catch(function (err) { result.textContent = "Path failed: " + err.message; });
  });

  fetch(api.graph + "?depth=1&id=" + encodeURIComponent(rootId))
    .then(function (r) { if (!r.ok) { throw new Error("graph " + r.status); } return r.json(); })
    .then(function (data) {
      add(data, null);
      expanded[rootId] = true;
      network.once("afterDrawing", function () { app.setAttribute("data-ready", "1"); });
      network.fit();
      network.redraw();
    })
    .catch(function (err) { document.getElementById("graph-count").textContent = "Could not load: " + err.message; });
})();
