import * as arrow from "apache-arrow";
import { computeMetrics } from "../metrics/compute-metrics.js";
import { float64Vector, int32Vector } from "../core/arrow-vectors.js";
import { rowsTable } from "./rows-table.js";
import type { SweepRow } from "./run-sweep-run.js";
import type { SweepPlan } from "./sweep-plan.js";
import { sweepColumnNames, sweepMetadata } from "./sweep-table.js";
import type { StitchedCurve } from "./stitch-curves.js";
import type { ResolvedWalkForward, WalkForwardWindow } from "./walk-forward-windows.js";

/** One symbol's walk-forward in numbers (JSON-safe). */
export interface WalkForwardSymbolSummary {
  readonly symbol: string;
  readonly windows: number;
  /** The selection metric. */
  readonly metric: string;
  /** Windows where both the in-sample and the out-of-sample metric are defined: the means below are over these. */
  readonly pairedWindows: number;
  /** Mean of the chosen combinations' metric over their train windows (in sample). */
  readonly meanInSample: number | null;
  /** Mean of the same combinations' metric over the following test windows (out of sample). */
  readonly meanOutOfSample: number | null;
  /** meanInSample - meanOutOfSample: how much of the in-sample result did not carry over. */
  readonly gap: number | null;
  /** Walk-forward efficiency (Pardo): mean out-of-sample annualized return / mean in-sample one; null when the latter is <= 0. */
  readonly efficiency: number | null;
  /** Distinct combinations chosen over the windows (1 = stable parameters). */
  readonly distinctChoices: number;
  /** Total return, Sharpe and max drawdown of the stitched out-of-sample curve. */
  readonly oosTotalReturn: number | null;
  readonly oosSharpe: number | null;
  readonly oosMaxDrawdown: number | null;
}

/** A window's choice: the symbol, the window, the chosen train row and its test row. */
export interface WindowChoice {
  readonly symbol: string;
  readonly window: WalkForwardWindow;
  readonly best: SweepRow;
  readonly test: SweepRow;
}

const mean = (xs: readonly (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => typeof x === "number");
  return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
};

/** Returns the windows, train and equity tables and the per-symbol summary of a walk-forward. */
export function walkForwardTables(plan: SweepPlan, wf: ResolvedWalkForward, choices: readonly WindowChoice[], trainRows: readonly SweepRow[], stitched: readonly ({ symbol: string } & StitchedCurve)[], tsOf: (symbol: string) => Float64Array) {
  const m = wf.metric;
  const windowRows: SweepRow[] = choices.map(({ symbol, window: w, best, test }) => {
    const ts = tsOf(symbol);
    const row: SweepRow = {
      symbol, window: w.window, trainStart: ts[w.trainStart]!, trainEnd: ts[w.trainEnd - 1]!, testStart: ts[w.trainEnd]!, testEnd: ts[w.testEnd - 1]!,
      trainBars: w.trainEnd - w.trainStart, testBars: w.testEnd - w.trainEnd, combo: best.combo!,
    };
    for (const c of plan.columns) row[c] = best[c]!;
    Object.assign(row, {
      eligible: (best.trades as number) >= wf.minTrades, inSample: best[m] ?? null, outOfSample: test[m] ?? null,
      inSampleReturn: best.totalReturn ?? null, outOfSampleReturn: test.totalReturn ?? null,
      inSampleSharpe: best.sharpe ?? null, outOfSampleSharpe: test.sharpe ?? null,
      inSampleTrades: best.trades!, outOfSampleTrades: test.trades!,
    });
    return row;
  });
  const windowNames = ["symbol", "window", "trainStart", "trainEnd", "testStart", "testEnd", "trainBars", "testBars", "combo", ...plan.columns,
    "eligible", "inSample", "outOfSample", "inSampleReturn", "outOfSampleReturn", "inSampleSharpe", "outOfSampleSharpe", "inSampleTrades", "outOfSampleTrades"];
  const metadata = sweepMetadata(plan);
  metadata.set("regime-lab.walkForward", JSON.stringify(wf));
  const tagged = (format: string) => new Map([...metadata, ["regime-lab.format", format]]);
  const summary: WalkForwardSymbolSummary[] = stitched.map((s) => {
    const mine = choices.filter((c) => c.symbol === s.symbol);
    // Paired: a window counts only when both metrics are defined (e.g. no Sharpe for a flat test window), so both means cover the same windows.
    const paired = mine.filter((c) => typeof c.best[m] === "number" && typeof c.test[m] === "number");
    const inSample = mean(paired.map((c) => c.best[m] as number)), outOfSample = mean(paired.map((c) => c.test[m] as number));
    const isAnnual = mean(mine.map((c) => c.best.annualizedReturn as number | null)), oosAnnual = mean(mine.map((c) => c.test.annualizedReturn as number | null));
    const curve = s.ts.length >= 2 ? computeMetrics({ ts: s.ts, equity: s.equity }) : null;
    return {
      symbol: s.symbol, windows: mine.length, metric: m, pairedWindows: paired.length, meanInSample: inSample, meanOutOfSample: outOfSample,
      gap: inSample !== null && outOfSample !== null ? inSample - outOfSample : null,
      efficiency: isAnnual !== null && oosAnnual !== null && isAnnual > 0 ? oosAnnual / isAnnual : null,
      distinctChoices: new Set(mine.map((c) => c.best.combo)).size,
      oosTotalReturn: curve?.totalReturn ?? null, oosSharpe: curve?.sharpe ?? null, oosMaxDrawdown: curve?.maxDrawdown ?? null,
    };
  });
  const n = stitched.reduce((k, s) => k + s.ts.length, 0);
  const codes = new Int32Array(n), ts = new Float64Array(n), equity = new Float64Array(n), window = new Int32Array(n);
  let k = 0;
  stitched.forEach((s, i) => {
    codes.fill(i, k, k + s.ts.length);
    ts.set(s.ts, k);
    equity.set(s.equity, k);
    window.set(s.window, k);
    k += s.ts.length;
  });
  const equityColumns = new arrow.Table({
    symbol: arrow.vectorFromArray(Array.from(codes, (c) => stitched[c]!.symbol), new arrow.Utf8()),
    ts: float64Vector(ts), equity: float64Vector(equity), window: int32Vector(window),
  });
  const equityTable = new arrow.Table(new arrow.Schema(equityColumns.schema.fields, tagged("regime-lab.walk-forward-equity/1")), equityColumns.batches);
  return {
    windows: rowsTable(windowNames, windowRows, tagged("regime-lab.walk-forward-windows/1")),
    train: rowsTable(["window", ...sweepColumnNames(plan)], trainRows, tagged("regime-lab.walk-forward-train/1")),
    equity: equityTable,
    summary,
  };
}
