/* The page's own script: draws the view with vis-network and wires search, filter, year range.
   Every string from the data reaches the page through textContent, option text or vis titles
   (which vis-network 9 shows with innerText): never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("atkg-data").textContent);
  var DIM = "#e6e6e6";
  var base = new Map();
  data.nodes.forEach(function (n) { base.set(n.id, n); });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var state = { network: network, nodes: nodes, edges: edges, highlighted: null, drawn: false,
                drawnAt: null, data: data };
  window.atkg = state;
  if (!data.options.physics.enabled) { network.fit({ animation: false }); }
  network.once("stabilizationIterationsDone", function () { network.fit({ animation: false }); });
  network.once("afterDrawing", function () {
    state.drawn = true;
    state.drawnAt = performance.now();
    document.body.setAttribute("data-drawn", "true");
  });

  /* -- neighbourhood highlight ----------------------------------------------------------- */
  function highlight(id) {
    var keep = new Set([id].concat(network.getConnectedNodes(id)));
    var keepEdges = new Set(network.getConnectedEdges(id));
    nodes.update(data.nodes.map(function (n) {
      var on = keep.has(n.id);
      return { id: n.id, color: on ? n.color : { background: DIM, border: DIM },
               font: { color: on ? "#222222" : "#bbbbbb" } };
    }));
    edges.update(data.edges.map(function (e) {
      return { id: e.id, color: keepEdges.has(e.id) ? e.color : { color: DIM } };
    }));
    state.highlighted = Array.from(keep).sort();
  }
  function clearHighlight() {
    if (state.highlighted === null) { return; }
    nodes.update(data.nodes.map(function (n) { return { id: n.id, color: n.color, font: { color: "#222222" } }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, color: e.color }; }));
    state.highlighted = null;
  }
  network.on("click", function (params) {
    if (params.nodes.length) { highlight(params.nodes[0]); select.value = params.nodes[0]; }
    else { clearHighlight(); select.value = ""; }
  });

  /* -- search / select ------------------------------------------------------------------- */
  var select = document.getElementById("node-select");
  var search = document.getElementById("node-search");
  var byLabel = data.nodes.slice().sort(function (a, b) {
    return a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1);
  });
  var fragment = document.createDocumentFragment();
  byLabel.forEach(function (n) {
    var option = document.createElement("option");
    option.value = n.id;
    option.textContent = n.label + " (" + n.id + ")";
    fragment.appendChild(option);
  });
  select.appendChild(fragment);
  select.addEventListener("change", function () {
    if (!select.value) { clearHighlight(); network.unselectAll(); return; }
    network.selectNodes([select.value]);
    highlight(select.value);
    network.focus(select.value, { scale: Math.max(network.getScale(), 0.8), animation: false });
  });
  search.addEventListener("input", function () {
    var needle = search.value.trim().toLowerCase();
    var first = null;
    Array.prototype.forEach.call(select.options, function (option) {
      if (!option.value) { return; }
      var match = !needle || option.textContent.toLowerCase().indexOf(needle) >= 0;
      option.hidden = !match;
      if (match && first === null) { first = option.value; }
    });
    if (needle && first !== null) { select.value = first; select.dispatchEvent(new Event("change")); }
  });

  /* -- filter menu and year range ----------------------------------------------------------- */
  var filterWhat = document.getElementById("filter-what");
  var filterValue = document.getElementById("filter-value");
  var yearFrom = document.getElementById("year-from");
  var yearTo = document.getElementById("year-to");
  var shown = document.getElementById("shown");
  var filter = null;

  function fillValues() {
    while (filterValue.firstChild) { filterValue.removeChild(filterValue.firstChild); }
    var legend = filterWhat.value === "edges" ? data.edgeLegend : data.nodeLegend;
    legend.forEach(function (entry) {
      var option = document.createElement("option");
      option.value = entry.key;
      option.textContent = entry.label;
      filterValue.appendChild(option);
    });
  }
  function inYears(year) {
    if (!yearFrom || year === null || year === undefined) { return true; }
    return year >= Number(yearFrom.value) && year <= Number(yearTo.value);
  }
  function refresh() {
    var edgeShown = new Map();
    var touched = new Set();
    var visibleEdges = 0;
    var edgeUpdates = data.edges.map(function (e) {
      var on = inYears(e.year) && !(filter && filter.what === "edges" && e.kind !== filter.value);
      touched.add(e.from); touched.add(e.to);
      if (on) { edgeShown.set(e.from, true); edgeShown.set(e.to, true); }
      return { id: e.id, hidden: !on };
    });
    var visibleNodes = new Set();
    var nodeUpdates = data.nodes.map(function (n) {
      var on = !(filter && filter.what === "nodes" && n.kind !== filter.value);
      if (yearFrom && touched.has(n.id) && !edgeShown.has(n.id)) { on = false; }
      if (on) { visibleNodes.add(n.id); }
      return { id: n.id, hidden: !on };
    });
    edgeUpdates.forEach(function (u, i) {
      var e = data.edges[i];
      if (!u.hidden && (!visibleNodes.has(e.from) || !visibleNodes.has(e.to))) { u.hidden = true; }
      if (!u.hidden) { visibleEdges += 1; }
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    state.visible = { nodes: visibleNodes.size, edges: visibleEdges };
    shown.textContent = String(visibleNodes.size) + " / " + String(data.nodes.length) + " " + data.words.nodes
      + ", " + String(visibleEdges) + " / " + String(data.edges.length) + " " + data.words.edges;
  }
  filterWhat.addEventListener("change", fillValues);
  document.getElementById("filter-apply").addEventListener("click", function () {
    filter = { what: filterWhat.value, value: filterValue.value };
    refresh();
  });
  document.getElementById("filter-reset").addEventListener("click", function () {
    filter = null;
    if (yearFrom) { yearFrom.value = yearFrom.min; yearTo.value = yearTo.max; showYears(); }
    clearHighlight();
    refresh();
  });
  function showYears() {
    document.getElementById("year-from-value").textContent = yearFrom.value;
    document.getElementById("year-to-value").textContent = yearTo.value;
  }
  if (yearFrom) {
    [yearFrom, yearTo].forEach(function (input) {
      input.addEventListener("input", function () {
        if (Number(yearFrom.value) > Number(yearTo.value)) {
          if (input === yearFrom) { yearTo.value = yearFrom.value; } else { yearFrom.value = yearTo.value; }
        }
        showYears();
        refresh();
      });
    });
    showYears();
  }
  fillValues();
  state.visible = { nodes: data.nodes.length, edges: data.edges.length };
  state.highlight = highlight;
  state.refresh = refresh;
})();
