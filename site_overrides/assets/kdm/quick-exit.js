/* Quick exit: leave the site with one tap, or Shift pressed three times.
 *
 * Works without this script: the button is a real link to a neutral page. With it, the page is hidden
 * and its title blanked synchronously, then location.replace() takes the place of this page in the
 * tab's history. The script is loaded in <head>, small and dependency-free, and listens on the document,
 * so it works while the rest of the page (theme bundle, map) is still loading. Nothing is stored.
 * The Shift counting is pure (tests/js/quick-exit.test.js runs it under Node); start() is the page. */
(function (api) {  // Node (tests/js/) takes the pure core; a page runs it.
  if (typeof module === "object" && module.exports) module.exports = api; else api.start(window);
}((function () {
  "use strict";
  var TIMEOUT = 5000;

  // Counts clean Shift presses: three within TIMEOUT ms of each other leave the site. A Shift used to type
  // a capital letter is not a press, and any other key resets the count. Each call returns what to
  // announce: "", "press-two-more", "press-one-more", "timed-out" or "activated".
  function ShiftCounter() {
    this.presses = 0;
    this.last = 0;
    this.held = {};             // Shift keys currently down, by code (ShiftLeft / ShiftRight)
    this.usedAsModifier = false; // another key went down while Shift was held: a capital letter, not a press
  }
  ShiftCounter.prototype.down = function (key, code) {
    if (key === "Shift") { this.held[code || "Shift"] = true; return ""; }
    if (Object.keys(this.held).length > 0) this.usedAsModifier = true;
    if (this.presses) { this.presses = 0; return "timed-out"; }
    return "";
  };
  ShiftCounter.prototype.up = function (key, code, now) {
    if (key !== "Shift") return "";
    delete this.held[code || "Shift"];
    if (Object.keys(this.held).length) return "";  // both Shift keys: one press when the last is released
    if (this.usedAsModifier) { this.usedAsModifier = false; return ""; }
    if (this.presses && now - this.last > TIMEOUT) this.presses = 0;
    this.presses += 1;
    this.last = now;
    if (this.presses >= 3) { this.presses = 0; return "activated"; }
    return this.presses === 1 ? "press-two-more" : "press-one-more";
  };
  ShiftCounter.prototype.expire = function () {
    if (!this.presses) return "";
    this.presses = 0;
    return "timed-out";
  };
  ShiftCounter.prototype.reset = function () { ShiftCounter.call(this); };

  function start(window) {
    var document = window.document;
    var counter = new ShiftCounter();
    var timer = null;
    var title = null;

    function component() { return document.querySelector("[data-kdm-quick-exit]"); }

    function announce(key) {
      var widget = component();
      var status = widget && widget.querySelector("[data-kdm-quick-exit-status]");
      if (status && key) status.textContent = widget.getAttribute("data-i18n-" + key) || "";
    }

    function exit(url) {
      var widget = component();
      url = url || (widget && widget.querySelector("a[href]").href);
      if (!url) return;
      title = document.title;
      document.documentElement.classList.add("kdm-quick-exit-active");
      document.title = "\u200b";
      try { window.location.replace(url); } catch (e) { window.location.href = url; }
    }

    function stopTimer() { if (timer) { window.clearTimeout(timer); timer = null; } }

    document.addEventListener("click", function (event) {
      var link = event.target && event.target.closest && event.target.closest("[data-kdm-quick-exit-link]");
      if (!link || event.button !== 0 || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      exit(link.href);
    }, true);

    document.addEventListener("keydown", function (event) {
      var said = counter.down(event.key, event.code);
      if (said) { stopTimer(); announce(said); }
    }, true);

    document.addEventListener("keyup", function (event) {
      var said = counter.up(event.key, event.code, Date.now());
      if (!said) return;
      stopTimer();
      announce(said);
      if (said === "activated") { exit(); return; }
      timer = window.setTimeout(function () { timer = null; announce(counter.expire()); }, TIMEOUT);
    }, true);

    // Back/forward cache: a restored page must not stay blank.
    window.addEventListener("pageshow", function () {
      document.documentElement.classList.remove("kdm-quick-exit-active");
      if (title !== null) { document.title = title; title = null; }
      counter.reset();
      stopTimer();
      var status = document.querySelector("[data-kdm-quick-exit-status]");
      if (status) status.textContent = component().getAttribute("data-i18n-ready") || "";
    });
  }

  return { ShiftCounter: ShiftCounter, TIMEOUT: TIMEOUT, start: start };
}())));
