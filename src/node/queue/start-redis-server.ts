import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { QueueError } from "../../core/errors.js";

/** Options of {@link startRedisServer}. */
export interface StartRedisServerOptions {
  /** The port to listen on (loopback only). Default: a free one. */
  readonly port?: number;
  /** The redis-server program. Default "redis-server" (on the PATH). */
  readonly command?: string;
  /** How long the server may take to accept connections. Default 10,000 ms. */
  readonly timeoutMs?: number;
}

/** A redis-server started by {@link startRedisServer}. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** Stops the server (SIGTERM, then SIGKILL after 2 s) and resolves when it exited. */
  stop(): Promise<void>;
}

/** Resolves to a TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Resolves to a throwaway redis-server on 127.0.0.1 (no persistence) once it accepts connections: for
 * tests, benchmarks and trying queue sweeps on one machine. A missing program rejects with a
 * QueueError saying how to install it.
 * @example const server = await startRedisServer(); // server.url: "redis://127.0.0.1:40211" ... await server.stop();
 */
export async function startRedisServer(options: StartRedisServerOptions = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const command = options.command ?? "redis-server";
  const timeoutMs = options.timeoutMs ?? 10_000;
  const child = spawn(command, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(`not ready within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new QueueError(`cannot start ${command} on port ${port}: ${why}${output ? `\n${output.trim().split("\n").slice(-5).join("\n")}` : ""}`, { port }));
    };
    child.once("error", (e: NodeJS.ErrnoException) => {
      fail(e.code === "ENOENT" ? `"${command}" not found; run \`npm run setup\` (it installs Debian's redis-server) or apt-get install redis-server` : e.message);
    });
    const onExit = (code: number | null) => fail(`it exited with code ${code}`);
    child.once("exit", onExit);
    let ready = false;
    const onData = (chunk: Buffer) => {
      if (ready) return; // keep draining the pipes so the server never blocks on its log
      output = (output + chunk.toString()).slice(-8192);
      if (output.includes("Ready to accept connections")) {
        ready = true;
        clearTimeout(timer);
        child.off("exit", onExit);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
  });
  return {
    url: `redis://127.0.0.1:${port}`, port, process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
