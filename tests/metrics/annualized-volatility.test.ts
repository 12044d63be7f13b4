import { describe, expect, it } from "vitest";
import { annualizedVolatility } from "../../src/metrics/annualized-volatility.js";

const growth = (rate: number, n: number) => Float64Array.from({ length: n }, (_, i) => (1 + rate) ** (i + 1) / (1 + rate) ** i - 1);

describe("annualizedVolatility", () => {
  it("is the sample standard deviation times sqrt(periodsPerYear)", () => {
    // mean 0; squares 0.0001 + 0.0001 = 0.0002; / (2 - 1) → std 0.0141421; × sqrt(252) = 0.2244994
    expect(annualizedVolatility(Float64Array.of(0.01, -0.01), { periodsPerYear: 252 })).toBeCloseTo(0.2244994432, 9);
    // returns 0.1, -0.1, 0.2, -0.1: mean 0.025, squared deviations sum 0.0675, / 3 = 0.0225 → std 0.15; × sqrt(4) = 0.3
    expect(annualizedVolatility([0.1, -0.1, 0.2, -0.1], { periodsPerYear: 4 })).toBeCloseTo(0.3, 12);
  });

  it("defaults to 252 periods a year", () => {
    expect(annualizedVolatility([0.01, -0.01])).toBeCloseTo(0.2244994432, 9);
  });

  it.each([
    ["flat returns", new Float64Array(10)],
    ["constant 1% growth (returns equal up to rounding)", growth(0.01, 50)],
  ])("is 0 for %s", (_, returns) => {
    expect(annualizedVolatility(returns, { periodsPerYear: 252 })).toBe(0);
  });

  it.each([
    ["no return", []],
    ["one return", [0.01]],
    ["a NaN return", [0.01, NaN, 0.02]],
  ])("is null for %s", (_, returns) => {
    expect(annualizedVolatility(returns)).toBeNull();
  });

  it("rejects a non-positive periodsPerYear", () => {
    expect(() => annualizedVolatility([0.01, 0.02], { periodsPerYear: 0 })).toThrow(/invalid periodsPerYear: 0/);
  });
});
