import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { QueueError } from "../../../src/core/errors.js";
import { startRedisServer } from "../../../src/node/queue/start-redis-server.js";

describe("startRedisServer", () => {
  it("starts a loopback redis-server that answers PING and stops it", async () => {
    const server = await startRedisServer();
    const client = new Redis(server.url);
    try {
      expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
      expect(await client.ping()).toBe("PONG");
    } finally {
      client.disconnect();
      await server.stop();
    }
    expect(server.process.exitCode !== null || server.process.signalCode !== null).toBe(true);
  });

  it("rejects with a QueueError saying to run `npm run setup` when the program is missing", async () => {
    const error = await startRedisServer({ command: "no-such-redis-server" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueError);
    expect((error as Error).message).toContain('"no-such-redis-server" not found; run `npm run setup`');
  });
});
