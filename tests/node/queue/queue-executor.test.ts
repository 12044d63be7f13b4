import { join } from "node:path";
import { Queue, QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CancelledError } from "../../../src/core/errors.js";
import { loadBars } from "../../../src/node/load-bars.js";
import { queueDataRef } from "../../../src/node/queue/queue-data-ref.js";
import { queueExecutor } from "../../../src/node/queue/queue-executor.js";
import { startRedisServer, type RedisServer } from "../../../src/node/queue/start-redis-server.js";
import { inProcessExecutor } from "../../../src/sweep/in-process-executor.js";
import { sweepBars } from "../../../src/sweep/sweep-bars.js";
import { runSweep, sweepInProcess } from "../../../src/sweep/sweep-in-process.js";
import type { SweepSpec } from "../../../src/sweep/sweep-spec.js";
import { runWalkForward as walkForward } from "../../../src/sweep/walk-forward.js";
import { makeQueueData, spawnWorker, type WorkerProcess } from "./fixtures/queue-processes.js";
import { tableColumns } from "./fixtures/table-columns.js";

const SPEC: SweepSpec = { strategy: "sma-cross", grid: { fast: [5, 10, 20], slow: [50, 100] }, fixed: { fraction: 0.5 } };
const TIMINGS = { lockDurationMs: 2000, stalledIntervalMs: 1000 };

let server: RedisServer;
let data: { dir: string; files: string[] };
let tables: Map<string, import("apache-arrow").Table>;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  data = makeQueueData();
  server = await startRedisServer();
  workers.push(...(await Promise.all([0, 1, 2].map(() => spawnWorker(data.dir, { redis: server.url, ...TIMINGS })))));
  tables = sweepBars(data.files.map((f) => loadBars(join(data.dir, f)).table));
}, 30_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  await server?.stop();
});

const refs = () => data.files.map((f) => ({ ...queueDataRef(join(data.dir, f)), path: f }));

describe("queueExecutor", () => {
  it("runs a sweep on worker processes with the in-process sweep's table, column for column", async () => {
    const executor = queueExecutor({ redis: server.url, data: refs(), chunk: 1 });
    try {
      const local = await sweepInProcess([...tables.values()], SPEC);
      const progress: number[] = [];
      const queued = await runSweep(tables, SPEC, executor, { onProgress: (p) => progress.push(p.done) });
      expect(queued.table.numRows).toBe(12);
      expect(tableColumns(queued.table)).toEqual(tableColumns(local.table));
      expect(progress).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(queued.summary).toMatchObject({ ...local.summary, executor: "queue", workers: 3 });
      // The jobs were spread over the worker processes (idle workers wait in line for jobs).
      expect(workers.filter((w) => w.lines.some((l) => l.includes('"completed"'))).length).toBeGreaterThanOrEqual(2);
    } finally {
      await executor.close();
    }
  }, 30_000);

  it("runs a walk-forward with the in-process walk-forward's windows, train runs, equity and summary", async () => {
    const executor = queueExecutor({ redis: server.url, data: refs() });
    try {
      const wf = { train: 600, test: 300, metric: "sharpe" } as const;
      const local = await walkForward(tables, { ...SPEC, warmupBars: 100 }, wf, inProcessExecutor(tables));
      const queued = await walkForward(tables, { ...SPEC, warmupBars: 100 }, wf, executor);
      expect(queued.windows.numRows).toBeGreaterThan(4);
      expect(tableColumns(queued.windows)).toEqual(tableColumns(local.windows));
      expect(tableColumns(queued.train)).toEqual(tableColumns(local.train));
      expect(tableColumns(queued.equity)).toEqual(tableColumns(local.equity));
      expect(queued.summary).toEqual(local.summary);
    } finally {
      await executor.close();
    }
  }, 30_000);

  it("keeps two sweeps running at once on one queue apart", async () => {
    const a = queueExecutor({ redis: server.url, data: refs(), chunk: 1 });
    const b = queueExecutor({ redis: server.url, data: refs(), chunk: 3 });
    try {
      const other: SweepSpec = { strategy: "sma-cross", grid: { fast: [8, 12], slow: [40, 80] } };
      const [ra, rb] = await Promise.all([runSweep(tables, SPEC, a), runSweep(tables, other, b)]);
      expect(tableColumns(ra.table)).toEqual(tableColumns((await sweepInProcess([...tables.values()], SPEC)).table));
      expect(tableColumns(rb.table)).toEqual(tableColumns((await sweepInProcess([...tables.values()], other)).table));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 30_000);

  it("rejects with CancelledError when its signal aborts and removes its waiting jobs", async () => {
    const executor = queueExecutor({ redis: server.url, data: refs(), chunk: 1, queue: "cancel-test" });
    const controller = new AbortController();
    const queue = new Queue("cancel-test", { connection: { url: server.url } });
    try {
      // No worker listens on this queue: every job waits until the signal removes it.
      const running = runSweep(tables, SPEC, executor, { signal: controller.signal });
      await expect.poll(() => queue.getWaitingCount(), { timeout: 5000 }).toBe(12);
      controller.abort();
      await expect(running).rejects.toBeInstanceOf(CancelledError);
      expect(await queue.getWaitingCount()).toBe(0);
    } finally {
      await Promise.all([executor.close(), queue.close()]);
    }
  }, 30_000);

  it("completes a sweep with the local result when a worker is killed with SIGKILL in the middle of a job", async () => {
    const name = "kill-test";
    const victim = await spawnWorker(data.dir, { redis: server.url, queue: name, ...TIMINGS, hang: true });
    const others = await Promise.all([0, 1].map(() => spawnWorker(data.dir, { redis: server.url, queue: name, ...TIMINGS })));
    workers.push(victim, ...others);
    const events = new QueueEvents(name, { connection: { url: server.url } });
    const stalled: string[] = [];
    events.on("stalled", ({ jobId }) => stalled.push(jobId));
    await events.waitUntilReady();
    const executor = queueExecutor({ redis: server.url, queue: name, data: refs(), chunk: 1 });
    try {
      const running = runSweep(tables, SPEC, executor);
      const taken = JSON.parse(await victim.waitFor((l) => l.includes('"active"'))) as { jobId: string };
      await victim.kill();
      const queued = await running;
      expect(tableColumns(queued.table)).toEqual(tableColumns((await sweepInProcess([...tables.values()], SPEC)).table));
      expect(stalled).toContain(taken.jobId);
      const redone = others.flatMap((w) => w.lines).filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { type: string; jobId?: string })
        .filter((e) => e.type === "completed" && e.jobId === taken.jobId);
      expect(redone).toHaveLength(1);
    } finally {
      await Promise.all([executor.close(), events.close()]);
    }
  }, 30_000);
});
