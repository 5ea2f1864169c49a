/* The coverage map (/kapsam/), drawn only when asked for: it loads the self-hosted Leaflet and folium's base
   map, as the locator does, then one keyboard-operable pin per district point, coloured by how far the
   nearest listed centre is (the colours are the legend's, in coverage.css). The legend and the table carry
   the same information as text: the map is an extra, and the page is whole without JavaScript. */
(function () {
  "use strict";
  var root = document.querySelector("[data-kdm-coverage]");
  var island = document.getElementById("kdm-coverage-data");
  if (!root || !island) return;
  var data = JSON.parse(island.textContent);
  var assets = root.getAttribute("data-assets");
  var wrap = root.querySelector("[data-kdm-map-button-wrap]");
  var button = root.querySelector("[data-kdm-map-button]");
  var frame = root.querySelector("[data-kdm-map]");
  var note = root.querySelector("[data-kdm-map-note]");

  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { node[k] = attrs[k]; });
      node.onload = resolve;
      node.onerror = reject;
      document.head.appendChild(node);
    });
  }

  function draw() {
    var L = window.L, map = window.map_kdm;
    map.attributionControl.setPrefix(false);
    var points = [];
    data.districts.forEach(function (d) {
      var name = d[0], band = d[3], distance = d[4];
      var label = name + ": " + data.bands[band] + (distance ? " (" + distance + ")" : "");
      var icon = L.divIcon({ className: "kdm-pin kdm-band--" + band, iconSize: [18, 18] });
      var pin = L.marker([d[1], d[2]], { icon: icon, title: label, alt: label, keyboard: true });
      var popup = document.createElement("p");
      popup.textContent = label;
      pin.bindPopup(popup).addTo(map);
      points.push([d[1], d[2]]);
    });
    if (points.length) map.fitBounds(points, { padding: [16, 16] });
  }

  var ready = null;
  function show() {
    if (ready) return ready;
    wrap.hidden = true;
    frame.hidden = false;
    note.hidden = false;
    ["vendor/leaflet/leaflet.css", "vendor/leaflet-markercluster/MarkerCluster.css",
      "vendor/leaflet-markercluster/MarkerCluster.Default.css"].forEach(function (css) {
      load("link", { rel: "stylesheet", href: assets + css });
    });
    ready = load("script", { src: assets + "vendor/leaflet/leaflet.js" })
      .then(function () { return load("script", { src: assets + "vendor/leaflet-markercluster/leaflet.markercluster.js" }); })
      .then(function () { return load("script", { src: assets + "kdm/map.js" }); })
      .then(draw)
      .then(function () { frame.setAttribute("data-kdm-map-ready", ""); });
    return ready;
  }

  wrap.hidden = false;
  button.addEventListener("click", show);
}());
