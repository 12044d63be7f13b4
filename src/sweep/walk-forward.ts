import type * as arrow from "apache-arrow";
import { barColumns } from "../data/bar-table.js";
import type { SweepRow } from "./run-sweep-run.js";
import type { ExecuteOptions, SweepExecutor, SweepItem, SweepOutcome } from "./sweep-executor.js";
import { planSweep, type SweepPlan } from "./sweep-plan.js";
import type { SweepSpec } from "./sweep-spec.js";
import { pickBest } from "./pick-best.js";
import { stitchCurves } from "./stitch-curves.js";
import { walkForwardTables, type WalkForwardSymbolSummary } from "./walk-forward-tables.js";
import { resolveWalkForward, walkForwardWindows, type ResolvedWalkForward, type WalkForwardSpec, type WalkForwardWindow } from "./walk-forward-windows.js";

/** What a walk-forward returns: the chosen parameters per window, every train run, the stitched out-of-sample equity and a summary per symbol. */
export interface WalkForwardResult {
  readonly plan: SweepPlan;
  readonly settings: ResolvedWalkForward;
  /** One row per symbol and window: bar ranges and times, the chosen combination and parameters, in-sample and out-of-sample metrics. */
  readonly windows: arrow.Table;
  /** Every train run: the window, then the sweep columns (metrics over the train window). */
  readonly train: arrow.Table;
  /** The stitched out-of-sample equity: symbol, ts, equity, window. */
  readonly equity: arrow.Table;
  /** Per symbol: windows, mean in-sample and out-of-sample metric, their gap, walk-forward efficiency, stitched metrics. */
  readonly summary: readonly WalkForwardSymbolSummary[];
}

/** One symbol's windows with the item lists of its train runs. */
interface SymbolWindows {
  readonly symbol: string;
  readonly index: number;
  readonly windows: readonly WalkForwardWindow[];
}

/**
 * Runs a walk-forward: for each symbol and each train window, the sweep's grid is run on the train
 * bars and the combination with the highest `metric` (ties: the lowest combination; runs under
 * minTrades cannot win) is run on the following test bars. Every run is fed `warmupBars` earlier bars
 * without trading. The test windows' equity curves are stitched into one out-of-sample curve per
 * symbol: each window starts flat in cash at the level the previous one ended, after closing what it
 * held at its last close (exit commission and slippage paid, see liquidationCost). Runs execute on `executor` (in this thread, worker threads or a job queue) with the
 * same result.
 * @example await runWalkForward(tables, { grid: { fast: [5, 10], slow: [30, 60] } }, { train: 1000, test: 250 }, inProcessExecutor(tables))
 */
export async function runWalkForward(tables: ReadonlyMap<string, arrow.Table>, spec: SweepSpec, wfSpec: WalkForwardSpec, executor: SweepExecutor, options: ExecuteOptions = {}): Promise<WalkForwardResult> {
  const plan = planSweep(spec, [...tables.keys()]);
  const wf = resolveWalkForward(wfSpec);
  const warm = plan.settings.warmupBars;
  const symbols: SymbolWindows[] = plan.symbols.map((symbol, index) => ({ symbol, index, windows: walkForwardWindows(tables.get(symbol)!.numRows, wf, symbol) }));
  const nSym = plan.symbols.length, nCombos = plan.combos.length;
  const trainItems: SweepItem[] = [];
  for (const s of symbols) {
    for (const w of s.windows) {
      const window = { start: Math.max(0, w.trainStart - warm), end: w.trainEnd, tradeFrom: w.trainStart };
      for (let c = 0; c < nCombos; c++) trainItems.push({ run: c * nSym + s.index, window });
    }
  }
  const testCount = symbols.reduce((n, s) => n + s.windows.length, 0);
  const total = trainItems.length + testCount;
  const progress = (offset: number): ExecuteOptions => ({
    ...options,
    onProgress: options.onProgress === undefined ? undefined : (p) => options.onProgress!({ done: offset + p.done, total, run: p.run }),
  });
  const trained = await executor.execute(plan, trainItems, progress(0));
  const trainRows: SweepRow[] = [];
  const testItems: SweepItem[] = [];
  const chosen: { symbol: SymbolWindows; window: WalkForwardWindow; best: SweepRow }[] = [];
  let k = 0;
  for (const s of symbols) {
    for (const w of s.windows) {
      const rows = trained.slice(k, k + nCombos).map((o) => ({ window: w.window, ...o.row }));
      k += nCombos;
      trainRows.push(...rows);
      const best = pickBest(rows, wf.metric, wf.minTrades);
      chosen.push({ symbol: s, window: w, best });
      testItems.push({ run: (best.combo as number) * nSym + s.index, window: { start: Math.max(0, w.trainEnd - warm), end: w.testEnd, tradeFrom: w.trainEnd }, curve: true });
    }
  }
  const tested: SweepOutcome[] = await executor.execute(plan, testItems, progress(trainItems.length));
  const stitched = plan.symbols.map((symbol) => {
    const parts = tested.map((o, i) => ({ o, i })).filter(({ i }) => chosen[i]!.symbol.symbol === symbol);
    return { symbol, ...stitchCurves(parts.map(({ o, i }) => ({ window: chosen[i]!.window.window, curve: o.curve! })), plan.settings.cash) };
  });
  const tsOf = (symbol: string) => barColumns(tables.get(symbol)!).tsClose;
  return { plan, settings: wf, ...walkForwardTables(plan, wf, chosen.map((c, i) => ({ symbol: c.symbol.symbol, window: c.window, best: c.best, test: tested[i]!.row })), trainRows, stitched, tsOf) };
}
