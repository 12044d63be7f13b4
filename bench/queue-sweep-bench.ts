// Queue sweep benchmark (issue 8): runs/s of a sweep through BullMQ on a local redis-server with N
// worker processes on this machine.
import { spawn, type ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadBars } from "../src/node/load-bars.js";
import { queueDataRef } from "../src/node/queue/queue-data-ref.js";
import { queueExecutor } from "../src/node/queue/queue-executor.js";
import { startRedisServer } from "../src/node/queue/start-redis-server.js";
import { sweepBars } from "../src/sweep/sweep-bars.js";
import { runSweep } from "../src/sweep/sweep-in-process.js";
import type { SweepSpec } from "../src/sweep/sweep-spec.js";

/** Options of {@link queueRunsPerSecond}. */
export interface QueueBenchOptions {
  /** The sweep to time. */
  readonly spec: SweepSpec;
  /** Bar files, one per symbol, relative to the working directory (the workers run there too). */
  readonly dataPaths: readonly string[];
  /** Worker processes. Default 2. */
  readonly workers?: number;
  /** Items per job. Default the executor's (runs / 64, between 1 and 16). */
  readonly chunk?: number;
  /** Timed sweeps; the median is reported. Default 3. */
  readonly repeats?: number;
}

/** What {@link queueRunsPerSecond} measured. */
export interface QueueBenchResult {
  readonly runs: number;
  /** Median seconds of one sweep. */
  readonly seconds: number;
  readonly runsPerSecond: number;
  /** Seconds to start redis-server and the workers until all listened (not in `seconds`). */
  readonly startSeconds: number;
  /** The sharpe column of the last sweep as JSON, to compare with other executors. */
  readonly fingerprint: string;
  /** What the timing includes, for the benchmark table. */
  readonly note: string;
}

const TSX = pathToFileURL(resolve("node_modules/tsx/dist/loader.mjs")).href;
const WORKER = join(import.meta.dirname, "queue-bench-worker.ts");

function startWorker(url: string, queue: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", TSX, WORKER, url, queue], { stdio: ["pipe", "pipe", "inherit"] });
  return new Promise((ready, fail) => {
    child.once("exit", (code) => fail(new Error(`queue bench worker exited with code ${code}`)));
    child.stdout!.on("data", (c: Buffer) => c.toString().includes("ready") && ready(child));
  });
}

/**
 * Resolves to the runs per second of `spec` through a BullMQ queue on a redis-server it starts on
 * loopback, with `workers` worker processes it starts (all on this machine). Timed: a whole runSweep
 * (plan stored in Redis, jobs enqueued, runs on the workers, outcomes back through Redis as job return
 * values, decoded, result table built), median of `repeats`. Not timed: starting redis-server and the
 * workers, and a warm-up sweep in which the workers load and hash the data files (they keep them).
 * @example await queueRunsPerSecond({ spec: SWEEP_BENCH_SPEC, dataPaths: ["data/sp500-2000.arrow"], workers: 2 })
 */
export async function queueRunsPerSecond(options: QueueBenchOptions): Promise<QueueBenchResult> {
  const n = options.workers ?? 2, repeats = options.repeats ?? 3, queue = "regime-lab-bench";
  const t0 = performance.now();
  const server = await startRedisServer();
  const children: ChildProcess[] = [];
  try {
    children.push(...(await Promise.all(Array.from({ length: n }, () => startWorker(server.url, queue)))));
    const startSeconds = (performance.now() - t0) / 1000;
    const tables = sweepBars(options.dataPaths.map((p) => loadBars(p).table));
    const executor = queueExecutor({ redis: server.url, queue, data: options.dataPaths.map((p) => queueDataRef(p)), chunk: options.chunk });
    try {
      await runSweep(tables, { ...options.spec, search: { random: 4 * n, seed: 1 } }, executor, {});
      const times: number[] = [];
      let runs = 0, fingerprint = "";
      for (let k = 0; k < repeats; k++) {
        const t = performance.now();
        const r = await runSweep(tables, options.spec, executor);
        times.push((performance.now() - t) / 1000);
        runs = r.table.numRows;
        fingerprint = JSON.stringify(r.table.getChild("sharpe")!.toArray());
      }
      times.sort((a, b) => a - b);
      const seconds = times[Math.floor(times.length / 2)]!;
      return {
        runs, seconds, runsPerSecond: runs / seconds, startSeconds, fingerprint,
        note: `${n} worker processes; timed: enqueue, runs, results through Redis; redis + worker start ${startSeconds.toFixed(2)} s and data loading not timed`,
      };
    } finally {
      await executor.close();
    }
  } finally {
    await Promise.all(children.map((c) => new Promise<void>((done) => {
      if (c.exitCode !== null || c.signalCode !== null) return done();
      c.removeAllListeners("exit");
      c.once("exit", () => done());
      c.kill("SIGTERM");
      setTimeout(() => c.kill("SIGKILL"), 5000).unref();
    })));
    await server.stop();
  }
}
