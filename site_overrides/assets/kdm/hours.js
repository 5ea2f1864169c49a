/* Open now, from the registry's weekly hours, in Europe/Istanbul time whatever the phone's time zone.
 * Shared by the locator and the center pages: window.kdmHours.status(hours, data, now). Pure: it reads no
 * page, so tests/js/hours.test.js runs it under Node. */
(function (api) {  // Node (tests/js/) takes the pure core; a page runs it.
  if (typeof module === "object" && module.exports) module.exports = api; else window.kdmHours = api;
}((function () {
  "use strict";
  var DAYS = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  var clock = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Istanbul", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", weekday: "short"
  });

  function istanbul(date) {
    var p = {};
    clock.formatToParts(date).forEach(function (part) { p[part.type] = part.value; });
    return { iso: p.year + "-" + p.month + "-" + p.day, day: DAYS[p.weekday], min: (+p.hour) * 60 + (+p.minute) };
  }

  function addDays(iso, days) {
    var d = iso.split("-");
    return new Date(Date.UTC(+d[0], +d[1] - 1, +d[2] + days)).toISOString().slice(0, 10);
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, key) { return values[key] == null ? "" : values[key]; });
  }

  // Returns {state: "open" | "closed" | "unknown", text}.
  function status(h, data, date) {
    var L = data.labels;
    if (!h) return { state: "unknown", text: L.hours_unknown };
    if (h.a) return { state: "open", text: L.open_always };
    var now = istanbul(date || new Date());
    var closesOnHolidays = h.h === "closed";
    function holidayOn(iso) { return closesOnHolidays ? data.holidays[iso] : null; }
    function cutoffOn(iso) { var x = holidayOn(iso); return x ? (x[0] ? data.halfDayFrom : 0) : 1440; }
    var today = holidayOn(now.iso);
    var cutoff = cutoffOn(now.iso);
    var spans = h.w.filter(function (s) { return s[0] === now.day; });
    for (var i = 0; i < spans.length; i++) {
      var end = Math.min(spans[i][2], cutoff);
      if (spans[i][1] <= now.min && now.min < end) {
        var time = L.times[String(end)];
        return { state: "open", text: today ? fill(L.open_closes_holiday, { time: time, holiday: today[1] })
                                             : fill(L.open_closes, { time: time }) };
      }
    }
    if (today && (!today[0] || now.min >= data.halfDayFrom)) {
      return { state: "closed", text: fill(L.closed_holiday, { holiday: today[1] }) };
    }
    for (var k = 0; k < 8; k++) {
      var iso = addDays(now.iso, k);
      var day = (now.day + k) % 7;
      var limit = cutoffOn(iso);
      var starts = h.w.filter(function (s) { return s[0] === day && s[1] < limit && (k > 0 || s[1] > now.min); })
        .map(function (s) { return s[1]; }).sort(function (a, b) { return a - b; });
      if (starts.length) {
        var when = k === 0 ? L.today : k === 1 ? L.tomorrow : L.days[day];
        return { state: "closed", text: fill(L.closed_opens, { day: when, time: L.times[String(starts[0])] }) };
      }
    }
    return { state: "closed", text: L.closed };
  }

  return { status: status, fill: fill };
}())));
