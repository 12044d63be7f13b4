import { ADX as LibADX, DX as LibDX } from "trading-signals";
import { describe, expect, it } from "vitest";
import { ADX, adxColumns } from "../../src/indicators/adx.js";
import { randomPrices, testIndicatorContract } from "./indicator-contract.js";
import { expectSameSeries, firstValueIndex, sp500Daily } from "./sp500-daily.js";

const sp = sp500Daily();
const periods = [1, 2, 5, 14, 20, 50, 200];

testIndicatorContract({
  name: "ADX",
  periods,
  requiredInputs: (p) => Math.max(2 * p - 1, 2),
  create: (p) => new ADX(p),
  update: (adx, [h, l, c]) => adx.update(h!, l!, c!),
  column: ([h, l, c], p) => adxColumns(h!, l!, c!, p).adx,
  columns: [sp.high, sp.low, sp.close],
  arbitrary: randomPrices(3),
});

/** Bars whose up move equals their down move: our +DM and -DM are both 0 there, trading-signals counts both. */
function tieIndices(high: Float64Array, low: Float64Array): number[] {
  const ties: number[] = [];
  for (let i = 1; i < high.length; i++) if (high[i]! - high[i - 1]! === low[i - 1]! - low[i]! && high[i]! > high[i - 1]!) ties.push(i);
  return ties;
}

/** trading-signals' ADX, DI (as ratios, so times 100) and DX on the bars. */
function libSeries(high: Float64Array, low: Float64Array, close: Float64Array, period: number) {
  const adx = new LibADX(period);
  const dx = new LibDX(period);
  const out = { adx: [] as (number | null)[], plusDI: [] as (number | null)[], minusDI: [] as (number | null)[], dx: [] as (number | null)[] };
  close.forEach((c, i) => {
    const bar = { high: high[i]!, low: low[i]!, close: c };
    out.adx.push(adx.add(bar));
    out.dx.push(dx.add(bar));
    out.plusDI.push(typeof adx.pdi === "number" ? 100 * adx.pdi : null);
    out.minusDI.push(typeof adx.mdi === "number" ? 100 * adx.mdi : null);
  });
  return out;
}

describe("ADX against trading-signals on the S&P 500 daily bars", () => {
  const ties = tieIndices(sp.high, sp.low);
  // The single tie is broken by lowering that low by 1e-6 (the down move wins, as in both conventions).
  const low = Float64Array.from(sp.low, (v, i) => (ties.includes(i) ? v - 1e-6 : v));

  it("has exactly one bar whose up and down moves tie (2005-05-09)", () => {
    expect(ties.map((i) => sp.date[i])).toEqual(["2005-05-09"]);
  });

  it.each(periods)("equals trading-signals ADX(%i), +DI, -DI and DX to 1e-9 at every index once the tie is broken", (period) => {
    const ours = adxColumns(sp.high, low, sp.close, period);
    const lib = libSeries(sp.high, low, sp.close, period);
    expectSameSeries(ours.adx, lib.adx);
    expectSameSeries(ours.plusDI, lib.plusDI);
    expectSameSeries(ours.minusDI, lib.minusDI);
    const indicator = new ADX(period);
    expectSameSeries(Array.from(sp.close, (c, i) => (indicator.update(sp.high[i]!, low[i]!, c), indicator.dx ?? Number.NaN)), lib.dx);
    expect(firstValueIndex(ours.plusDI)).toBe(Math.max(period - 1, 1));
    expect(firstValueIndex(ours.adx)).toBe(Math.max(2 * period - 2, 1));
  });

  it.each(periods)("equals trading-signals ADX(%i) to 1e-9 on the untouched data up to the tie", (period) => {
    const end = ties[0]!;
    const ours = adxColumns(sp.high, sp.low, sp.close, period);
    const lib = libSeries(sp.high, sp.low, sp.close, period);
    expectSameSeries(ours.adx.subarray(0, end), lib.adx.slice(0, end));
    expectSameSeries(ours.plusDI.subarray(0, end), lib.plusDI.slice(0, end));
  });
});

describe("ADX", () => {
  it("gives neither +DM nor -DM to a bar whose up and down moves tie (Wilder, TA-Lib), where trading-signals counts both", () => {
    const high = Float64Array.of(10, 12, 11), low = Float64Array.of(8, 6, 7), close = Float64Array.of(9, 9, 9);
    const ours = adxColumns(high, low, close, 2);
    // Bar 1 ties (up 2, down 2): smoothed +DM = (0 + 0) / 2 = 0 and so +DI = 0; trading-signals gets (0 + 2) / 2.
    expect(ours.plusDI[1]).toBe(0);
    expect(ours.minusDI[1]).toBe(0);
    const lib = new LibADX(2);
    lib.add({ high: 10, low: 8, close: 9 });
    lib.add({ high: 12, low: 6, close: 9 });
    expect(lib.pdi).toBeGreaterThan(0);
  });

  it("reports DI 0 and ADX 0 for flat bars, where trading-signals gives NaN", () => {
    const flat = new Float64Array(10).fill(100);
    const ours = adxColumns(flat, flat, flat, 3);
    expect(Array.from(ours.adx.subarray(4))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(ours.plusDI.subarray(2))).toEqual(new Array(8).fill(0));
  });

  it("reports +DI and -DI from bar period on, before ADX is warm", () => {
    const adx = new ADX(14);
    for (let i = 0; i < 13; i++) adx.update(sp.high[i]!, sp.low[i]!, sp.close[i]!);
    expect(adx.plusDI).toBeUndefined();
    expect(adx.dx).toBeUndefined();
    adx.update(sp.high[13]!, sp.low[13]!, sp.close[13]!);
    expect(adx.plusDI).toEqual(expect.any(Number));
    expect(adx.minusDI).toEqual(expect.any(Number));
    expect(adx.isStable).toBe(false);
  });

  it("keeps ADX, +DI and -DI within [0, 100]", () => {
    const { adx, plusDI, minusDI } = adxColumns(sp.high, sp.low, sp.close, 14);
    for (const column of [adx, plusDI, minusDI]) for (const v of column) if (!Number.isNaN(v)) expect(v >= 0 && v <= 100).toBe(true);
  });

  it("rejects columns of different lengths", () => {
    expect(() => adxColumns(sp.high, sp.low, sp.close.subarray(2), 14)).toThrow(/invalid columns: .* \(expected high, low and close of the same length\)/);
  });
});
