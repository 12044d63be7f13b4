import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY } from "../../src/core/time.js";
import { maxDrawdown } from "../../src/metrics/max-drawdown.js";

const T0 = Date.UTC(2024, 0, 1);
const days = (n: number) => Array.from({ length: n }, (_, i) => T0 + i * DAY);

/** Brute force: the lowest e_j / e_i - 1 over all i <= j. */
function bruteForce(equity: readonly number[]): number {
  let worst = 0;
  for (let i = 0; i < equity.length; i++) for (let j = i; j < equity.length; j++) worst = Math.min(worst, equity[j]! / equity[i]! - 1);
  return worst;
}

describe("maxDrawdown", () => {
  it("times a recovered drawdown from peak to recovery", () => {
    // peak 120 on day 1, trough 90 on day 2: 90 / 120 - 1 = -0.25; back to 125 >= 120 on day 4: 3 days, 3 bars
    const dd = maxDrawdown(days(6), [100, 120, 90, 100, 125, 110])!;
    expect(dd).toMatchObject({ depth: -0.25, peakAt: "2024-01-02T00:00:00.000Z", troughAt: "2024-01-03T00:00:00.000Z" });
    expect(dd).toMatchObject({ recoveryAt: "2024-01-05T00:00:00.000Z", recovered: true, durationMs: 3 * DAY, durationBars: 3 });
  });

  it("times an unrecovered drawdown from peak to the last point", () => {
    // peak 100 on day 0, trough 80 on day 3: -0.2; never back to 100: duration to day 4
    const dd = maxDrawdown(days(5), [100, 90, 95, 80, 85])!;
    expect(dd.depth).toBeCloseTo(-0.2, 15);
    expect(dd).toMatchObject({ peakIndex: 0, troughIndex: 3, recoveryIndex: null, recoveryAt: null });
    expect(dd).toMatchObject({ recovered: false, durationMs: 4 * DAY, durationBars: 4 });
  });

  it("measures duration in calendar time, not in bars", () => {
    // peak 100 on a Friday, 90 on Monday (weekend in between), back to 100 on Tuesday: 4 days but 2 bars
    const ts = [T0, T0 + 3 * DAY, T0 + 4 * DAY];
    expect(maxDrawdown(ts, [100, 90, 100])).toMatchObject({ durationMs: 4 * DAY, durationBars: 2 });
  });

  it("keeps the first of equally deep drawdowns", () => {
    // -50% twice: 100 → 50 and 200 → 100
    expect(maxDrawdown(days(5), [100, 50, 200, 100, 150])).toMatchObject({ depth: -0.5, peakIndex: 0, troughIndex: 1 });
  });

  it.each([
    ["an empty curve", [], []],
    ["one point", [T0], [100]],
    ["a rising curve", days(4), [100, 101, 101, 102]],
    ["a curve that does not start positive", days(3), [0, 5, 1]],
  ])("is null for %s", (_, ts, equity) => {
    expect(maxDrawdown(ts, equity)).toBeNull();
  });

  it("equals the brute-force lowest later-over-earlier ratio on any positive curve", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 80 }), (equity) => {
        const expected = bruteForce(equity);
        const dd = maxDrawdown(days(equity.length), equity);
        expect(dd?.depth ?? 0).toBeCloseTo(expected, 12);
      }),
    );
  });
});
