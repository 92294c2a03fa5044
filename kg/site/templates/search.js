/* The home page's search: every label, acronym and variant in both languages, matched without
   accents or case; results are links built with the DOM API (data never becomes markup). */
(function () {
  "use strict";
  var index = JSON.parse(document.getElementById("search-index").textContent);
  var words = JSON.parse(document.getElementById("search-words").textContent);
  var input = document.getElementById("search");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  /* where needle starts a word of k (-1: nowhere): "OIT" finds the ILO, not "droits" */
  function wordStart(k, needle) {
    var at = k.indexOf(needle);
    while (at > 0 && /[\p{L}\p{N}]/u.test(k.charAt(at - 1))) { at = k.indexOf(needle, at + 1); }
    return at;
  }
  var keys = index.map(function (e) { return [e[1]].concat(e[3]).map(fold); });
  input.addEventListener("input", function () {
    while (results.firstChild) { results.removeChild(results.firstChild); }
    var needle = fold(input.value.trim());
    status.className = "";
    if (!needle) { status.textContent = ""; return; }
    var found = [];
    index.forEach(function (e, i) {
      var best = 99;
      keys[i].forEach(function (k) {
        var at = wordStart(k, needle);
        if (at >= 0) { best = Math.min(best, k === needle ? 0 : at === 0 ? 1 : 2); }
      });
      if (best < 99) { found.push([best, e]); }
    });
    found.sort(function (a, b) { return a[0] - b[0] || a[1][1].localeCompare(b[1][1]); });
    if (!found.length) { status.textContent = words.none; status.className = "none"; return; }
    status.textContent = words.count.replace("{n}", String(found.length));
    found.slice(0, 50).forEach(function (f) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.setAttribute("href", "id/" + encodeURIComponent(f[1][0]) + ".html");
      a.textContent = f[1][1];
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = " " + f[1][2];
      li.appendChild(kind);
      results.appendChild(li);
    });
  });
})();
