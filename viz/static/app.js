/* missiongraph network page: legend, filters, search, tooltips, links.
 *
 * Every string from the graph is document text and untrusted: it only ever reaches the page through
 * textContent, element.title or a CSS property, never as markup.
 */
(function () {
  "use strict";

  // Milestones in ms since navigation start, read by bench/bench_viz.py.
  var timings = window.mgTimings = { scriptStart: performance.now() };
  var data = JSON.parse(document.getElementById("mg-data").textContent);
  window.mgData = data;
  timings.parsed = performance.now();

  // Legend swatches: the node shapes of vis-network, drawn as small SVGs (points in a 20 x 16 box).
  var SVG = "http://www.w3.org/2000/svg";
  var SHAPE_SVG = {
    dot: ["circle", { cx: 10, cy: 8, r: 6 }],
    circle: ["circle", { cx: 10, cy: 8, r: 6 }],
    box: ["rect", { x: 1, y: 3, width: 18, height: 10, rx: 2 }],
    text: ["rect", { x: 1, y: 3, width: 18, height: 10, rx: 2 }],
    square: ["rect", { x: 4, y: 2, width: 12, height: 12 }],
    ellipse: ["ellipse", { cx: 10, cy: 8, rx: 9, ry: 5 }],
    database: ["path", { d: "M3 4 A7 2.5 0 0 1 17 4 V12 A7 2.5 0 0 1 3 12 Z" }],
    diamond: ["polygon", { points: "10,1 17,8 10,15 3,8" }],
    triangle: ["polygon", { points: "10,2 17,14 3,14" }],
    triangleDown: ["polygon", { points: "3,2 17,2 10,14" }],
    hexagon: ["polygon", { points: "6,2 14,2 18,8 14,14 6,14 2,8" }],
    star: ["polygon", { points: "10,1 12,6 17.6,6.2 13.2,9.6 14.7,15 10,11.8 5.3,15 6.8,9.6 2.4,6.2 8,6" }]
  };

  function shapeSwatch(shape, color) {
    var spec = SHAPE_SVG[shape] || SHAPE_SVG.dot;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "mg-swatch");
    svg.setAttribute("viewBox", "0 0 20 16");
    svg.setAttribute("width", "20");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    var mark = document.createElementNS(SVG, spec[0]);
    Object.keys(spec[1]).forEach(function (name) { mark.setAttribute(name, String(spec[1][name])); });
    mark.style.fill = color;
    mark.style.stroke = "rgba(0, 0, 0, 0.35)";
    svg.appendChild(mark);
    return svg;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Tooltips as DOM text: vis-network shows an Element as is.
  function tooltip(text) {
    return el("div", "mg-tip", text);
  }

  function isWebUrl(url) {
    return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url);
  }

  // Unpack (see page_data in html.py): string refs back to strings, edge ends back to node ids, tooltips to
  // DOM text.
  var strings = data.strings;
  function unpack(item, fields) {
    var out = Object.assign({}, item);
    fields.forEach(function (name) {
      if (typeof item[name] === "number") out[name] = strings[item[name]];
    });
    if (Array.isArray(item.title)) {
      out.title = tooltip(item.title.map(function (i) { return strings[i]; }).join("\n"));
    }
    return out;
  }
  function objects(table) {
    return table.rows.map(function (row) {
      var item = {};
      for (var i = 0; i < row.length; i++) {
        if (row[i] !== null) item[table.fields[i]] = row[i];
      }
      return item;
    });
  }
  var nodeItems = objects(data.nodes).map(function (n) { return unpack(n, data.packed.nodes); });
  var edgeItems = objects(data.edges).map(function (e) {
    var item = unpack(e, data.packed.edges);
    item.from = nodeItems[e.from].id;
    item.to = nodeItems[e.to].id;
    return item;
  });
  var nodes = window.mgNodes = new vis.DataSet(nodeItems);
  var edges = window.mgEdges = new vis.DataSet(edgeItems);
  timings.datasets = performance.now();

  var hiddenLabels = new Set();
  var hiddenRels = new Set();
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return !hiddenLabels.has(n.schemaLabel); }
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) { return !hiddenRels.has(e.relType); }
  });

  // Listeners first, data second: no event can fire before we listen.
  var container = document.getElementById("mg-network");
  var network = new vis.Network(container, {}, data.options);
  window.mgNetwork = network;
  network.once("afterDrawing", function () {
    window.mgFirstDraw = timings.firstDraw = performance.now();
    document.body.setAttribute("data-drawn", "1");
  });
  network.once("stabilizationIterationsDone", function () {
    window.mgStabilized = timings.stabilized = performance.now();
  });
  network.setData({ nodes: nodeView, edges: edgeView });
  timings.network = performance.now();

  // Kamerstukken and resolutions carry their official page: a click opens it in a new tab.
  network.on("click", function (params) {
    if (params.nodes.length !== 1) return;
    var node = nodes.get(params.nodes[0]);
    if (node && isWebUrl(node.url)) window.open(node.url, "_blank", "noopener,noreferrer");
  });

  // ---- status line -------------------------------------------------------------------------------------------
  var status = document.getElementById("mg-status");
  function updateStatus() {
    var text = nodeView.length + " of " + nodeItems.length + " nodes \u00B7 " +
      edgeView.getIds({ filter: function (e) { return nodeView.get(e.from) && nodeView.get(e.to); } }).length +
      " of " + edgeItems.length + " edges";
    if (data.large) text += " \u00B7 large graph: layout precomputed, physics off";
    status.textContent = text;
  }

  // ---- legend and filters ------------------------------------------------------------------------------------
  function legendRow(list, entry, swatch, hidden, view) {
    var li = el("li");
    var label = el("label");
    label.title = entry.description || "";
    if (hidden) {
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.setAttribute("data-name", entry.name);
      box.addEventListener("change", function () {
        if (box.checked) hidden.delete(entry.name); else hidden.add(entry.name);
        view.refresh();
        updateStatus();
      });
      label.appendChild(box);
    }
    label.appendChild(swatch);
    label.appendChild(el("span", "mg-name", entry.name));
    if (entry.count !== undefined) label.appendChild(el("span", "mg-count", entry.count));
    li.appendChild(label);
    list.appendChild(li);
  }

  var legend = data.legend || { labels: [], relationships: [], stances: [] };
  var labelList = document.getElementById("mg-labels");
  legend.labels.forEach(function (entry) {
    var swatch = shapeSwatch(entry.shape, entry.color);
    legendRow(labelList, entry, swatch, hiddenLabels, nodeView);
  });
  var relList = document.getElementById("mg-rels");
  legend.relationships.forEach(function (entry) {
    var swatch = el("span", "mg-line");
    swatch.style.borderTopColor = entry.color;
    legendRow(relList, entry, swatch, hiddenRels, edgeView);
  });
  if (legend.stances && legend.stances.length) {
    document.getElementById("mg-stance-section").hidden = false;
    var stanceList = document.getElementById("mg-stances");
    legend.stances.forEach(function (entry) {
      var swatch = el("span", "mg-line");
      swatch.style.borderTopColor = entry.color;
      if (entry.dashed) swatch.style.borderTopStyle = "dashed";
      legendRow(stanceList, entry, swatch, null, null);
    });
  }
  updateStatus();

  // ---- search ------------------------------------------------------------------------------------------------
  var searchIndex = nodeItems.map(function (n) {
    var caption = String(n.caption || n.label || n.id);
    var key = n.key !== undefined ? String(n.key) : String(n.id).slice(String(n.id).indexOf(":") + 1);
    return {
      id: n.id, label: n.schemaLabel, caption: caption,
      fields: [caption, String(n.id), key].map(function (s) { return s.toLowerCase(); })
    };
  });

  // Exact matches of caption, id or key first, then prefixes, then substrings.
  function find(query) {
    var q = String(query || "").trim().toLowerCase();
    if (!q) return [];
    var exact = [], prefix = [], inside = [];
    searchIndex.forEach(function (entry) {
      if (entry.fields.indexOf(q) >= 0) exact.push(entry);
      else if (entry.fields.some(function (f) { return f.indexOf(q) === 0; })) prefix.push(entry);
      else if (entry.fields.some(function (f) { return f.indexOf(q) > 0; })) inside.push(entry);
    });
    return exact.concat(prefix, inside);
  }

  function focusNode(id) {
    var node = nodes.get(id);
    if (!node) return;
    if (hiddenLabels.has(node.schemaLabel)) {  // show the label again rather than fail silently
      hiddenLabels.delete(node.schemaLabel);
      labelList.querySelectorAll("input").forEach(function (box) {
        if (box.getAttribute("data-name") === node.schemaLabel) box.checked = true;
      });
      nodeView.refresh();
      updateStatus();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300 } });
  }

  var input = document.getElementById("mg-search");
  var results = document.getElementById("mg-results");
  var MAX_RESULTS = 15;

  function showResults(matches) {
    results.textContent = "";
    matches.slice(0, MAX_RESULTS).forEach(function (entry) {
      var li = el("li");
      var button = el("button", "mg-result");
      button.type = "button";
      button.appendChild(el("span", "mg-name", entry.caption));
      button.appendChild(el("span", "mg-count", entry.label));
      button.addEventListener("click", function () {
        focusNode(entry.id);
        results.textContent = "";
      });
      li.appendChild(button);
      results.appendChild(li);
    });
    if (matches.length > MAX_RESULTS) {
      results.appendChild(el("li", "mg-more", (matches.length - MAX_RESULTS) + " more: type more letters"));
    }
  }

  input.addEventListener("input", function () {
    showResults(input.value.trim() ? find(input.value) : []);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var matches = find(input.value);
      if (matches.length) focusNode(matches[0].id);
      results.textContent = "";
    } else if (event.key === "Escape") {
      results.textContent = "";
    }
  });

  // For tests and the console: find, focus and select; returns the matching ids, best first.
  window.mgFind = function (query) {
    var matches = find(query);
    if (matches.length) focusNode(matches[0].id);
    return matches.map(function (entry) { return entry.id; });
  };
})();
