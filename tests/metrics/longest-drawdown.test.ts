import { describe, expect, it } from "vitest";
import { DAY } from "../../src/core/time.js";
import { longestDrawdown } from "../../src/metrics/longest-drawdown.js";
import { maxDrawdown } from "../../src/metrics/max-drawdown.js";

const T0 = Date.UTC(2024, 0, 1);
const days = (n: number) => Array.from({ length: n }, (_, i) => T0 + i * DAY);

describe("longestDrawdown", () => {
  it("picks the spell that lasted longest, which need not be the deepest", () => {
    // spell 1: peak 100 (day 0) → 97 → recovers at 101 (day 4): 4 days, depth -3%
    // spell 2: peak 101 (day 4) → 80 (day 5) → recovers at 102 (day 6): 2 days, depth 80 / 101 - 1 = -20.8%
    const equity = [100, 99, 98, 97, 101, 80, 102];
    const longest = longestDrawdown(days(7), equity)!;
    expect(longest).toMatchObject({ peakIndex: 0, troughIndex: 3, recoveryIndex: 4, durationMs: 4 * DAY });
    expect(longest.depth).toBeCloseTo(-0.03, 15);
    expect(maxDrawdown(days(7), equity)).toMatchObject({ peakIndex: 4, troughIndex: 5, recoveryIndex: 6 });
  });

  it("counts an unrecovered spell up to the last point", () => {
    // spell 1: 2 days (day 0 → 2); spell 2: day 3 → end (day 8) = 5 days, unrecovered
    expect(longestDrawdown(days(9), [100, 90, 100, 110, 105, 104, 103, 102, 101])).toMatchObject({ peakIndex: 3, recoveryIndex: null, durationMs: 5 * DAY, durationBars: 5 });
  });

  it.each([
    ["an empty curve", [], []],
    ["a rising curve", days(3), [1, 2, 3]],
  ])("is null for %s", (_, ts, equity) => {
    expect(longestDrawdown(ts, equity)).toBeNull();
  });
});
