// Progressive enhancement only: every page works without this file.
// Tables with class "sortable" get header buttons that sort the rows (numbers by data-sort
// or their text, blanks and "—" last). Nothing is fetched.
(function () {
  "use strict";
  function key(cell) {
    if (!cell) return "";
    var raw = cell.getAttribute("data-sort");
    return raw !== null ? raw : cell.textContent.trim();
  }
  function compare(a, b) {
    var blankA = a === "" || a === "—", blankB = b === "" || b === "—";
    if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
    var na = parseFloat(a.replace(/[,%]/g, "")), nb = parseFloat(b.replace(/[,%]/g, ""));
    if (!isNaN(na) && !isNaN(nb)) return na - nb;
    return a.localeCompare(b, "zh-CN");
  }
  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    rows.sort(function (r1, r2) { return dir * compare(key(r1.cells[index]), key(r2.cells[index])); });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
  }
  function enhance(table) {
    if (!table.tHead || table.tHead.rows.length !== 1) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      button.addEventListener("click", function () { sortBy(table, index, th); });
      th.textContent = "";
      th.appendChild(button);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), enhance);
  });
})();
