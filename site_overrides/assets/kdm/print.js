/* On paper, print the page's own address under the content (an NGO's handout must say where it came from). */
(function () {
  "use strict";
  var slot = document.querySelector("[data-kdm-print-url]");
  if (slot) slot.textContent = location.href.split("#")[0];
  var button = document.querySelector("[data-kdm-print-button]");
  if (button) {
    button.closest("[data-kdm-print-button-wrap]").hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }
}());
