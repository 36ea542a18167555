/* missiongraph network page: legend, filters, search, tooltips, links.
 *
 * Every string from the graph is document text and untrusted: it only ever reaches the page through
 * textContent, element.title or a CSS property, never through innerHTML.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("mg-data").textContent);
  window.mgData = data;

  var SHAPE_GLYPHS = {
    dot: "\u25CF", circle: "\u25CF", box: "\u25AC", square: "\u25A0", diamond: "\u25C6", star: "\u2605",
    triangle: "\u25B2", triangleDown: "\u25BC", hexagon: "\u2B22", ellipse: "\u2B2C", database: "\u26C1",
    text: "T"
  };

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

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var item = Object.assign({}, n);
    if (typeof n.title === "string") item.title = tooltip(n.title);
    return item;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var item = Object.assign({}, e);
    if (typeof e.title === "string") item.title = tooltip(e.title);
    return item;
  }));

  var hiddenLabels = new Set();
  var hiddenRels = new Set();
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return !hiddenLabels.has(n.schemaLabel); }
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) { return !hiddenRels.has(e.relType); }
  });

  var container = document.getElementById("mg-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  window.mgNetwork = network;

  network.once("afterDrawing", function () {
    window.mgFirstDraw = performance.now();
    document.body.setAttribute("data-drawn", "1");
  });
  network.once("stabilizationIterationsDone", function () {
    window.mgStabilized = performance.now();
  });

  // Kamerstukken and resolutions carry their official page: a click opens it in a new tab.
  network.on("click", function (params) {
    if (params.nodes.length !== 1) return;
    var node = nodes.get(params.nodes[0]);
    if (node && isWebUrl(node.url)) window.open(node.url, "_blank", "noopener,noreferrer");
  });

  // ---- status line -------------------------------------------------------------------------------------------
  var status = document.getElementById("mg-status");
  function updateStatus() {
    var text = nodeView.length + " of " + data.nodes.length + " nodes \u00B7 " +
      edgeView.getIds({ filter: function (e) { return nodeView.get(e.from) && nodeView.get(e.to); } }).length +
      " of " + data.edges.length + " edges";
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
    var swatch = el("span", "mg-swatch", SHAPE_GLYPHS[entry.shape] || SHAPE_GLYPHS.dot);
    swatch.style.color = entry.color;
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
  var searchIndex = data.nodes.map(function (n) {
    return {
      id: n.id, label: n.schemaLabel, caption: String(n.caption || n.label || n.id),
      fields: [String(n.caption || ""), String(n.id), String(n.key || "")].map(function (s) { return s.toLowerCase(); })
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
