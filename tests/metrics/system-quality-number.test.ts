import { describe, expect, it } from "vitest";
import { systemQualityNumber } from "../../src/metrics/system-quality-number.js";

describe("systemQualityNumber", () => {
  it("is sqrt(N) times the mean over the sample standard deviation", () => {
    // mean 3 / 5 = 0.6; deviations 0.4, -1.1, 1.4, -1.6, 0.9; squares sum 6.7; / 4 = 1.675 → std 1.2942179;
    // sqrt(5) × 0.6 / 1.2942179 = 1.0366421
    expect(systemQualityNumber([1, -0.5, 2, -1, 1.5])).toBeCloseTo(1.0366421107, 9);
  });

  it("does not depend on the unit of the trades", () => {
    expect(systemQualityNumber([100, -50, 200, -100, 150])).toBeCloseTo(systemQualityNumber([1, -0.5, 2, -1, 1.5])!, 12);
  });

  it.each([
    ["no trade", []],
    ["one trade", [2]],
    ["trades that do not vary", [1, 1, 1]],
    ["a NaN", [1, NaN]],
  ])("is null for %s", (_, values) => {
    expect(systemQualityNumber(values)).toBeNull();
  });
});
