import type * as arrow from "apache-arrow";
import { check } from "../../core/check.js";
import { inProcessExecutor } from "../../sweep/in-process-executor.js";
import { sweepBars } from "../../sweep/sweep-bars.js";
import type { ExecuteOptions, SweepExecutor } from "../../sweep/sweep-executor.js";
import { runSweep } from "../../sweep/sweep-in-process.js";
import type { SweepResult } from "../../sweep/sweep-result.js";
import type { SweepSpec } from "../../sweep/sweep-spec.js";
import { runWalkForward, type WalkForwardResult } from "../../sweep/walk-forward.js";
import type { WalkForwardSpec } from "../../sweep/walk-forward-windows.js";
import { threadExecutor } from "./thread-executor.js";

/** Options of {@link sweep} and {@link walkForward}. */
export interface SweepOptions extends ExecuteOptions {
  /** Worker threads; 0 runs in this thread. Default: the machine's available parallelism. Ignored with `executor`. */
  readonly workers?: number;
  /** Where to run instead: e.g. a queueExecutor for many machines. The caller closes it. Default: threads as `workers` says. */
  readonly executor?: SweepExecutor;
}

async function withExecutor<T>(tables: ReadonlyMap<string, arrow.Table>, options: SweepOptions, body: (e: SweepExecutor) => Promise<T>): Promise<T> {
  if (options.executor !== undefined) return body(options.executor);
  const workers = options.workers === undefined ? undefined : check.nonNegativeInteger("workers", options.workers);
  const executor = workers === 0 ? inProcessExecutor(tables) : threadExecutor(tables, { workers });
  try {
    return await body(executor);
  } finally {
    await executor.close();
  }
}

/**
 * Runs every combination of a parameter grid on every symbol, on all cores, and resolves to one result
 * row per run (parameters, metrics, per-regime metrics) as an Arrow table, identical and identically
 * ordered however many workers ran it. Bar data is shared with the workers, not copied per run;
 * `onProgress` streams progress, `onRow` rows as they finish, and `signal` cancels (CancelledError).
 * @example const { table } = await sweep([spx], { grid: { fast: [5, 10, 20], slow: [50, 100] } }, { workers: 2 });
 */
export async function sweep(bars: readonly arrow.Table[], spec: SweepSpec, options: SweepOptions = {}): Promise<SweepResult> {
  const tables = sweepBars(bars);
  return withExecutor(tables, options, (executor) => runSweep(tables, spec, executor, options));
}

/**
 * Runs a walk-forward of a parameter grid on every symbol, on all cores: on each train window the
 * parameters with the best `metric` are chosen and run on the following test window; resolves to the
 * chosen parameters per window, every train run, the stitched out-of-sample equity and the in-sample
 * vs out-of-sample gap per symbol.
 * @example const wf = await walkForward([spx], { grid: { fast: [5, 10, 20], slow: [50, 100] } }, { train: 1000, test: 250 });
 */
export async function walkForward(bars: readonly arrow.Table[], spec: SweepSpec, wf: WalkForwardSpec, options: SweepOptions = {}): Promise<WalkForwardResult> {
  const tables = sweepBars(bars);
  return withExecutor(tables, options, (executor) => runWalkForward(tables, spec, wf, executor, options));
}
