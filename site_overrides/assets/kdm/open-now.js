/* A center page's "Now: open / closed" line, from the hours in the page (see hours.js). */
(function () {
  "use strict";
  var island = document.getElementById("kdm-hours-data");
  var target = document.querySelector("[data-kdm-open-now]");
  if (!island || !target || !window.kdmHours) return;
  var data = JSON.parse(island.textContent);
  function update() {
    var result = window.kdmHours.status(data.h, data);
    target.textContent = result.text;
    target.setAttribute("data-state", result.state);
  }
  update();
  setInterval(update, 60000);
}());
