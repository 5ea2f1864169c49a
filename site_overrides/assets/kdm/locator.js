/* The locator: sort by distance from the reader's position (computed here; it never leaves the phone),
 * or from a district; filter by service, language and open now; draw the centers on the folium map.
 * The page works without this script: list, call buttons and district links are plain HTML. */
(function () {
  "use strict";
  var root = document.querySelector("[data-kdm-locator]");
  var island = document.getElementById("kdm-locator-data");
  if (!root || !island || !window.kdmHours) return;
  var data = JSON.parse(island.textContent);
  var L10N = data.labels;
  var lang = document.documentElement.lang || "tr";
  var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  var list = root.querySelector("[data-kdm-results]");
  var items = {};
  Array.prototype.forEach.call(list.children, function (li) { items[li.getAttribute("data-id")] = li; });
  var byId = {};
  data.centers.forEach(function (c) { byId[c.id] = c; });
  var origin = null;
  var filters = { service: "", language: "", open: false };

  function $(selector) { return root.querySelector(selector); }
  function show(element) { if (element) element.hidden = false; }

  function km(a, b) { // haversine on a 6371 km sphere: ample for ordering centers in one province
    var rad = Math.PI / 180, dLat = (b[0] - a[0]) * rad, dLon = (b[1] - a[1]) * rad;
    var h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.pow(Math.sin(dLon / 2), 2);
    return 12742 * Math.asin(Math.sqrt(h));
  }

  function update() {
    var now = new Date();
    var rows = data.centers.map(function (c) {
      var open = window.kdmHours.status(c.h, data, now);
      var distance = origin && c.p ? km(origin, c.p) : null;
      var visible = (!filters.service || c.s.indexOf(filters.service) >= 0) &&
        (!filters.language || c.l.indexOf(filters.language) >= 0) &&
        (!filters.open || open.state === "open");
      return { c: c, open: open, distance: distance, visible: visible };
    });
    if (origin) {
      rows.sort(function (a, b) {
        if (a.distance === null) return b.distance === null ? 0 : 1;
        if (b.distance === null) return -1;
        return a.distance - b.distance;
      });
    }
    var shown = 0;
    rows.forEach(function (row) {
      var li = items[row.c.id];
      if (!li) return;
      li.hidden = !row.visible;
      if (row.visible) shown += 1;
      var openEl = li.querySelector("[data-kdm-open]");
      openEl.textContent = row.open.text;
      openEl.setAttribute("data-state", row.open.state);
      var d = li.querySelector("[data-kdm-distance]");
      d.textContent = row.distance === null ? "" : window.kdmHours.fill(
        row.c.p[2] === "exact" ? L10N.km : L10N.approx_km, { km: number.format(row.distance) });
      list.appendChild(li);
    });
    $("[data-kdm-count]").textContent = window.kdmHours.fill(shown === 1 ? L10N.count_one : L10N.count, { n: shown });
  }

  function say(text) { $("[data-kdm-locate-message]").textContent = text; }

  function offerDistricts() {
    var pick = $("[data-kdm-pick]");
    pick.open = true;
    var select = $("[data-kdm-district-select]");
    if (select) select.focus();
  }

  // Use my location: asked only on a tap; the position is used here and nowhere else.
  var locate = $("[data-kdm-locate-button]");
  if ("geolocation" in navigator) {
    show($("[data-kdm-locate]"));
    locate.addEventListener("click", function () {
      say(L10N.locating);
      navigator.geolocation.getCurrentPosition(function (position) {
        origin = [position.coords.latitude, position.coords.longitude];
        say(L10N.located);
        update();
        var first = list.querySelector("li:not([hidden]) .kdm-result__name");
        if (first) { first.focus({ preventScroll: true }); first.closest("li").scrollIntoView({ block: "center" }); }
      }, function () {
        say(L10N.denied);
        offerDistricts();
      }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 });
    });
  } else {
    say(L10N.denied);
  }

  var districtSelect = $("[data-kdm-district-select]");
  show($("[data-kdm-district-select-wrap]"));
  districtSelect.addEventListener("change", function () {
    var d = data.districts.filter(function (x) { return x[0] === districtSelect.value; })[0];
    origin = d ? [d[2], d[3]] : null;
    say(d ? window.kdmHours.fill(L10N.from_district, { district: d[1] }) : "");
    update();
  });

  show($("[data-kdm-filters]"));
  Array.prototype.forEach.call(root.querySelectorAll("[data-kdm-filter]"), function (control) {
    control.addEventListener("change", function () {
      var key = control.getAttribute("data-kdm-filter");
      filters[key] = control.type === "checkbox" ? control.checked : control.value;
      update();
    });
  });

  // Directions: the phone's own maps app where a geo: link works, a maps page otherwise.
  var ua = navigator.userAgent;
  var platform = /Android/i.test(ua) ? "geo" : /iPhone|iPad|iPod/i.test(ua) ? "apple" : "web";
  Array.prototype.forEach.call(root.querySelectorAll("[data-kdm-directions]"), function (link) {
    var c = byId[link.closest("[data-id]").getAttribute("data-id")];
    if (c && c.g) link.href = c.g[platform];
  });

  update();
  setInterval(update, 60000);

  // The map: markers from the JSON above; popups made of text nodes, never HTML from data.
  var map = window.map_kdm, cluster = window.marker_cluster_kdm, layers = {};
  if (map && window.L) {
    map.attributionControl.setPrefix(false);
    data.centers.forEach(function (c) {
      if (!c.p) return;
      var popup = document.createElement("div");
      var link = document.createElement("a");
      link.href = c.u;
      link.textContent = c.n;
      popup.appendChild(link);
      if (c.p[2] !== "exact") {
        var note = document.createElement("p");
        note.textContent = L10N.approximate;
        popup.appendChild(note);
      }
      var layer = c.p[2] === "exact"
        ? window.L.circleMarker([c.p[0], c.p[1]], { radius: 9, weight: 2, color: "#4a148c", fillOpacity: 0.8 })
        : window.L.circle([c.p[0], c.p[1]], { radius: data.areas[c.p[2]], weight: 1, color: "#4a148c", fillOpacity: 0.15 });
      layer.bindPopup(popup);
      (c.p[2] === "exact" && cluster ? cluster : map).addLayer(layer);
      layers[c.id] = layer;
    });
  }

  // #merkez=<id>: opened from a center page's "show on the map" link.
  var focus = /[#&]merkez=([a-z0-9-]+)/.exec(location.hash);
  if (focus && items[focus[1]]) {
    var li = items[focus[1]];
    li.classList.add("kdm-result--focus");
    var target = layers[focus[1]];
    if (target && map) {
      var section = root.querySelector(".kdm-map");
      if (section) section.scrollIntoView();
      map.setView(target.getLatLng(), target.getRadius && target.getRadius() > 1000 ? 12 : 15);
      target.openPopup();
    } else {
      li.scrollIntoView();
    }
  }
}());
