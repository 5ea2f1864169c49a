/* The locator: the list of centers, rendered here from the JSON island (text nodes only); sorting by
 * distance from the reader's position (computed here: it never leaves the phone) or from a district;
 * filters; open-now; and the map, whose libraries load only when it comes into view or is asked for.
 * Without this script the page is a district picker leading to the district pages.
 * The core (rows, distances, directions, filters, order) is pure: tests/js/locator.test.js runs it under
 * Node. start() is the page. */
(function (api) {  // Node (tests/js/) takes the pure core; a page runs it.
  if (typeof module === "object" && module.exports) module.exports = api; else api.start(window);
}((function () {
  "use strict";

  // Compact rows (builder/site/islands.py): [id, name, district, place, services, languages, phones, hours,
  // address, transport]
  function rows(data) {
    return data.centers.map(function (row) {
      return { id: row[0], name: row[1], district: row[2] >= 0 ? data.districts[row[2]][0] : "",
        place: row[3] ? [row[3][0], row[3][1], data.precisions[row[3][2]]] : null,
        services: row[4], languages: row[5], phones: row[6], hours: row[7] || null, address: row[8],
        transport: row[9], access: { walkin: row[10][0], noid: row[10][1], wheelchair: row[10][2] } };
    });
  }

  // Page URLs come from the builder (builder/site/routes.py) as templates: the script never makes one up.
  function pageOf(template, id) { return template.replace("{id}", id); }

  function platformOf(userAgent) {
    return /Android/i.test(userAgent) ? "geo" : /iPhone|iPad|iPod/i.test(userAgent) ? "apple" : "web";
  }

  function directions(c, platform) {
    if (c.place && (c.place[2] === "exact" || c.place[2] === "street")) {
      var lat = c.place[0].toFixed(5), lon = c.place[1].toFixed(5), point = lat + "," + lon;
      return { geo: "geo:" + point + "?q=" + point, apple: "https://maps.apple.com/?daddr=" + point,
        web: "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=17/" + lat + "/" + lon }[platform];
    }
    if (!c.address) return "";
    var q = encodeURIComponent(c.address);
    return { geo: "geo:0,0?q=" + q, apple: "https://maps.apple.com/?q=" + q,
      web: "https://www.openstreetmap.org/search?query=" + q }[platform];
  }

  function km(a, b) { // haversine on a 6371 km sphere: ample for ordering centers in one province
    var rad = Math.PI / 180, dLat = (b[0] - a[0]) * rad, dLon = (b[1] - a[1]) * rad;
    var h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.pow(Math.sin(dLon / 2), 2);
    return 12742 * Math.asin(Math.sqrt(h));
  }

  // Nearest first from `origin`; centers without a place keep their order at the end. Without an origin,
  // the registry's order.
  function byDistance(centers, origin) {
    var order = centers.map(function (c, i) { return [origin && c.place ? km(origin, c.place) : null, i, c]; });
    if (origin) {
      order.sort(function (a, b) {
        if (a[0] === null) return b[0] === null ? a[1] - b[1] : 1;
        if (b[0] === null) return -1;
        return a[0] - b[0] || a[1] - b[1];
      });
    }
    return order.map(function (x) { return { center: x[2], km: x[0] }; });
  }

  var ACCESS = ["walkin", "noid", "wheelchair"];

  // filters: {service: "" | index, language: "" | index, open: bool, walkin, noid, wheelchair: bool}; open is
  // the center's open-now state. Returns "shown", "hidden", or "unknown" when only an access filter whose
  // answer nobody knows hides it (the page counts those and says so).
  function shows(c, filters, open) {
    var matches = (filters.service === "" || c.services.indexOf(+filters.service) >= 0) &&
      (filters.language === "" || c.languages.indexOf(+filters.language) >= 0) &&
      (!filters.open || open.state === "open");
    if (!matches) return "hidden";
    var wanted = ACCESS.filter(function (k) { return filters[k]; });
    if (wanted.some(function (k) { return c.access[k] === 0; })) return "hidden";
    if (wanted.some(function (k) { return c.access[k] === -1; })) return "unknown";
    return "shown";
  }

  function start(window) {
    var document = window.document;
    var root = document.querySelector("[data-kdm-locator]");
    var island = document.getElementById("kdm-locator-data");
    if (!root || !island || !window.kdmHours) return;
    var data = JSON.parse(island.textContent);
    var L10N = data.labels;
    var assets = root.getAttribute("data-assets");
    var centerUrl = root.getAttribute("data-center-url");
    var lang = document.documentElement.lang || "tr";
    var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    var listFormat = window.Intl && Intl.ListFormat ? new Intl.ListFormat(lang, { type: "conjunction" }) : null;
    var list = root.querySelector("[data-kdm-results]");
    var platform = platformOf(window.navigator.userAgent);
    var origin = null;
    var filters = { service: "", language: "", open: false, walkin: false, noid: false, wheelchair: false };
    var fill = window.kdmHours.fill;
    var centers = rows(data);

    function $(selector) { return root.querySelector(selector); }
    function el(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    }

    function item(c) {
      var li = el("li", "kdm-result");
      li.id = "merkez-" + c.id;
      li.setAttribute("data-id", c.id);
      var name = el("a", "kdm-result__name", c.name);
      name.href = pageOf(centerUrl, c.id);
      li.appendChild(name);
      if (c.district) li.appendChild(el("span", "kdm-result__district", c.district));
      c.distanceEl = li.appendChild(el("span", "kdm-result__distance"));
      c.openEl = li.appendChild(el("span", "kdm-result__open"));
      var services = c.services.map(function (i) { return L10N.services[i]; });
      li.appendChild(el("span", "kdm-result__services", listFormat ? listFormat.format(services) : services.join(", ")));
      var actions = li.appendChild(el("span", "kdm-result__actions"));
      if (c.phones.length) {
        var call = actions.appendChild(el("a", "kdm-action kdm-action--call", L10N.call + " "));
        call.href = c.phones[0][0];
        var tel = call.appendChild(el("bdi", "kdm-tel", c.phones[0][1]));
        tel.dir = "ltr";
        // What the line is travels with the number: "General line — ask for the centre" (invariant 9).
        li.appendChild(el("span", "kdm-note kdm-result__line", c.phones[0][2]));
      }
      var route = directions(c, platform);
      if (route) {
        var go = actions.appendChild(el("a", "kdm-action kdm-action--go", L10N.directions));
        go.href = route;
        go.rel = "noreferrer noopener";
      }
      if (c.transport) li.appendChild(el("span", "kdm-note kdm-result__transport", c.transport));
      c.li = li;
      return li;
    }

    function update() {
      var now = new Date();
      var shown = 0, unknown = 0;
      var fragment = document.createDocumentFragment();
      byDistance(centers, origin).forEach(function (row) {
        var c = row.center;
        c.open = window.kdmHours.status(c.hours, data, now);
        c.distance = row.km;
        var state = shows(c, filters, c.open);
        var visible = state === "shown";
        if (state === "unknown") unknown += 1;
        c.li.hidden = !visible;
        if (visible) shown += 1;
        c.openEl.textContent = c.open.text;
        c.openEl.setAttribute("data-state", c.open.state);
        c.distanceEl.textContent = c.distance === null ? "" :
          fill(c.place[2] === "exact" ? L10N.km : L10N.approx_km, { km: number.format(c.distance) });
        fragment.appendChild(c.li);
      });
      list.appendChild(fragment);
      var count = $("[data-kdm-count]");
      count.hidden = false;
      count.textContent = fill(shown === 1 ? L10N.count_one : L10N.count, { n: shown });
      var note = $("[data-kdm-hidden-unknown]");
      note.hidden = !unknown;
      note.textContent = unknown ? fill(L10N.hidden_unknown, { n: unknown }) : "";
    }

    function say(text) { $("[data-kdm-locate-message]").textContent = text; }

    centers.forEach(function (c) { list.appendChild(item(c)); });
    var pick = $("[data-kdm-pick]");
    pick.open = false;

    // Use my location: asked only on a tap; the position is used here and nowhere else.
    var navigator = window.navigator;
    if ("geolocation" in navigator) {
      $("[data-kdm-locate]").hidden = false;
      $("[data-kdm-locate-button]").addEventListener("click", function () {
        say(L10N.locating);
        navigator.geolocation.getCurrentPosition(function (position) {
          origin = [position.coords.latitude, position.coords.longitude];
          say(L10N.located);
          update();
          var first = list.querySelector("li:not([hidden]) .kdm-result__name");
          if (first) { first.focus({ preventScroll: true }); first.parentNode.scrollIntoView({ block: "center" }); }
        }, function () {
          say(L10N.denied);
          pick.open = true;
          $("[data-kdm-district-select]").focus();
        }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 });
      });
    } else {
      say(L10N.denied);
      pick.open = true;
    }

    var districtSelect = $("[data-kdm-district-select]");
    $("[data-kdm-district-select-wrap]").hidden = false;
    districtSelect.addEventListener("change", function () {
      var d = data.districts[districtSelect.value];
      origin = d ? [d[1], d[2]] : null;
      say(d ? fill(L10N.from_district, { district: d[0] }) : "");
      update();
    });

    $("[data-kdm-filters]").hidden = false;
    Array.prototype.forEach.call(root.querySelectorAll("[data-kdm-filter]"), function (control) {
      control.addEventListener("change", function () {
        filters[control.getAttribute("data-kdm-filter")] = control.type === "checkbox" ? control.checked : control.value;
        update();
      });
    });

    update();
    root.setAttribute("data-kdm-ready", "");  // the layout is the one locator.css kept in place (no shift)
    setInterval(update, 60000);

    // The map loads only when its section comes near the screen, or when a center is to be shown on it.
    var section = $("[data-kdm-map]");
    section.hidden = false;
    var mapReady = null;
    function loadMap() {
      if (!mapReady) mapReady = window.kdmLoadMap(assets).then(drawCenters);
      return mapReady;
    }

    var layers = {};
    function drawCenters() {
      var L = window.L, map = window.map_kdm, cluster = window.marker_cluster_kdm;
      map.attributionControl.setPrefix(false);
      centers.forEach(function (c) {
        if (!c.place) return;
        var popup = el("div");
        var link = popup.appendChild(el("a", "", c.name));
        link.href = pageOf(centerUrl, c.id);
        if (c.place[2] !== "exact") popup.appendChild(el("p", "", L10N.approximate));
        // Every center is a marker that takes the keyboard (Tab, then Enter opens its popup; Leaflet makes it a
        // button), named by the center's name as text (and as its title, for a mouse). A place known only
        // roughly also shows its area, which takes no input.
        var exact = c.place[2] === "exact";
        var name = el("span", "kdm-visually-hidden", c.name);
        var layer = L.marker([c.place[0], c.place[1]], {
          icon: L.divIcon({ className: "kdm-pin kdm-pin--" + (exact ? "exact" : "area"), iconSize: [24, 24], html: name }),
          title: c.name, keyboard: true,
        });
        if (!exact) {
          L.circle([c.place[0], c.place[1]], {
            radius: data.areas[c.place[2]], weight: 1, color: "#4a148c", fillOpacity: 0.15, interactive: false,
          }).addTo(map);
        }
        layer.bindPopup(popup);
        (cluster || map).addLayer(layer);  // markers closer than a finger's width join a cluster (WCAG 2.5.8)
        layers[c.id] = layer;
      });
    }

    if ("IntersectionObserver" in window) {
      var watcher = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) { watcher.disconnect(); loadMap(); }
      }, { rootMargin: "200px" });
      watcher.observe(section);
    } else {
      loadMap();
    }

    // #merkez=<id>: opened from a center page's "show on the map" link.
    var focus = /[#&]merkez=([a-z0-9-]+)/.exec(window.location.hash);
    var target = focus && centers.filter(function (c) { return c.id === focus[1]; })[0];
    if (target) {
      target.li.classList.add("kdm-result--focus");
      if (target.place) {
        section.scrollIntoView();
        loadMap().then(function () {
          var layer = layers[target.id], cluster = window.marker_cluster_kdm;
          window.map_kdm.setView(layer.getLatLng(), target.place[2] === "exact" ? 15 : 12);
          // still inside a cluster at that zoom: the cluster opens to show it first
          if (cluster) cluster.zoomToShowLayer(layer, function () { layer.openPopup(); });
          else layer.openPopup();
        });
      } else {
        target.li.scrollIntoView();
      }
    }
  }

  return { rows: rows, pageOf: pageOf, platformOf: platformOf, directions: directions, km: km,
    byDistance: byDistance, shows: shows, start: start };
}())));
