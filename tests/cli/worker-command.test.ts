import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/cli-error.js";
import { runWorkerCommand, WORKER_HELP } from "../../src/cli/worker-command.js";
import { runCliAsync } from "../../src/cli/main.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { QueueError } from "../../src/core/errors.js";
import { freePort, startRedisServer, type RedisServer } from "../../src/node/queue/start-redis-server.js";

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

function io() {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t), isTTY: false } } };
}

describe("regime-lab worker", () => {
  it("prints its help", async () => {
    const { out, io: streams } = io();
    expect(await runWorkerCommand(["--help"], streams)).toBe(0);
    expect(out.stdout).toBe(`${WORKER_HELP}\n`);
    expect(WORKER_HELP).toMatch(/^usage: regime-lab worker --redis URL \[--queue NAME\] \[--concurrency N\]/);
  });

  it("rejects a missing --redis and a bad --concurrency with usage errors", async () => {
    const { io: streams } = io();
    await expect(runWorkerCommand([], streams)).rejects.toThrow(new CliError("missing --redis URL (e.g. --redis redis://127.0.0.1:6379); see `regime-lab worker --help`", 2));
    await expect(runWorkerCommand(["--redis", server.url, "--concurrency", "0"], streams)).rejects.toThrow('invalid --concurrency: "0" (expected a whole number >= 1)');
    await expect(runWorkerCommand(["--redis", "127.0.0.1"], streams)).rejects.toThrow(/^invalid redis: "127.0.0.1"/);
  });

  it("rejects an unreachable Redis with one QueueError naming the URL", async () => {
    const { io: streams } = io();
    const url = `redis://127.0.0.1:${await freePort()}`;
    const error = await runWorkerCommand(["--redis", url], streams).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueError);
    expect((error as Error).message).toContain(`cannot reach Redis at ${url}: `);
  });

  it("listens until stopped, printing one line when ready, and returns 0", async () => {
    const { out, io: streams } = io();
    const stop = new AbortController();
    const running = runWorkerCommand(["--redis", server.url, "--queue", "cli-test", "--concurrency", "2"], streams, stop.signal);
    await expect.poll(() => out.stdout, { timeout: 5000 }).toContain("listening");
    stop.abort();
    expect(await running).toBe(0);
    expect(out.stdout.split("\n")[0]).toMatch(new RegExp(`^regime-lab worker: listening on ${server.url} queue cli-test \\(concurrency 2, pid \\d+, data paths from .+\\)$`));
    expect(out.stdout).toContain("regime-lab worker: stopped after 0 jobs\n");
  });

  it("runs as a process until SIGTERM, then closes and exits 0", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "fixtures/worker-command-main.ts"), "--redis", server.url], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "", stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready: ${stdout}${stderr}`)), 15_000);
      child.stdout.on("data", (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes("listening")) (clearTimeout(timer), resolve());
      });
    });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toContain("regime-lab worker: stopped after 0 jobs");
    expect(stderr).toBe("");
  }, 20_000);

  it("serves `regime-lab sweep --redis`: two workers give the rows of an in-process run", async () => {
    const stop = new AbortController();
    const a = io(), b = io();
    const workers = [runWorkerCommand(["--redis", server.url, "--queue", "cli-sweep"], a.io, stop.signal), runWorkerCommand(["--redis", server.url, "--queue", "cli-sweep"], b.io, stop.signal)];
    await expect.poll(() => a.out.stdout + b.out.stdout, { timeout: 5000 }).toMatch(/listening[\s\S]*listening/);
    const queued = io(), local = io();
    expect(await runCliAsync(["sweep", "--config", "examples/sma-sweep.json", "--redis", server.url, "--queue", "cli-sweep", "--json"], queued.io)).toBe(0);
    expect(await runCliAsync(["sweep", "--config", "examples/sma-sweep.json", "--workers", "0", "--json"], local.io)).toBe(0);
    stop.abort();
    await Promise.all(workers);
    const q = JSON.parse(queued.out.stdout), l = JSON.parse(local.out.stdout);
    expect(q.summary).toMatchObject({ executor: "queue", runs: 32 });
    expect(q.rows).toEqual(l.rows);
    expect(a.out.stdout + b.out.stdout).toMatch(/stopped after \d+ jobs/);
  }, 30_000);

  it("fails `regime-lab sweep --redis` at an unreachable Redis with one line and exit code 1", async () => {
    const r = io();
    const url = `redis://127.0.0.1:${await freePort()}`;
    expect(await runCliAsync(["sweep", "--config", "examples/sma-sweep.json", "--redis", url], r.io)).toBe(1);
    expect(r.out.stderr).toMatch(new RegExp(`^regime-lab: cannot reach Redis at ${url}: [^\n]+\n$`));
    expect(r.out.stdout).toBe("");
  });

  it("runs a sweep of a CSV file through the queue, the worker reading it as the coordinator did", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sweep-csv-"));
    const config = join(dir, "csv.json");
    writeFileSync(config, JSON.stringify({ data: [resolve("data/sp500-2000.csv")], grid: { fast: [5, 10], slow: [50] } }));
    const stop = new AbortController();
    const w = io();
    const worker = runWorkerCommand(["--redis", server.url, "--queue", "cli-csv"], w.io, stop.signal);
    await expect.poll(() => w.out.stdout, { timeout: 5000 }).toContain("listening");
    const queued = io(), local = io();
    expect(await runCliAsync(["sweep", "--config", config, "--redis", server.url, "--queue", "cli-csv", "--json"], queued.io)).toBe(0);
    expect(await runCliAsync(["sweep", "--config", config, "--workers", "0", "--json"], local.io)).toBe(0);
    stop.abort();
    await worker;
    expect(JSON.parse(queued.out.stdout).rows).toEqual(JSON.parse(local.out.stdout).rows);
    expect(JSON.parse(queued.out.stdout).rows[0].symbol).toBe("sp500-2000");
  }, 30_000);

  it("warns when no worker listens on the queue, then finishes once one starts", async () => {
    const r = io();
    const sweep = runCliAsync(["sweep", "--config", "examples/sma-sweep.json", "--redis", server.url, "--queue", "cli-late"], r.io);
    await expect.poll(() => r.out.stderr, { timeout: 5000 }).toContain("regime-lab: warning: no worker is listening on queue \"cli-late\"");
    expect(r.out.stderr).toContain(`start \`npx regime-lab worker --redis ${server.url} --queue cli-late\` where the data is`);
    const stop = new AbortController();
    const worker = runWorkerCommand(["--redis", server.url, "--queue", "cli-late"], io().io, stop.signal);
    expect(await sweep).toBe(0);
    stop.abort();
    await worker;
    expect(r.out.stdout).toMatch(/^sweep {2}sma-cross on SPX: 32 runs/);
    // the worker that started after the sweep is counted in the report
    expect(r.out.stdout).toMatch(/on 1 queue worker$/m);
  }, 30_000);
});
