import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectOrderBlocks, OrderBlockDetector } from "../../src/smc/order-block-detector.js";
import { randomWalk, rowsOf, runIncremental, tableOf } from "./smc-bars.js";
import { referenceOrderBlocks } from "./smc-reference.js";
import { STRUCTURE_GOLDEN as G } from "./structure-golden.js";

describe("OrderBlockDetector", () => {
  it("finds the golden blocks at the breaks (see structure-golden.ts) with touch mitigation", () => {
    const { all } = runIncremental(new OrderBlockDetector({ length: 1 }), G);
    // Touch: block 3 [9, 11.5] by bar 6's low 11; block 8 [11, 13.5] by bar 10's high 11 (inclusive);
    // block 12 [8.5, 11] by bar 14's high 12; block 13 stays open.
    expect(all.map((z) => [z.kind, z.index, z.knownIndex, z.bottom, z.top, z.mitigatedIndex])).toEqual([
      ["order-block-bullish", 3, 4, 9, 11.5, 6], ["order-block-bearish", 8, 9, 11, 13.5, 10],
      ["order-block-bearish", 12, 13, 8.5, 11, 14], ["order-block-bullish", 13, 14, 7.5, 10, null],
    ]);
    expect(all[0]).toEqual({
      kind: "order-block-bullish", ts: G[3]!.tsClose, knownAt: G[4]!.tsClose, index: 3, knownIndex: 4, top: 11.5, bottom: 9, mitigatedAt: G[6]!.tsClose, mitigatedIndex: 6,
    });
  });

  it("uses the candle body and the fill rule when asked", () => {
    const { all } = runIncremental(new OrderBlockDetector({ length: 1, zone: "body", mitigation: "fill" }), G);
    // Bodies: 3 [9.2, 11] filled by bar 10's low 9; 8 [11.2, 12] by bar 14's high 12 (inclusive);
    // 12 [8.6, 10.5] by bar 14 too; 13 [7.8, 9.8] stays open.
    expect(all.map((z) => [z.index, z.bottom, z.top, z.mitigatedIndex])).toEqual([[3, 9.2, 11, 10], [8, 11.2, 12, 14], [12, 8.6, 10.5, 14], [13, 7.8, 9.8, null]]);
  });

  it("keeps the open blocks and the structure direction inspectable", () => {
    const d = new OrderBlockDetector({ length: 1 });
    G.forEach((b) => d.update(b));
    expect(d.activeZones().map((z) => z.index)).toEqual([13]);
    expect(d.direction()).toBe("bullish");
    expect(d.lastMitigated().map((z) => z.index)).toEqual([12]);
  });

  it.each([
    ["close", "wick", "touch"],
    ["wick", "body", "fill"],
    ["close", "body", "touch"],
  ] as const)("agrees with the brute-force definition and with its batch form on random walks (break by %s, %s, %s)", (breakBy, zone, mitigation) => {
    fc.assert(fc.property(randomWalk(), fc.integer({ min: 1, max: 5 }), (bars, length) => {
      const expected = referenceOrderBlocks(bars, length, breakBy, zone, mitigation);
      const options = { length, breakBy, zone, mitigation };
      expect(runIncremental(new OrderBlockDetector(options), bars).all).toEqual(expected);
      if (bars.length > 0) expect(rowsOf(detectOrderBlocks(tableOf(bars), options))).toEqual(expected);
    }), { numRuns: 300 });
  });
});
