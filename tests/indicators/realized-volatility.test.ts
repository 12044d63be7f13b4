import { getLogReturns, getStandardDeviation } from "trading-signals";
import { describe, expect, it } from "vitest";
import { InvalidOptionError } from "../../src/core/errors.js";
import { RealizedVolatility, realizedVolatilityColumn } from "../../src/indicators/realized-volatility.js";
import { randomPrices, testIndicatorContract } from "./indicator-contract.js";
import { expectSameSeries, firstValueIndex, sp500Daily } from "./sp500-daily.js";

const { close } = sp500Daily();
const periods = [2, 5, 14, 20, 63, 252];

for (const estimator of ["sample", "population"] as const) {
  testIndicatorContract({
    name: "RealizedVolatility",
    label: `RealizedVolatility (${estimator})`,
    periods: estimator === "sample" ? periods : [1, ...periods],
    invalidPeriods: estimator === "sample" ? [0, 1, 2.5, Number.NaN, "14", undefined] : undefined,
    requiredInputs: (p) => p + 1,
    create: (p) => new RealizedVolatility(p, { estimator }),
    update: (vol, [v]) => vol.update(v!),
    column: ([values], p) => realizedVolatilityColumn(values!, p, { estimator }),
    columns: [close],
    arbitrary: randomPrices(1),
  });
}

/** The standard deviation of each window of `period` log returns, summed out in full for every index. */
function reference(prices: ArrayLike<number>, period: number, ddof: 0 | 1): number[] {
  const out: number[] = [];
  for (let t = 0; t < prices.length; t++) {
    if (t < period) {
      out.push(Number.NaN);
      continue;
    }
    const returns: number[] = [];
    for (let i = t - period + 1; i <= t; i++) returns.push(Math.log(prices[i]! / prices[i - 1]!));
    const mean = returns.reduce((a, b) => a + b, 0) / period;
    out.push(Math.sqrt(returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (period - ddof)));
  }
  return out;
}

describe("RealizedVolatility on the S&P 500 daily closes", () => {
  it.each(periods)("with the sample estimator (default) equals the O(n * period) reference to 1e-9, first value at index period (%i)", (period) => {
    const ours = realizedVolatilityColumn(close, period);
    expectSameSeries(ours, reference(close, period, 1));
    expect(firstValueIndex(ours)).toBe(period);
  });

  it.each([1, ...periods])("with the population estimator equals the O(n * period) reference to 1e-9 (period %i)", (period) => {
    expectSameSeries(realizedVolatilityColumn(close, period, { estimator: "population" }), reference(close, period, 0));
  });

  it.each([5, 20, 252])("with the population estimator equals trading-signals getStandardDeviation(getLogReturns(window)) to 1e-9 (period %i)", (period) => {
    const expected = Array.from(close, (_, t) => (t < period ? null : getStandardDeviation(getLogReturns(Array.from(close.subarray(t - period, t + 1))))));
    expectSameSeries(realizedVolatilityColumn(close, period, { estimator: "population" }), expected);
  });

  it("annualizes by the square root of periodsPerYear", () => {
    const daily = realizedVolatilityColumn(close, 20);
    const annual = realizedVolatilityColumn(close, 20, { periodsPerYear: 252 });
    expectSameSeries(annual, Array.from(daily, (v) => v * Math.sqrt(252)), 1e-12);
    // Sanity: the 2008 crisis shows annualized 20-day volatility above 80%.
    expect(Math.max(...annual.filter((v) => !Number.isNaN(v)))).toBeGreaterThan(0.8);
  });
});

describe("RealizedVolatility", () => {
  it("is 0 for prices that grow at a constant rate", () => {
    const prices = Array.from({ length: 30 }, (_, i) => 100 * 1.01 ** i);
    const vol = realizedVolatilityColumn(prices, 10);
    for (const v of vol.subarray(10)) expect(v).toBeLessThan(1e-15);
  });

  it("rejects a sample window of one return, a non-positive price and a bad periodsPerYear", () => {
    expect(() => new RealizedVolatility(1)).toThrow(/^invalid period: 1 \(expected an integer >= 2\)/);
    expect(() => new RealizedVolatility(5).update(0)).toThrow(InvalidOptionError);
    expect(() => new RealizedVolatility(5).update(-3)).toThrow(/invalid price: -3 \(expected a positive number\)/);
    expect(() => new RealizedVolatility(5, { periodsPerYear: 0 })).toThrow(/invalid periodsPerYear: 0/);
    expect(() => new RealizedVolatility(5, { estimator: "garman" as "sample" })).toThrow(/invalid estimator: "garman"/);
  });
});
