// Regime benchmark (issue 4): bars/s of each regime classifier on 1,000,000 daily bars (standard data (b):
// shifted, rescaled copies of the real S&P 500). To add a classifier, add one entry to CLASSIFIERS.
import { barObjectFloorSeconds, standardColumns } from "./per-bar-bench.js";
import { barAt } from "../src/data/bar-table.js";
import type { BarColumns } from "../src/core/types.js";
import type { RegimeClassifier } from "../src/regime/regime-classifier.js";
import { HmmClassifier } from "../src/regime/hmm-classifier.js";
import { RuleBasedClassifier } from "../src/regime/rule-based-classifier.js";
import { type BenchRow, medianSeconds, settle } from "./harness.js";

const BARS = 1_000_000;

/** One classifier under test: a label and a factory (called once per timed run, outside the timing). */
export interface RegimeBenchEntry {
  readonly case: string;
  readonly create: () => RegimeClassifier;
  /** Timed runs to take the median of (default 3). */
  readonly runs?: number;
}

/** The classifiers benchmarked, one entry each. */
export const CLASSIFIERS: RegimeBenchEntry[] = [
  { case: "RuleBasedClassifier (defaults)", create: () => new RuleBasedClassifier() },
  { case: "RuleBasedClassifier (atr, slope confirmation)", create: () => new RuleBasedClassifier({ volMeasure: "atr", slopeConfirmation: true }) },
  { case: "HmmClassifier (defaults: fit on 500 bars, then forward filter)", create: () => new HmmClassifier() },
  { case: "HmmClassifier (return only, 6 states)", create: () => new HmmClassifier({ features: "return", states: 6 }) },
];

/** Feeds every bar (one Bar object each, as a data handler yields them) and returns how many were classified. */
function feed(classifier: RegimeClassifier, columns: BarColumns): number {
  let classified = 0;
  const n = columns.close.length;
  for (let i = 0; i < n; i++) if (classifier.update(barAt(columns, i, "SPXx")) !== null) classified++;
  return classified;
}

export function runRegimeBench(entries: readonly RegimeBenchEntry[] = CLASSIFIERS): BenchRow[] {
  const columns = standardColumns(BARS);
  const n = columns.close.length;
  const floorSeconds = barObjectFloorSeconds(columns);
  const rows: BenchRow[] = [];
  for (const entry of entries) {
    settle();
    let classified = 0;
    let historySeconds = 0;
    const seconds = medianSeconds(() => {
      const classifier = entry.create();
      classified = feed(classifier, columns);
      const t0 = performance.now();
      classifier.history();
      historySeconds = (performance.now() - t0) / 1000;
    }, entry.runs ?? 3);
    const rate = n / seconds;
    rows.push({
      suite: "regime", case: entry.case, items: n, unit: "bars", seconds, perSecond: rate, target: ">= 1M bars/s", met: rate >= 1e6,
      note: `incl. history() ${historySeconds.toFixed(3)} s; Bar objects alone ${(n / floorSeconds / 1e6).toFixed(0)}M/s; ${classified.toLocaleString("en-US")} bars classified`,
      extra: { bars: n, classified, historySeconds, barObjectFloorPerSecond: n / floorSeconds },
    });
  }
  return rows;
}
