import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LinearSlope, linearSlopeColumn } from "../../src/indicators/linear-slope.js";
import { randomPrices, testIndicatorContract } from "./indicator-contract.js";
import { sp500Daily } from "./sp500-daily.js";

const sp = sp500Daily();

testIndicatorContract({
  name: "LinearSlope",
  periods: [2, 3, 5, 20, 60],
  invalidPeriods: [1, 0, 2.5],
  requiredInputs: (p) => p,
  create: (p) => new LinearSlope(p),
  update: (slope, [x]) => slope.update(x!),
  column: ([x], p) => linearSlopeColumn(x!, p),
  columns: [sp.close],
  arbitrary: randomPrices(1),
});

/** The least-squares slope of ys against 0, 1, ..., n - 1, straight from the definition. */
function naiveSlope(ys: readonly number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0;
  ys.forEach((y, k) => { sxy += (k - mx) * (y - my); sxx += (k - mx) ** 2; });
  return sxy / sxx;
}

describe("LinearSlope", () => {
  it("gives the slope of hand-computed lines: 2 for 1, 3, 5 and 0.5 for 1, 1, 2, 2", () => {
    expect(Array.from(linearSlopeColumn([1, 3, 5, 10], 3))).toEqual([NaN, NaN, 2, 3.5]);
    // 1, 1, 2, 2 against 0..3: sxy = (-1.5)(-0.5) + (-0.5)(-0.5) + (0.5)(0.5) + (1.5)(0.5) = 2, sxx = 5: 0.4
    expect(linearSlopeColumn([1, 1, 2, 2], 4)[3]).toBeCloseTo(0.4, 15);
  });

  it("equals the textbook least-squares slope of every window of the S&P 500 log closes", () => {
    const logs = Array.from(sp.close, Math.log);
    const ours = linearSlopeColumn(logs, 20);
    for (let i = 19; i < logs.length; i++) {
      const expected = naiveSlope(logs.slice(i - 19, i + 1));
      expect(Math.abs(ours[i]! - expected)).toBeLessThan(1e-12);
    }
  });

  it("matches the textbook slope on random inputs", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 5, maxLength: 80 }), fc.integer({ min: 2, max: 5 }), (xs, p) => {
      const out = linearSlopeColumn(xs, p);
      for (let i = p - 1; i < xs.length; i++) expect(out[i]!).toBeCloseTo(naiveSlope(xs.slice(i - p + 1, i + 1)), 6);
    }));
  });
});
