// Search (site_overrides/assets/kdm/search.js): folding as builder/engine/search.py folds, and matching.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const search = require("../../site_overrides/assets/kdm/search.js");

test("folding: case, Turkish i, diacritics, Arabic letter variants and vowel marks", () => {
  assert.equal(search.fold("Kadın Danışma Merkezi"), "kadin danisma merkezi");
  assert.equal(search.fold("İZMİR IĞDIR"), "izmir igdir");
  assert.equal(search.fold("Sığınma-evleri!"), "siginma evleri");
  assert.equal(search.fold("الحمايَة"), "الحمايه");
  assert.equal(search.fold("کودکان یاری"), "كودكان ياري");
});

const index = [
  ["rehber/koruma-karari/", "Koruma kararı", "…", "koruma karari siddet basvuru"],
  ["rehber/siginma/", "Sığınma evleri ve ŞÖNİM", "…", "siginma evleri ve sonim koruma"],
  ["ar/rehber/", "حماية", "…", "الحمايه قرار"],
];

test("every word must begin a word of the page; title matches first", () => {
  assert.deepEqual(search.find(index, "koru").map((r) => r[0]), ["rehber/koruma-karari/", "rehber/siginma/"]);
  assert.deepEqual(search.find(index, "sigin sonim").map((r) => r[0]), ["rehber/siginma/"]);
  assert.deepEqual(search.find(index, "oruma"), []);  // not the start of a word
  assert.deepEqual(search.find(index, "   "), []);
});

test("Arabic: a word also matches after the article", () => {
  assert.deepEqual(search.find(index, "حماية").map((r) => r[0]), ["ar/rehber/"]);
});
