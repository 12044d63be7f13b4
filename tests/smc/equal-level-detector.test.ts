import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { barAt, barColumns } from "../../src/data/bar-table.js";
import { EqualLevelDetector, detectEqualLevels, type EqualLevel } from "../../src/smc/equal-level-detector.js";
import { HAND, LIQUIDITY_T0, HOUR_MS, gridRows, liquidityBars, swingOracle, tableRows, type LiquidityRow } from "./liquidity-bars.js";

const close = (i: number) => LIQUIDITY_T0 + (i + 1) * HOUR_MS;

const run = (rows: readonly LiquidityRow[], options = {}) => {
  const table = liquidityBars(rows);
  const c = barColumns(table);
  const d = new EqualLevelDetector(options);
  return rows.flatMap((_, i) => [...d.update(barAt(c, i, "LIQ"))]);
};

describe("EqualLevelDetector", () => {
  it("pairs two consecutive swing highs within 0.1 % and reports them when the second is confirmed", () => {
    expect(run(HAND, { swingLength: 2 })).toEqual([{
      kind: "equal-highs", ts: close(6), knownAt: close(8), index: 6, knownIndex: 8,
      top: 15, bottom: 14.99, level: 15, firstTs: close(2), firstIndex: 2,
    }]);
  });

  it.each([
    [{ swingLength: 2, tolerance: 0.0006 }, 0], // 0.01 > 0.0006 x 15
    [{ swingLength: 2, tolerance: 0.0007 }, 1], // 0.01 <= 0.0105
    [{ swingLength: 2, toleranceBasis: "atr", tolerance: 0.01, atrPeriod: 3 }, 1], // ATR ~3 at row 8
    [{ swingLength: 2, toleranceBasis: "atr", tolerance: 0.001, atrPeriod: 3 }, 0],
    [{ swingLength: 2, toleranceBasis: "atr", tolerance: 10, atrPeriod: 20 }, 0], // ATR never warm: no pairs
    [{ swingLength: 3 }, 0], // 15 at row 2 has only two bars on its left
  ])("applies the tolerance %j", (options, count) => {
    expect(run(HAND, options)).toHaveLength(count);
  });

  it("pairs equal lows and chains three equal swings into two pairs", () => {
    const rows: LiquidityRow[] = [[12, 11, 11.5], [11, 10, 10.5], [12, 11, 11.5], [11, 10, 10.5], [12, 11, 11.5], [11, 10.005, 10.5], [12, 11, 11.5]];
    const out = run(rows, { swingLength: 1 });
    expect(out.map((p) => [p.kind, p.firstIndex, p.index, p.knownIndex, p.level])).toEqual([
      ["equal-lows", 1, 3, 4, 10],
      ["equal-highs", 2, 4, 5, 12],
      ["equal-lows", 3, 5, 6, 10], // 10.005 is within 0.1 % of 10; the level is the lower one
    ]);
  });

  it("gives the same rows in batch as incrementally, and matches a brute-force oracle", () => {
    const rows = fc.tuple(fc.array(fc.integer({ min: -6, max: 6 }).map((x) => x / 10), { maxLength: 150, size: "max" }), fc.array(fc.constantFrom(0, 0, 0.1, 0.3), { minLength: 1, maxLength: 9 }));
    const options = fc.record({ swingLength: fc.integer({ min: 1, max: 4 }), tolerance: fc.constantFrom(0, 0.0005, 0.001, 0.004) });
    fc.assert(
      fc.property(rows, options, ([steps, wicks], o) => {
        const r = gridRows(steps, wicks);
        const incremental = run(r, o);
        expect(incremental).toEqual(equalLevelOracle(r, o.swingLength, o.tolerance));
        if (r.length > 0) expect(tableRows(detectEqualLevels(liquidityBars(r), o))).toEqual(incremental.map((p) => ({ ...p })));
      }),
      { numRuns: 300 },
    );
  });

  it("rejects bad options", () => {
    expect(() => new EqualLevelDetector({ tolerance: -1 })).toThrow(/invalid tolerance: -1 \(expected a number >= 0\)/);
    expect(() => new EqualLevelDetector({ tolerance: 5 })).toThrow(/invalid tolerance: 5 \(expected a number in \[0, 1\]\)/);
    expect(() => new EqualLevelDetector({ toleranceBasis: "pips" as never })).toThrow(/invalid toleranceBasis: "pips" \(expected one of "price", "atr"\)/);
    expect(() => new EqualLevelDetector({ swingLength: 0 })).toThrow(/invalid swingLength: 0/);
    expect(() => new EqualLevelDetector({ toleranceBasis: "atr", atrPeriod: 1.5 })).toThrow(/invalid atrPeriod: 1.5/);
  });
});

function equalLevelOracle(rows: readonly LiquidityRow[], length: number, tolerance: number): EqualLevel[] {
  const out: EqualLevel[] = [];
  const last: Record<string, { index: number; price: number } | undefined> = {};
  for (const s of swingOracle(rows, length)) {
    const p = last[s.kind];
    last[s.kind] = s;
    if (p === undefined || !(Math.abs(s.price - p.price) <= tolerance * p.price)) continue;
    const high = s.kind === "swing-high";
    const top = Math.max(s.price, p.price), bottom = Math.min(s.price, p.price);
    out.push({
      kind: high ? "equal-highs" : "equal-lows", ts: close(s.index), knownAt: close(s.index + length), index: s.index, knownIndex: s.index + length,
      top, bottom, level: high ? top : bottom, firstTs: close(p.index), firstIndex: p.index,
    });
  }
  return out;
}
