import { describe, expect, it } from "vitest";
import { InvalidOptionError } from "../../src/core/errors.js";
import { barColumns, barInfo } from "../../src/data/bar-table.js";
import { findBarIssues } from "../../src/data/validate-bars.js";
import { correlatedBars } from "../../src/synthetic/correlated-bars.js";

const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const sameBytes = (a: Float64Array, b: Float64Array) => Buffer.compare(bytes(a), bytes(b)) === 0;
const logReturns = (close: Float64Array) => Array.from(close.subarray(1), (c, i) => Math.log(c / close[i]!));

function corr(x: number[], y: number[]): number {
  const mx = x.reduce((a, b) => a + b, 0) / x.length, my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const sd = (x: number[]) => {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1));
};

describe("correlatedBars", () => {
  const target = [[1, 0.7, -0.4, 0], [0.7, 1, -0.2, 0.3], [-0.4, -0.2, 1, 0.1], [0, 0.3, 0.1, 1]];
  const symbols = ["SPY", "QQQ", "TLT", "GLD"];
  const volatility = [0.01, 0.014, 0.006, 0.009];
  const result = correlatedBars({ symbols, correlation: target, volatility, drift: 0.0002, n: 5000, seed: 17 });

  it("returns one valid bar table per symbol on a shared calendar", () => {
    expect(result.symbols).toEqual(symbols);
    expect(result.tables.map((t) => barInfo(t).symbol)).toEqual(symbols);
    const first = barColumns(result.tables[0]!);
    for (const t of result.tables) {
      const c = barColumns(t);
      expect(t.numRows).toBe(5000);
      expect(findBarIssues(c)).toEqual([]);
      expect(sameBytes(c.tsClose, first.tsClose)).toBe(true);
      expect(barInfo(t)).toMatchObject({ timeZone: "America/New_York", interval: "1d" });
    }
  });

  it("realises the target correlation and volatilities of daily log returns over 5,000 bars", () => {
    const rets = result.tables.map((t) => logReturns(barColumns(t).close));
    for (let i = 0; i < 4; i++) {
      expect(sd(rets[i]!) / volatility[i]!).toBeGreaterThan(0.95);
      expect(sd(rets[i]!) / volatility[i]!).toBeLessThan(1.05);
      for (let j = 0; j < i; j++) expect(Math.abs(corr(rets[i]!, rets[j]!) - target[i]![j]!)).toBeLessThan(0.05);
    }
  });

  it("gives byte-identical columns for the same options", () => {
    const again = correlatedBars({ symbols, correlation: target, volatility, drift: 0.0002, n: 5000, seed: 17 });
    result.tables.forEach((t, i) => {
      const a = barColumns(t), b = barColumns(again.tables[i]!);
      for (const f of ["tsOpen", "tsClose", "open", "high", "low", "close", "volume"] as const) expect(sameBytes(a[f], b[f])).toBe(true);
    });
    expect(sameBytes(barColumns(correlatedBars({ n: 50, seed: 18 }).tables[0]!).close, barColumns(correlatedBars({ n: 50, seed: 17 }).tables[0]!).close)).toBe(false);
  });

  it("defaults to three symbols with correlation 0.5 between each pair", () => {
    const r = correlatedBars({ n: 5 });
    expect(r.symbols).toEqual(["AAA", "BBB", "CCC"]);
    expect(r.correlation).toEqual([[1, 0.5, 0.5], [0.5, 1, 0.5], [0.5, 0.5, 1]]);
    expect(new Date(barColumns(r.tables[0]!).tsOpen[0]!).toISOString()).toBe("2020-01-02T14:30:00.000Z");
  });

  it("names the correlation argument when the matrix is not positive definite", () => {
    const bad = () => correlatedBars({ symbols: ["A", "B", "C"], correlation: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]] });
    expect(bad).toThrow(InvalidOptionError);
    expect(bad).toThrow(/invalid correlation: .*positive definite/);
  });

  it.each([
    [{ symbols: [] }, /invalid symbols/],
    [{ symbols: ["A", "A"] }, /invalid symbols: .*distinct/],
    [{ symbols: ["A", ""] }, /invalid symbols\[1\]/],
    [{ symbols: ["A", "B"] , correlation: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] }, /invalid correlation: .*2x2/],
    [{ symbols: ["A", "B"], correlation: [[1, 0.2], [0.1, 1]] }, /invalid correlation\[1\]\[0\].*symmetric/],
    [{ symbols: ["A", "B"], correlation: [[2, 0], [0, 1]] }, /invalid correlation\[0\]\[0\]/],
    [{ symbols: ["A", "B"], volatility: [0.01] }, /invalid volatility: .*one per symbol/],
    [{ symbols: ["A", "B"], volatility: [0.01, -1] }, /invalid volatility\[1\]/],
    [{ drift: Number.NaN }, /invalid drift/],
    [{ startPrice: [1, 2, 0] }, /invalid startPrice\[2\]/],
    [{ n: -5 }, /invalid n/],
    [{ seed: "x" }, /invalid seed/],
  ])("rejects %j", (options, message) => {
    expect(() => correlatedBars(options as never)).toThrow(message);
  });
});
