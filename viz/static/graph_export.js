// Download the graph as drawn: PNG from vis-network's canvas, SVG rebuilt from the shown
// nodes' boxes and the shown edges (text via createTextNode, so a label stays text).
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name.replace(/[^\w.-]+/g, "-");
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function png(network, name) {
    var source = network.canvas.frame.canvas;
    var copy = document.createElement("canvas");
    copy.width = source.width;
    copy.height = source.height;
    var ctx = copy.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, copy.width, copy.height);
    ctx.drawImage(source, 0, 0);
    copy.toBlob(function (blob) { save(blob, name + ".png"); }, "image/png");
  }

  function el(tag, attrs, text) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { node.appendChild(document.createTextNode(text)); }
    return node;
  }

  // Lines of at most `width` characters, cut at spaces (a long word is cut where it must).
  function lines(label, width) {
    var out = [];
    String(label).split(" ").forEach(function (word) {
      while (word.length > width) { out.push(word.slice(0, width)); word = word.slice(width); }
      var last = out.length ? out[out.length - 1] : null;
      if (last !== null && (last + " " + word).length <= width) { out[out.length - 1] = last + " " + word; }
      else { out.push(word); }
    });
    return out;
  }

  function colour(value, fallback) {
    if (!value) { return fallback; }
    return typeof value === "string" ? value : (value.background || value.color || fallback);
  }

  function svg(network, view, name) {
    var ids = view.nodes.getIds();
    var boxes = {};
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    ids.forEach(function (id) {
      var b = network.getBoundingBox(id);
      boxes[id] = b;
      minX = Math.min(minX, b.left); minY = Math.min(minY, b.top);
      maxX = Math.max(maxX, b.right); maxY = Math.max(maxY, b.bottom);
    });
    var pad = 20;
    var root = el("svg", { xmlns: NS, viewBox: [minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad].join(" "),
                           width: Math.round(maxX - minX + 2 * pad), height: Math.round(maxY - minY + 2 * pad),
                           "font-family": "DejaVu Sans, Arial, sans-serif" });
    root.appendChild(el("rect", { x: minX - pad, y: minY - pad, width: maxX - minX + 2 * pad,
                                  height: maxY - minY + 2 * pad, fill: "#ffffff" }));
    var positions = network.getPositions(ids);
    view.edges.get().forEach(function (e) {
      var a = positions[e.from], b = positions[e.to];
      if (!a || !b) { return; }
      var line = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: colour(e.color, "#888"), "stroke-width": e.width || 1 });
      if (e.dashes && e.dashes.length) { line.setAttribute("stroke-dasharray", e.dashes.join(",")); }
      root.appendChild(line);
    });
    view.nodes.get().forEach(function (n) {
      var b = boxes[n.id], p = positions[n.id];
      var fill = colour(n.color, "#7f8c8d");
      var unit = n.kind === "unit";
      var group = el("g", {});
      if (unit) {
        var s = n.size || 10;
        group.appendChild(el("polygon", { points: [p.x, p.y - s, p.x + s, p.y, p.x, p.y + s, p.x - s, p.y].join(" "), fill: fill }));
      } else {
        group.appendChild(el("rect", { x: b.left, y: b.top, width: b.right - b.left, height: b.bottom - b.top, rx: 4,
                                       fill: n.kind === "stub" ? "#ffffff" : fill, stroke: colour(n.color && n.color.border, fill),
                                       "stroke-dasharray": n.kind === "stub" ? "5,3" : "none" }));
      }
      var text = lines(n.label, unit ? 18 : 20);
      var size = unit ? 12 : 14;
      var top = unit ? p.y + (n.size || 10) + size : p.y - (text.length - 1) * size * 0.6 + size * 0.35;
      text.forEach(function (line, i) {
        group.appendChild(el("text", { x: p.x, y: top + i * size * 1.2, "text-anchor": "middle", "font-size": size,
                                       fill: unit || n.kind === "stub" ? "#1c2833" : "#ffffff" }, line));
      });
      group.appendChild(el("title", {}, n.tipHead || n.label));
      root.appendChild(group);
    });
    var body = new XMLSerializer().serializeToString(root);
    save(new Blob([body], { type: "image/svg+xml" }), name + ".svg");
  }

  window.pgExport = { png: png, svg: svg };
})();
