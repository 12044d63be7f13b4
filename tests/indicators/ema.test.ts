import { EMA as LibEMA, RMA as LibRMA, SMA as LibSMA, WSMA as LibWSMA } from "trading-signals";
import { describe, expect, it } from "vitest";
import { InvalidOptionError } from "../../src/core/errors.js";
import { EMA, emaColumn } from "../../src/indicators/ema.js";
import { randomPrices, testIndicatorContract } from "./indicator-contract.js";
import { expectSameSeries, firstValueIndex, sp500Daily } from "./sp500-daily.js";

const { close } = sp500Daily();
const periods = [1, 2, 5, 14, 20, 50, 200];

testIndicatorContract({
  name: "EMA",
  periods,
  requiredInputs: (p) => p,
  create: (p) => new EMA(p),
  update: (ema, [v]) => ema.update(v!),
  column: ([values], p) => emaColumn(values!, p),
  columns: [close],
  arbitrary: randomPrices(1),
});

testIndicatorContract({
  name: "EMA",
  label: "EMA with seed 'first'",
  periods: [1, 3, 14],
  requiredInputs: (p) => p,
  create: (p) => new EMA(p, { seed: "first" }),
  update: (ema, [v]) => ema.update(v!),
  column: ([values], p) => emaColumn(values!, p, { seed: "first" }),
  columns: [close],
  arbitrary: randomPrices(1),
});

/** trading-signals reports a value from the first input; it counts as a result once `isStable`. */
function libSeries(make: () => { add(v: number): number | null; isStable: boolean }): (number | null)[] {
  const lib = make();
  return Array.from(close, (v) => {
    const r = lib.add(v);
    return lib.isStable ? r : null;
  });
}

/** The SMA-seeded EMA written out: trading-signals' SMA of the first period closes, then the recursion. */
function smaSeededReference(period: number, alpha: number): (number | null)[] {
  const seed = new LibSMA(period);
  const out: (number | null)[] = [];
  let ema = Number.NaN;
  close.forEach((v, i) => {
    if (i < period) ema = seed.add(v) ?? Number.NaN;
    else ema = alpha * v + (1 - alpha) * ema;
    out.push(i < period - 1 ? null : ema);
  });
  return out;
}

describe("EMA against trading-signals on the S&P 500 daily closes", () => {
  it.each(periods)("with seed 'first' equals trading-signals EMA(%i) to 1e-9 at every index, first value at index period - 1", (period) => {
    const ours = emaColumn(close, period, { seed: "first" });
    expectSameSeries(ours, libSeries(() => new LibEMA(period)));
    expect(firstValueIndex(ours)).toBe(period - 1);
  });

  it.each(periods)("with seed 'first' and alpha 1 / period equals trading-signals RMA(%i) to 1e-9", (period) => {
    expectSameSeries(emaColumn(close, period, { seed: "first", alpha: 1 / period }), libSeries(() => new LibRMA(period)));
  });

  it.each(periods)("with alpha 1 / period (Wilder) equals trading-signals WSMA(%i) to 1e-9", (period) => {
    expectSameSeries(emaColumn(close, period, { alpha: 1 / period }), libSeries(() => new LibWSMA(period)));
  });

  it.each(periods)("by default (seed 'sma') equals the SMA-seeded recursion to 1e-9 (period %i)", (period) => {
    const ours = emaColumn(close, period);
    expectSameSeries(ours, smaSeededReference(period, 2 / (period + 1)));
    expect(firstValueIndex(ours)).toBe(period - 1);
  });

  it.each([5, 14, 20, 50])("by default converges to trading-signals EMA(%i) within 1e-9 after 30 periods", (period) => {
    const expected = libSeries(() => new LibEMA(period)).map((v, i) => (i < 30 * period ? null : v));
    const ours = emaColumn(close, period).map((v, i) => (i < 30 * period ? Number.NaN : v));
    expectSameSeries(ours, expected);
  });
});

describe("EMA", () => {
  it("starts from the simple average of the first period inputs by default", () => {
    expect(Array.from(emaColumn([1, 2, 3, 4], 3))).toEqual([NaN, NaN, 2, 3]);
    expect(Array.from(emaColumn([1, 2, 3, 4], 3, { seed: "first" }))).toEqual([NaN, NaN, 2.25, 3.125]);
  });

  it.each([0, -0.1, 1.5, Number.NaN])("rejects alpha %s", (alpha) => {
    expect(() => new EMA(10, { alpha })).toThrow(InvalidOptionError);
    expect(() => new EMA(10, { alpha })).toThrow(/^invalid alpha: .* \(expected a number in \(0, 1\]\)/);
  });

  it("rejects an unknown seed", () => {
    expect(() => new EMA(10, { seed: "zero" as "sma" })).toThrow(/invalid seed: "zero" \(expected one of "sma", "first"\)/);
  });
});
