import { describe, expect, it } from "vitest";
import { DAY, HOUR, MINUTE } from "../../src/core/time.js";
import fc from "fast-check";
import { inferPeriodsPerYear, median } from "../../src/metrics/infer-periods-per-year.js";

const MONDAY = Date.UTC(2024, 0, 8, 21); // 2024-01-08 was a Monday; 21:00 UTC = 16:00 New York close

/** Weekday closes for `weeks` weeks (weekend gaps of 3 days). */
function weekdays(weeks: number): number[] {
  const out: number[] = [];
  for (let w = 0; w < weeks; w++) for (let d = 0; d < 5; d++) out.push(MONDAY + (7 * w + d) * DAY);
  return out;
}

/** 5-minute bars of a 09:30-16:00 New York session (14:30-21:00 UTC in January): 78 bars a day. */
function usSession(days: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < days; d++) for (let b = 1; b <= 78; b++) out.push(MONDAY - 6.5 * HOUR + d * DAY + b * 5 * MINUTE);
  return out;
}

/** 5-minute bars of a 10:00-16:00 Sydney summer session (23:00-05:00 UTC), straddling UTC midnight: 72 bars a day. */
function sydneySession(days: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < days; d++) for (let b = 1; b <= 72; b++) out.push(Date.UTC(2024, 0, 8, 23) + d * DAY + b * 5 * MINUTE);
  return out;
}

const every = (step: number, count: number) => Array.from({ length: count }, (_, i) => MONDAY + i * step);
const monthStarts = Array.from({ length: 14 }, (_, i) => Date.UTC(2020, i, 1));
const quarterStarts = Array.from({ length: 9 }, (_, i) => Date.UTC(2020, 3 * i, 1));

describe("inferPeriodsPerYear", () => {
  it.each([
    ["weekday daily closes (median spacing 1 day)", weekdays(3), 252],
    ["two daily closes Friday to Monday (3 days)", [MONDAY + 4 * DAY, MONDAY + 7 * DAY], 252],
    ["calendar-daily closes (24/7 markets: pass 365 yourself)", every(DAY, 30), 252],
    ["weekly closes", every(7 * DAY, 20), 52],
    ["month starts (28-31 days)", monthStarts, 12],
    ["quarter starts (90-92 days)", quarterStarts, 4],
    ["half-yearly points", every(182 * DAY, 5), 2],
    ["yearly points", every(365 * DAY, 5), 1],
    ["US 5-minute session bars: 252 × 78", usSession(3), 19656],
    ["a single US session: 252 × 78", usSession(1), 19656],
    ["Sydney 5-minute bars across UTC midnight: 252 × 72", sydneySession(5), 18144],
    ["24-hour hourly bars: 252 × 24", every(HOUR, 24 * 10), 6048],
    ["12-hour bars: 252 × 2", every(12 * HOUR, 20), 504],
  ])("infers %s → %d", (_, ts, expected) => {
    expect(inferPeriodsPerYear(ts)).toBe(expected);
  });

  it.each([[[]], [[MONDAY]]])("gives null for fewer than two points (%j)", (ts) => {
    expect(inferPeriodsPerYear(ts)).toBeNull();
  });
});

describe("median", () => {
  it("equals the middle of the sorted values, for odd and even lengths, with ties and negatives", () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 60 }), (xs) => {
      const sorted = [...xs].sort((a, b) => a - b), mid = sorted.length >> 1;
      const expected = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
      expect(median(Float64Array.from(xs)) === expected).toBe(true); // === : -0 and 0 are the same median
    }), { numRuns: 500 });
  });
});
