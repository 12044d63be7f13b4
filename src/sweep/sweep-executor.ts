import type { RunWindow, SweepRow } from "./run-sweep-run.js";
import type { SweepPlan } from "./sweep-plan.js";
import type { SweepProgress } from "./sweep-result.js";

/** One unit of sweep work: run `run` of the plan, on its symbol's full bars or a window of them. */
export interface SweepItem {
  readonly run: number;
  readonly window?: RunWindow;
  /** Also return the run's equity curve over its traded part (walk-forward test runs). Default false. */
  readonly curve?: boolean;
}

/** An equity curve: close times (epoch ms UTC) and equity. */
export interface EquitySeries {
  readonly ts: Float64Array;
  readonly equity: Float64Array;
}

/** What one item gives: its result row, and its equity curve when the item asked for it. */
export interface SweepOutcome {
  readonly row: SweepRow;
  readonly curve?: EquitySeries;
}

/** Options of {@link SweepExecutor.execute}. */
export interface ExecuteOptions {
  /** Called as items finish, with items done of the total. */
  readonly onProgress?: (progress: SweepProgress) => void;
  /** Called with each row as it finishes (finishing order). */
  readonly onRow?: (row: SweepRow) => void;
  /** Cancels the work: execute rejects with CancelledError. */
  readonly signal?: AbortSignal;
}

/**
 * Where sweep runs execute: in this thread, on worker threads or through a job queue. Every executor
 * returns the rows in the order of the items given, whatever order they finished in, so a sweep's
 * result does not depend on where it ran.
 */
export interface SweepExecutor {
  /** "in-process", "threads" or "queue". */
  readonly kind: string;
  /** How many runs can execute at once. */
  readonly workers: number;
  /** Resolves to one outcome per item, in item order. */
  execute(plan: SweepPlan, items: readonly SweepItem[], options?: ExecuteOptions): Promise<SweepOutcome[]>;
  /** Releases threads or connections. */
  close(): Promise<void>;
}
