// Sweep benchmark (issue 8): runs/s of one grid on the real S&P 500 in this thread, on 1 and 2 worker
// threads and (queue-sweep-bench.ts) on 2 BullMQ queue workers, and the scaling efficiency of 2 threads
// over 1. Pools are started and warmed before timing; their start-up time is reported in the note.
import { loadBars } from "../src/node/load-bars.js";
import { threadExecutor } from "../src/node/sweep/thread-executor.js";
import { inProcessExecutor } from "../src/sweep/in-process-executor.js";
import { sweepBars } from "../src/sweep/sweep-bars.js";
import type { SweepExecutor } from "../src/sweep/sweep-executor.js";
import { runSweep } from "../src/sweep/sweep-in-process.js";
import type { SweepSpec } from "../src/sweep/sweep-spec.js";
import type { BenchRow } from "./harness.js";
import { SWEEP_BENCH_SPEC } from "./sweep-bench-spec.js";
import { spawn } from "node:child_process";
import { queueRunsPerSecond } from "./queue-sweep-bench.js";

const DATA = "data/sp500-2000.arrow";
export { SWEEP_BENCH_SPEC };
const WARM_SPEC: SweepSpec = { strategy: "sma-cross", grid: { fast: [5, 10], slow: [50, 100] } };

/**
 * Times the bench grid on `executor` as sweep-solo.ts does for the machine ceiling: 3 discarded runs of
 * the whole grid (each worker thread's JIT warms on its own share of them), then the median of 5. (Until
 * Nov 2026 the pools were warmed on 5 runs and timed by the median of 3, while the ceiling had 768
 * warm-up runs: the threads were measured partly cold.)
 */
async function timed(executor: SweepExecutor, tables: ReturnType<typeof sweepBars>): Promise<{ seconds: number; runs: number; fingerprint: string }> {
  await runSweep(tables, WARM_SPEC, executor);
  const times: number[] = [];
  let runs = 0, fingerprint = "";
  for (let k = 0; k < 8; k++) {
    const t0 = performance.now();
    const r = await runSweep(tables, SWEEP_BENCH_SPEC, executor);
    if (k >= 3) times.push((performance.now() - t0) / 1000);
    runs = r.table.numRows;
    fingerprint = JSON.stringify(r.table.getChild("sharpe")!.toArray());
  }
  times.sort((a, b) => a - b);
  return { seconds: times[2]!, runs, fingerprint };
}

async function twoProcesses(): Promise<{ runs: number; seconds: number }> {
  const one = () => new Promise<{ seconds: number; runs: number }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/sweep-solo.ts"], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as { seconds: number; runs: number }) : reject(new Error(`sweep-solo exited ${code}`))));
  });
  const [a, b] = await Promise.all([one(), one()]);
  return { runs: a.runs + b.runs, seconds: Math.max(a.seconds, b.seconds) };
}

export async function runSweepBench(): Promise<BenchRow[]> {
  const tables = sweepBars([loadBars(DATA).table]);
  const inProcess = await timed(inProcessExecutor(tables), tables);
  const pools: Record<number, { seconds: number; runs: number; fingerprint: string; startSeconds: number }> = {};
  for (const workers of [1, 2]) {
    const t0 = performance.now();
    const executor = threadExecutor(tables, { workers });
    try {
      await runSweep(tables, { grid: { fast: [5] } }, executor);
      const startSeconds = (performance.now() - t0) / 1000;
      pools[workers] = { ...(await timed(executor, tables)), startSeconds };
    } finally {
      await executor.close();
    }
  }
  const ceiling = await twoProcesses();
  const queue = await queueRunsPerSecond({ spec: SWEEP_BENCH_SPEC, dataPaths: [DATA], workers: 2 });
  const same = pools[1]!.fingerprint === inProcess.fingerprint && pools[2]!.fingerprint === inProcess.fingerprint && queue.fingerprint === inProcess.fingerprint;
  if (!same) throw new Error("sweep bench: results differ between executors");
  const rate = (x: { runs: number; seconds: number }) => x.runs / x.seconds;
  const efficiency = rate(pools[2]!) / (2 * rate(pools[1]!));
  const queueEfficiency = queue.runsPerSecond / (2 * rate(pools[1]!));
  const ceilingEfficiency = rate(ceiling) / (2 * rate(inProcess));
  const row = (name: string, x: { runs: number; seconds: number }, rest: Partial<BenchRow>): BenchRow => ({
    suite: "sweep", case: name, items: x.runs, unit: "runs", seconds: x.seconds, perSecond: rate(x), ...rest,
    extra: { bars: 5105, grid: "fast 2..17 x slow 20..170 step 10", ...(rest.extra ?? {}) },
  });
  return [
    row("SMA grid on SPX, 256 runs, in this thread", inProcess, { note: `${(1000 / rate(inProcess)).toFixed(1)} ms per run of 5,105 bars` }),
    row("same, 1 worker thread", pools[1]!, { note: `pool start ${pools[1]!.startSeconds.toFixed(2)} s (not timed)` }),
    row("same, 2 worker threads", pools[2]!, {
      target: ">= 90% of the 2-process ceiling", met: efficiency >= 0.9 * ceilingEfficiency,
      note: `scaling efficiency ${(efficiency * 100).toFixed(0)}% of 2 x 1 thread (${((efficiency / ceilingEfficiency) * 100).toFixed(0)}% of the ceiling below); pool start ${pools[2]!.startSeconds.toFixed(2)} s (not timed)`, extra: { efficiency },
    }),
    row("machine ceiling: 2 processes, each the grid in its own thread, at once", ceiling, {
      note: `${(ceilingEfficiency * 100).toFixed(0)}% of 2 x 1 process: what two cores give this workload with no pool in between`, extra: { efficiency: ceilingEfficiency },
    }),
    row("same, 2 BullMQ queue workers (local redis-server)", { runs: queue.runs, seconds: queue.seconds }, {
      note: `${(queueEfficiency * 100).toFixed(0)}% of 2 x 1 thread; ${queue.note}`, extra: { efficiency: queueEfficiency },
    }),
  ];
}
