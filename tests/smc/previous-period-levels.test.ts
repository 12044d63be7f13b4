import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDate } from "../../src/core/time.js";
import { allocateBarColumns, barAt, barColumns, makeBarTable } from "../../src/data/bar-table.js";
import { PreviousPeriodLevels, previousPeriodColumns } from "../../src/smc/previous-period-levels.js";
import { tableRows } from "./liquidity-bars.js";

/** Bars of one hour opening at the given ISO instants, with the given highs (low = high - 1). */
function bars(opens: readonly string[], highs: readonly number[], timeZone = "America/New_York") {
  const c = allocateBarColumns(opens.length);
  opens.forEach((iso, i) => {
    c.tsOpen[i] = Date.parse(iso);
    c.tsClose[i] = Date.parse(iso) + 3_600_000;
    c.high[i] = highs[i]!;
    c.low[i] = highs[i]! - 1;
    c.open[i] = c.close[i] = highs[i]! - 0.5;
    c.volume[i] = 1;
  });
  return makeBarTable(c, { symbol: "X", timeZone, interval: "1h" });
}

describe("PreviousPeriodLevels", () => {
  // Thu 2024-03-07 and Fri 2024-03-08 (EST), Sun 2024-03-10 evening and Mon 2024-03-11 (EDT), Mon 2024-03-18.
  const table = bars(
    ["2024-03-07T15:00:00Z", "2024-03-07T20:00:00Z", "2024-03-08T15:00:00Z", "2024-03-09T04:00:00Z", "2024-03-10T22:00:00Z", "2024-03-11T04:00:00Z", "2024-03-11T14:00:00Z", "2024-03-18T14:00:00Z"],
    [10, 12, 11, 14, 13, 9, 15, 8],
  );
  // local dates (New York):  03-07    03-07    03-08    03-08 (23:00 EST)  03-10 (18:00 EDT)  03-11 (00:00 EDT)  03-11    03-18

  it("gives the previous local day's and Monday-based week's high and low from the first bar of the new period (golden)", () => {
    const rows = tableRows(previousPeriodColumns(table));
    expect(rows.map((r) => [r.prevDayHigh, r.prevDayLow, r.prevWeekHigh, r.prevWeekLow])).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [12, 9, null, null], // Friday: Thursday's range
      [12, 9, null, null], // 23:00 Friday is still Friday in New York (04:00 UTC Saturday)
      [14, 10, null, null], // Sunday evening: Friday is the last day with bars; Sunday ends the week of March 4
      [13, 12, 14, 9], // Monday 00:00 EDT: Sunday's bar; a new week begins, the last one (Mar 4-10) ran 9..14
      [13, 12, 14, 9],
      [15, 8, 15, 8], // a week later: the previous day and week with bars are Monday March 11 and its week
    ]);
  });

  it("reports the levels as structures with the bar that made them and the bar that made them known", () => {
    const c = barColumns(table);
    const d = new PreviousPeriodLevels();
    const out = Array.from({ length: c.close.length }, (_, i) => [...d.update(barAt(c, i, "X"))]);
    expect(out[2]).toEqual([
      { kind: "previous-day-high", ts: c.tsClose[1], knownAt: c.tsClose[2], index: 1, knownIndex: 2, top: 12, bottom: 12 },
      { kind: "previous-day-low", ts: c.tsClose[0], knownAt: c.tsClose[2], index: 0, knownIndex: 2, top: 9, bottom: 9 },
    ]);
    expect(out[5]!.map((s) => [s.kind, s.top, s.index])).toEqual([
      ["previous-day-high", 13, 4], ["previous-day-low", 12, 4], ["previous-week-high", 14, 3], ["previous-week-low", 9, 0],
    ]);
    expect([out[0], out[1], out[3], out[6]]).toEqual([[], [], [], []]);
    expect(JSON.parse(JSON.stringify(d.values()))).toEqual({ prevDayHigh: 15, prevDayLow: 8, prevWeekHigh: 15, prevWeekLow: 8 });
    d.reset();
    expect(d.values()).toEqual({ prevDayHigh: null, prevDayLow: null, prevWeekHigh: null, prevWeekLow: null });
  });

  it("uses the table's zone: the same instants make other days in London", () => {
    const london = bars(["2024-03-30T23:30:00Z", "2024-03-31T00:30:00Z", "2024-03-31T23:30:00Z"], [10, 11, 12], "Europe/London");
    // 23:30 GMT on the 30th, 00:30 GMT on the 31st, 00:30 BST on April 1
    expect(tableRows(previousPeriodColumns(london)).map((r) => r.prevDayHigh)).toEqual([null, 10, 11]);
  });

  it("rejects bad options and bars out of order", () => {
    expect(() => new PreviousPeriodLevels({ timeZone: "New York" })).toThrow(/invalid timeZone: "New York"/);
    const c = barColumns(table);
    const d = new PreviousPeriodLevels();
    d.update(barAt(c, 2, "X"));
    expect(() => d.update(barAt(c, 1, "X"))).toThrow(/invalid bar: tsClose .* is not after/);
    expect(() => d.update({ ...barAt(c, 1, "X"), tsClose: c.tsClose[7]! })).toThrow(/falls on a local date before/);
  });

  it("matches a brute-force grouping by Intl local dates, in batch and incrementally", () => {
    const zones = ["America/New_York", "Europe/London", "Asia/Tokyo", "America/Sao_Paulo", "Australia/Lord_Howe"];
    const gaps = fc.array(fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 2000 })), { minLength: 1, maxLength: 120 });
    const start = fc.integer({ min: Date.UTC(2000, 0, 1) / 3_600_000, max: Date.UTC(2035, 0, 1) / 3_600_000 }).map((h) => h * 3_600_000 + 30 * 60_000);
    fc.assert(
      fc.property(fc.constantFrom(...zones), start, gaps, (zone, t0, g) => {
        let t = t0;
        const opens = g.map((x) => (t += x * 3_600_000));
        const highs = g.map((x, i) => 100 + ((x * 7 + i * 13) % 17));
        const table = bars(opens.map((o) => new Date(o).toISOString()), highs, zone);
        const batch = tableRows(previousPeriodColumns(table));
        const c = barColumns(table);
        const d = new PreviousPeriodLevels({ timeZone: zone });
        const incremental = opens.map((_, i) => (d.update(barAt(c, i, "X")), { ...d.values() }));
        expect(batch).toEqual(incremental);
        expect(incremental).toEqual(oracle(opens, highs, zone));
      }),
      { numRuns: 200 },
    );
  });
});

function oracle(opens: readonly number[], highs: readonly number[], zone: string) {
  const date = opens.map((t) => localDate(t, zone));
  const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const week = date.map((d) => Math.floor((dayNumber(d) - 4) / 7)); // Monday 1970-01-05 is day 4
  const range = (keep: (j: number) => boolean) => {
    const idx = opens.map((_, j) => j).filter(keep);
    return idx.length === 0 ? [null, null] : [Math.max(...idx.map((j) => highs[j]!)), Math.min(...idx.map((j) => highs[j]! - 1))];
  };
  return opens.map((_, i) => {
    const prevDate = date.slice(0, i).filter((d) => d < date[i]!).at(-1);
    const prevWeek = week.slice(0, i).filter((w) => w < week[i]!).at(-1);
    const [dh, dl] = range((j) => j < i && date[j] === prevDate);
    const [wh, wl] = range((j) => j < i && week[j] === prevWeek);
    return { prevDayHigh: dh, prevDayLow: dl, prevWeekHigh: wh, prevWeekLow: wl };
  });
}
