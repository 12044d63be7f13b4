import { describe, expect, it } from "vitest";
import { DEFAULT_KILL_ZONES, killZones } from "../../src/sessions/kill-zones.js";

describe("killZones", () => {
  it("gives the ICT kill zones in New York time by default, Monday-Friday", () => {
    const set = killZones();
    expect(set.timeZone).toBe("America/New_York");
    expect(set.days).toEqual([1, 2, 3, 4, 5]);
    expect(set.windows.map((w) => [w.name, w.start, w.end, w.startMinute, w.endMinute, w.crossesMidnight])).toEqual([
      ["asian", "20:00", "00:00", 1200, 0, true],
      ["london-open", "02:00", "05:00", 120, 300, false],
      ["new-york-open", "07:00", "10:00", 420, 600, false],
      ["london-close", "10:00", "12:00", 600, 720, false],
    ]);
    expect(DEFAULT_KILL_ZONES).toHaveLength(4);
  });

  it("returns JSON-safe definitions that are valid options again", () => {
    const set = killZones({ timeZone: "Europe/London", windows: [{ name: "a", start: "23:30", end: "24:00" }], days: [5, 1] });
    const again = JSON.parse(JSON.stringify(set));
    expect(killZones(again)).toEqual(set);
    expect(set.days).toEqual([1, 5]);
    expect(set.windows[0]).toMatchObject({ startMinute: 1410, endMinute: 0, crossesMidnight: true });
  });

  it.each([
    [{ timeZone: "America/NewYork" }, /invalid timeZone: "America\/NewYork" \(expected an IANA time zone/],
    [{ timeZone: "EST5EDT-ish" }, /invalid timeZone/],
    [{ windows: [] }, /invalid windows: \[\] \(expected a non-empty array/],
    [{ windows: [{ name: "", start: "01:00", end: "02:00" }] }, /invalid windows\[0\]\.name/],
    [{ windows: [{ name: "a", start: "1am", end: "02:00" }] }, /invalid windows\[0\]\.start: "1am" \(expected a time of day "HH:MM"/],
    [{ windows: [{ name: "a", start: "01:00", end: "25:00" }] }, /invalid windows\[0\]\.end: "25:00"/],
    [{ windows: [{ name: "a", start: "01:00", end: 2 }] }, /invalid windows\[0\]\.end: 2/],
    [{ windows: [{ name: "a", start: "01:00", end: "01:00" }] }, /invalid windows\[0\]\.end: "01:00" \(expected a time other than its start "01:00"\); a window can neither be empty/],
    [{ windows: [{ name: "a", start: "00:00", end: "24:00" }] }, /invalid windows\[0\]\.end: "24:00"/],
    [{ windows: [{ name: "a", start: "01:00", end: "02:00" }, { name: "a", start: "03:00", end: "04:00" }] }, /invalid windows\[1\]\.name: "a" \(expected a name not used by another window\)/],
    [{ windows: [{ name: "a", start: "01:00", end: "03:00" }, { name: "b", start: "02:59", end: "04:00" }] }, /invalid windows\[1\].*\(expected windows that do not overlap\); "b" and "a" both cover 02:59/],
    [{ windows: [{ name: "a", start: "22:00", end: "01:00" }, { name: "b", start: "00:30", end: "02:00" }] }, /"b" and "a" both cover 00:30/],
    [{ days: [] }, /invalid days: \[\] \(expected a non-empty array of weekdays/],
    [{ days: [1, 7] }, /invalid days\[1\]: 7 \(expected a weekday 0-6/],
    [{ days: [1, 1] }, /invalid days\[1\]: 1 \(expected a weekday not already listed\)/],
  ])("rejects %j", (options, message) => {
    expect(() => killZones(options as never)).toThrow(message);
  });

  it("accepts windows that touch: an end equals the next start", () => {
    expect(() => killZones({ windows: [{ name: "a", start: "07:00", end: "10:00" }, { name: "b", start: "10:00", end: "07:00" }] })).not.toThrow();
  });
});
