// The worker-thread side of threadExecutor: piscina loads this module in each worker thread. The bar
// tables arrive once, as SharedArrayBuffers in the pool's workerData; each task is a plan and a list of
// items, and returns their outcomes in item order.
import { workerData } from "piscina";
import { runSweepItem } from "../../sweep/run-sweep-run.js";
import type { SweepItem, SweepOutcome } from "../../sweep/sweep-executor.js";
import { sweepRunAt, type SweepPlan } from "../../sweep/sweep-plan.js";
import { openSharedBarTables, type SharedBarTable } from "./shared-bar-tables.js";

const tables = openSharedBarTables((workerData as { bars: SharedBarTable[] }).bars);

/** Runs a task's items and returns their outcomes in item order. */
export default function runTask(task: { plan: SweepPlan; items: readonly SweepItem[] }): SweepOutcome[] {
  return task.items.map((item) => {
    const run = sweepRunAt(task.plan, item.run);
    return runSweepItem(task.plan, run, tables.get(run.symbol)!, item.window, item.curve === true);
  });
}
