import { availableParallelism } from "node:os";
import type * as arrow from "apache-arrow";
import { Piscina } from "piscina";
import { check } from "../../core/check.js";
import { sweepCancelled } from "../../sweep/sweep-cancelled.js";
import type { ExecuteOptions, SweepExecutor, SweepItem, SweepOutcome } from "../../sweep/sweep-executor.js";
import type { SweepPlan } from "../../sweep/sweep-plan.js";
import { shareBarTables } from "./shared-bar-tables.js";
import { decodeWorkerError } from "./worker-error.js";
import { sweepWorkerUrl } from "./worker-file.js";

/** Options of {@link threadExecutor}. */
export interface ThreadExecutorOptions {
  /** Worker threads. Default: the machine's available parallelism. */
  readonly workers?: number;
  /** Items per task: fewer means finer progress and cancellation, more means less messaging. Default: about 1/16 of the items per worker, 1 to 64. */
  readonly chunk?: number;
}


/**
 * Returns an executor that runs sweep items on a pool of worker threads (piscina). The bar tables are
 * copied once into shared memory and every worker reads them in place; tasks carry only the plan and
 * item indexes, and results come back as rows. At most two tasks per worker are in flight, so memory
 * stays bounded however many runs a sweep has. Call close() when done.
 * @example const executor = threadExecutor(tables, { workers: 2 }); try { await runSweep(tables, spec, executor) } finally { await executor.close() }
 */
export function threadExecutor(tables: ReadonlyMap<string, arrow.Table>, options: ThreadExecutorOptions = {}): SweepExecutor {
  const workers = check.positiveInteger("workers", options.workers ?? availableParallelism());
  if (options.chunk !== undefined) check.positiveInteger("chunk", options.chunk);
  const pool = new Piscina({
    filename: sweepWorkerUrl(),
    minThreads: workers, maxThreads: workers,
    // The worker module is TypeScript: each thread loads it through tsx, as the CLI does.
    execArgv: ["--import", "tsx"],
    workerData: { bars: shareBarTables(tables) },
  });
  let executions = 0;
  return {
    kind: "threads",
    workers,
    async execute(plan: SweepPlan, items: readonly SweepItem[], run: ExecuteOptions = {}): Promise<SweepOutcome[]> {
      const chunk = options.chunk ?? Math.min(64, Math.max(1, Math.ceil(items.length / (16 * workers))));
      // The plan (with one entry per combination) goes to the workers once, as JSON in shared memory;
      // each task carries only a reference to it and its items.
      const planId = ++executions;
      const json = new TextEncoder().encode(JSON.stringify(plan));
      const planBytes = new SharedArrayBuffer(json.length);
      new Uint8Array(planBytes).set(json);
      const outcomes: (SweepOutcome | undefined)[] = new Array(items.length);
      let next = 0, done = 0;
      const abort = new AbortController();
      const cancelled = (): boolean => run.signal?.aborted === true;
      const onAbort = () => abort.abort();
      run.signal?.addEventListener("abort", onAbort, { once: true });
      const lane = async (): Promise<void> => {
        while (next < items.length && !abort.signal.aborted) {
          const from = next;
          next = Math.min(items.length, next + chunk);
          const slice = items.slice(from, next);
          const got = (await pool.run({ planId, planBytes, items: slice }, { signal: abort.signal })) as SweepOutcome[];
          got.forEach((o, i) => {
            outcomes[from + i] = o;
            done++;
            run.onRow?.(o.row);
            run.onProgress?.({ done, total: items.length, run: slice[i]!.run });
          });
        }
      };
      try {
        if (cancelled()) throw sweepCancelled(0, items.length);
        await Promise.all(Array.from({ length: 2 * workers }, lane));
      } catch (e) {
        abort.abort();
        if (cancelled()) throw sweepCancelled(done, items.length);
        throw decodeWorkerError(e);
      } finally {
        run.signal?.removeEventListener("abort", onAbort);
      }
      if (cancelled()) throw sweepCancelled(done, items.length);
      return outcomes as SweepOutcome[];
    },
    close: () => pool.destroy(),
  };
}
