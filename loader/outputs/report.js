// The report page's filters (report.html.j2): show the items of one kind, with the stances ticked. Reads only the
// page's own data-* attributes and writes only the hidden flags and a count (as text).
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("article.item"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.kind"));
  var shown = document.getElementById("shown");

  function update() {
    var kind = form.querySelector("input[name=kind]:checked").value;
    var stances = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=stance]:checked"), function (box) {
      stances[box.value] = true;
    });
    var count = 0;
    items.forEach(function (item) {
      var ofKind = kind === "all" || item.getAttribute("data-kind") === kind;
      var ofStance = item.getAttribute("data-stances").split(" ").some(function (s) { return stances[s]; });
      item.hidden = !(ofKind && ofStance);
      if (!item.hidden) { count += 1; }
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("article.item:not([hidden])");
    });
    shown.textContent = count + " of " + items.length + " items";
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.mgReport = { items: items.length, update: update };
}());
