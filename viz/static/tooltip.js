// Tooltip element from structured rows. Text goes in through textContent only, so a
// title like "<script>…" is shown, never parsed.
window.pgTipElement = function (head, rows) {
  "use strict";
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
};
