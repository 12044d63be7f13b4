import type * as arrow from "apache-arrow";
import { loadBars } from "../../src/node/load-bars.js";
import { regimeSwitchingBars } from "../../src/synthetic/regime-switching-bars.js";
import { inProcessExecutor } from "../../src/sweep/in-process-executor.js";
import { sweepBars } from "../../src/sweep/sweep-bars.js";
import { sweepInProcess } from "../../src/sweep/sweep-in-process.js";
import type { SweepResult } from "../../src/sweep/sweep-result.js";
import type { SweepSpec } from "../../src/sweep/sweep-spec.js";
import { runWalkForward, type WalkForwardResult } from "../../src/sweep/walk-forward.js";
import type { WalkForwardSpec } from "../../src/sweep/walk-forward-windows.js";

let spx: arrow.Table | undefined;
/** The real S&P 500 daily bars, 2000 on (5,105 bars), loaded once. */
export const spxBars = () => (spx ??= loadBars("data/sp500-2000.arrow").table);
/** 1,500 synthetic regime-switching bars of a second symbol, "SYN". */
export const synBars = () => regimeSwitchingBars({ n: 1500, seed: 7 }).table;

/** The sweep the charts are tested with: fast 5/10/20 x slow 50/100/200 (all runnable). */
export const SMA_GRID: SweepSpec = { grid: { fast: [5, 10, 20], slow: [50, 100, 200] } };

/** Runs a sweep in process over bar tables. */
export const sweep = (bars: readonly arrow.Table[], spec: SweepSpec = SMA_GRID): Promise<SweepResult> => sweepInProcess(bars, spec);

/** Runs a walk-forward in process over bar tables. */
export function walkForwardOf(bars: readonly arrow.Table[], wf: WalkForwardSpec, spec: SweepSpec = SMA_GRID): Promise<WalkForwardResult> {
  const tables = sweepBars(bars);
  return runWalkForward(tables, spec, wf, inProcessExecutor(tables));
}
