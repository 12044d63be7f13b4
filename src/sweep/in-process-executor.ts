import type * as arrow from "apache-arrow";
import { runSweepItem } from "./run-sweep-run.js";
import { sweepCancelled } from "./sweep-cancelled.js";
import type { ExecuteOptions, SweepExecutor, SweepItem, SweepOutcome } from "./sweep-executor.js";
import { sweepRunAt, type SweepPlan } from "./sweep-plan.js";

/**
 * Returns an executor that runs sweep items one after another in this thread (a browser page, a
 * notebook, a test), yielding to the event loop about every 16 ms of work so progress can draw and a
 * signal can cancel. `tables` maps each symbol to its bar table.
 * @example await inProcessExecutor(tables).execute(plan, [{ run: 0 }])
 */
export function inProcessExecutor(tables: ReadonlyMap<string, arrow.Table>): SweepExecutor {
  return {
    kind: "in-process",
    workers: 1,
    async execute(plan: SweepPlan, items: readonly SweepItem[], options: ExecuteOptions = {}): Promise<SweepOutcome[]> {
      const outcomes: SweepOutcome[] = [];
      let lastYield = performance.now();
      for (let i = 0; i < items.length; i++) {
        if (options.signal?.aborted === true) throw sweepCancelled(i, items.length);
        const item = items[i]!;
        const run = sweepRunAt(plan, item.run);
        const outcome = runSweepItem(plan, run, tables.get(run.symbol)!, item.window, item.curve === true);
        outcomes.push(outcome);
        options.onRow?.(outcome.row);
        options.onProgress?.({ done: i + 1, total: items.length, run: item.run });
        // Yield to the event loop every ~16 ms of work (a frame), not every few runs: a timer costs 1-4 ms.
        if (performance.now() - lastYield >= 16) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          lastYield = performance.now();
        }
      }
      return outcomes;
    },
    close: async () => {},
  };
}
