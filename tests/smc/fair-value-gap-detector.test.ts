import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectFairValueGaps, FairValueGapDetector } from "../../src/smc/fair-value-gap-detector.js";
import { handBars, randomWalk, rowsOf, runIncremental, tableOf } from "./smc-bars.js";
import { referenceFairValueGaps } from "./smc-reference.js";

// Golden sequence ([high, low, open, close]; open = close = middle when left out):
//  - bar 2's low 12 is above bar 0's high 10: bullish gap [10, 12] on middle bar 1, known at bar 2;
//  - bar 3's low 13 equals bar 1's high 13: no gap (strict inequality);
//  - bar 4's low 12.5 stays above the top 12; bar 5's low 11.5 touches it ("touch" mitigation at 5);
//    bar 6's low 9 goes through the bottom 10 ("fill" mitigation at 6);
//  - bar 6's high 11 is below bar 4's low 12.5: bearish gap [11, 12.5] on middle bar 5, known at bar 6;
//  - bar 7's high 12 reaches its bottom 11 (touch at 7), bar 8's high 13 its top 12.5 (fill at 8);
//  - bar 8's low 11 equals bar 6's high 11: no gap.
const GOLDEN = handBars([[10, 8], [13, 9, 10, 12], [15, 12], [16, 13], [14, 12.5], [13, 11.5, 13, 12], [11, 9], [12, 10], [13, 11]]);

describe("FairValueGapDetector", () => {
  it.each([
    ["touch", 5, 7],
    ["fill", 6, 8],
  ] as const)("finds the golden gaps and their %s mitigation", (mitigation, bullishAt, bearishAt) => {
    const { perBar, all } = runIncremental(new FairValueGapDetector({ mitigation }), GOLDEN);
    expect(perBar.map((f) => f.length)).toEqual([0, 0, 1, 0, 0, 0, 1, 0, 0]);
    expect(all).toEqual([
      { kind: "fvg-bullish", ts: GOLDEN[1]!.tsClose, knownAt: GOLDEN[2]!.tsClose, index: 1, knownIndex: 2, top: 12, bottom: 10, mitigatedAt: GOLDEN[bullishAt]!.tsClose, mitigatedIndex: bullishAt },
      { kind: "fvg-bearish", ts: GOLDEN[5]!.tsClose, knownAt: GOLDEN[6]!.tsClose, index: 5, knownIndex: 6, top: 12.5, bottom: 11, mitigatedAt: GOLDEN[bearishAt]!.tsClose, mitigatedIndex: bearishAt },
    ]);
  });

  it("keeps the open gaps inspectable until they are mitigated", () => {
    const d = new FairValueGapDetector();
    const open = GOLDEN.map((b) => (d.update(b), d.activeZones().map((z) => z.kind)));
    expect(open).toEqual([[], [], ["fvg-bullish"], ["fvg-bullish"], ["fvg-bullish"], [], ["fvg-bearish"], [], []]);
  });

  it("drops gaps smaller than minGapFraction of the middle close or minGapAtr ATRs", () => {
    // The bullish gap is 2 (1/6 of the middle close 12), the bearish one 1.5 (1/8 of 12).
    const kinds = (options: object) => runIncremental(new FairValueGapDetector(options), GOLDEN).all.map((z) => z.kind);
    expect(kinds({ minGapFraction: 0.15 })).toEqual(["fvg-bullish"]);
    expect(kinds({ minGapFraction: 0.2 })).toEqual([]);
    // Wilder ATR(2): 3 at bar 2 (gap 2 = 0.67 ATR), 2.5625 at bar 6 (gap 1.5 = 0.59 ATR).
    expect(kinds({ minGapAtr: 0.6, atrPeriod: 2 })).toEqual(["fvg-bullish"]);
    expect(kinds({ minGapAtr: 0.7, atrPeriod: 2 })).toEqual([]);
    // ATR(4) has no value before bar 3, so the first gap is dropped; 2.625 at bar 6 (gap 1.5 = 0.57 ATR).
    expect(kinds({ minGapAtr: 0.5, atrPeriod: 4 })).toEqual(["fvg-bearish"]);
    expect(() => new FairValueGapDetector({ mitigation: "half" as "touch" })).toThrow(/invalid mitigation: "half"/);
  });

  it.each(["touch", "fill"] as const)("agrees with the brute-force definition and with its batch form on random walks (%s)", (mitigation) => {
    fc.assert(fc.property(randomWalk(), fc.constantFrom(0, 0.002), (bars, minGapFraction) => {
      const expected = referenceFairValueGaps(bars, mitigation, minGapFraction);
      expect(runIncremental(new FairValueGapDetector({ mitigation, minGapFraction }), bars).all).toEqual(expected);
      if (bars.length > 0) expect(rowsOf(detectFairValueGaps(tableOf(bars), { mitigation, minGapFraction }))).toEqual(expected);
    }), { numRuns: 300 });
  });

  it("returns an empty table with the zone columns for bars without gaps", () => {
    const table = detectFairValueGaps(tableOf(GOLDEN.slice(0, 2)));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(["kind", "ts", "knownAt", "index", "knownIndex", "top", "bottom", "mitigatedAt", "mitigatedIndex"]);
  });
});
