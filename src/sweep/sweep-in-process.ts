import type * as arrow from "apache-arrow";
import { inProcessExecutor } from "./in-process-executor.js";
import { sweepBars } from "./sweep-bars.js";
import type { ExecuteOptions, SweepExecutor } from "./sweep-executor.js";
import { planSweep } from "./sweep-plan.js";
import { sweepSummary, type SweepResult } from "./sweep-result.js";
import type { SweepSpec } from "./sweep-spec.js";
import { sweepTable } from "./sweep-table.js";

/** Options of {@link runSweep}: progress, rows as they finish, cancellation. */
export type SweepRunOptions = ExecuteOptions;

/**
 * Runs a sweep on an executor and resolves to its result: every combination of the grid on every
 * symbol, one row per run in run order, whichever executor ran it and in whatever order runs finished.
 * @example const { table } = await runSweep(tables, { grid: { fast: [5, 10], slow: [30, 60] } }, inProcessExecutor(tables));
 */
export async function runSweep(tables: ReadonlyMap<string, arrow.Table>, spec: SweepSpec, executor: SweepExecutor, options: SweepRunOptions = {}): Promise<SweepResult> {
  const plan = planSweep(spec, [...tables.keys()]);
  const items = Array.from({ length: plan.runCount }, (_, run) => ({ run }));
  const outcomes = await executor.execute(plan, items, options);
  return { plan, table: sweepTable(plan, outcomes.map((o) => o.row)), summary: sweepSummary(plan, executor.kind, executor.workers) };
}

/**
 * Runs a sweep in this thread (a browser page, a notebook cell, a test) and resolves to its result; it
 * yields to the event loop about every 16 ms so progress can draw and `options.signal` can cancel it.
 * @example const { table } = await sweepInProcess([spx], { grid: { fast: [5, 10], slow: [30, 60] } });
 */
export async function sweepInProcess(bars: readonly arrow.Table[], spec: SweepSpec, options: SweepRunOptions = {}): Promise<SweepResult> {
  const tables = sweepBars(bars);
  return runSweep(tables, spec, inProcessExecutor(tables), options);
}
