// The worker-thread side of threadExecutor: piscina loads this module in each worker thread. The bar
// tables arrive once, as SharedArrayBuffers in the pool's workerData; each task is a plan and a list of
// items, and returns their outcomes in item order.
import { workerData } from "piscina";
import { runSweepItem } from "../../sweep/run-sweep-run.js";
import type { SweepItem, SweepOutcome } from "../../sweep/sweep-executor.js";
import { sweepRunAt, type SweepPlan } from "../../sweep/sweep-plan.js";
import { openSharedBarTables, type SharedBarTable } from "./shared-bar-tables.js";
import { encodeWorkerError } from "./worker-error.js";

const tables = openSharedBarTables((workerData as { bars: SharedBarTable[] }).bars);

/** Runs a task's items and returns their outcomes in item order. */
export default function runTask(task: { plan: SweepPlan; items: readonly SweepItem[] }): SweepOutcome[] {
  try {
    return task.items.map((item) => {
      const run = sweepRunAt(task.plan, item.run);
      const table = tables.get(run.symbol);
      if (table === undefined) throw new Error(`sweep worker: no bars for symbol "${run.symbol}" of run ${run.run} (it has ${[...tables.keys()].join(", ")}); the plan and the shared bars differ`);
      return runSweepItem(task.plan, run, table, item.window, item.curve === true);
    });
  } catch (e) {
    throw encodeWorkerError(e);
  }
}
