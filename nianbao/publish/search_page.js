/* The search page (search.html): Pagefind UI over the index built with the site.
 * Written to pagefind/search-page.js by nianbao/publish/search.py, which fills in BUNDLES:
 * the index is split into bundles pagefind/<bundle>/, the first is loaded and the others
 * merged into it (Pagefind UI's mergeIndex). A separate file, not an inline script, so the
 * page's CSP needs no 'unsafe-inline'. Every path is relative to this script, so search
 * works at a domain root and under any sub-path. */
(function () {
  "use strict";
  var BUNDLES = ["0"];
  // The folder of this script (pagefind/), read while it runs.
  var script = document.currentScript;
  var base = script && script.src ? new URL(".", script.src).pathname : "pagefind/";
  var box = document.getElementById("search");
  if (!box) return;

  function note(text) {
    box.textContent = "";
    var p = document.createElement("p");
    p.className = "search-note";
    p.textContent = text;
    box.appendChild(p);
  }

  // Pagefind loads its index with fetch(), which browsers refuse for file:// pages.
  if (location.protocol === "file:") {
    note("从本地文件（file://）打开本站时，浏览器不允许读取搜索索引，因此无法搜索。请通过网站访问，或在项目目录运行 python build.py serve 后打开 http://127.0.0.1:8000/search.html。其他页面不受影响。");
    return;
  }
  if (typeof window.PagefindUI !== "function") {
    note("搜索组件没有加载，暂时无法搜索。可以从总览页的报告列表查找。");
    return;
  }
  box.textContent = "";
  var ui = new window.PagefindUI({
    element: "#search",
    bundlePath: base + BUNDLES[0] + "/",
    mergeIndex: BUNDLES.slice(1).map(function (name) { return { bundlePath: base + name + "/" }; }),
    showImages: false,
    showSubResults: true,
    autofocus: true,
    translations: { placeholder: "搜索机关、年度、条目，如 金林区、行政复议、不予公开" }
  });
  // The search box in every page's header submits here as ?q=…
  var q = new URLSearchParams(location.search).get("q");
  if (q) {
    ui.triggerSearch(q);
    var header = document.querySelector("header form[role=search] input[name=q]");
    if (header) header.value = q;  // keep the query visible where it was typed
  }
})();
