// Draws a policygraph pyvis page from its JSON block (tooltip.js is inlined before this).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pg-data").textContent);
  data.nodes.forEach(function (n) { n.title = window.pgTipElement(n.tipHead, n.tip); });
  data.edges.forEach(function (e) { e.title = window.pgTipElement(e.tipHead, e.tip); });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("pg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  network.once("afterDrawing", function () {
    window.pgDrawnAt = performance.now();
    document.body.setAttribute("data-drawn", "1");
  });
  window.pgNetwork = network;
  window.pgNodes = nodes;
  window.pgEdges = edges;
})();
