// SMC benchmark (issue 6): bars/s of each Smart Money Concepts detector on 1,000,000 daily bars (standard
// data (b): shifted, rescaled copies of the real S&P 500), fed one Bar object per row as the engine does.
// To add a detector (liquidity, sweeps, previous day/week high/low...), add one entry to SMC_DETECTORS.
import { barObjectFloorSeconds, standardColumns } from "./per-bar-bench.js";
import { barAt } from "../src/data/bar-table.js";
import type { BarColumns } from "../src/core/types.js";
import { FairValueGapDetector } from "../src/smc/fair-value-gap-detector.js";
import { EqualLevelDetector } from "../src/smc/equal-level-detector.js";
import { OrderBlockDetector } from "../src/smc/order-block-detector.js";
import { PreviousPeriodLevels } from "../src/smc/previous-period-levels.js";
import type { SmcDetector } from "../src/smc/smc-structure.js";
import { StructureBreakDetector } from "../src/smc/structure-break-detector.js";
import { SwingDetector } from "../src/smc/swing-detector.js";
import { SweepDetector } from "../src/smc/sweep-detector.js";
import { type BenchRow, medianSeconds, settle } from "./harness.js";

const BARS = 1_000_000;

/** One detector under test: a label and a factory (called once per timed run, outside the timing). */
export interface SmcBenchEntry {
  readonly case: string;
  readonly create: () => SmcDetector;
  /** Timed runs to take the median of (default 3). */
  readonly runs?: number;
}

/** The detectors benchmarked, one entry each. */
export const SMC_DETECTORS: SmcBenchEntry[] = [
  { case: "SwingDetector (length 5)", create: () => new SwingDetector() },
  { case: "SwingDetector (length 20)", create: () => new SwingDetector({ length: 20 }) },
  { case: "FairValueGapDetector (touch)", create: () => new FairValueGapDetector() },
  { case: "FairValueGapDetector (fill, min 0.25 ATR)", create: () => new FairValueGapDetector({ mitigation: "fill", minGapAtr: 0.25 }) },
  { case: "StructureBreakDetector (length 5, close)", create: () => new StructureBreakDetector() },
  { case: "OrderBlockDetector (length 5, wick, touch)", create: () => new OrderBlockDetector() },
  { case: "EqualLevelDetector (length 5, 0.1 % of price)", create: () => new EqualLevelDetector() },
  { case: "EqualLevelDetector (length 5, 0.1 ATR)", create: () => new EqualLevelDetector({ toleranceBasis: "atr" }) },
  { case: "SweepDetector (length 5, 0.1 % of price)", create: () => new SweepDetector() },
  { case: "PreviousPeriodLevels (New York days and weeks)", create: () => new PreviousPeriodLevels() },
];

/** Feeds every bar and returns how many structures the detector reported. */
function feed(detector: SmcDetector, columns: BarColumns): number {
  let found = 0;
  const n = columns.close.length;
  for (let i = 0; i < n; i++) found += detector.update(barAt(columns, i, "SPXx")).length;
  return found;
}

/** Returns one row per detector: bars/s over the standard 1,000,000-bar series (median of the timed runs). */
export function runSmcBench(entries: readonly SmcBenchEntry[] = SMC_DETECTORS): BenchRow[] {
  const columns = standardColumns(BARS);
  const n = columns.close.length;
  const floorSeconds = barObjectFloorSeconds(columns);
  const rows: BenchRow[] = [];
  for (const entry of entries) {
    settle();
    let found = 0;
    const seconds = medianSeconds(() => {
      found = feed(entry.create(), columns);
    }, entry.runs ?? 3);
    const rate = n / seconds;
    rows.push({
      suite: "smc", case: entry.case, items: n, unit: "bars", seconds, perSecond: rate, target: ">= 1M bars/s", met: rate >= 1e6,
      note: `${found.toLocaleString("en-US")} structures; Bar objects alone ${(n / floorSeconds / 1e6).toFixed(0)}M/s`,
      extra: { bars: n, structures: found, barObjectFloorPerSecond: n / floorSeconds },
    });
  }
  return rows;
}
