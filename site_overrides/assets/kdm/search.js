/* Search in the reader's language. The index of this language is fetched only when she starts to search.
 * Folding must match builder/engine/search.py's fold(). Results are built from text nodes. fold() and
 * find() are pure (tests/js/search.test.js runs them under Node); the rest is the page. */
(function (api) {  // Node (tests/js/) takes the pure core; a page runs it.
  if (typeof module === "object" && module.exports) module.exports = api; else { window.kdmSearch = api; api.start(window.document); }
}((function () {
  "use strict";
  var LATIN = { "ı": "i", "İ": "i", "I": "i" };
  var ARABIC = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ک": "ك", "ـ": "" };

  function fold(text) {
    text = text.replace(/[ıİI]/g, function (c) { return LATIN[c]; }).toLowerCase();
    text = text.replace(/[أإآٱىیئؤةکـ]/g, function (c) { return ARABIC[c]; });
    text = text.replace(/[\u064b-\u065f\u0670\u06d6-\u06ed]/g, "");
    text = text.normalize("NFKD").replace(/\p{M}/gu, "");
    return text.replace(/[^\p{L}\p{N}_]+/gu, " ").trim();
  }

  // Rows of the index (builder/engine/search.py): [url, title, snippet, folded words]. Every word of the
  // query must begin a word of the page; pages whose title has every word come first.
  function find(index, query) {
    var words = fold(query).split(" ").filter(Boolean);
    if (!words.length) return [];
    var hits = index.filter(function (row) {
      var hay = " " + row[3];
      // Arabic joins the article to the word: "حماية" also finds "الحماية".
      return words.every(function (w) { return hay.indexOf(" " + w) >= 0 || hay.indexOf(" ال" + w) >= 0; });
    });
    function inTitle(row) { return words.every(function (w) { return fold(row[1]).indexOf(w) >= 0; }) ? 0 : 1; }
    return hits.map(function (row, i) { return [inTitle(row), i, row]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
      .map(function (x) { return x[2]; });
  }

  function start(document) {
    var form = document.querySelector("[data-kdm-search]");
    if (!form) return;
    var input = form.querySelector("input[type=search]");
    var list = document.querySelector("[data-kdm-search-results]");
    var status = document.querySelector("[data-kdm-search-status]");
    var root = form.getAttribute("data-root");
    var index = null;

    function render(query) {
      list.textContent = "";
      if (!index || !fold(query)) { status.textContent = ""; return; }
      var hits = find(index, query);
      hits.slice(0, 50).forEach(function (row) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = root + row[0];
        a.textContent = row[1];
        var p = document.createElement("p");
        p.textContent = row[2];
        li.appendChild(a);
        li.appendChild(p);
        list.appendChild(li);
      });
      status.textContent = (hits.length === 1 ? form.getAttribute("data-one") : form.getAttribute("data-many"))
        .replace("{n}", hits.length);
    }

    form.hidden = false;
    var note = document.querySelector("[data-kdm-search-nojs]");
    if (note) note.hidden = true;
    // The index is fetched when she starts to search, not with the page: it grows with the registry.
    var loading = null;
    function load() {
      if (!loading) {
        loading = fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); })
          .then(function (rows) { index = rows; render(input.value); });
      }
      return loading;
    }
    var q = new URLSearchParams(location.search).get("q");
    if (q) { input.value = q; load(); }
    input.addEventListener("focus", load);
    input.addEventListener("input", function () { load(); render(input.value); });
    form.addEventListener("submit", function (event) { event.preventDefault(); load().then(function () { render(input.value); }); });
  }

  return { fold: fold, find: find, start: start };
}())));
