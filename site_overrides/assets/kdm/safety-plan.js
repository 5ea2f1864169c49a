/* The safety plan's fill-in fields: what she types stays on the screen and on paper only. Nothing is stored;
 * the fields are emptied when she leaves the page (so Back, the back-forward cache and a reload show them
 * empty), and they grow with their text so that printing shows all of it. Without this script the fields
 * still work and, with autocomplete="off", the browser does not restore them. */
(function () {
  "use strict";
  var fields = Array.prototype.slice.call(document.querySelectorAll("[data-kdm-plan-field]"));
  if (!fields.length) return;
  function fit(field) { field.style.height = "auto"; field.style.height = field.scrollHeight + 4 + "px"; }
  function clear() { fields.forEach(function (f) { f.value = ""; fit(f); }); }
  fields.forEach(function (field) {
    field.setAttribute("autocomplete", "off");
    field.addEventListener("input", function () { fit(field); });
  });
  window.addEventListener("pagehide", clear);
  window.addEventListener("pageshow", function (event) { if (event.persisted) clear(); });
  window.addEventListener("beforeprint", function () { fields.forEach(fit); });
  clear();  // a reload in a browser that restores form state anyway starts empty
  var button = document.querySelector("[data-kdm-plan-print]");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }
}());
