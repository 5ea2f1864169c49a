/* Search in the reader's language. The index of this language is fetched only when the search page is
 * opened. Folding must match builder/search.py's fold(). Results are built from text nodes. */
(function () {
  "use strict";
  var form = document.querySelector("[data-kdm-search]");
  var LATIN = { "ı": "i", "İ": "i", "I": "i" };
  var ARABIC = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ک": "ك", "ـ": "" };

  function fold(text) {
    text = text.replace(/[ıİI]/g, function (c) { return LATIN[c]; }).toLowerCase();
    text = text.replace(/[أإآٱىیئؤةکـ]/g, function (c) { return ARABIC[c]; });
    text = text.replace(/[\u064b-\u065f\u0670\u06d6-\u06ed]/g, "");
    text = text.normalize("NFKD").replace(/\p{M}/gu, "");
    return text.replace(/[^\p{L}\p{N}_]+/gu, " ").trim();
  }

  window.kdmSearch = { fold: fold };  // tests compare it with builder/search.py's fold()
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var list = document.querySelector("[data-kdm-search-results]");
  var status = document.querySelector("[data-kdm-search-status]");
  var root = form.getAttribute("data-root");
  var index = null;

  function render(query) {
    list.textContent = "";
    var words = fold(query).split(" ").filter(Boolean);
    if (!words.length || !index) { status.textContent = ""; return; }
    var hits = index.filter(function (row) {
      var hay = " " + row[3];
      // Arabic joins the article to the word: "حماية" also finds "الحماية".
      return words.every(function (w) { return hay.indexOf(" " + w) >= 0 || hay.indexOf(" ال" + w) >= 0; });
    });
    hits.sort(function (a, b) {
      var at = words.every(function (w) { return fold(a[1]).indexOf(w) >= 0; }) ? 0 : 1;
      var bt = words.every(function (w) { return fold(b[1]).indexOf(w) >= 0; }) ? 0 : 1;
      return at - bt;
    });
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
}());
