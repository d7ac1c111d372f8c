// The interface's messages for scripts, in the page's language (from the server's catalogue).
(function () {
  "use strict";
  var block = document.getElementById("pg-messages");
  var table = block ? JSON.parse(block.textContent) : {};
  // pgT("{shown} of {total} nodes", {shown: 3, total: 5})
  window.pgT = function (key, values) {
    var text = table[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(values[name])); });
    return text;
  };
})();
