// Quick exit's Shift counting (site_overrides/assets/kdm/quick-exit.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { ShiftCounter, TIMEOUT } = require("../../site_overrides/assets/kdm/quick-exit.js");

function press(counter, code, now) {
  counter.down("Shift", code);
  return counter.up("Shift", code, now);
}

test("three presses leave; each is announced", () => {
  const c = new ShiftCounter();
  assert.deepEqual([press(c, "ShiftLeft", 0), press(c, "ShiftRight", 100), press(c, "ShiftLeft", 200)],
    ["press-two-more", "press-one-more", "activated"]);
  assert.equal(press(c, "ShiftLeft", 300), "press-two-more");  // counting starts again
});

test("both Shift keys held together count once", () => {
  const c = new ShiftCounter();
  c.down("Shift", "ShiftLeft");
  c.down("Shift", "ShiftRight");
  assert.equal(c.up("Shift", "ShiftLeft", 0), "");
  assert.equal(c.up("Shift", "ShiftRight", 0), "press-two-more");
});

test("a capital letter is not a press, and any other key resets the count", () => {
  const c = new ShiftCounter();
  assert.equal(press(c, "ShiftLeft", 0), "press-two-more");
  c.down("Shift", "ShiftLeft");
  assert.equal(c.down("A", "KeyA"), "timed-out");  // typing resets the count...
  assert.equal(c.up("Shift", "ShiftLeft", 10), "");  // ...and this Shift was a modifier, not a press
  assert.equal(press(c, "ShiftLeft", 20), "press-two-more");
});

test("presses further apart than the timeout start again", () => {
  const c = new ShiftCounter();
  press(c, "ShiftLeft", 0);
  press(c, "ShiftLeft", 1000);
  assert.equal(press(c, "ShiftLeft", 1000 + TIMEOUT + 1), "press-two-more");
  assert.equal(c.expire(), "timed-out");
  assert.equal(c.expire(), "");
});
