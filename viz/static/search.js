// Suggestions under the search box, from /api/search (diacritics-insensitive on the server).
(function () {
  "use strict";
  var box = document.getElementById("search-box");
  var list = document.getElementById("suggestions");
  if (!box || !list) { return; }
  var timer = null;
  var latest = 0;

  function clear() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    list.hidden = true;
  }

  function show(hits) {
    clear();
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      var link = document.createElement("a");
      link.href = "/document?id=" + encodeURIComponent(hit.id);
      link.className = "suggestion";
      link.setAttribute("data-id", hit.id);
      var name = document.createElement("strong");
      name.textContent = hit.symbol || hit.title || hit.id;
      link.appendChild(name);
      var meta = document.createElement("span");
      meta.className = "meta";
      var levels = { central: "Central", province: "Province", district: "District", commune: "Commune" };
      meta.textContent = " " + [hit.year, window.pgT(levels[hit.level] || "Unknown level"), hit.place]
        .filter(Boolean).join(" · ") + (hit.stub ? " · " + window.pgT("cited only") : "");
      link.appendChild(meta);
      if (hit.symbol && hit.title) {
        var title = document.createElement("div");
        title.className = "muted";
        title.textContent = hit.title;
        link.appendChild(title);
      }
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = hits.length === 0;
  }

  function lookup() {
    var query = box.value.trim();
    if (query.length < 2) { clear(); return; }
    var ticket = ++latest;
    fetch("/api/search?limit=8&q=" + encodeURIComponent(query))
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (hits) { if (ticket === latest) { show(hits); } })
      .catch(function () { clear(); });
  }

  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(lookup, 150);
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { clear(); }
  });
  document.addEventListener("click", function (event) {
    if (!list.contains(event.target) && event.target !== box) { clear(); }
  });
})();
