import { describe, expect, it } from "vitest";
import { toDanfo } from "../../src/node/to-danfo.js";
import { barColumns } from "../../src/data/bar-table.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";

const bars = randomWalkBars(40);
const c = barColumns(bars);

/** Sample standard deviation (n - 1), as danfo computes it. */
function std(a: Float64Array): number {
  const m = a.reduce((s, v) => s + v, 0) / a.length;
  return Math.sqrt(a.reduce((s, v) => s + (v - m) ** 2, 0) / (a.length - 1));
}

describe("toDanfo", () => {
  it("returns a DataFrame with the bar columns in schema order", () => {
    const df = toDanfo(bars);
    expect(df.shape).toEqual([40, 7]);
    expect(df.columns).toEqual(["tsOpen", "tsClose", "open", "high", "low", "close", "volume"]);
  });

  it("turns time columns into ISO UTC strings by default", () => {
    const df = toDanfo(bars);
    expect(df["tsClose"].values[0]).toBe(new Date(c.tsClose[0]!).toISOString());
    expect(df["tsOpen"].values[39]).toBe(new Date(c.tsOpen[39]!).toISOString());
    expect(df["close"].values[3]).toBe(c.close[3]);
  });

  it("keeps epoch ms when asked", () => {
    expect(toDanfo(bars, { times: "epoch-ms" })["tsClose"].values[5]).toBe(c.tsClose[5]);
  });

  it("computes the same summary statistics as the typed arrays", () => {
    const df = toDanfo(bars);
    expect(df["close"].mean()).toBeCloseTo(c.close.reduce((s, v) => s + v, 0) / 40, 10);
    expect(df["close"].std()).toBeCloseTo(std(c.close), 10);
    expect(df["low"].min()).toBe(Math.min(...c.low));
    expect(df["high"].max()).toBe(Math.max(...c.high));
  });

  it("describes the numeric columns and skips the ISO time columns", () => {
    const d = toDanfo(bars).describe();
    expect(d.columns).toEqual(["open", "high", "low", "close", "volume"]);
  });

  it("rejects an unknown times option", () => {
    expect(() => toDanfo(bars, { times: "dates" as "iso" })).toThrow(/invalid times: "dates"/);
  });
});
