(function () {
  "use strict";
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var fold = function (text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };

  // Sorting: each header of a table.sortable becomes a button; empty cells stay last in either direction.
  function sortBy(table, column, th) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    each(th.parentNode.cells, function (cell) { cell.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var keyed = Array.prototype.map.call(body.rows, function (row, i) {
      var cell = row.cells[column];
      var key = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
      return { row: row, key: key, i: i };
    });
    keyed.sort(function (a, b) {
      if (!a.key || !b.key) { return (a.key ? 0 : 1) - (b.key ? 0 : 1) || a.i - b.i; }
      var order = collator.compare(a.key, b.key);
      return (ascending ? order : -order) || a.i - b.i;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) { fragment.appendChild(k.row); });
    body.appendChild(fragment);
  }
  each(document.querySelectorAll("table.sortable"), function (table) {
    each(table.tHead.rows[0].cells, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, column, th); });
    });
  });

  // Filtering: every word typed must appear in the row (case and accents ignored).
  var input = document.getElementById("filter");
  var works = document.getElementById("works");
  if (!input || !works) { return; }
  var status = document.getElementById("filter-status");
  var rows = Array.prototype.slice.call(works.tBodies[0].rows);
  var texts = rows.map(function (row) { return fold(row.textContent); });
  function apply() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var text = texts[i];
      var hit = words.every(function (word) { return text.indexOf(word) !== -1; });
      if (rows[i].hidden === hit) { rows[i].hidden = !hit; }
      if (hit) { shown++; }
    }
    status.textContent = shown === rows.length ? "Showing all " + rows.length + " works"
      : "Showing " + shown + " of " + rows.length + " works";
  }
  input.addEventListener("input", apply);
  input.closest(".search").hidden = false;
  if (input.value) { apply(); }
})();
