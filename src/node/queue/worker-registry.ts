import type { Redis } from "ioredis";

/** How often a worker renews its registration, and how long one lasts unrenewed. */
const BEAT_MS = 5000, ALIVE_MS = 15_000;

const registryKey = (queue: string) => `regime-lab:${queue}:workers`;

/**
 * Registers a sweep worker (`id`, running `concurrency` jobs at once) on queue `queue` and renews the
 * registration every 5 s until the returned function removes it. (BullMQ's own worker list needs
 * CLIENT SETNAME, which not every worker connection does.)
 * @example const unregister = registerSweepWorker(redis, "regime-lab-sweep", "host pid 42", 1); // ... await unregister();
 */
export function registerSweepWorker(redis: Redis, queue: string, id: string, concurrency: number): () => Promise<void> {
  const member = `${concurrency}|${id}`;
  const beat = () => redis.zadd(registryKey(queue), Date.now(), member).catch(() => 0);
  void beat();
  const timer = setInterval(beat, BEAT_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await redis.zrem(registryKey(queue), member).catch(() => 0);
  };
}

/**
 * Resolves to how many sweep jobs the workers registered on `queue` in the last 15 s run at once (the
 * sum of their concurrency), forgetting older registrations.
 * @example await countSweepWorkers(redis, "regime-lab-sweep") // 2
 */
export async function countSweepWorkers(redis: Redis, queue: string): Promise<number> {
  const key = registryKey(queue);
  await redis.zremrangebyscore(key, "-inf", Date.now() - ALIVE_MS);
  const members = await redis.zrange(key, 0, -1);
  return members.reduce((n, m) => n + (Number.parseInt(m, 10) || 1), 0);
}
