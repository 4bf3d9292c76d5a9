(function () {
  "use strict";
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var fold = function (text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
  var works = document.getElementById("works");
  var input = document.getElementById("filter");
  var PAGE = 25;
  var rows = works ? Array.prototype.slice.call(works.tBodies[0].rows) : [];
  var paged = rows.length > 100;
  var limit = paged ? PAGE : Infinity;

  // Sorting: each header of a table.sortable becomes a button; empty cells stay last in either direction.
  function sorted(list, column, ascending) {
    var keyed = list.map(function (row, i) {
      var cell = row.cells[column];
      var key = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
      return { row: row, key: key, i: i };
    });
    keyed.sort(function (a, b) {
      if (!a.key || !b.key) { return (a.key ? 0 : 1) - (b.key ? 0 : 1) || a.i - b.i; }
      var order = collator.compare(a.key, b.key);
      return (ascending ? order : -order) || a.i - b.i;
    });
    return keyed.map(function (k) { return k.row; });
  }
  function sortBy(table, column, th) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    each(th.parentNode.cells, function (cell) { cell.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    if (table === works) {
      rows = sorted(rows, column, ascending);
      limit = paged ? PAGE : Infinity;
      apply();
      return;
    }
    var body = table.tBodies[0];
    sorted(Array.prototype.slice.call(body.rows), column, ascending).forEach(function (row) { body.appendChild(row); });
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

  // Filtering: every word typed must appear in the row (case and accents ignored). Only matching rows stay in
  // the table, and of a long list only a page at a time (more come as the reader scrolls or prints), so that a
  // keystroke touches and lays out a page of rows at most, whatever the number of works.
  if (!works || !input) { return; }
  var body = works.tBodies[0];
  var status = document.getElementById("filter-status");
  var more = document.getElementById("more");
  rows.forEach(function (row) { row.scholarText = fold(row.textContent); });
  function matching(max) {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var found = [], count = 0;
    for (var i = 0; i < rows.length; i++) {
      var text = rows[i].scholarText, hit = true;
      for (var w = 0; w < words.length && hit; w++) { hit = text.indexOf(words[w]) !== -1; }
      if (hit) {
        if (count < max) { found.push(rows[i]); }
        count++;
      }
    }
    return { rows: found, count: count };
  }
  function show(next) {
    next.forEach(function (row) { row.scholarNext = true; });
    each(Array.prototype.slice.call(body.rows), function (row) { if (!row.scholarNext) { body.removeChild(row); } });
    next.forEach(function (row, i) {
      var at = body.rows[i];
      if (at !== row) { body.insertBefore(row, at || null); }
      row.scholarNext = false;
    });
  }
  function apply() {
    var found = matching(limit), total = rows.length, shown = found.rows.length;
    show(found.rows);
    var text = found.count === total ? "Showing all " + total + " works"
      : "Showing " + found.count + " of " + total + " works";
    if (shown < found.count) {
      text = (found.count === total ? "Showing the first " + shown + " of " + total + " works"
        : found.count + " of " + total + " works match; showing the first " + shown) + " (more as you scroll)";
    }
    status.textContent = text;
    more.closest(".more").hidden = shown >= found.count;
  }
  function showMore() { limit += PAGE; apply(); }
  input.addEventListener("input", function () { limit = paged ? PAGE : Infinity; apply(); });
  more.addEventListener("click", showMore);
  if ("IntersectionObserver" in window) {
    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { showMore(); }
    }, { rootMargin: "1200px" }).observe(more);
  }
  window.addEventListener("beforeprint", function () { show(matching(Infinity).rows); });  // paper gets them all
  window.addEventListener("afterprint", apply);
  apply();
  input.closest(".search").hidden = false;
})();
