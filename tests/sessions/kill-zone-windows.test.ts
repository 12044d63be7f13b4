import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wallClock } from "../../src/core/time.js";
import { killZoneOf } from "../../src/sessions/kill-zone-of.js";
import { killZoneWindows } from "../../src/sessions/kill-zone-windows.js";

const iso = (t: number) => new Date(t).toISOString().slice(0, 16);
const rows = (from: string, to: string, options = {}) =>
  killZoneWindows({ from, to, ...options }).map((w) => [w.name, w.date, iso(w.tsStart), iso(w.tsEnd)]);

describe("killZoneWindows", () => {
  it("lists Friday, skips the weekend and shifts Monday by the US change (golden)", () => {
    expect(rows("2024-03-08", "2024-03-11")).toEqual([
      ["asian", "2024-03-08", "2024-03-08T01:00", "2024-03-08T05:00"], // Thu 20:00 EST .. Fri 00:00
      ["london-open", "2024-03-08", "2024-03-08T07:00", "2024-03-08T10:00"],
      ["new-york-open", "2024-03-08", "2024-03-08T12:00", "2024-03-08T15:00"],
      ["london-close", "2024-03-08", "2024-03-08T15:00", "2024-03-08T17:00"],
      ["asian", "2024-03-11", "2024-03-11T00:00", "2024-03-11T04:00"], // Sun 20:00 EDT .. Mon 00:00
      ["london-open", "2024-03-11", "2024-03-11T06:00", "2024-03-11T09:00"],
      ["new-york-open", "2024-03-11", "2024-03-11T11:00", "2024-03-11T14:00"],
      ["london-close", "2024-03-11", "2024-03-11T14:00", "2024-03-11T16:00"],
    ]);
  });

  it.each([
    ["2024-03-08", "07:00 GMT", "both on standard time"],
    ["2024-03-11", "06:00 GMT", "US switched, UK not yet"],
    ["2024-03-29", "06:00 GMT", "last weekday before the UK change"],
    ["2024-04-01", "07:00 BST", "both on summer time"],
    ["2024-10-25", "07:00 BST", "both on summer time"],
    ["2024-10-28", "06:00 GMT", "UK switched back, US not yet"],
    ["2024-11-01", "06:00 GMT", "last weekday before the US change"],
    ["2024-11-04", "07:00 GMT", "both on standard time"],
  ])("starts the London open zone of %s at %s in London (%s)", (date, expected) => {
    const open = killZoneWindows({ from: date, to: date }).find((w) => w.name === "london-open")!;
    const w = wallClock(open.tsStart, "Europe/London");
    const summer = wallClock(open.tsStart, "UTC").hour !== w.hour;
    expect(`${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")} ${summer ? "BST" : "GMT"}`).toBe(expected);
    expect(wallClock(open.tsStart, "America/New_York")).toMatchObject({ hour: 2, minute: 0 });
  });

  it("still lists a holiday's windows: kill zones are clock windows", () => {
    const dates = killZoneWindows({ from: "2024-07-03", to: "2024-07-05" }).map((w) => w.date);
    expect(dates.filter((d) => d === "2024-07-04")).toHaveLength(4);
    expect(dates).toHaveLength(12);
  });

  it("resolves windows on the daylight-saving nights themselves when every day counts", () => {
    const all = { days: [0, 1, 2, 3, 4, 5, 6] };
    // 2024-03-10: 02:00 EST does not exist, the zone starts at 03:00 EDT and lasts two hours
    expect(rows("2024-03-10", "2024-03-10", all)[1]).toEqual(["london-open", "2024-03-10", "2024-03-10T07:00", "2024-03-10T09:00"]);
    // 2024-11-03: the repeated hour is 01:00-02:00, so 02:00 EST is unambiguous; Asian of that evening is dated 11-04
    expect(rows("2024-11-03", "2024-11-04", all).slice(1, 5)).toEqual([
      ["london-open", "2024-11-03", "2024-11-03T07:00", "2024-11-03T10:00"],
      ["new-york-open", "2024-11-03", "2024-11-03T12:00", "2024-11-03T15:00"],
      ["london-close", "2024-11-03", "2024-11-03T15:00", "2024-11-03T17:00"],
      ["asian", "2024-11-04", "2024-11-04T01:00", "2024-11-04T05:00"],
    ]);
  });

  it("agrees with killZoneOf at random instants (default windows, random days)", () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 3), max: Date.UTC(2040, 0, 1) });
    const days = fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 });
    fc.assert(
      fc.property(instant, days, (t, d) => {
        const date = new Date(t - 86_400_000 * 2).toISOString().slice(0, 10);
        const until = new Date(t + 86_400_000 * 2).toISOString().slice(0, 10);
        const hit = killZoneWindows({ from: date, to: until, days: d }).find((w) => t >= w.tsStart && t < w.tsEnd);
        expect(killZoneOf(t, { days: d })).toBe(hit?.name ?? null);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    [{ from: "2024-03-10", to: "2024-03-01" }, /invalid to: "2024-03-01" \(expected a date on or after from "2024-03-10"\)/],
    [{ from: "10/03/2024", to: "2024-03-11" }, /invalid from: "10\/03\/2024" \(expected a local date "YYYY-MM-DD"/],
    [{ from: "2024-03-10", to: "2024-03-11", windows: [] }, /invalid windows/],
    [{ from: "1800-01-01", to: "2200-01-01" }, /invalid to: "2200-01-01" \(expected a date less than 100000 days after/],
  ])("rejects %j", (options, message) => {
    expect(() => killZoneWindows(options as never)).toThrow(message);
  });
});
