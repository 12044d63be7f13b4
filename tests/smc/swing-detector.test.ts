import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UnsortedStreamError } from "../../src/core/errors.js";
import { detectSwings, SwingDetector } from "../../src/smc/swing-detector.js";
import { handBars, randomWalk, rowsOf, runIncremental, tableOf } from "./smc-bars.js";
import { referenceSwings } from "./smc-reference.js";

// Golden sequence, length 2 ([high, low] per bar):
//  - bar 2 (high 14) beats 10, 11 before and 12, 11 after: swing high, known at bar 4;
//  - bars 5 and 6 tie at 13: neither is a swing high (a tie disqualifies both);
//  - bar 8 (high 15) beats 13, 12 and 14, 13: swing high, known at bar 10;
//  - bar 4 (low 9) is below 12, 10 and 11, 11: swing low, known at bar 6;
//  - bar 7 (low 10) is below 11, 11 and 13, 12: swing low, known at bar 9;
//  - bar 1 (low 9) has only one bar on its left: no swing (a swing needs `length` bars on each side).
const GOLDEN = handBars([[10, 8], [11, 9], [14, 12], [12, 10], [11, 9], [13, 11], [13, 11], [12, 10], [15, 13], [14, 12], [13, 11]]);

describe("SwingDetector", () => {
  it("finds the golden swings, each reported `length` bars after its bar", () => {
    const { perBar } = runIncremental(new SwingDetector({ length: 2 }), GOLDEN);
    const summary = perBar.flatMap((found, t) => found.map((s) => [t, s.kind, s.index, s.top]));
    expect(summary).toEqual([[4, "swing-high", 2, 14], [6, "swing-low", 4, 9], [9, "swing-low", 7, 10], [10, "swing-high", 8, 15]]);
  });

  it("shows a pending candidate and its replacement by a higher bar before confirmation", () => {
    // Highs 10, 11, 12, 13, 14, 12, 11: bar 3 is the candidate after bar 3, bar 4 replaces it, and is confirmed at bar 6.
    const bars = handBars([[10, 8], [11, 9], [12, 10], [13, 11], [14, 12], [12, 10], [11, 9]]);
    const d = new SwingDetector({ length: 2 });
    const highs = bars.map((b) => {
      d.update(b);
      return d.pending().filter((c) => c.kind === "swing-high").map((c) => [c.index, c.confirmsAtIndex]);
    });
    expect(highs).toEqual([[], [], [[2, 4]], [[3, 5]], [[4, 6]], [[4, 6]], []]);
    expect(d.lastSwings().high).toMatchObject({ index: 4, knownIndex: 6, top: 14, ts: bars[4]!.tsClose, knownAt: bars[6]!.tsClose });
    expect(d.lastSwings().low).toBeNull();
    expect(JSON.parse(JSON.stringify(d.pending()))).toEqual(d.pending());
  });

  it("agrees with the brute-force definition and with its batch form on random walks", () => {
    fc.assert(fc.property(randomWalk(), fc.integer({ min: 1, max: 6 }), (bars, length) => {
      const expected = referenceSwings(bars, length);
      expect(runIncremental(new SwingDetector({ length }), bars).all).toEqual(expected);
      if (bars.length > 0) expect(rowsOf(detectSwings(tableOf(bars), { length }))).toEqual(expected);
    }), { numRuns: 300 });
  });

  it("lists as pending the recent rows that beat every bar from `length` rows before them up to now", () => {
    fc.assert(fc.property(randomWalk(60), fc.integer({ min: 1, max: 4 }), (bars, length) => {
      const d = new SwingDetector({ length });
      bars.forEach((b, t) => {
        d.update(b);
        // A candidate is a row among the last `length` that beats everything from `length` rows before it up to now.
        const expected: number[] = [];
        for (let i = Math.max(length, t - length + 1); i <= t; i++) {
          const others = bars.slice(i - length, t + 1).filter((_, k) => k !== length);
          if (others.every((o) => o.high < bars[i]!.high)) expected.push(i);
        }
        expect(d.pending().filter((c) => c.kind === "swing-high").map((c) => c.index)).toEqual(expected);
      });
    }), { numRuns: 200 });
  });

  it("starts over after reset and rejects bars out of time order", () => {
    const d = new SwingDetector({ length: 2 });
    const first = runIncremental(d, GOLDEN).all;
    d.reset();
    expect(runIncremental(d, GOLDEN).all).toEqual(first);
    expect(() => d.update(GOLDEN[0]!)).toThrow(UnsortedStreamError);
    expect(() => new SwingDetector({ length: 0 })).toThrow(/invalid length: 0/);
  });
});
