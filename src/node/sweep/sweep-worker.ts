// The worker-thread side of threadExecutor: piscina loads this module in each worker thread. The bar
// tables arrive once, as SharedArrayBuffers in the pool's workerData; each task refers to its plan
// (JSON in a SharedArrayBuffer, decoded once per worker) and lists its items, and returns their
// outcomes in item order.
import { workerData } from "piscina";
import { runSweepItem } from "../../sweep/run-sweep-run.js";
import type { SweepItem, SweepOutcome } from "../../sweep/sweep-executor.js";
import { sweepRunAt, type SweepPlan } from "../../sweep/sweep-plan.js";
import { openSharedBarTables, type SharedBarTable } from "./shared-bar-tables.js";
import { encodeWorkerError } from "./worker-error.js";

const tables = openSharedBarTables((workerData as { bars: SharedBarTable[] }).bars);

// The plans of the last few executions, decoded once per worker (a task refers to its plan by id).
const plans = new Map<number, SweepPlan>();

function planOf(task: SweepTask): SweepPlan {
  let plan = plans.get(task.planId);
  if (plan === undefined) {
    plan = JSON.parse(new TextDecoder().decode(new Uint8Array(task.planBytes).slice())) as SweepPlan;
    if (plans.size >= 4) plans.delete(plans.keys().next().value!);
    plans.set(task.planId, plan);
  }
  return plan;
}

/** A task: the id and shared JSON bytes of its plan, and its items. */
interface SweepTask {
  readonly planId: number;
  readonly planBytes: SharedArrayBuffer;
  readonly items: readonly SweepItem[];
}

/** Runs a task's items and returns their outcomes in item order. */
export default function runTask(task: SweepTask): SweepOutcome[] {
  try {
    const plan = planOf(task);
    return task.items.map((item) => {
      const run = sweepRunAt(plan, item.run);
      const table = tables.get(run.symbol);
      if (table === undefined) throw new Error(`sweep worker: no bars for symbol "${run.symbol}" of run ${run.run} (it has ${[...tables.keys()].join(", ")}); the plan and the shared bars differ`);
      return runSweepItem(plan, run, table, item.window, item.curve === true);
    });
  } catch (e) {
    throw encodeWorkerError(e);
  }
}
