/* The map's code, fetched only when a page asks for its map: the self-hosted Leaflet and its marker-cluster
   plugin, then folium's base map (map.js, which creates window.map_kdm). Loaded once per page, whoever asks:
   window.kdmLoadMap(assets) returns the same promise every time. Used by locator.js and coverage.js. */
(function () {
  "use strict";
  var ready = null;

  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { node[k] = attrs[k]; });
      node.onload = resolve;
      node.onerror = reject;
      document.head.appendChild(node);
    });
  }

  window.kdmLoadMap = function (assets) {
    if (ready) return ready;
    ["vendor/leaflet/leaflet.css", "vendor/leaflet-markercluster/MarkerCluster.css",
      "vendor/leaflet-markercluster/MarkerCluster.Default.css"].forEach(function (css) {
      load("link", { rel: "stylesheet", href: assets + css });
    });
    ready = load("script", { src: assets + "vendor/leaflet/leaflet.js" })
      .then(function () { return load("script", { src: assets + "vendor/leaflet-markercluster/leaflet.markercluster.js" }); })
      .then(function () { return load("script", { src: assets + "kdm/map.js" }); });
    return ready;
  };
})();
