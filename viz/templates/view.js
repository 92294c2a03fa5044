/* The page's own script: draws the view with vis-network, then adds what a reader needs on top:
   labels drawn at a constant screen size (the most central first, never two overlapping), a
   side panel with the facts of a clicked node or edge and the French paragraphs that state them,
   search over every label and acronym in both languages, filters that hide, the ego depth, the
   year range and the timeline's axes. Every string from the data reaches the page through
   textContent, attributes set by the DOM API, canvas fillText or vis titles (shown as text):
   never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("atkg-data").textContent);
  var W = data.words;
  var DIM = data.dim;
  var FONT_PX = data.labelFont;
  var FONT = FONT_PX + "px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  var byId = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); });
  var edgeById = new Map();
  data.edges.forEach(function (e) { edgeById.set(e.id, e); });
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return { id: n.id, title: n.title, x: n.x, y: n.y, size: n.size, shape: n.shape,
             borderWidth: n.borderWidth, color: n.color };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var copy = { id: e.id, from: e.from, to: e.to, title: e.title, width: e.width, color: e.color };
    if (e.arrows) { copy.arrows = e.arrows; }
    return copy;
  }));
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var state = { network: network, nodes: nodes, edges: edges, highlighted: null, drawn: false,
                drawnAt: null, data: data, labelled: [], font: FONT, panel: null };
  window.atkg = state;
  var hiddenNodes = new Set();

  /* -- labels: constant screen size, most central first, no two overlapping ----------------- */
  var measure = document.createElement("canvas").getContext("2d");
  measure.font = FONT;
  var widths = new Map();
  function textWidth(n) {
    if (!widths.has(n.id)) { widths.set(n.id, measure.measureText(n.name).width); }
    return widths.get(n.id);
  }
  var order = data.nodes.slice().sort(function (a, b) {
    return (b.size - a.size) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  function labelBox(n, scale) {
    var body = network.body.nodes[n.id];
    var p = network.canvasToDOM({ x: body.x, y: body.y });
    var w = textWidth(n);
    var r = data.axis ? Math.max(n.size * scale, 4) : n.size * scale;
    if (data.axis) {
      return [p.x + r + 3, p.y - FONT_PX * 0.65, p.x + r + 3 + w, p.y + FONT_PX * 0.65];
    }
    return [p.x - w / 2, p.y + r + 2, p.x + w / 2, p.y + r + 2 + FONT_PX * 1.3];
  }
  function placeLabels() {
    var scale = network.getScale();
    var width = container.clientWidth, height = container.clientHeight;
    var cell = 80, grid = new Map(), placed = [];
    function key(i, j) { return i + "," + j; }
    for (var k = 0; k < order.length && placed.length < data.labelCap; k++) {
      var n = order[k];
      if (hiddenNodes.has(n.id)) { continue; }
      var box = labelBox(n, scale);
      if (box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height) { continue; }  /* whole, or not */
      var i0 = Math.floor(box[0] / cell), i1 = Math.floor(box[2] / cell);
      var j0 = Math.floor(box[1] / cell), j1 = Math.floor(box[3] / cell);
      var clash = false;
      for (var i = i0; i <= i1 && !clash; i++) {
        for (var j = j0; j <= j1 && !clash; j++) {
          var there = grid.get(key(i, j)) || [];
          for (var m = 0; m < there.length; m++) {
            var o = there[m];
            if (box[0] < o[2] + 2 && o[0] < box[2] + 2 && box[1] < o[3] + 1 && o[1] < box[3] + 1) {
              clash = true; break;
            }
          }
        }
      }
      if (clash) { continue; }
      for (i = i0; i <= i1; i++) {
        for (j = j0; j <= j1; j++) {
          if (!grid.has(key(i, j))) { grid.set(key(i, j), []); }
          grid.get(key(i, j)).push(box);
        }
      }
      placed.push(n.id);
    }
    state.labelled = placed.sort();
    network.redraw();  /* synchronous: the labels are on the canvas when it returns */
    if (!state.drawn) {
      state.drawn = true;
      state.drawnAt = performance.now();
      document.body.setAttribute("data-drawn", "true");
    }
  }
  var pending = false;
  function schedulePlacement() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; placeLabels(); });
  }
  network.on("afterDrawing", function (ctx) {
    var scale = network.getScale();
    ctx.save();
    ctx.font = (FONT_PX / scale) + "px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
    ctx.textBaseline = data.axis ? "middle" : "top";
    ctx.textAlign = data.axis ? "left" : "center";
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    ctx.lineJoin = "round";
    var dimmed = state.highlighted ? new Set(state.highlighted) : null;
    state.labelled.forEach(function (id) {
      var n = byId.get(id), body = network.body.nodes[id];
      if (!body || hiddenNodes.has(id)) { return; }
      var x = body.x, y = body.y;
      if (data.axis) { x += Math.max(n.size, 4 / scale) + 3 / scale; } else { y += n.size + 2 / scale; }
      ctx.fillStyle = dimmed && !dimmed.has(id) ? "#bbbbbb" : "#222222";
      ctx.strokeText(n.name, x, y);
      ctx.fillText(n.name, x, y);
    });
    ctx.restore();
  });
  network.on("zoom", schedulePlacement);
  network.on("dragEnd", schedulePlacement);
  network.on("resize", schedulePlacement);

  /* -- the timeline's axes: a line per year, a band per kind of tie -------------------------- */
  if (data.axis) {
    network.on("beforeDrawing", function (ctx) {
      var scale = network.getScale();
      var topLeft = network.DOMtoCanvas({ x: 0, y: 0 });
      var bottomRight = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
      ctx.save();
      ctx.lineWidth = 1 / scale;
      ctx.font = (12 / scale) + "px system-ui, sans-serif";
      ctx.textBaseline = "top";
      var lastLabel = -Infinity;
      data.axis.lanes.forEach(function (lane, i) {
        ctx.fillStyle = i % 2 ? "#f7f7f7" : "#eef3f8";
        var next = i + 1 < data.axis.lanes.length ? data.axis.lanes[i + 1][0] : lane[0] + 1e6;
        ctx.fillRect(topLeft.x, lane[0], bottomRight.x - topLeft.x, Math.min(next, bottomRight.y) - lane[0]);
      });
      data.axis.lanes.forEach(function (lane) {
        var screenY = network.canvasToDOM({ x: 0, y: lane[0] }).y;
        if (screenY - lastLabel >= 14) {  /* a lane label never covers the one above */
          ctx.fillStyle = "#444";
          ctx.textAlign = "left";
          ctx.fillText(lane[1], topLeft.x + 6 / scale, lane[0] + 3 / scale);
          lastLabel = screenY;
        }
      });
      /* one line per year, labelled every 1, 2, 5 or 10 years: as often as fits on screen */
      var span = data.axis.ticks.length > 1 ? (data.axis.ticks[1][0] - data.axis.ticks[0][0]) * scale : 100;
      var every = [1, 2, 5, 10, 20].find(function (k) { return span * k >= 44; }) || 50;
      ctx.fillStyle = "#555";
      ctx.textAlign = "center";
      data.axis.ticks.forEach(function (tick) {
        var labelled = Number(tick[1]) % every === 0;
        ctx.strokeStyle = labelled ? "#bbbbbb" : "#e4e4e4";
        ctx.beginPath();
        ctx.moveTo(tick[0], topLeft.y);
        ctx.lineTo(tick[0], bottomRight.y);
        ctx.stroke();
        if (labelled) { ctx.fillText(tick[1], tick[0], topLeft.y + 2 / scale); }
      });
      ctx.restore();
    });
    /* marks keep a visible size whatever the zoom */
    network.on("afterDrawing", function (ctx) {
      var scale = network.getScale();
      ctx.save();
      data.nodes.forEach(function (n) {
        if (hiddenNodes.has(n.id)) { return; }
        var body = network.body.nodes[n.id];
        ctx.beginPath();
        ctx.arc(body.x, body.y, Math.max(n.size, 4 / scale), 0, 2 * Math.PI);
        ctx.fillStyle = n.color.background;
        ctx.fill();
      });
      ctx.restore();
    });
  }

  /* -- neighbourhood highlight ----------------------------------------------------------- */
  function highlight(id) {
    var keep = new Set([id].concat(network.getConnectedNodes(id)));
    var keepEdges = new Set(network.getConnectedEdges(id));
    nodes.update(data.nodes.map(function (n) {
      return { id: n.id, color: keep.has(n.id) ? n.color : { background: DIM, border: DIM } };
    }));
    edges.update(data.edges.map(function (e) {
      return { id: e.id, color: keepEdges.has(e.id) ? e.color : { color: DIM } };
    }));
    state.highlighted = Array.from(keep).sort();
  }
  function clearHighlight() {
    if (state.highlighted === null) { return; }
    nodes.update(data.nodes.map(function (n) { return { id: n.id, color: n.color }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, color: e.color }; }));
    state.highlighted = null;
  }

  /* -- the side panel: facts and their sources ------------------------------------------- */
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  var hint = document.getElementById("panel-hint");
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function factItem(index, open) {
    var f = data.facts[index];
    var li = el("li");
    li.appendChild(el("span", f[1] + " — " + f[2] + " — " + f[4], "fact"));
    f[5].forEach(function (key) {
      var s = data.sources[key];
      var details = el("details");
      details.setAttribute("data-passage", key);
      if (open) { details.open = true; }
      details.appendChild(el("summary", s[0]));
      details.appendChild(el("p", s[1], "doc-title"));
      var quote = el("blockquote", s[2]);
      quote.setAttribute("lang", "fr");
      details.appendChild(quote);
      li.appendChild(details);
    });
    return li;
  }
  function factList(indices, open) {
    var groups = new Map();
    indices.forEach(function (i) {
      var rel = data.facts[i][2];
      if (!groups.has(rel)) { groups.set(rel, []); }
      groups.get(rel).push(i);
    });
    var wrap = el("div");
    Array.from(groups.keys()).sort().forEach(function (rel) {
      wrap.appendChild(el("h3", rel));
      var ul = el("ul", null, "facts");
      groups.get(rel).forEach(function (i) { ul.appendChild(factItem(i, open)); });
      wrap.appendChild(ul);
    });
    return wrap;
  }
  function showPanel(parts, what) {
    while (panelBody.firstChild) { panelBody.removeChild(panelBody.firstChild); }
    parts.forEach(function (p) { panelBody.appendChild(p); });
    panel.hidden = false;
    hint.hidden = true;
    state.panel = what;
  }
  function closePanel() {
    panel.hidden = true;
    hint.hidden = false;
    state.panel = null;
  }
  function nodePanel(id) {
    var n = byId.get(id);
    var parts = [el("h2", n.name), el("p", n.kindLabel, "type")];
    if (n.names.length) { parts.push(el("p", n.names.join(" · "), "names")); }
    if (n.link) {
      var a = el("a", W.entityPage);
      a.setAttribute("href", "../id/" + n.link + ".html");
      a.className = "entity-link";
      var p = el("p"); p.appendChild(a); parts.push(p);
    }
    parts.push(el("p", W.factsCount.replace("{n}", String(n.facts.length)), "count"));
    parts.push(factList(n.facts, n.facts.length <= 3));
    showPanel(parts, { node: id });
  }
  function edgePanel(id) {
    var e = edgeById.get(id);
    var parts = [el("h2", byId.get(e.from).name + " — " + byId.get(e.to).name), el("p", e.kindLabel, "type")];
    parts.push(factList(e.facts, true));
    showPanel(parts, { edge: id });
  }
  document.getElementById("panel-close").addEventListener("click", function () { closePanel(); clearHighlight(); });
  function selectNode(id, focus) {
    network.selectNodes([id]);
    if (data.edges.length) { highlight(id); }
    nodePanel(id);
    if (focus) {
      network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
      schedulePlacement();
    }
  }
  state.selectNode = selectNode;
  network.on("click", function (params) {
    if (params.nodes.length) { selectNode(params.nodes[0], false); }
    else if (params.edges.length) { clearHighlight(); edgePanel(params.edges[0]); }
    else { clearHighlight(); closePanel(); }
    network.redraw();
  });

  /* -- search over every label, acronym and variant in both languages ---------------------- */
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  /* where needle starts a word of k (-1: nowhere): "OIT" finds the ILO, not "droits" */
  function wordStart(k, needle) {
    var at = k.indexOf(needle);
    while (at > 0 && /[\p{L}\p{N}]/u.test(k.charAt(at - 1))) { at = k.indexOf(needle, at + 1); }
    return at;
  }
  var haystack = data.nodes.map(function (n) {
    return { id: n.id, keys: [n.name].concat(n.names).map(fold) };
  });
  var search = document.getElementById("node-search");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  function clearResults() { while (results.firstChild) { results.removeChild(results.firstChild); } }
  function runSearch() {
    clearResults();
    var needle = fold(search.value.trim());
    status.className = "";
    if (!needle) { status.textContent = ""; state.matches = []; return; }
    var found = [];
    haystack.forEach(function (h) {
      var best = 99;
      h.keys.forEach(function (k) {
        var at = wordStart(k, needle);
        if (at >= 0) { best = Math.min(best, k === needle ? 0 : at === 0 ? 1 : 2); }
      });
      if (best < 99 && !hiddenNodes.has(h.id)) { found.push([best, byId.get(h.id).name, h.id]); }
    });
    found.sort(function (a, b) { return a[0] - b[0] || a[1].localeCompare(b[1]) || (a[2] < b[2] ? -1 : 1); });
    state.matches = found.map(function (f) { return f[2]; });
    if (!found.length) {
      status.textContent = W.noMatch;
      status.className = "none";
      return;
    }
    status.textContent = W.matches.replace("{n}", String(found.length));
    found.slice(0, 30).forEach(function (f) {
      var n = byId.get(f[2]);
      var li = el("li");
      var button = el("button");
      button.type = "button";
      button.setAttribute("data-id", n.id);
      button.appendChild(el("span", n.name + " "));
      button.appendChild(el("span", n.kindLabel, "kind"));
      button.addEventListener("click", function () { clearResults(); selectNode(n.id, true); });
      li.appendChild(button);
      results.appendChild(li);
    });
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && state.matches && state.matches.length) {
      clearResults();
      selectNode(state.matches[0], true);
    } else if (event.key === "Escape") { clearResults(); }
  });

  /* -- filters (hide), ego depth, year range ----------------------------------------------- */
  var nodeBoxes = Array.prototype.slice.call(document.querySelectorAll("input.filter-node"));
  var edgeBoxes = Array.prototype.slice.call(document.querySelectorAll("input.filter-edge"));
  var depthSelect = document.getElementById("ego-depth");
  var yearFrom = document.getElementById("year-from");
  var yearTo = document.getElementById("year-to");
  var shown = document.getElementById("shown");
  function checked(boxes) {
    var on = new Set();
    boxes.forEach(function (b) { if (b.checked) { on.add(b.value); } });
    return on;
  }
  function inYears(year) {
    if (!yearFrom || year === null || year === undefined) { return true; }
    return year >= Number(yearFrom.value) && year <= Number(yearTo.value);
  }
  var edgeHidden = new Set();
  function refresh() {
    var kinds = checked(nodeBoxes), edgeKinds = checked(edgeBoxes);
    var depth = depthSelect ? Number(depthSelect.value) : null;
    var before = hiddenNodes;
    hiddenNodes = new Set();
    var nodeUpdates = [];
    data.nodes.forEach(function (n) {
      var on = kinds.has(n.kind) && (depth === null || n.depth === null || n.depth <= depth) && inYears(n.year);
      if (!on) { hiddenNodes.add(n.id); }
      if (on === before.has(n.id)) { nodeUpdates.push({ id: n.id, hidden: !on }); }  /* changed only */
    });
    var visibleEdges = 0;
    var edgeUpdates = [];
    var nowHidden = new Set();
    data.edges.forEach(function (e) {
      var on = edgeKinds.has(e.kind) && inYears(e.year) && !hiddenNodes.has(e.from) && !hiddenNodes.has(e.to);
      if (on) { visibleEdges += 1; } else { nowHidden.add(e.id); }
      if (on === edgeHidden.has(e.id)) { edgeUpdates.push({ id: e.id, hidden: !on }); }
    });
    edgeHidden = nowHidden;
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    var visibleNodes = data.nodes.length - hiddenNodes.size;
    state.visible = { nodes: visibleNodes, edges: visibleEdges };
    shown.textContent = String(visibleNodes) + " / " + String(data.nodes.length) + " " + W.nodes
      + (data.axis ? "" : ", " + String(visibleEdges) + " / " + String(data.edges.length) + " " + W.edges);
    schedulePlacement();
  }
  nodeBoxes.concat(edgeBoxes).forEach(function (b) { b.addEventListener("change", refresh); });
  if (depthSelect) {
    depthSelect.addEventListener("change", function () { refresh(); fitVisible(); });
  }
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
  document.getElementById("filter-reset").addEventListener("click", function () {
    nodeBoxes.concat(edgeBoxes).forEach(function (b) { b.checked = true; });
    if (yearFrom) { yearFrom.value = yearFrom.min; yearTo.value = yearTo.max; showYears(); }
    clearHighlight();
    refresh();
    fitVisible();
  });
  function fitVisible() {
    if (!hiddenNodes.size) { network.fit({ animation: false }); schedulePlacement(); return; }
    var ids = data.nodes.filter(function (n) { return !hiddenNodes.has(n.id); }).map(function (n) { return n.id; });
    network.fit({ nodes: ids, animation: false });
    schedulePlacement();
  }

  state.highlight = highlight;
  state.refresh = refresh;
  state.placeLabels = placeLabels;
  state.hidden = function () { return Array.from(hiddenNodes).sort(); };
  refresh();
  fitVisible();  /* the labels are placed on the next frame, which marks the page drawn */
})();
