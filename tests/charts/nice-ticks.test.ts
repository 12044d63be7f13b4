import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { niceTicks } from "../../src/charts/nice-ticks.js";

describe("niceTicks", () => {
  it.each([
    [0, 1, 4, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [-0.5, 1.5, 4, [-0.5, 0, 0.5, 1, 1.5]],
    [98000, 106000, 4, [98000, 100000, 102000, 104000, 106000]],
    [0.3, 0.31, 2, [0.3, 0.305, 0.31]],
  ])("gives round ticks over [%s, %s]", (lo, hi, count, ticks) => {
    expect(niceTicks(lo, hi, count)).toEqual(ticks);
  });

  it("gives the low end alone for an empty or non-finite range", () => {
    expect(niceTicks(1, 1, 4)).toEqual([1]);
    expect(niceTicks(0, NaN, 4)).toEqual([0]);
  });

  it("keeps ticks ascending and within the range for any range", () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (lo, span) => {
      const ticks = niceTicks(lo, lo + span, 4);
      expect(ticks.length).toBeGreaterThan(0);
      for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
      expect(ticks[0]!).toBeGreaterThanOrEqual(lo - span * 1e-6);
      expect(ticks[ticks.length - 1]!).toBeLessThanOrEqual(lo + span + span * 1e-6);
    }));
  });
});
