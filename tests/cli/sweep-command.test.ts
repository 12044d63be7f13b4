import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { runCliAsync } from "../../src/cli/main.js";
import { loadBars } from "../../src/node/load-bars.js";
import { saveBarsArrow } from "../../src/node/save-bars.js";
import { sweep, walkForward } from "../../src/node/sweep/sweep.js";
import { runSweepRun } from "../../src/sweep/run-sweep-run.js";
import { planSweep, sweepRunAt } from "../../src/sweep/sweep-plan.js";
import { correlatedBars } from "../../src/synthetic/correlated-bars.js";

async function cli(...argv: string[]) {
  let stdout = "", stderr = "";
  const code = await runCliAsync(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t), isTTY: false } });
  return { code, stdout, stderr };
}

/** Runs a command that must fail, and returns its one stderr line (without "regime-lab: " and the newline) and exit code. */
async function failure(...argv: string[]) {
  const r = await cli(...argv);
  expect(r.stdout).toBe("");
  expect(r.stderr.endsWith("\n")).toBe(true);
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(r.stderr.startsWith("regime-lab: ")).toBe(true);
  return { code: r.code, message: r.stderr.slice("regime-lab: ".length, -1) };
}

const DIR = mkdtempSync(join(tmpdir(), "regime-lab-sweep-cli-"));
const { tables: [AAA, BBB] } = correlatedBars({ symbols: ["AAA", "BBB"], n: 400, seed: 21 });
saveBarsArrow(join(DIR, "aaa.arrow"), AAA!);
saveBarsArrow(join(DIR, "bbb.arrow"), BBB!);
const GRID = { fast: [5, 10, 30], slow: { from: 20, to: 40, step: 20 } };
const FIXED = { fraction: 0.5 };

function config(name: string, body: unknown): string {
  const path = join(DIR, name);
  writeFileSync(path, typeof body === "string" ? body : JSON.stringify(body));
  return path;
}

const SWEEP = config("sweep.json", { data: ["aaa.arrow", "bbb.arrow"], grid: GRID, fixed: FIXED, cash: 50_000 });
const WALK = config("walk.json", { data: ["aaa.arrow"], grid: GRID, fixed: FIXED, warmupBars: 40, walkForward: { train: 150, test: 100, mode: "anchored", metric: "totalReturn" } });

function rows(table: arrow.Table): Record<string, unknown>[] {
  return table.toArray().map((r) => ({ ...(r as { toJSON(): Record<string, unknown> }).toJSON() }));
}

describe("regime-lab sweep", async () => {
  const expected = await sweep([AAA!, BBB!], { grid: GRID, fixed: FIXED, cash: 50_000 }, { workers: 0 });

  it("prints what ran, the exclusions and the best runs by Sharpe", async () => {
    const r = await cli("sweep", "--config", SWEEP, "--workers", "0", "--top", "3");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("sweep  sma-cross on AAA, BBB: 10 runs (5 combinations x 2 symbols) on 1 thread (in process)");
    expect(lines[1]).toBe("left out 1 of 6 grid combinations, e.g. fast (30) must be below slow (20)");
    expect(lines[3]).toBe("top 3 runs by sharpe:");
    expect(lines[4]!.trim().split(/\s+/)).toEqual(["run", "symbol", "fast", "slow", "fraction", "sharpe", "totalReturn", "maxDrawdown", "trades"]);
    expect(lines).toHaveLength(8);
    const best = rows(expected.table).sort((a, b) => (b.sharpe as number) - (a.sharpe as number)).slice(0, 3);
    expect(lines.slice(5).map((l) => l.trim().split(/\s+/).slice(0, 2))).toEqual(best.map((b) => [String(b.run), b.symbol]));
    expect(lines[5]!.trim().split(/\s+/)[5]).toBe((best[0]!.sharpe as number).toFixed(4));
  });

  it("shows progress on stderr with --progress, one line per percent step when stderr is not a terminal", async () => {
    const r = await cli("sweep", "--config", SWEEP, "--workers", "0", "--progress", "--top", "1");
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe("sweep  10%  1 / 10 runs");
    expect(lines.at(-1)).toBe("sweep 100%  10 / 10 runs");
  });

  it("ranks by --sort", async () => {
    const r = await cli("sweep", "--config", SWEEP, "--workers", "0", "--top", "1", "--sort", "totalReturn");
    const best = rows(expected.table).sort((a, b) => (b.totalReturn as number) - (a.totalReturn as number))[0]!;
    expect(r.stdout).toContain("top 1 runs by totalReturn:");
    expect(r.stdout.trimEnd().split("\n").at(-1)!.trim().split(/\s+/)[0]).toBe(String(best.run));
  });

  it("prints one JSON document with every run with --json, and writes the table with --out", async () => {
    const out = join(DIR, "sweep-out.arrow");
    const r = await cli("sweep", "--config", SWEEP, "--workers", "0", "--json", "--out", out);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.format).toBe("regime-lab.sweep/1");
    expect(doc.config).toBe(SWEEP);
    expect(doc.data.map((d: { symbol: string; bars: number }) => [d.symbol, d.bars])).toEqual([["AAA", 400], ["BBB", 400]]);
    expect(doc.data[0].file).toBe(relative(process.cwd(), join(DIR, "aaa.arrow")));
    expect(doc.summary).toEqual({
      strategy: "sma-cross", runs: 10, combinations: 5, gridSize: 6, symbols: ["AAA", "BBB"], excludedCount: 1,
      excludedExamples: [{ params: expect.objectContaining({ fast: 30, slow: 20 }), reason: "fast (30) must be below slow (20)" }], executor: "in-process", workers: 1,
    });
    expect(doc.parameters).toEqual(["fast", "slow", "fraction"]);
    expect(doc.rows).toEqual(rows(expected.table));
    const written = arrow.tableFromIPC(readFileSync(out));
    expect(written.schema.fields.map((f) => f.name)).toEqual(expected.table.schema.fields.map((f) => f.name));
    expect(rows(written)).toEqual(doc.rows);
    expect(written.schema.metadata.get("regime-lab.format")).toBe("regime-lab.sweep/1");
  });

  it("runs a walk-forward when the config has walkForward, as text, --json and --out", async () => {
    const wf = await walkForward([AAA!], { grid: GRID, fixed: FIXED, warmupBars: 40 }, { train: 150, test: 100, mode: "anchored", metric: "totalReturn" }, { workers: 0 });
    const text = await cli("sweep", "--config", WALK, "--workers", "0");
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n")[0]).toBe("walk-forward  sma-cross: anchored windows of 150 train / 100 test bars, parameters chosen by totalReturn among 5 combinations");
    expect(text.stdout).toContain("\nwindows:\n");
    const out = join(DIR, "walk-out.arrow");
    const r = await cli("sweep", "--config", WALK, "--workers", "0", "--json", "--out", out);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.format).toBe("regime-lab.walk-forward/1");
    expect(doc.settings).toEqual({ train: 150, test: 100, mode: "anchored", metric: "totalReturn", minTrades: 1, ...wf.plan.settings });
    expect(doc.parameters).toEqual(["fast", "slow", "fraction"]);
    expect(doc.combinations).toBe(5);
    expect(doc.summary).toEqual(wf.summary);
    const windows = rows(wf.windows);
    expect(doc.windows).toHaveLength(3);
    expect(doc.windows).toEqual(windows.map((w) => ({
      ...w, trainStart: new Date(w.trainStart as number).toISOString(), trainEnd: new Date(w.trainEnd as number).toISOString(),
      testStart: new Date(w.testStart as number).toISOString(), testEnd: new Date(w.testEnd as number).toISOString(),
    })));
    expect(rows(arrow.tableFromIPC(readFileSync(out)))).toEqual(windows);
  });

  it("fails with one line and exit code 2 for a bad command line", async () => {
    expect(await failure("sweep")).toEqual({ code: 2, message: "missing --config FILE.json; see `regime-lab sweep --help`" });
    expect(await failure("sweep", "--config", SWEEP, "--out", "x.csv")).toEqual({ code: 2, message: 'invalid --out: "x.csv" (expected a file name ending in .arrow); see `regime-lab sweep --help`' });
    expect(await failure("sweep", "--config", SWEEP, "--workers", "2", "--redis", "redis://127.0.0.1:6379")).toEqual({
      code: 2, message: "--workers and --redis exclude each other (queue workers are separate `regime-lab worker` processes); see `regime-lab sweep --help`",
    });
    expect(await failure("sweep", "--config", SWEEP, "--workers=-1")).toEqual({ code: 2, message: 'invalid --workers: "-1" (expected a whole number >= 0); see `regime-lab sweep --help`' });
    expect(await failure("sweep", "--config", SWEEP, "--sort", "luck")).toMatchObject({ code: 2, message: expect.stringMatching(/^invalid --sort: "luck" \(expected one of totalReturn, /) });
    expect((await failure("sweep", "--config", SWEEP, "--fast", "5")).code).toBe(2);
  });

  it("fails with one line naming the config file and exit code 1 for a bad config", async () => {
    const missing = join(DIR, "nope.json");
    expect(await failure("sweep", "--config", missing)).toEqual({ code: 1, message: `cannot read --config ${missing}: no such file` });
    const bad = config("bad.json", "{ \"grid\": ");
    expect(await failure("sweep", "--config", bad)).toMatchObject({ code: 1, message: expect.stringMatching(new RegExp(`^${bad}: not valid JSON \\(`)) });
    const list = config("list.json", "[1, 2]");
    expect(await failure("sweep", "--config", list)).toEqual({ code: 1, message: `${list}: expected a JSON object with "data" and "grid"` });
    const key = config("key.json", { data: ["aaa.arrow"], grid: GRID, workers: 2 });
    expect(await failure("sweep", "--config", key)).toEqual({
      code: 1, message: `${key}: unknown key "workers" (expected one of: data, strategy, grid, fixed, search, cash, commissionPercent, slippageBps, warmupBars, walkForward)`,
    });
    const noData = config("no-data.json", { grid: GRID });
    expect(await failure("sweep", "--config", noData)).toEqual({ code: 1, message: `${noData}: invalid data: undefined (expected a non-empty list of bar file paths, relative to the config file)` });
    const unknown = config("unknown.json", { data: ["aaa.arrow"], grid: { fast: [5], sloww: [20] } });
    expect(await failure("sweep", "--config", unknown, "--workers", "0")).toEqual({
      code: 1, message: `${unknown}: invalid grid: "sloww" (expected a known parameter: fast, slow, allowShort, gate, trendThreshold, highVolPercentile, risk, fraction, riskFraction, kellyFraction, maxHeat, stopMult)`,
    });
    const empty = config("empty.json", { data: ["aaa.arrow"], grid: {} });
    expect(await failure("sweep", "--config", empty, "--workers", "0")).toEqual({ code: 1, message: `${empty}: invalid grid: {} (expected at least one parameter with values); e.g. { "fast": [5, 10] }` });
    const zero = config("zero.json", { data: ["aaa.arrow"], grid: { fraction: [0, 0.5] } });
    expect(await failure("sweep", "--config", zero, "--workers", "0")).toMatchObject({ code: 1, message: expect.stringMatching(new RegExp(`^${zero}: invalid grid\\.fraction\\[0\\]: 0 `)) });
    const long = config("long.json", { data: ["aaa.arrow"], grid: GRID, walkForward: { train: 390, test: 100 } });
    expect(await failure("sweep", "--config", long, "--workers", "0")).toMatchObject({ code: 1, message: expect.stringMatching(new RegExp(`^${long}: invalid walkForward\\.train: 390 .*the bars of AAA`)) });
    const noFile = config("no-file.json", { data: ["missing.arrow"], grid: GRID });
    expect(await failure("sweep", "--config", noFile, "--workers", "0")).toMatchObject({ code: 1, message: expect.stringContaining("missing.arrow") });
    // sweep has no --symbol: the hint says what does name a file's symbol
    const twice = config("twice.json", { data: ["aaa.arrow", "aaa.arrow"], grid: GRID });
    const aaa = relative(process.cwd(), join(DIR, "aaa.arrow"));
    expect(await failure("sweep", "--config", twice, "--workers", "0")).toEqual({
      code: 1, message: `${aaa}: symbol "AAA" is also the symbol of ${aaa}; the files of "data" in ${twice} need different symbols (a CSV file's is its file name, an Arrow file's is in its metadata)`,
    });
  });
});

describe("npx regime-lab sweep", () => {
  it("runs the example config on 2 worker threads and prints the same rows as an in-process run", () => {
    const r = spawnSync("npx", ["--no-install", "regime-lab", "sweep", "--config", "examples/sma-sweep.json", "--workers", "2", "--json"], { encoding: "utf8", env: { ...process.env, TZ: "America/Los_Angeles" } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.format).toBe("regime-lab.sweep/1");
    expect(doc.config).toBe("examples/sma-sweep.json");
    expect(doc.data).toEqual([{ file: "data/sp500-2000.arrow", symbol: "SPX", timeZone: "America/New_York", interval: "1d", bars: 5105, start: "2000-01-03T21:00:00.000Z", end: "2020-04-17T20:00:00.000Z" }]);
    expect(doc.summary).toEqual({ strategy: "sma-cross", runs: 32, combinations: 32, gridSize: 32, symbols: ["SPX"], excludedCount: 0, excludedExamples: [], executor: "threads", workers: 2 });
    expect(doc.parameters).toEqual(["fast", "slow", "gate", "risk", "fraction"]);
    expect(doc.rows).toHaveLength(32);
    expect(doc.rows.map((row: { run: number }) => row.run)).toEqual(Array.from({ length: 32 }, (_, i) => i));
    const { data: _data, ...spec } = JSON.parse(readFileSync("examples/sma-sweep.json", "utf8"));
    const plan = planSweep(spec, ["SPX"]);
    const spx = loadBars("data/sp500-2000.arrow").table;
    for (const run of [0, 17, 31]) expect(doc.rows[run]).toEqual(runSweepRun(plan, sweepRunAt(plan, run), spx));
    expect(doc.rows[31]).toMatchObject({ fast: 30, slow: 200, gate: "up-or-ranging", risk: "fixed", fraction: 0.5 });
  }, 30_000);
});
