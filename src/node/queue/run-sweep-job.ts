import type * as arrow from "apache-arrow";
import { runSweepItem } from "../../sweep/run-sweep-run.js";
import type { SweepItem } from "../../sweep/sweep-executor.js";
import { sweepRunAt, type SweepPlan } from "../../sweep/sweep-plan.js";
import { encodeOutcome, type EncodedOutcome } from "./outcome-codec.js";

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Resolves to the encoded outcomes of a job's items, in order: each run exactly as a local sweep runs
 * it. It yields to the event loop after every run, so the worker keeps renewing its job lock (a
 * worker busy past its lock would have its job taken for stalled).
 * @example await runSweepJob(plan, job.data.items, tables)
 */
export async function runSweepJob(plan: SweepPlan, items: readonly SweepItem[], tables: ReadonlyMap<string, arrow.Table>): Promise<EncodedOutcome[]> {
  const outcomes: EncodedOutcome[] = [];
  for (const item of items) {
    const run = sweepRunAt(plan, item.run);
    outcomes.push(encodeOutcome(runSweepItem(plan, run, tables.get(run.symbol)!, item.window, item.curve === true)));
    await yieldToLoop();
  }
  return outcomes;
}
