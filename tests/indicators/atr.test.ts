import { ATR as LibATR, EMA as LibEMA, SMA as LibSMA, TR as LibTR } from "trading-signals";
import { describe, expect, it } from "vitest";
import { ATR, atrColumn } from "../../src/indicators/atr.js";
import { emaColumn } from "../../src/indicators/ema.js";
import { randomPrices, testIndicatorContract } from "./indicator-contract.js";
import { expectSameSeries, firstValueIndex, sp500Daily } from "./sp500-daily.js";

const { high, low, close } = sp500Daily();
const periods = [1, 2, 5, 14, 20, 50, 200];

for (const smoothing of ["wilder", "sma", "ema"] as const) {
  testIndicatorContract({
    name: "ATR",
    label: `ATR with ${smoothing} smoothing`,
    periods: smoothing === "wilder" ? periods : [1, 5, 14],
    requiredInputs: (p) => p,
    create: (p) => new ATR(p, { smoothing }),
    update: (atr, [h, l, c]) => atr.update(h!, l!, c!),
    column: ([h, l, c], p) => atrColumn(h!, l!, c!, p, { smoothing }),
    columns: [high, low, close],
    arbitrary: randomPrices(3),
  });
}

const bars = Array.from(close, (c, i) => ({ high: high[i]!, low: low[i]!, close: c }));
const libSeries = (lib: { add(bar: (typeof bars)[number]): number | null; isStable: boolean }) =>
  bars.map((bar) => {
    const r = lib.add(bar);
    return lib.isStable ? r : null;
  });

describe("ATR against trading-signals on the S&P 500 daily bars", () => {
  it.each(periods)("with Wilder's smoothing (the default) equals trading-signals ATR(%i) to 1e-9, first value at index period - 1", (period) => {
    const ours = atrColumn(high, low, close, period);
    expectSameSeries(ours, libSeries(new LibATR(period)));
    expect(firstValueIndex(ours)).toBe(period - 1);
  });

  it.each(periods)("with SMA smoothing equals trading-signals ATR(%i, SMA) to 1e-9", (period) => {
    expectSameSeries(atrColumn(high, low, close, period, { smoothing: "sma" }), libSeries(new LibATR(period, LibSMA)));
  });

  it.each(periods)("with EMA smoothing equals our SMA-seeded EMA of trading-signals' true ranges to 1e-9 (period %i)", (period) => {
    const tr = new LibTR();
    const ranges = Float64Array.from(bars, (bar) => tr.add(bar)!);
    expectSameSeries(atrColumn(high, low, close, period, { smoothing: "ema" }), emaColumn(ranges, period));
  });

  it.each([5, 14, 20])("with EMA smoothing converges to trading-signals ATR(%i, EMA) within 1e-9 after 30 periods", (period) => {
    const late = (i: number) => i >= 30 * period;
    const expected = libSeries(new LibATR(period, LibEMA)).map((v, i) => (late(i) ? v : null));
    expectSameSeries(atrColumn(high, low, close, period, { smoothing: "ema" }).map((v, i) => (late(i) ? v : Number.NaN)), expected);
  });
});

describe("ATR", () => {
  it("takes high - low as the first bar's true range and the gap to the previous close after it", () => {
    const atr = new ATR(1);
    expect(atr.update(10, 8, 9)).toBe(2);
    expect(atr.trueRange).toBe(2);
    expect(atr.update(14, 12, 13)).toBe(5); // gap up: 14 - 9
    expect(atr.update(8, 7, 7.5)).toBe(6); // gap down: 13 - 7
  });

  it("rejects an unknown smoothing and columns of different lengths", () => {
    expect(() => new ATR(14, { smoothing: "hull" as "sma" })).toThrow(/invalid smoothing: "hull" \(expected one of "wilder", "sma", "ema"\)/);
    expect(() => atrColumn(high, low.subarray(1), close, 14)).toThrow(/invalid columns: .* \(expected high, low and close of the same length\)/);
  });
});
