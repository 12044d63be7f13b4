import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectStructureBreaks, StructureBreakDetector } from "../../src/smc/structure-break-detector.js";
import { handBars, randomWalk, rowsOf, runIncremental, tableOf } from "./smc-bars.js";
import { referenceStructureBreaks, referenceSwings } from "./smc-reference.js";
import { STRUCTURE_GOLDEN as G } from "./structure-golden.js";

describe("StructureBreakDetector", () => {
  it("finds the golden BOS and CHoCH by close (see structure-golden.ts)", () => {
    expect(referenceSwings(G, 1).map((s) => [s.kind, s.index])).toEqual([
      ["swing-high", 1], ["swing-low", 3], ["swing-high", 5], ["swing-low", 7], ["swing-high", 8], ["swing-low", 11], ["swing-high", 12], ["swing-low", 13],
    ]);
    const d = new StructureBreakDetector({ length: 1 });
    const directions = G.map((b) => (d.update(b), d.direction()));
    const { all } = runIncremental(new StructureBreakDetector({ length: 1 }), G);
    expect(all.map((s) => [s.kind, s.index, s.knownIndex, s.top])).toEqual([
      ["bos-bullish", 1, 4, 12], ["choch-bearish", 7, 9, 10.5], ["bos-bearish", 11, 13, 8], ["choch-bullish", 12, 14, 11],
    ]);
    expect(all[0]).toEqual({ kind: "bos-bullish", ts: G[1]!.tsClose, knownAt: G[4]!.tsClose, index: 1, knownIndex: 4, top: 12, bottom: 12 });
    expect(directions.join(" ")).toBe("none none none none bullish bullish bullish bullish bullish bearish bearish bearish bearish bearish bullish");
    expect(d.watchedLevels()).toEqual({ high: null, low: expect.objectContaining({ kind: "swing-low", index: 13 }) });
    expect(d.lastBreak()).toMatchObject({ kind: "choch-bullish", knownIndex: 14 });
  });

  it("breaks by wick a bar earlier when only the high pierces the level", () => {
    // Swing high at 1 (12); bar 3's high 12.2 pierces it but closes 11.5 below; bar 4 closes above.
    const bars = handBars([[10, 9], [12, 10], [11, 9.5], [12.2, 10, 10.5, 11.5], [12.5, 11, 11.2, 12.4]]);
    const at = (breakBy: "close" | "wick") => runIncremental(new StructureBreakDetector({ length: 1, breakBy }), bars).all.map((s) => s.knownIndex);
    expect(at("close")).toEqual([4]);
    expect(at("wick")).toEqual([3]);
  });

  it.each(["close", "wick"] as const)("agrees with the brute-force definition and with its batch form on random walks (%s)", (breakBy) => {
    fc.assert(fc.property(randomWalk(), fc.integer({ min: 1, max: 5 }), (bars, length) => {
      const expected = referenceStructureBreaks(bars, length, breakBy);
      expect(runIncremental(new StructureBreakDetector({ length, breakBy }), bars).all).toEqual(expected);
      if (bars.length > 0) expect(rowsOf(detectStructureBreaks(tableOf(bars), { length, breakBy }))).toEqual(expected);
    }), { numRuns: 300 });
  });

  it("rejects an unknown breakBy", () => {
    expect(() => new StructureBreakDetector({ breakBy: "body" as "close" })).toThrow(/invalid breakBy: "body"/);
  });
});
