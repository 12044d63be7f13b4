import { join } from "node:path";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidOptionError, QueueError } from "../../../src/core/errors.js";
import { loadBars } from "../../../src/node/load-bars.js";
import { queueDataRef } from "../../../src/node/queue/queue-data-ref.js";
import { queueExecutor } from "../../../src/node/queue/queue-executor.js";
import { freePort, startRedisServer, type RedisServer } from "../../../src/node/queue/start-redis-server.js";
import { startSweepWorker } from "../../../src/node/queue/sweep-worker.js";
import { sweepBars } from "../../../src/sweep/sweep-bars.js";
import { runSweep } from "../../../src/sweep/sweep-in-process.js";
import { makeDifferentData, makeQueueData, spawnWorker, type WorkerProcess } from "./fixtures/queue-processes.js";

const SPEC = { strategy: "sma-cross", grid: { fast: [5, 10], slow: [50] } } as const;

let server: RedisServer;
let data: { dir: string; files: string[] };
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  data = makeQueueData();
  server = await startRedisServer();
}, 30_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  await server?.stop();
});

async function waiting(name: string): Promise<number> {
  const queue = new Queue(name, { connection: { url: server.url } });
  try {
    return await queue.getWaitingCount();
  } finally {
    await queue.close();
  }
}

const refs = () => data.files.map((f) => ({ ...queueDataRef(join(data.dir, f)), path: f }));
const tables = () => sweepBars(data.files.map((f) => loadBars(join(data.dir, f)).table));

describe("queue errors", () => {
  it("rejects a sweep on an unreachable Redis with one QueueError naming the URL within seconds", async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const executor = queueExecutor({ redis: url, data: refs(), connectTimeoutMs: 2000 });
    const t0 = performance.now();
    const error = await runSweep(tables(), SPEC, executor).catch((e: unknown) => e);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(error).toBeInstanceOf(QueueError);
    expect((error as Error).message).toMatch(new RegExp(`^cannot reach Redis at ${url}: .*ECONNREFUSED.*; start redis-server there or pass the right --redis URL$`));
    await executor.close();
  });

  it("rejects a worker on an unreachable Redis with one QueueError naming the URL, hiding its password", async () => {
    const url = `redis://:secret@127.0.0.1:${await freePort()}`;
    const t0 = performance.now();
    const error = await startSweepWorker({ redis: url, connectTimeoutMs: 2000 }).catch((e: unknown) => e);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(error).toBeInstanceOf(QueueError);
    expect((error as Error).message).toContain("cannot reach Redis at redis://:***@127.0.0.1:");
    expect((error as Error).message).not.toContain("secret");
  });

  it("rejects a Redis host that does not answer within the connect timeout", async () => {
    const t0 = performance.now();
    // 192.0.2.0/24 is reserved for documentation: nothing answers there.
    const error = await startSweepWorker({ redis: "redis://192.0.2.1:6379", connectTimeoutMs: 1000 }).catch((e: unknown) => e);
    expect(performance.now() - t0).toBeLessThan(2500);
    expect(error).toBeInstanceOf(QueueError);
    expect((error as Error).message).toContain("cannot reach Redis at redis://192.0.2.1:6379: ");
  });

  it("throws InvalidOptionError for a bad URL, bad data references and a symbol without data", async () => {
    expect(() => queueExecutor({ redis: "localhost:6379", data: refs() })).toThrow(/^invalid redis: "localhost:6379" \(expected a Redis URL such as "redis:\/\/127.0.0.1:6379"\)/);
    expect(() => queueExecutor({ redis: server.url, data: [] })).toThrow(InvalidOptionError);
    expect(() => queueExecutor({ redis: server.url, data: [{ ...refs()[0]!, sha256: "abc" }] })).toThrow(/^invalid data\[0\]\.sha256: "abc"/);
    const executor = queueExecutor({ redis: server.url, data: refs().slice(0, 1) });
    await expect(runSweep(tables(), SPEC, executor)).rejects.toThrow(/"SYN" has none/);
    await executor.close();
  });

  it("rejects a sweep no worker finishes within timeoutMs with a QueueError and removes its jobs", async () => {
    const queue = "nobody-listens";
    const executor = queueExecutor({ redis: server.url, queue, data: refs(), timeoutMs: 500 });
    try {
      const error = await runSweep(tables(), SPEC, executor).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueueError);
      expect((error as Error).message).toMatch(/^sweep not finished within 500 ms on queue "nobody-listens" at redis:\/\/127\.0\.0\.1:\d+ \(0 of 4 items done\); are workers running there\?/);
      expect(await waiting(queue)).toBe(0);
    } finally {
      await executor.close();
    }
  });

  it("fails the sweep with the worker's message when the worker's data file differs from the coordinator's", async () => {
    const queue = "different-data";
    workers.push(await spawnWorker(makeDifferentData(), { redis: server.url, queue }));
    const executor = queueExecutor({ redis: server.url, queue, data: refs().slice(0, 1) });
    try {
      const spx = sweepBars([loadBars(join(data.dir, "spx.arrow")).table]);
      const error = await runSweep(spx, SPEC, executor).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueueError);
      const message = (error as Error).message;
      expect(await waiting(queue)).toBe(0);
      expect(message).toMatch(/^sweep job [0-9a-f-]+-0 \(items 0-\d+\) failed on queue "different-data" at redis:\/\/127\.0\.0\.1:\d+: worker .* pid \d+: data file "spx\.arrow" of SPX \(resolved to .*spx\.arrow\) has sha256 [0-9a-f]{64}, the coordinator's has [0-9a-f]{64}; copy the coordinator's file here/);
    } finally {
      await executor.close();
    }
  }, 20_000);
});
