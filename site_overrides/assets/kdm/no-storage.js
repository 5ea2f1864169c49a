/* Material's page helpers, without storage. Material keeps the palette, dismissed banners, tabs and
 * repository facts in localStorage/sessionStorage through __md_get/__md_set; on a watched device every
 * stored item is a trace, so reads find nothing and writes are dropped. */
(function (script) {
  "use strict";
  window.__md_scope = new URL(script.getAttribute("data-scope") || ".", location);
  window.__md_hash = function (value) {
    return Array.prototype.reduce.call(value, function (hash, ch) { return (hash << 5) - hash + ch.charCodeAt(0); }, 0);
  };
  window.__md_get = function () { return null; };
  window.__md_set = function () {};
}(document.currentScript));
