import { describe, expect, it } from "vitest";
import { HOUR } from "../../src/core/time.js";
import { exposureStats } from "../../src/metrics/exposure-stats.js";

describe("exposureStats", () => {
  it("weighs each point's exposure by the time until the next point", () => {
    // intervals [0,1h) at 1, [1h,3h) at 0: 1h in the market of 3h; 1 of 2 periods; mean exposure (1 × 1h) / 3h
    expect(exposureStats([0, HOUR, 3 * HOUR], [1, 0, 0])).toEqual({ timeInMarket: 1 / 3, periodsInMarket: 0.5, averageExposure: 1 / 3 });
  });

  it("ignores the exposure of the last point and reports leverage in the average", () => {
    // equal intervals held at 0, 1, 2, 0 (the last point's 0.5 weighs nothing):
    // in the market 2 of 4 intervals; average (0 + 1 + 2 + 0) / 4 = 0.75
    expect(exposureStats([0, 1, 2, 3, 4], [0, 1, 2, 0, 0.5])).toEqual({ timeInMarket: 0.5, periodsInMarket: 0.5, averageExposure: 0.75 });
  });

  it("counts a night held as time in the market but as one period", () => {
    // held over a 16h night, flat over two 1h bars: time 16 / 18, periods 1 / 3
    const stats = exposureStats([0, 16 * HOUR, 17 * HOUR, 18 * HOUR], [1, 0, 0, 0])!;
    expect(stats.timeInMarket).toBeCloseTo(16 / 18, 15);
    expect(stats.periodsInMarket).toBeCloseTo(1 / 3, 15);
  });

  it.each([
    ["no point", [], []],
    ["one point", [0], [1]],
  ])("is null for %s", (_, ts, exposure) => {
    expect(exposureStats(ts, exposure)).toBeNull();
  });

  it.each([
    ["a negative exposure", [0, 1], [0, -1], /invalid exposure\[1\]: -1 \(expected a finite number >= 0/],
    ["a NaN exposure", [0, 1], [NaN, 0], /invalid exposure\[0\]: "NaN"/],
    ["lengths that differ", [0, 1], [0], /invalid exposure: "length 1"/],
  ])("rejects %s", (_, ts, exposure, message) => {
    expect(() => exposureStats(ts, exposure)).toThrow(message);
  });
});
