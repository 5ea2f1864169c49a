// Open now (site_overrides/assets/kdm/hours.js), in Europe/Istanbul time whatever the machine's zone.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const hours = require("../../site_overrides/assets/kdm/hours.js");

const labels = {
  days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  times: { 510: "08:30", 720: "12:00", 780: "13:00", 1050: "17:30" },
  hours_unknown: "Hours unknown", open_always: "Open 24 hours", open_closes: "Open — closes at {time}",
  open_closes_holiday: "Open — closes at {time} today: {holiday}", closed_opens: "Closed — opens {day} {time}",
  closed_holiday: "Closed today: {holiday}", closed: "Closed", today: "today", tomorrow: "tomorrow",
};
// Monday 08:30-12:00 and 13:00-17:30, Tuesday to Friday 08:30-17:30, closed on public holidays.
const week = { w: [[0, 510, 720], [0, 780, 1050], [1, 510, 1050], [2, 510, 1050], [3, 510, 1050], [4, 510, 1050]],
  h: "closed" };
const data = { labels, halfDayFrom: 780,
  holidays: { "2026-10-28": [1, "Republic Day (from 1pm)"], "2026-10-29": [0, "Republic Day"] } };
const at = (iso) => new Date(iso);

test("unknown hours stay unknown, 24/7 is open", () => {
  assert.deepEqual(hours.status(null, data, at("2026-11-23T06:00:00Z")), { state: "unknown", text: "Hours unknown" });
  assert.deepEqual(hours.status({ a: 1 }, data, at("2026-11-23T06:00:00Z")), { state: "open", text: "Open 24 hours" });
});

test("open and closed in Istanbul time (UTC+3)", () => {
  const cases = [
    ["2026-11-23T06:00:00Z", "open", "Open — closes at 12:00"],       // Monday 09:00
    ["2026-11-23T09:30:00Z", "closed", "Closed — opens today 13:00"], // Monday 12:30, the lunch break
    ["2026-11-24T19:00:00Z", "closed", "Closed — opens tomorrow 08:30"], // Tuesday 22:00
    ["2026-11-22T08:00:00Z", "closed", "Closed — opens tomorrow 08:30"], // Sunday 11:00
    ["2026-11-20T19:00:00Z", "closed", "Closed — opens Monday 08:30"],   // Friday 22:00
    ["2026-11-23T20:59:00Z", "closed", "Closed — opens tomorrow 08:30"], // Monday 23:59
    ["2026-11-23T21:00:00Z", "closed", "Closed — opens today 08:30"],    // Tuesday 00:00
  ];
  for (const [instant, state, text] of cases) {
    assert.deepEqual(hours.status(week, data, at(instant)), { state, text }, instant);
  }
});

test("holidays close the day, half days at 13:00", () => {
  assert.equal(hours.status(week, data, at("2026-10-29T07:00:00Z")).text, "Closed today: Republic Day");
  assert.equal(hours.status(week, data, at("2026-10-28T08:00:00Z")).text,
    "Open — closes at 13:00 today: Republic Day (from 1pm)");
  assert.equal(hours.status(week, data, at("2026-10-28T11:00:00Z")).text, "Closed today: Republic Day (from 1pm)");
  // A center that stays open on holidays ignores them.
  const open = { w: week.w, h: "open" };
  assert.equal(hours.status(open, data, at("2026-10-29T07:00:00Z")).text, "Open — closes at 17:30");
});

test("a week without any opening says closed", () => {
  assert.deepEqual(hours.status({ w: [], h: "unknown" }, data, at("2026-11-23T06:00:00Z")),
    { state: "closed", text: "Closed" });
});

test("fill leaves unknown placeholders empty", () => {
  assert.equal(hours.fill("{a} and {b}", { a: 1 }), "1 and ");
});
