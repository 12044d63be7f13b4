import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SMA } from "../../src/indicators/sma.js";
import { SmaCrossState } from "../../src/strategy/sma-cross-state.js";

/** Closes of a seeded random walk with some NaN gaps and a wide range of magnitudes (rounding shows). */
function closes(n: number, seed: number): number[] {
  let x = seed, price = 1000;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const u = x / 2147483648;
    price *= 1 + (u - 0.5) * 0.07;
    out.push(i % 97 === 13 ? Number.NaN : price * (i % 500 < 250 ? 1 : 1e-3) + u / 3);
  }
  return out;
}

describe("SmaCrossState", () => {
  it.each([[10, 30], [1, 2], [3, 4], [7, 50], [29, 30]])("keeps SMA(%i) and SMA(%i) equal to two SMA objects, bit for bit", (fast, slow) => {
    const state = new SmaCrossState("X", fast, slow, 14, slow);
    const a = new SMA(fast), b = new SMA(slow);
    const column = Float64Array.from(closes(5000, fast * 31 + slow));
    for (let row = 0; row < column.length; row++) {
      const close = column[row]!;
      state.add(column, row);
      a.add(close);
      b.add(close);
      expect(state.seen).toBe(b.seenInputs);
      if (state.seen >= fast) expect(state.fastSum / fast).toBe(a.getResultOrThrow());
      if (state.seen >= slow) expect(state.slowSum / slow).toBe(b.getResultOrThrow());
    }
  });

  it("skips NaN closes and keeps the recent closes for inspection, NaN included", () => {
    const state = new SmaCrossState("X", 2, 3, 14, 3);
    const column = Float64Array.of(1, Number.NaN, 2, 3);
    for (let row = 0; row < column.length; row++) {
      const close = column[row]!;
      state.add(column, row);
      state.push(close, close, close);
    }
    expect(state.seen).toBe(3);
    expect(state.slowSum / 3).toBe(2);
    expect(state.recentCloses()).toEqual([Number.NaN, 2, 3]);
  });

  it("scanCross, in pieces of any length, keeps the sums, side and crosses of add() row by row, and the SMA objects' averages, bit for bit", () => {
    fc.assert(fc.property(
      fc.constantFrom([10, 30], [1, 2], [3, 4], [7, 50], [29, 30], [5, 5]), fc.integer({ min: 1, max: 500 }), fc.array(fc.integer({ min: 1, max: 90 }), { minLength: 1, maxLength: 40 }),
      ([fast, slow], seed, pieces) => {
        const column = Float64Array.from(closes(1500, seed));
        const scanned = new SmaCrossState("X", fast!, slow!, 14, slow!), added = new SmaCrossState("X", fast!, slow!, 14, slow!);
        const a = new SMA(fast!), b = new SMA(slow!);
        let row = 0;
        for (let k = 0; row < column.length; k++) {
          // a piece ends at its length or at a cross, as the strategy's scan does
          const to = scanned.scanCross(column, row, Math.min(column.length, row + pieces[k % pieces.length]!));
          for (; row < to; row++) {
            added.add(column, row);
            a.add(column[row]!);
            b.add(column[row]!);
            if (added.seen >= slow! && column[row] === column[row]) {
              const next = added.fastSum / fast! > added.slowSum / slow! ? 1 : added.fastSum / fast! < added.slowSum / slow! ? -1 : 0;
              if (next !== 0 && next !== added.side) {
                if (added.side !== 0) added.crosses++;
                added.side = next;
              }
            }
          }
          expect([scanned.seen, scanned.side, scanned.crosses]).toEqual([added.seen, added.side, added.crosses]);
          expect(Object.is(scanned.fastSum, added.fastSum) && Object.is(scanned.slowSum, added.slowSum)).toBe(true);
          if (scanned.seen >= fast!) expect(scanned.fastSum / fast!).toBe(a.getResultOrThrow());
          if (scanned.seen >= slow!) expect(scanned.slowSum / slow!).toBe(b.getResultOrThrow());
        }
      },
    ), { numRuns: 150 });
  });
});
