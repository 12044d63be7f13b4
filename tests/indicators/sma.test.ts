import fc from "fast-check";
import { SMA as LibSMA } from "trading-signals";
import { describe, expect, it } from "vitest";
import { SMA, smaColumn } from "../../src/indicators/sma.js";
import { randomPrices, testIndicatorContract } from "./indicator-contract.js";
import { expectSameSeries, firstValueIndex, sp500Daily } from "./sp500-daily.js";

const { close } = sp500Daily();
const periods = [1, 2, 5, 14, 20, 50, 200];

testIndicatorContract({
  name: "SMA",
  periods,
  requiredInputs: (p) => p,
  create: (p) => new SMA(p),
  update: (sma, [v]) => sma.update(v!),
  column: ([values], p) => smaColumn(values!, p),
  columns: [close],
  arbitrary: randomPrices(1),
});

describe("SMA against trading-signals on the S&P 500 daily closes", () => {
  it.each(periods)("equals trading-signals SMA(%i) to 1e-9 at every index, first value at index period - 1", (period) => {
    const lib = new LibSMA(period);
    const expected = Array.from(close, (v) => lib.add(v));
    const ours = smaColumn(close, period);
    expectSameSeries(ours, expected);
    expect(firstValueIndex(ours)).toBe(period - 1);
  });
});

describe("SMA", () => {
  it("averages the last period inputs", () => {
    expect(Array.from(smaColumn([1, 2, 3, 4, 5], 3))).toEqual([NaN, NaN, 2, 3, 4]);
  });

  it("does not drift over a million updates of large, changing values", () => {
    const sma = new SMA(7);
    let x = 1e6;
    for (let i = 0; i < 1_000_000; i++) sma.update((x = x * 1.0000001 + (i % 13) * 0.37));
    const tail = [];
    for (let i = 0; i < 7; i++) tail.push((x = x * 1.0000001 + ((1_000_000 + i) % 13) * 0.37));
    let last = 0;
    for (const v of tail) last = sma.update(v)!;
    expect(Math.abs(last - tail.reduce((a, b) => a + b, 0) / 7) / last).toBeLessThan(1e-14);
  });
});

describe("SMA.add", () => {
  it("leaves the same state as update for every input, NaN included", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.oneof(fc.double({ min: 1, max: 1000, noNaN: true }), fc.constant(Number.NaN)), { maxLength: 80 }), (period, values) => {
        const a = new SMA(period), b = new SMA(period);
        for (const v of values) {
          a.update(v);
          b.add(v);
          expect(Object.is(b.getResultOrNaN(), a.getResultOrNaN())).toBe(true);
          expect(b.seenInputs).toBe(a.seenInputs);
        }
      }),
    );
  });
});
