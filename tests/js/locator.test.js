// The locator's core (site_overrides/assets/kdm/locator.js): rows, URL templates, directions, distances,
// order and filters.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const locator = require("../../site_overrides/assets/kdm/locator.js");

const data = {
  districts: [["Konak", 38.4189, 27.1287], ["Bornova", 38.4697, 27.2211]],
  precisions: ["exact", "street", "neighbourhood", "district"],
  centers: [
    ["a", "A", 0, [38.4189, 27.1287, 0], [0, 1], [0], [["tel:+902321111111", "(0232) 111 11 11", "Direct line"]], 0,
      "", "", [1, 1, 1]],
    ["b", "B", 1, [38.4697, 27.2211, 3], [1], [0, 1], [], { a: 1 }, "Kazım Dirik Mah., Bornova, İzmir", "Metro",
      [0, -1, -1]],
    ["c", "C", -1, 0, [2], [0], [["tel:183", "183", "National line"]], 0, "", "", [-1, -1, -1]],
  ],
};

test("rows unpack the compact island", () => {
  const [a, b, c] = locator.rows(data);
  assert.deepEqual(a.place, [38.4189, 27.1287, "exact"]);
  assert.equal(b.district, "Bornova");
  assert.deepEqual(b.hours, { a: 1 });
  assert.equal(c.place, null);
  assert.equal(c.district, "");
  assert.deepEqual(a.phones[0], ["tel:+902321111111", "(0232) 111 11 11", "Direct line"]);
});

test("page URLs come from the builder's template", () => {
  assert.equal(locator.pageOf("../merkezler/{id}/", "sonim-izmir"), "../merkezler/sonim-izmir/");
});

test("directions: a point when it is precise, else a search for the address, per platform", () => {
  const [a, b, c] = locator.rows(data);
  assert.equal(locator.platformOf("Mozilla/5.0 (Linux; Android 14)"), "geo");
  assert.equal(locator.platformOf("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)"), "apple");
  assert.equal(locator.platformOf("Mozilla/5.0 (X11; Linux x86_64)"), "web");
  assert.equal(locator.directions(a, "geo"), "geo:38.41890,27.12870?q=38.41890,27.12870");
  assert.equal(locator.directions(a, "apple"), "https://maps.apple.com/?daddr=38.41890,27.12870");
  assert.equal(locator.directions(b, "web"),
    "https://www.openstreetmap.org/search?query=" + encodeURIComponent("Kazım Dirik Mah., Bornova, İzmir"));
  assert.equal(locator.directions(c, "web"), "");
});

test("distances and order: nearest first, unplaced last, ties in registry order", () => {
  assert.ok(Math.abs(locator.km([38.0, 27.0], [38.1, 27.0]) - 11.12) < 0.01);
  const centers = locator.rows(data);
  const fromBornova = locator.byDistance(centers, [38.4697, 27.2211]);
  assert.deepEqual(fromBornova.map((r) => r.center.id), ["b", "a", "c"]);
  assert.equal(fromBornova[0].km, 0);
  assert.equal(fromBornova[2].km, null);
  assert.deepEqual(locator.byDistance(centers, null).map((r) => r.center.id), ["a", "b", "c"]);
});

test("filters: service, language, open now", () => {
  const [a, b] = locator.rows(data);
  const none = { service: "", language: "", open: false, walkin: false, noid: false, wheelchair: false };
  const open = { state: "open" }, closed = { state: "closed" };
  assert.equal(locator.shows(a, none, closed), "shown");
  assert.equal(locator.shows(a, { ...none, service: "0" }, closed), "shown");
  assert.equal(locator.shows(b, { ...none, service: "0" }, open), "hidden");
  assert.equal(locator.shows(b, { ...none, language: "1" }, open), "shown");
  assert.equal(locator.shows(a, { ...none, open: true }, closed), "hidden");
});

test("access filters: yes shown, no hidden, unknown counted apart", () => {
  const [a, b, c] = locator.rows(data);
  const none = { service: "", language: "", open: false, walkin: false, noid: false, wheelchair: false };
  const open = { state: "open" };
  assert.deepEqual(b.access, { walkin: 0, noid: -1, wheelchair: -1 });
  assert.equal(locator.shows(a, { ...none, walkin: true }, open), "shown");
  assert.equal(locator.shows(b, { ...none, walkin: true }, open), "hidden");  // an appointment is needed
  assert.equal(locator.shows(c, { ...none, walkin: true }, open), "unknown");
  assert.equal(locator.shows(b, { ...none, noid: true, wheelchair: true }, open), "unknown");
  assert.equal(locator.shows(b, { ...none, walkin: true, noid: true }, open), "hidden");  // a known no wins
});
