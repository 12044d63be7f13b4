import { describe, expect, it } from "vitest";
import { periodReturns } from "../../src/metrics/period-returns.js";

describe("periodReturns", () => {
  it("gives one simple return per pair of points, stamped with the later time", () => {
    // 110 / 100 - 1 = 0.1; 99 / 110 - 1 = -0.1
    const r = periodReturns(Float64Array.of(1000, 2000, 3000), Float64Array.of(100, 110, 99));
    expect([...r.ts]).toEqual([2000, 3000]);
    expect(r.returns[0]).toBeCloseTo(0.1, 15);
    expect(r.returns[1]).toBeCloseTo(-0.1, 15);
  });

  it.each([
    ["no point", [], []],
    ["one point", [0], [100]],
  ])("gives no return for %s", (_, ts, equity) => {
    expect(periodReturns(ts, equity).returns.length).toBe(0);
  });

  it("gives NaN for a period that starts at zero or negative equity", () => {
    // 100 -> 0: -100%; 0 -> 5 and -5 -> 10 have no defined return
    const r = periodReturns([0, 1, 2, 3], [100, 0, -5, 10]);
    expect(r.returns[0]).toBe(-1);
    expect(r.returns[1]).toBeNaN();
    expect(r.returns[2]).toBeNaN();
  });

  it("accepts plain number arrays", () => {
    expect([...periodReturns([0, 1], [200, 250]).returns]).toEqual([0.25]);
  });

  it.each([
    ["lengths that differ", [0, 1, 2], [1, 2], /invalid equity: "length 2" \(expected one value per timestamp \(3\)\)/],
    ["a timestamp that goes back", [0, 2, 1], [1, 2, 3], /invalid ts\[2\]: 1 \(expected a time after ts\[1\] = 2\)/],
    ["a repeated timestamp", [0, 1, 1], [1, 2, 3], /invalid ts\[2\]/],
    ["a NaN equity", [0, 1], [1, NaN], /invalid equity\[1\]: "NaN" \(expected a finite number\)/],
  ])("rejects %s", (_, ts, equity, message) => {
    expect(() => periodReturns(ts, equity)).toThrow(message);
  });
});
