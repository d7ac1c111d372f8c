// Draws a policygraph pyvis page. Data comes from a JSON block; every string reaches
// the DOM through textContent, never innerHTML, so document text cannot run as code.
(function () {
  "use strict";

  function tipElement(head, rows) {
    var box = document.createElement("div");
    box.className = "pg-tip";
    var title = document.createElement("div");
    title.className = "pg-tip-head";
    title.textContent = head;
    box.appendChild(title);
    (rows || []).forEach(function (row) {
      var line = document.createElement("div");
      var key = document.createElement("span");
      key.className = "pg-tip-key";
      key.textContent = row[0] + ": ";
      var value = document.createElement("span");
      value.textContent = row[1];
      line.appendChild(key);
      line.appendChild(value);
      box.appendChild(line);
    });
    return box;
  }
  window.pgTipElement = tipElement;

  var data = JSON.parse(document.getElementById("pg-data").textContent);
  data.nodes.forEach(function (n) { n.title = tipElement(n.tipHead, n.tip); });
  data.edges.forEach(function (e) { e.title = tipElement(e.tipHead, e.tip); });
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
