// Fold and unfold the lineage tree: one branch with its button, or every branch at once.
(function () {
  "use strict";
  function set(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    var list = button.parentNode.querySelector(":scope > ul.tree");
    if (list) { list.hidden = !open; }
  }
  document.querySelectorAll("#lineage-tree button.toggle").forEach(function (button) {
    button.addEventListener("click", function () { set(button, button.getAttribute("aria-expanded") !== "true"); });
  });
  function all(open) {
    document.querySelectorAll("#lineage-tree button.toggle").forEach(function (b) { set(b, open); });
  }
  var expand = document.getElementById("expand-all");
  var collapse = document.getElementById("collapse-all");
  if (expand) { expand.addEventListener("click", function () { all(true); }); }
  if (collapse) { collapse.addEventListener("click", function () { all(false); }); }
})();
