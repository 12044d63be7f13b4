import { Redis } from "ioredis";
import { QueueError } from "../../core/errors.js";
import { displayRedisUrl } from "./redis-url.js";

/**
 * Resolves once the Redis server at `url` answers PING, or rejects within about `timeoutMs` with one
 * QueueError naming the URL (ioredis alone would retry forever). The connection is closed either way.
 * @example await pingRedis("redis://127.0.0.1:6379", 5000)
 */
export async function pingRedis(url: string, timeoutMs: number): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, enableOfflineQueue: false,
    retryStrategy: () => null, reconnectOnError: () => false,
  });
  let lastError: unknown;
  client.on("error", (e: unknown) => {
    lastError = e;
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([client.connect().then(() => client.ping()), deadline]);
  } catch (e) {
    const why = describe(e, lastError);
    throw new QueueError(
      `cannot reach Redis at ${displayRedisUrl(url)}: ${why}; start redis-server there or pass the right --redis URL`,
      { url: displayRedisUrl(url), timeoutMs }, e,
    );
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

function describe(e: unknown, lastError: unknown): string {
  const message = (x: unknown) => (x instanceof Error ? x.message : String(x));
  // ioredis reports "Connection is closed." after the socket error it emitted; the socket error says why.
  if (lastError !== undefined && /closed|reconnect/i.test(message(e))) return message(lastError);
  return message(e);
}
