import { describe, expect, it } from "vitest";
import { downsideDeviation, sortinoRatio } from "../../src/metrics/sortino-ratio.js";

describe("downsideDeviation", () => {
  it("divides the squared shortfalls by the number of ALL periods", () => {
    // shortfalls 0 and -0.02: sqrt((0 + 0.0004) / 2) = 0.0141421 (over losing periods only it would be 0.02)
    expect(downsideDeviation([0.02, -0.02])).toBeCloseTo(0.0141421356, 9);
    // shortfalls below 0.01: -0.01 and -0.03: sqrt((0.0001 + 0.0009) / 3) = 0.0182574
    expect(downsideDeviation([0.02, 0, -0.02], 0.01)).toBeCloseTo(0.0182574186, 9);
  });

  it.each([
    ["one return", [0.01], null],
    ["a NaN return", [0.01, NaN], null],
    ["no return below target", [0.01, 0.02], 0],
  ])("gives %s → %s", (_, returns, expected) => {
    expect(downsideDeviation(returns)).toBe(expected);
  });
});

describe("sortinoRatio", () => {
  it("is the mean over the downside deviation times sqrt(periodsPerYear)", () => {
    // mean (0.02 - 0.02 + 0.03) / 3 = 0.01; dd sqrt(0.0004 / 3) = 0.0115470; 0.01 / 0.0115470 × sqrt(252) = 13.7477271
    expect(sortinoRatio([0.02, -0.02, 0.03])).toBeCloseTo(13.7477270849, 8);
    // returns 0.1, -0.1, 0.2, -0.1: mean 0.025; dd sqrt((0.01 + 0.01) / 4) = 0.0707107; 0.025 / 0.0707107 × 2 = 1 / sqrt(2)
    expect(sortinoRatio([0.1, -0.1, 0.2, -0.1], { periodsPerYear: 4 })).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it("measures against a target return compounded down to one period", () => {
    // target 1.01^4 - 1 a year = 0.01 a quarter; shortfalls -0.11, -0.11: dd sqrt(0.0242 / 4) = 0.0777817;
    // (0.025 - 0.01) / 0.0777817 × 2 = 0.3856946
    expect(sortinoRatio([0.1, -0.1, 0.2, -0.1], { periodsPerYear: 4, targetReturn: 1.01 ** 4 - 1 })).toBeCloseTo(0.3856946, 6);
  });

  it.each([
    ["one return", [0.01]],
    ["no return below the target (unbounded)", [0.01, 0.02, 0]],
    ["flat returns", [0, 0, 0]],
  ])("is null for %s", (_, returns) => {
    expect(sortinoRatio(returns)).toBeNull();
  });
});
