/* Quick exit: leave the site with one tap, or Shift pressed three times.
 *
 * Works without this script: the button is a real link to a neutral page. With it, the page is hidden
 * and its title blanked synchronously, then location.replace() takes the place of this page in the
 * tab's history. The script is loaded in <head>, small and dependency-free, and listens on the document,
 * so it works while the rest of the page (theme bundle, map) is still loading. Nothing is stored. */
(function () {
  "use strict";
  var TIMEOUT = 5000;
  var presses = 0;
  var last = 0;
  var held = {};             // Shift keys currently down, by code (ShiftLeft / ShiftRight)
  var usedAsModifier = false; // another key went down while Shift was held: a capital letter, not a press
  var timer = null;
  var title = null;

  function component() { return document.querySelector("[data-kdm-quick-exit]"); }

  function announce(key) {
    var root = component();
    var status = root && root.querySelector("[data-kdm-quick-exit-status]");
    if (status) status.textContent = root.getAttribute("data-i18n-" + key) || "";
  }

  function exit(url) {
    var root = component();
    url = url || (root && root.querySelector("a[href]").href);
    if (!url) return;
    title = document.title;
    document.documentElement.classList.add("kdm-quick-exit-active");
    document.title = "\u200b";
    try { window.location.replace(url); } catch (e) { window.location.href = url; }
  }

  function reset() {
    presses = 0;
    if (timer) { clearTimeout(timer); timer = null; }
  }

  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest && event.target.closest("[data-kdm-quick-exit-link]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    exit(link.href);
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") { held[event.code || "Shift"] = true; return; }
    var shiftDown = Object.keys(held).length > 0;
    if (shiftDown) usedAsModifier = true;
    if (presses) { reset(); announce("timed-out"); }
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    delete held[event.code || "Shift"];
    if (Object.keys(held).length) return;       // both Shift keys: one press when the last is released
    if (usedAsModifier) { usedAsModifier = false; return; }
    var now = Date.now();
    if (presses && now - last > TIMEOUT) presses = 0;
    presses += 1;
    last = now;
    if (timer) clearTimeout(timer);
    if (presses >= 3) { reset(); announce("activated"); exit(); return; }
    announce(presses === 1 ? "press-two-more" : "press-one-more");
    timer = setTimeout(function () { reset(); announce("timed-out"); }, TIMEOUT);
  }, true);

  // Back/forward cache: a restored page must not stay blank.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("kdm-quick-exit-active");
    if (title !== null) { document.title = title; title = null; }
    held = {};
    usedAsModifier = false;
    reset();
    announce("ready");
  });
}());
