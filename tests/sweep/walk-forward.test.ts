import type * as arrow from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateBarColumns, barColumns, barInfo, makeBarTable } from "../../src/data/bar-table.js";
import { inProcessExecutor } from "../../src/sweep/in-process-executor.js";
import { pickBest } from "../../src/sweep/pick-best.js";
import { runSweepItem, type SweepRow } from "../../src/sweep/run-sweep-run.js";
import { sweepBars } from "../../src/sweep/sweep-bars.js";
import { sweepRunAt } from "../../src/sweep/sweep-plan.js";
import type { SweepSpec } from "../../src/sweep/sweep-spec.js";
import { runWalkForward, type WalkForwardResult } from "../../src/sweep/walk-forward.js";
import { resolveWalkForward, walkForwardWindows, type WalkForwardSpec } from "../../src/sweep/walk-forward-windows.js";
import { correlatedBars } from "../../src/synthetic/correlated-bars.js";

function rowsOf(table: arrow.Table): Record<string, unknown>[] {
  return table.toArray().map((r) => ({ ...(r as { toJSON(): Record<string, unknown> }).toJSON() }));
}

function wf(bars: readonly arrow.Table[], spec: SweepSpec, w: WalkForwardSpec): Promise<WalkForwardResult> {
  const tables = sweepBars(bars);
  return runWalkForward(tables, spec, w, inProcessExecutor(tables));
}

describe("walkForwardWindows", () => {
  it("rolls train windows of fixed length, each test window following its train window", () => {
    expect(walkForwardWindows(1000, resolveWalkForward({ train: 300, test: 200 }))).toEqual([
      { window: 0, trainStart: 0, trainEnd: 300, testEnd: 500 },
      { window: 1, trainStart: 200, trainEnd: 500, testEnd: 700 },
      { window: 2, trainStart: 400, trainEnd: 700, testEnd: 900 },
      { window: 3, trainStart: 600, trainEnd: 900, testEnd: 1000 },
    ]);
  });

  it("anchors every train window at the first bar in anchored mode", () => {
    expect(walkForwardWindows(1000, resolveWalkForward({ train: 300, test: 200, mode: "anchored" }))).toEqual([
      { window: 0, trainStart: 0, trainEnd: 300, testEnd: 500 },
      { window: 1, trainStart: 0, trainEnd: 500, testEnd: 700 },
      { window: 2, trainStart: 0, trainEnd: 700, testEnd: 900 },
      { window: 3, trainStart: 0, trainEnd: 900, testEnd: 1000 },
    ]);
  });

  it("keeps a short last test window if and only if it has at least 20 bars", () => {
    const w = resolveWalkForward({ train: 300, test: 200 });
    expect(walkForwardWindows(919, w).at(-1)).toEqual({ window: 2, trainStart: 400, trainEnd: 700, testEnd: 900 });
    expect(walkForwardWindows(920, w).at(-1)).toEqual({ window: 3, trainStart: 600, trainEnd: 900, testEnd: 920 });
    expect(walkForwardWindows(320, w)).toEqual([{ window: 0, trainStart: 0, trainEnd: 300, testEnd: 320 }]);
    expect(walkForwardWindows(5105, resolveWalkForward({ train: 1000, test: 250 }))).toHaveLength(17);
  });

  it("covers the data after the first train window with back-to-back test windows", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 20, max: 200 }), fc.integer({ min: 0, max: 1000 }), fc.boolean(), (train, test, extra, anchored) => {
      const bars = train + 20 + extra;
      const ws = walkForwardWindows(bars, resolveWalkForward({ train, test, mode: anchored ? "anchored" : "rolling" }));
      ws.forEach((w, i) => {
        expect(w.window).toBe(i);
        expect(w.trainEnd).toBe(train + i * test);
        expect(w.trainStart).toBe(anchored ? 0 : w.trainEnd - train);
        expect(w.testEnd - w.trainEnd).toBeGreaterThanOrEqual(20);
        expect(w.testEnd - w.trainEnd).toBeLessThanOrEqual(test);
        if (i > 0) expect(w.trainEnd).toBe(ws[i - 1]!.testEnd);
      });
      const last = ws.at(-1)!;
      expect(bars - last.testEnd).toBeLessThan(20);
    }));
  });

  it("rejects data too short for one train and one test window, a test under 20 bars and an unknown metric", () => {
    expect(() => walkForwardWindows(600, resolveWalkForward({ train: 590, test: 100 }), "AAA")).toThrow(
      /^invalid walkForward\.train: 590 \(expected train \+ 20 bars at most 600 \(the bars of AAA\)\); shorten the train window or add data$/,
    );
    expect(() => resolveWalkForward({ train: 100, test: 19 })).toThrow(/^invalid walkForward\.test: 19 \(expected at least 20 bars\)/);
    expect(() => resolveWalkForward({ train: 100, test: 50, metric: "winRate" as never })).toThrow(/^invalid walkForward\.metric: "winRate" \(expected one of "sharpe", /);
    expect(() => resolveWalkForward({ train: 100, test: 50, mode: "expanding" as never })).toThrow(/^invalid walkForward\.mode: "expanding"/);
    expect(resolveWalkForward({ train: 100, test: 50 })).toEqual({ train: 100, test: 50, mode: "rolling", metric: "sharpe", minTrades: 1 });
  });

  it("rejects a misspelt key instead of falling back to a default", () => {
    expect(() => resolveWalkForward({ train: 100, test: 50, metrik: "sortino" } as never)).toThrow(
      /^invalid walkForward: "metrik" \(expected one of the keys train, test, mode, metric, minTrades\)$/,
    );
  });
});

describe("pickBest", () => {
  const rows: SweepRow[] = [
    { combo: 0, sharpe: null, trades: 9, maxDrawdown: -0.3 },
    { combo: 1, sharpe: 1.5, trades: 1, maxDrawdown: -0.2 },
    { combo: 2, sharpe: 0.8, trades: 5, maxDrawdown: -0.1 },
    { combo: 3, sharpe: 0.8, trades: 6, maxDrawdown: -0.1 },
    { combo: 4, sharpe: -2, trades: 7, maxDrawdown: -0.4 },
  ];

  it("picks the highest metric among rows with enough trades, ties to the earliest, nulls last", () => {
    expect(pickBest(rows, "sharpe", 0).combo).toBe(1);
    expect(pickBest(rows, "sharpe", 2).combo).toBe(2);
    expect(pickBest(rows, "maxDrawdown", 2).combo).toBe(2);
    expect(pickBest(rows, "sharpe", 7).combo).toBe(4);
    expect(pickBest(rows, "sharpe", 9).combo).toBe(0);
    expect(pickBest([rows[0]!, { combo: 9, sharpe: null, trades: 9 }], "sharpe", 1).combo).toBe(0);
  });

  it("falls back to every row when none has enough trades", () => {
    expect(pickBest(rows, "sharpe", 10).combo).toBe(1);
    expect(() => pickBest([], "sharpe", 1)).toThrow(RangeError);
  });
});

const { tables: PAIR } = correlatedBars({ symbols: ["AAA", "BBB"], n: 600, seed: 11 });
const SPEC: SweepSpec = { grid: { fast: [5, 10], slow: [20, 40] }, fixed: { fraction: 0.5, allowShort: true }, warmupBars: 50 };
const WF: WalkForwardSpec = { train: 200, test: 100, metric: "sharpe", minTrades: 8 };

describe("runWalkForward", async () => {
  const result = await wf(PAIR, SPEC, WF);
  const windows = rowsOf(result.windows), train = rowsOf(result.train), equity = rowsOf(result.equity);
  const plan = result.plan;
  const layout = walkForwardWindows(600, resolveWalkForward(WF));

  it("runs every combination on every train window of every symbol", () => {
    expect(layout).toHaveLength(4);
    expect(windows.map((w) => [w.symbol, w.window])).toEqual([["AAA", 0], ["AAA", 1], ["AAA", 2], ["AAA", 3], ["BBB", 0], ["BBB", 1], ["BBB", 2], ["BBB", 3]]);
    expect(train).toHaveLength(2 * 4 * plan.combos.length);
    expect(plan.combos).toEqual([0, 1, 2, 3]);
    expect(result.settings).toEqual({ train: 200, test: 100, mode: "rolling", metric: "sharpe", minTrades: 8 });
  });

  it("gives each train row the metrics of its run on the train window, warmed up on earlier bars", () => {
    const tables = sweepBars(PAIR);
    for (const row of train) {
      const w = layout[row.window as number]!;
      const symbolIndex = plan.symbols.indexOf(row.symbol as string);
      const run = sweepRunAt(plan, (row.combo as number) * plan.symbols.length + symbolIndex);
      const expected = runSweepItem(plan, run, tables.get(run.symbol)!, { start: Math.max(0, w.trainStart - 50), end: w.trainEnd, tradeFrom: w.trainStart }, false).row;
      expect(row).toEqual({ window: w.window, ...expected });
    }
  });

  it("chooses on each train window the combination with the highest metric among those with enough trades", () => {
    let topIneligible = 0;
    for (const w of windows) {
      const candidates = train.filter((r) => r.symbol === w.symbol && r.window === w.window);
      expect(candidates).toHaveLength(4);
      const score = (r: Record<string, unknown>) => (typeof r.sharpe === "number" ? r.sharpe : -Infinity);
      const eligible = candidates.filter((r) => (r.trades as number) >= 8);
      const overall = Math.max(...candidates.map(score));
      if ((candidates.find((r) => score(r) === overall)!.trades as number) < 8) topIneligible++;
      const pool = eligible.length > 0 ? eligible : candidates;
      const top = Math.max(...pool.map(score));
      const best = pool.find((r) => score(r) === top)!;
      expect(w.combo).toBe(best.combo);
      expect(w.inSample).toBe(best.sharpe);
      expect(w.inSampleReturn).toBe(best.totalReturn);
      expect(w.inSampleTrades).toBe(best.trades);
      expect(w.eligible).toBe(true);
      expect([w.fast, w.slow]).toEqual([best.fast, best.slow]);
    }
    // minTrades mattered: on some windows the highest Sharpe had too few trades to be chosen.
    expect(topIneligible).toBeGreaterThan(0);
    expect(new Set(windows.map((w) => w.combo)).size).toBeGreaterThan(1);
  });

  it("reports the chosen combination's run on the test window as out of sample, with bar ranges and times", () => {
    const tables = sweepBars(PAIR);
    for (const w of windows) {
      const l = layout[w.window as number]!;
      const ts = barColumns(tables.get(w.symbol as string)!).tsClose;
      expect(w).toMatchObject({ trainStart: ts[l.trainStart], trainEnd: ts[l.trainEnd - 1], testStart: ts[l.trainEnd], testEnd: ts[l.testEnd - 1], trainBars: 200, testBars: 100 });
      const run = sweepRunAt(plan, (w.combo as number) * 2 + plan.symbols.indexOf(w.symbol as string));
      const test = runSweepItem(plan, run, tables.get(run.symbol)!, { start: l.trainEnd - 50, end: l.testEnd, tradeFrom: l.trainEnd }, false).row;
      expect(w.outOfSample).toBe(test.sharpe);
      expect(w.outOfSampleReturn).toBe(test.totalReturn);
      expect(w.outOfSampleSharpe).toBe(test.sharpe);
      expect(w.outOfSampleTrades).toBe(test.trades);
    }
  });

  it("stitches the test curves: starts at cash, each window opens at the level the previous one closed", () => {
    const tables = sweepBars(PAIR);
    for (const symbol of ["AAA", "BBB"]) {
      const points = equity.filter((p) => p.symbol === symbol);
      const ts = barColumns(tables.get(symbol)!).tsClose;
      expect(points.map((p) => p.ts)).toEqual(Array.from(ts.subarray(200, 600)));
      expect(points.map((p) => p.window)).toEqual(layout.flatMap((l) => new Array(l.testEnd - l.trainEnd).fill(l.window)));
      expect(points[0]!.equity).toBe(100_000);
      let level = 100_000;
      for (const l of layout) {
        const mine = points.filter((p) => p.window === l.window);
        expect(mine[0]!.equity).toBeCloseTo(level, 6);
        const row = windows.find((w) => w.symbol === symbol && w.window === l.window)!;
        expect((mine.at(-1)!.equity as number) / (mine[0]!.equity as number) - 1).toBeCloseTo(row.outOfSampleReturn as number, 10);
        level = mine.at(-1)!.equity as number;
      }
      const summary = result.summary.find((s) => s.symbol === symbol)!;
      expect(summary.oosTotalReturn).toBeCloseTo(level / 100_000 - 1, 10);
    }
  });

  it("summarizes in-sample against out-of-sample per symbol", () => {
    for (const s of result.summary) {
      const mine = windows.filter((w) => w.symbol === s.symbol);
      const mean = (k: string) => mine.reduce((a, w) => a + (w[k] as number), 0) / mine.length;
      expect(s.windows).toBe(4);
      expect(s.metric).toBe("sharpe");
      expect(s.meanInSample).toBeCloseTo(mean("inSample"), 12);
      expect(s.meanOutOfSample).toBeCloseTo(mean("outOfSample"), 12);
      expect(s.gap).toBeCloseTo(mean("inSample") - mean("outOfSample"), 12);
      expect(s.distinctChoices).toBe(new Set(mine.map((w) => w.combo)).size);
    }
  });

  it("chooses by another metric and in anchored mode", async () => {
    const anchored = await wf([PAIR[0]!], SPEC, { ...WF, mode: "anchored", metric: "totalReturn" });
    const rows = rowsOf(anchored.train);
    for (const w of rowsOf(anchored.windows)) {
      expect(w.trainBars).toBe((w.window as number) * 100 + 200);
      const candidates = rows.filter((r) => r.window === w.window && (r.trades as number) >= 8);
      const top = Math.max(...candidates.map((r) => r.totalReturn as number));
      expect(w.combo).toBe(candidates.find((r) => r.totalReturn === top)!.combo);
    }
  });

  it("falls back to the highest metric regardless of trades when no run has enough, and says it was not eligible", async () => {
    const r = await wf([PAIR[0]!], SPEC, { ...WF, minTrades: 1000 });
    const rows = rowsOf(r.train);
    for (const w of rowsOf(r.windows)) {
      const candidates = rows.filter((x) => x.window === w.window);
      const top = Math.max(...candidates.map((x) => (typeof x.sharpe === "number" ? x.sharpe : -Infinity)));
      expect(w.combo).toBe(candidates.find((x) => x.sharpe === top)!.combo);
      expect(w.eligible).toBe(false);
    }
  });

  it("rejects a train window the data cannot hold, naming the symbol", async () => {
    await expect(wf(PAIR, SPEC, { train: 590, test: 100 })).rejects.toThrow(/^invalid walkForward\.train: 590 .*the bars of AAA/);
    await expect(wf(PAIR, SPEC, { train: 200, test: 10 })).rejects.toThrow(/^invalid walkForward\.test: 10/);
    await expect(wf(PAIR, SPEC, { train: 200, test: 100, metric: "trades" as never })).rejects.toThrow(/^invalid walkForward\.metric: "trades"/);
  });
});

/** Returns `table` with every price from bar `k` on multiplied by `f` (a different future, the same past). */
function changeFuture(table: arrow.Table, k: number, f: number): arrow.Table {
  const c = barColumns(table), n = table.numRows, out = allocateBarColumns(n);
  for (const key of ["tsOpen", "tsClose", "volume"] as const) out[key].set(c[key]);
  for (const key of ["open", "high", "low", "close"] as const) for (let i = 0; i < n; i++) out[key][i] = i >= k ? c[key][i]! * f : c[key][i]!;
  return makeBarTable(out, barInfo(table));
}

describe("runWalkForward with costs", () => {
  it("closes what a test window still holds at its last close, paying the exit costs, before the next window starts", async () => {
    const spec: SweepSpec = { ...SPEC, commissionPercent: 0.1, slippageBps: 5 };
    const result = await wf(PAIR, spec, WF);
    const windows = rowsOf(result.windows), equity = rowsOf(result.equity);
    let paid = 0;
    for (const w of windows) {
      const mine = equity.filter((p) => p.symbol === w.symbol && p.window === w.window);
      const stitched = (mine.at(-1)!.equity as number) / (mine[0]!.equity as number) - 1;
      // the window's own return marks what it holds; the stitched curve has closed it
      expect(stitched).toBeLessThanOrEqual((w.outOfSampleReturn as number) + 1e-12);
      if (stitched < (w.outOfSampleReturn as number) - 1e-9) paid++;
    }
    expect(paid).toBeGreaterThan(0);
  });
});

describe("runWalkForward has no look-ahead", () => {
  const { tables: [BASE] } = correlatedBars({ symbols: ["AAA"], n: 400, seed: 4, correlation: [[1]] });
  const spec: SweepSpec = { grid: { fast: [3, 5], slow: [10, 20] }, fixed: { fraction: 0.5, allowShort: true }, warmupBars: 30 };
  const w: WalkForwardSpec = { train: 120, test: 60, minTrades: 1 };
  const layout = walkForwardWindows(400, resolveWalkForward(w));

  it("keeps a window's choice and in-sample rows when every bar from its test window on changes", async () => {
    const before = await wf([BASE!], spec, w);
    const beforeWindows = rowsOf(before.windows), beforeTrain = rowsOf(before.train);
    const pick = (r: Record<string, unknown>) => ({ window: r.window, combo: r.combo, inSample: r.inSample, inSampleReturn: r.inSampleReturn, inSampleTrades: r.inSampleTrades, eligible: r.eligible });
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: layout.length - 1 }), fc.integer({ min: 0, max: 30 }), fc.double({ min: 0.5, max: 2, noNaN: true }), async (window, after, f) => {
      const changed = await wf([changeFuture(BASE!, layout[window]!.trainEnd + after, f)], spec, w);
      const upTo = (rows: Record<string, unknown>[]) => rows.filter((r) => (r.window as number) <= window);
      expect(upTo(rowsOf(changed.train))).toEqual(upTo(beforeTrain));
      expect(upTo(rowsOf(changed.windows)).map(pick)).toEqual(upTo(beforeWindows).map(pick));
    }), { numRuns: 4 });
  });

  it("keeps a window's choice, metrics and stitched equity when every bar after its test window changes", async () => {
    const before = await wf([BASE!], spec, w);
    const beforeWindows = rowsOf(before.windows), beforeTrain = rowsOf(before.train), beforeEquity = rowsOf(before.equity);
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: layout.length - 2 }), fc.integer({ min: 0, max: 40 }), fc.double({ min: 0.5, max: 2, noNaN: true }), async (window, after, f) => {
      const k = layout[window]!.testEnd + after;
      const changed = await wf([changeFuture(BASE!, k, f)], spec, w);
      const keep = (rows: Record<string, unknown>[]) => rows.filter((r) => (r.window as number) <= window);
      expect(keep(rowsOf(changed.windows))).toEqual(keep(beforeWindows));
      expect(keep(rowsOf(changed.train))).toEqual(keep(beforeTrain));
      expect(keep(rowsOf(changed.equity))).toEqual(keep(beforeEquity));
    }), { numRuns: 6 });
    // The change does reach later windows (the property is not vacuous).
    const changed = await wf([changeFuture(BASE!, layout[0]!.testEnd, 1.5)], spec, w);
    expect(rowsOf(changed.train).filter((r) => (r.window as number) > 0)).not.toEqual(beforeTrain.filter((r) => (r.window as number) > 0));
  });
});

describe("runWalkForward tables", () => {
  it("returns rows with the window first, then the sweep columns", async () => {
    const r = await wf([PAIR[0]!], { grid: { fast: [5], slow: [20] }, warmupBars: 0 }, { train: 500, test: 100 });
    expect(r.train.schema.fields.map((f) => f.name).slice(0, 6)).toEqual(["window", "run", "combo", "symbol", "fast", "slow"]);
    expect(r.windows.schema.metadata.get("regime-lab.format")).toBe("regime-lab.walk-forward-windows/1");
    expect(r.train.schema.metadata.get("regime-lab.format")).toBe("regime-lab.walk-forward-train/1");
    expect(r.equity.schema.metadata.get("regime-lab.format")).toBe("regime-lab.walk-forward-equity/1");
    expect(JSON.parse(r.windows.schema.metadata.get("regime-lab.walkForward")!)).toEqual({ train: 500, test: 100, mode: "rolling", metric: "sharpe", minTrades: 1 });
    const row = rowsOf(r.windows)[0] as SweepRow;
    expect(row).toMatchObject({ window: 0, trainBars: 500, testBars: 100, combo: 0, fast: 5, slow: 20 });
  });
});
