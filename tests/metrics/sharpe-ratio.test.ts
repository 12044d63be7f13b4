import { describe, expect, it } from "vitest";
import { sharpeRatio } from "../../src/metrics/sharpe-ratio.js";

describe("sharpeRatio", () => {
  it("is the mean over the sample standard deviation times sqrt(periodsPerYear)", () => {
    // mean 0.02, std sqrt((0.0001 + 0.0001) / 1) = 0.0141421; 0.02 / 0.0141421 × sqrt(4) = 2.8284271
    expect(sharpeRatio([0.01, 0.03], { periodsPerYear: 4 })).toBeCloseTo(2.8284271247, 9);
    // mean 0.025, std 0.15: 0.025 / 0.15 × sqrt(252) = sqrt(252) / 6 = sqrt(7)
    expect(sharpeRatio([0.1, -0.1, 0.2, -0.1])).toBeCloseTo(Math.sqrt(7), 12);
  });

  it("subtracts the risk-free rate compounded down to one period", () => {
    // annual 1.01^4 - 1 = 0.04060401 is 1% a quarter: (0.025 - 0.01) / 0.15 × 2 = 0.2
    expect(sharpeRatio([0.1, -0.1, 0.2, -0.1], { periodsPerYear: 4, riskFreeRate: 1.01 ** 4 - 1 })).toBeCloseTo(0.2, 12);
  });

  it.each([
    ["no return", []],
    ["one return", [0.05]],
    ["flat returns (zero volatility)", [0, 0, 0, 0]],
    ["constant returns", [0.01, 0.01, 0.01]],
    ["an infinite return", [0.01, Infinity]],
  ])("is null for %s", (_, returns) => {
    expect(sharpeRatio(returns)).toBeNull();
  });

  it.each([
    ["periodsPerYear", { periodsPerYear: -1 }, /invalid periodsPerYear: -1/],
    ["riskFreeRate", { riskFreeRate: Number.NaN }, /invalid riskFreeRate/],
  ])("rejects an invalid %s", (_, options, message) => {
    expect(() => sharpeRatio([0.01, 0.02], options)).toThrow(message);
  });
});
