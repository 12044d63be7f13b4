// Benchmark harness: median-of-N timing, a printed table and a JSON record. Speed is measured here,
// never in unit tests: compare ratios taken in one run, since the machines are shared and noisy.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** One row of the printed table. */
export interface BenchRow {
  readonly suite: string;
  readonly case: string;
  readonly items: number;
  readonly unit: string;
  readonly seconds: number;
  readonly perSecond: number;
  readonly target?: string;
  readonly met?: boolean;
  readonly note?: string;
  readonly extra?: Record<string, number | string>;
}

/**
 * Runs `fn` `runs` times and returns the median seconds, after `warmup` discarded runs: true for one
 * (the default), false for none, or a number of them (the JIT and the heap's sizing can take several
 * runs of a long case to settle).
 */
export function medianSeconds(fn: () => unknown, runs = 3, warmup: boolean | number = true): number {
  const warmups = warmup === true ? 1 : warmup === false ? 0 : warmup;
  for (let w = 0; w < warmups; w++) fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Like medianSeconds, with warm-up and timed runs set by time as well as by count: at least
 * `warmups` discarded runs and `warmupSeconds` of them, then at least `runs` timed runs and
 * `runSeconds` of them; returns the median. A short case (a few thousand bars) then runs often
 * enough for the JIT to settle and for its median to be more than a few noisy runs; a long one is
 * run as medianSeconds would.
 */
export function steadyMedianSeconds(fn: () => unknown, options: { runs: number; warmups: number; warmupSeconds: number; runSeconds: number }): number {
  const warmUntil = process.hrtime.bigint() + BigInt(Math.round(options.warmupSeconds * 1e9));
  for (let w = 0; w < options.warmups || process.hrtime.bigint() < warmUntil; w++) fn();
  const times: number[] = [];
  let spent = 0;
  while (times.length < options.runs || spent < options.runSeconds) {
    const t0 = process.hrtime.bigint();
    fn();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    times.push(seconds);
    spent += seconds;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const fmt = (x: number): string =>
  x >= 100 ? Math.round(x).toLocaleString("en-US") : x >= 1 ? x.toFixed(2) : x.toPrecision(3);

/** Prints rows as an aligned text table. */
export function printTable(rows: readonly BenchRow[]): void {
  const head = ["suite", "case", "items", "seconds", "per second", "target", "met", "note"];
  const body = rows.map((r) => [
    r.suite, r.case, `${fmt(r.items)} ${r.unit}`, fmt(r.seconds), fmt(r.perSecond), r.target ?? "", r.met === undefined ? "" : r.met ? "yes" : "NO", r.note ?? "",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
}

/** Writes the rows and the machine facts as JSON. */
export function writeJson(path: string, rows: readonly BenchRow[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const doc = { node: process.version, platform: process.platform, arch: process.arch, rows };
  writeFileSync(path, JSON.stringify(doc, null, 2) + "\n");
}

/** Forces a garbage collection when node runs with --expose-gc, so memory readings settle. */
export function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
