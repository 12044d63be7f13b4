import type * as arrow from "apache-arrow";
import { Piscina } from "piscina";
import { afterAll, describe, expect, it, vi } from "vitest";
import { CancelledError } from "../../../src/core/errors.js";
import { BAR_FIELDS } from "../../../src/core/types.js";
import { barColumns, barInfo } from "../../../src/data/bar-table.js";
import { openSharedBarTables, shareBarTables } from "../../../src/node/sweep/shared-bar-tables.js";
import { sweep, walkForward } from "../../../src/node/sweep/sweep.js";
import { threadExecutor } from "../../../src/node/sweep/thread-executor.js";
import type { SweepProgress } from "../../../src/sweep/sweep-result.js";
import type { SweepRow } from "../../../src/sweep/run-sweep-run.js";
import { sweepBars } from "../../../src/sweep/sweep-bars.js";
import { planSweep } from "../../../src/sweep/sweep-plan.js";
import type { SweepSpec } from "../../../src/sweep/sweep-spec.js";
import { correlatedBars } from "../../../src/synthetic/correlated-bars.js";
import { regimeSwitchingBars } from "../../../src/synthetic/regime-switching-bars.js";

const { tables: [AAA] } = correlatedBars({ symbols: ["AAA"], n: 500, seed: 9, correlation: [[1]] });
const { table: SYN } = regimeSwitchingBars({ n: 500, seed: 2, symbol: "SYN" });
const BARS = [SYN, AAA!];
const TABLES = sweepBars(BARS);
const SPEC: SweepSpec = { grid: { fast: [3, 5, 10], slow: [20, 40], gate: ["none", "not-down"] }, fixed: { fraction: 0.5, allowShort: true } };
/** One pool for the whole file: a pool takes about a second to start. */
const POOL = threadExecutor(TABLES, { workers: 2 });

afterAll(() => POOL.close());

function columns(table: arrow.Table): Record<string, unknown[]> {
  // Element by element (get), so nulls stay null: toArray() would give a typed array with 0 for null.
  return Object.fromEntries(table.schema.fields.map((f) => {
    const v = table.getChild(f.name)!;
    return [f.name, Array.from({ length: v.length }, (_, i) => v.get(i) as unknown)];
  }));
}

function expectSameTable(a: arrow.Table, b: arrow.Table): void {
  expect(a.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(b.schema.fields.map((f) => `${f.name}:${f.type}`));
  expect(a.numRows).toBe(b.numRows);
  const ca = columns(a), cb = columns(b);
  for (const name of Object.keys(ca)) expect({ name, values: ca[name] }).toEqual({ name, values: cb[name] });
  expect([...a.schema.metadata]).toEqual([...b.schema.metadata]);
}

describe("sweep on worker threads", () => {
  it("gives the table of the in-process run, column by column and row by row", async () => {
    const local = await sweep(BARS, SPEC, { workers: 0 });
    const progress: SweepProgress[] = [];
    const rows: SweepRow[] = [];
    const threaded = await sweep(BARS, SPEC, { executor: POOL, onProgress: (p) => progress.push(p), onRow: (r) => rows.push(r) });
    expect(local.table.numRows).toBe(24);
    expect(local.table.getChild("symbol")!.toArray().slice(0, 4)).toEqual(["SYN", "AAA", "SYN", "AAA"]);
    expectSameTable(threaded.table, local.table);
    expect(local.summary).toMatchObject({ executor: "in-process", workers: 1, runs: 24 });
    expect(threaded.summary).toEqual({ ...local.summary, executor: "threads", workers: 2 });
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === 24)).toBe(true);
    expect(progress.map((p) => p.run).sort((x, y) => x - y)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(rows.map((r) => r.run).sort((x, y) => (x as number) - (y as number))).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(rows.find((r) => r.run === 7)).toEqual(Object.fromEntries(Object.entries(columns(local.table)).map(([k, v]) => [k, v[7]])));
  });

  it("starts and closes its own pool with workers: 2", async () => {
    const small: SweepSpec = { grid: { fast: [5], slow: [20, 40] } };
    const destroy = vi.spyOn(Piscina.prototype, "destroy");
    const [threaded, local] = await Promise.all([sweep(BARS, small, { workers: 2 }), sweep(BARS, small, { workers: 0 })]);
    expect(destroy).toHaveBeenCalledTimes(1);
    destroy.mockRestore();
    expect(threaded.summary).toMatchObject({ executor: "threads", workers: 2 });
    expectSameTable(threaded.table, local.table);
  }, 20_000);

  it("gives the walk-forward of the in-process run, with progress over train and test runs", async () => {
    const spec: SweepSpec = { grid: { fast: [3, 5], slow: [20, 40] }, warmupBars: 40 };
    const w = { train: 150, test: 100 };
    const local = await walkForward(BARS, spec, w, { workers: 0 });
    const progress: SweepProgress[] = [];
    const threaded = await walkForward(BARS, spec, w, { executor: POOL, onProgress: (p) => progress.push(p) });
    expectSameTable(threaded.windows, local.windows);
    expectSameTable(threaded.train, local.train);
    expectSameTable(threaded.equity, local.equity);
    expect(threaded.summary).toEqual(local.summary);
    // 4 windows per symbol: 2 x 4 x 4 train runs, then 2 x 4 test runs.
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === 40)).toBe(true);
  });

  it("rejects with CancelledError when the signal aborts mid-sweep, and the pool stays usable", async () => {
    const big: SweepSpec = { grid: { fast: { from: 2, to: 11, step: 1 }, slow: [20, 30, 40, 50] } };
    const abort = new AbortController();
    let seen = 0;
    const started = Date.now();
    const error = await sweep(BARS, big, { executor: POOL, signal: abort.signal, onProgress: () => (++seen === 3 ? abort.abort() : undefined) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).code).toBe("CANCELLED");
    expect((error as CancelledError).message).toMatch(/^sweep cancelled after \d+ of 80 runs$/);
    expect(seen).toBeLessThan(80);
    expect(Date.now() - started).toBeLessThan(10_000);
    const again = await sweep(BARS, { grid: { fast: [5], slow: [20] } }, { executor: POOL });
    expect(again.table.numRows).toBe(2);
  }, 20_000);

  it("rejects at once for an aborted signal, and destroys its own pool when cancelled", async () => {
    const aborted = AbortSignal.abort();
    await expect(sweep(BARS, SPEC, { executor: POOL, signal: aborted })).rejects.toThrow(/^sweep cancelled after 0 of 24 runs$/);
    const destroy = vi.spyOn(Piscina.prototype, "destroy");
    const abort = new AbortController();
    const own = sweep(BARS, { grid: { fast: { from: 2, to: 11, step: 1 }, slow: [20, 30, 40, 50] } }, { workers: 2, signal: abort.signal, onProgress: () => abort.abort() });
    await expect(own).rejects.toBeInstanceOf(CancelledError);
    expect(destroy).toHaveBeenCalledTimes(1);
    await expect(destroy.mock.results[0]!.value).resolves.toBeUndefined();
    destroy.mockRestore();
  }, 20_000);

  it("rejects when a task fails in a worker, and the pool stays usable", async () => {
    const plan = planSweep({ grid: { fast: [5, 10] } }, ["SYN", "AAA"]);
    await expect(POOL.execute(plan, [{ run: 0 }, { run: 9 }])).rejects.toThrow(/^invalid run: 9 \(expected a run index in \[0, 3\]\)/);
    await expect(POOL.execute(planSweep({ grid: { fast: [5] } }, ["ZZZ"]), [{ run: 0 }])).rejects.toThrow();
    const outcomes = await POOL.execute(plan, [{ run: 3 }, { run: 0, window: { start: 100, end: 400, tradeFrom: 200 }, curve: true }]);
    expect(outcomes.map((o) => [o.row.run, o.row.symbol])).toEqual([[3, "AAA"], [0, "SYN"]]);
    expect(outcomes[1]!.curve!.ts).toHaveLength(200);
    expect(outcomes[0]!.curve).toBeUndefined();
  });

  it("rejects bad worker counts", () => {
    expect(() => threadExecutor(TABLES, { workers: 0 })).toThrow(/^invalid workers: 0 \(expected a positive integer\)/);
    expect(() => threadExecutor(TABLES, { workers: 2, chunk: 0 })).toThrow(/^invalid chunk: 0/);
    return expect(sweep(BARS, SPEC, { workers: -1 })).rejects.toThrow(/^invalid workers: -1/);
  });
});

describe("shareBarTables", () => {
  it("copies each column once into a SharedArrayBuffer that the opened tables read in place", () => {
    const shared = shareBarTables(TABLES);
    expect(shared.map((s) => s.info)).toEqual([barInfo(SYN), barInfo(AAA!)]);
    expect(shared.map((s) => s.length)).toEqual([500, 500]);
    for (const s of shared) for (const f of BAR_FIELDS) expect(s.buffers[f]).toBeInstanceOf(SharedArrayBuffer);
    const opened = openSharedBarTables(shared);
    expect([...opened.keys()]).toEqual(["SYN", "AAA"]);
    const columns = barColumns(opened.get("AAA")!);
    for (const f of BAR_FIELDS) {
      expect(Array.from(columns[f])).toEqual(Array.from(barColumns(AAA!)[f]));
      expect(columns[f].buffer).toBe(shared[1]!.buffers[f]);
    }
    new Float64Array(shared[1]!.buffers.close)[7] = 12345.5;
    expect(opened.get("AAA")!.getChild("close")!.get(7)).toBe(12345.5);
    expect(barColumns(AAA!).close[7]).not.toBe(12345.5);
  });
});
