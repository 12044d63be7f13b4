import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { barAt, barColumns } from "../../src/data/bar-table.js";
import { SweepDetector, detectSweeps, type Sweep } from "../../src/smc/sweep-detector.js";
import { HAND, LIQUIDITY_T0, HOUR_MS, gridRows, swingOracle, liquidityBars, tableRows, type LiquidityRow } from "./liquidity-bars.js";

const close = (i: number) => LIQUIDITY_T0 + (i + 1) * HOUR_MS;

const run = (rows: readonly LiquidityRow[], options = {}) => {
  const c = barColumns(liquidityBars(rows));
  const d = new SweepDetector(options);
  return rows.flatMap((_, i) => [...d.update(barAt(c, i, "LIQ"))]);
};

describe("SweepDetector", () => {
  it("sweeps an equal-highs level and a swing low once each, and ignores a break (hand case)", () => {
    // Row 10 wicks to 15.05 above the equal highs at 15 (rows 2 and 6) and closes at 14.9: a sweep.
    // Row 11 trades higher again: the level is gone. Row 12 wicks to 9.4 under the swing low 9.5 (row 8)
    // and closes at 9.6: a sweep. Row 13 goes under the swing low 9 (row 4) and closes below it: a break.
    expect(run(HAND, { swingLength: 2 })).toEqual([
      { kind: "sweep-high", ts: close(10), knownAt: close(10), index: 10, knownIndex: 10, top: 15.05, bottom: 15, level: 15, sweptKind: "equal-highs", sweptTs: close(6), sweptIndex: 6 },
      { kind: "sweep-low", ts: close(12), knownAt: close(12), index: 12, knownIndex: 12, top: 9.5, bottom: 9.4, level: 9.5, sweptKind: "swing-low", sweptTs: close(8), sweptIndex: 8 },
    ]);
  });

  it("sweeps the earlier swing high on the bar that makes a slightly higher one", () => {
    const rows = HAND.map((r, i) => (i === 6 ? ([15.01, 13, 14] as const) : r));
    const out = run(rows, { swingLength: 2 });
    expect(out.map((s) => [s.kind, s.index, s.level, s.sweptKind, s.sweptIndex])).toEqual([
      ["sweep-high", 6, 15, "swing-high", 2], // row 6 takes 15 and closes at 14
      ["sweep-high", 10, 15.01, "swing-high", 6], // row 6 pairs with row 2, but 15 was already taken
      ["sweep-low", 12, 9.5, "swing-low", 8],
    ]);
  });

  it("lists the intact levels and forgets them on reset", () => {
    const c = barColumns(liquidityBars(HAND));
    const d = new SweepDetector({ swingLength: 2 });
    for (let i = 0; i < 10; i++) d.update(barAt(c, i, "LIQ"));
    expect(d.activeLevels()).toEqual({
      highs: [{ kind: "equal-highs", level: 15, ts: close(6), index: 6, lastSwingIndex: 6 }],
      lows: [{ kind: "swing-low", level: 9, ts: close(4), index: 4, lastSwingIndex: 4 }],
    });
    d.reset();
    expect(d.activeLevels()).toEqual({ highs: [], lows: [] });
    expect(d.update(barAt(c, 0, "LIQ"))).toEqual([]);
  });

  it("rejects bars out of time order", () => {
    const c = barColumns(liquidityBars(HAND));
    const d = new SweepDetector();
    d.update(barAt(c, 1, "LIQ"));
    expect(() => d.update(barAt(c, 0, "LIQ"))).toThrow(/invalid bar: tsClose .* is not after/);
  });

  it("gives the same rows in batch as incrementally, and matches a brute-force oracle", () => {
    const rows = fc.tuple(fc.array(fc.integer({ min: -6, max: 6 }).map((x) => x / 10), { maxLength: 150, size: "max" }), fc.array(fc.constantFrom(0, 0, 0.1, 0.3), { minLength: 1, maxLength: 9 }));
    const options = fc.record({ swingLength: fc.integer({ min: 1, max: 4 }), tolerance: fc.constantFrom(0, 0.0005, 0.001, 0.004) });
    fc.assert(
      fc.property(rows, options, ([steps, wicks], o) => {
        const r = gridRows(steps, wicks);
        const incremental = run(r, o);
        expect(incremental).toEqual(sweepOracle(r, o.swingLength, o.tolerance));
        if (r.length > 0) expect(tableRows(detectSweeps(liquidityBars(r), o))).toEqual(incremental.map((s) => ({ ...s })));
      }),
      { numRuns: 300 },
    );
  });
});

interface OracleLevel { kind: Sweep["sweptKind"]; level: number; index: number; last: number; order: number }

/** Sweeps by the documented rules, scanning every intact level on every bar (no stack). */
function sweepOracle(rows: readonly LiquidityRow[], length: number, tolerance: number): Sweep[] {
  const swings = swingOracle(rows, length);
  const out: Sweep[] = [];
  const levels: OracleLevel[] = [];
  const lastSwing: Record<string, { index: number; price: number } | undefined> = {};
  let order = 0;
  rows.forEach(([high, low, c], t) => {
    for (const side of ["high", "low"] as const) {
      const sign = side === "high" ? 1 : -1;
      const extreme = side === "high" ? high : low;
      const taken = levels
        .filter((l) => l.kind.endsWith(side === "high" ? "highs" : "lows") || l.kind === `swing-${side}`)
        .filter((l) => (extreme - l.level) * sign > 0)
        .sort((a, b) => (a.level - b.level) * sign || b.order - a.order);
      for (const l of taken) {
        levels.splice(levels.indexOf(l), 1);
        if ((c - l.level) * sign <= 0) {
          out.push({
            kind: `sweep-${side}`, ts: close(t), knownAt: close(t), index: t, knownIndex: t,
            top: side === "high" ? high : l.level, bottom: side === "high" ? l.level : low,
            level: l.level, sweptKind: l.kind, sweptTs: close(l.index), sweptIndex: l.index,
          });
        }
      }
    }
    for (const s of swings.filter((x) => x.index + length === t)) {
      const p = lastSwing[s.kind];
      lastSwing[s.kind] = s;
      const paired = p !== undefined && Math.abs(s.price - p.price) <= tolerance * p.price;
      const holder = paired ? levels.find((l) => l.last === p.index && l.kind.includes(s.kind === "swing-high" ? "high" : "low")) : undefined;
      if (holder !== undefined) {
        holder.kind = s.kind === "swing-high" ? "equal-highs" : "equal-lows";
        holder.level = s.kind === "swing-high" ? Math.max(holder.level, s.price) : Math.min(holder.level, s.price);
        holder.index = s.index;
        holder.last = s.index;
      } else {
        levels.push({ kind: s.kind, level: s.price, index: s.index, last: s.index, order: order++ });
      }
    }
  });
  return out;
}
