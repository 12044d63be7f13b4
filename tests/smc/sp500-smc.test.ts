// The detectors on the real S&P 500 daily bars (data/sp500-2000.arrow: 5,105 bars, 2000-01-03 to
// 2020-04-17). Counts with the defaults when written: 276 swing highs, 296 swing lows (length 5); 954
// bullish and 667 bearish fair value gaps (45 open at the end); 83 bos-bullish, 34 bos-bearish, 64
// choch-bullish, 64 choch-bearish (by close); 131 bullish and 90 bearish order blocks.
import { describe, expect, it } from "vitest";
import { barColumns } from "../../src/data/bar-table.js";
import { loadBars } from "../../src/node/load-bars.js";
import { detectFairValueGaps, FairValueGapDetector } from "../../src/smc/fair-value-gap-detector.js";
import { detectOrderBlocks, OrderBlockDetector } from "../../src/smc/order-block-detector.js";
import type { SmcBar, SmcStructure } from "../../src/smc/smc-structure.js";
import { detectStructureBreaks, StructureBreakDetector } from "../../src/smc/structure-break-detector.js";
import { detectSwings, SwingDetector } from "../../src/smc/swing-detector.js";
import { rowsOf, runIncremental } from "./smc-bars.js";

const table = loadBars("data/sp500-2000.arrow").table;
const c = barColumns(table);
const bars: SmcBar[] = Array.from(c.close, (close, i) => ({ tsClose: c.tsClose[i]!, open: c.open[i]!, high: c.high[i]!, low: c.low[i]!, close }));
const n = bars.length;
const countBy = (xs: readonly SmcStructure[]) => {
  const out: Record<string, number> = {};
  for (const x of xs) out[x.kind] = (out[x.kind] ?? 0) + 1;
  return out;
};

describe("SMC detectors on the S&P 500 daily bars", () => {
  it("find swings every few weeks, the same in batch and incrementally", () => {
    const { all } = runIncremental(new SwingDetector(), bars);
    expect(rowsOf(detectSwings(table))).toEqual(all);
    const k = countBy(all);
    for (const kind of ["swing-high", "swing-low"]) {
      expect(k[kind]).toBeGreaterThan(n / 25);
      expect(k[kind]).toBeLessThan(n / 11);
    }
  });

  it("find fair value gaps on a minority of bars, mostly mitigated, the same in batch and incrementally", () => {
    for (const options of [{}, { mitigation: "fill" as const, minGapAtr: 0.25 }]) {
      const { all } = runIncremental(new FairValueGapDetector(options), bars);
      expect(rowsOf(detectFairValueGaps(table, options))).toEqual(all);
      expect(all.length).toBeGreaterThan(n / 10);
      expect(all.length).toBeLessThan(n / 2);
      expect(countBy(all)["fvg-bullish"]).toBeGreaterThan(countBy(all)["fvg-bearish"]!); // a market that rose
      expect(all.filter((z) => z.mitigatedIndex === null).length).toBeLessThan(all.length / 10);
    }
  });

  it("find breaks whose changes of character alternate, the same in batch and incrementally", () => {
    const swings = runIncremental(new SwingDetector(), bars).all.length; // each swing is broken at most once
    for (const breakBy of ["close", "wick"] as const) {
      const { all } = runIncremental(new StructureBreakDetector({ breakBy }), bars);
      expect(rowsOf(detectStructureBreaks(table, { breakBy }))).toEqual(all);
      const k = countBy(all);
      expect(all.length).toBeGreaterThan(100);
      expect(all.length).toBeLessThanOrEqual(swings);
      expect(Math.abs(k["choch-bullish"]! - k["choch-bearish"]!)).toBeLessThanOrEqual(1);
      expect(k["bos-bullish"]).toBeGreaterThan(k["bos-bearish"]!);
    }
  });

  it("find an order block for most breaks, the same in batch and incrementally", () => {
    const breaks = runIncremental(new StructureBreakDetector(), bars).all.length;
    for (const options of [{}, { zone: "body" as const, mitigation: "fill" as const }]) {
      const { all } = runIncremental(new OrderBlockDetector(options), bars);
      expect(rowsOf(detectOrderBlocks(table, options))).toEqual(all);
      expect(all.length).toBeGreaterThan(0.7 * breaks);
      expect(all.length).toBeLessThanOrEqual(breaks);
      expect(all.every((z) => z.index < z.knownIndex && z.top >= z.bottom)).toBe(true);
    }
  });
});
