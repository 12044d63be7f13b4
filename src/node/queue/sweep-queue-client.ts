import { Queue, QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { QueueError } from "../../core/errors.js";
import { pingRedis } from "./ping-redis.js";
import { displayRedisUrl } from "./redis-url.js";

/** The coordinator's connections to one sweep queue: the BullMQ queue, its event stream and a plain client (plans). */
export interface SweepQueueClient {
  readonly queue: Queue;
  readonly events: QueueEvents;
  readonly redis: Redis;
  /** Closes the three connections. */
  close(): Promise<void>;
}

/**
 * Resolves to the coordinator's connections to queue `name` at `url`, after a PING within
 * `connectTimeoutMs` (an unreachable server rejects with one QueueError naming the URL). The event
 * stream is read from its current end, read before any job of this client is added, so no result
 * event is missed.
 * @example const client = await connectSweepQueue("redis://127.0.0.1:6379", "regime-lab-sweep", 5000)
 */
export async function connectSweepQueue(url: string, name: string, connectTimeoutMs: number): Promise<SweepQueueClient> {
  await pingRedis(url, connectTimeoutMs);
  const redis = new Redis(url, { connectTimeout: connectTimeoutMs, lazyConnect: true });
  redis.on("error", () => {});
  const queue = new Queue(name, { connection: { url, connectTimeout: connectTimeoutMs } });
  queue.on("error", () => {});
  let events: QueueEvents | undefined;
  try {
    await redis.connect();
    await queue.waitUntilReady();
    const last = await redis.xrevrange(queue.keys.events!, "+", "-", "COUNT", 1);
    events = new QueueEvents(name, { connection: { url, connectTimeout: connectTimeoutMs }, lastEventId: last[0]?.[0] ?? "0-0" });
    events.on("error", () => {});
    await events.waitUntilReady();
  } catch (e) {
    await Promise.allSettled([events?.close(), queue.close()]);
    redis.disconnect();
    throw new QueueError(`cannot open queue "${name}" at ${displayRedisUrl(url)}: ${e instanceof Error ? e.message : String(e)}`, { queue: name }, e);
  }
  const ready = events;
  return {
    queue, events: ready, redis,
    close: async () => {
      await Promise.allSettled([ready.close(), queue.close()]);
      redis.disconnect();
    },
  };
}
