import { describe, expect, it } from "vitest";
import { allocateBarColumns, makeBarTable } from "../../src/data/bar-table.js";
import fc from "fast-check";
import { DataHandler } from "../../src/data/data-handler.js";
import { ExecutionHandler } from "../../src/execution/execution-handler.js";
import type { Bar } from "../../src/core/types.js";
import type { OrderEvent } from "../../src/engine/events.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import { until } from "../../src/engine/step-target.js";
import { NullRisk } from "../../src/risk/null-risk.js";
import { createSignal } from "../../src/strategy/create-signal.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";
import { closeOf, flatBars, handHandler } from "../fixtures/hand-bars.js";
import { scriptedStrategy } from "../fixtures/scripted-strategy.js";
import { calendarScenario, scenarioOptions, tableRows } from "../fixtures/calendar-scenario.js";
import type { Strategy } from "../../src/strategy/strategy.js";
import { expectSameRun } from "../fixtures/general-path.js";

const two = () => [DataHandler.fromTable(randomWalkBars(400, "AAA", 1)), DataHandler.fromTable(randomWalkBars(300, "BBB", 2))];
const smaEngine = () => new BacktestEngine({ handlers: two(), strategy: new SmaCrossStrategy({ fast: 5, slow: 20 }), execution: { commission: { perShare: 0.01 }, slippage: { bps: 2 } } });
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe("BacktestEngine", () => {
  it("returns step reports and snapshots that survive JSON and structuredClone", () => {
    const engine = smaEngine();
    const report = engine.stepUntil(until.nextFill());
    expect(report.events.some((e) => e.type === "fill")).toBe(true);
    expect(plain(report)).toEqual(report);
    expect(structuredClone(report)).toEqual(report);
    const snapshot = engine.snapshot();
    expect(plain(snapshot)).toEqual(snapshot);
    expect(snapshot).toMatchObject({ steps: report.steps, bars: report.bars, totalBars: 700, done: false, tradeCount: 0 });
    expect(Object.keys(snapshot.lastBars)).toEqual(["AAA", "BBB"]);
    expect(engine.state).toEqual(snapshot);
  });

  it("peeks at the next timestamp, its bars and the orders that will fill then", () => {
    const engine = new BacktestEngine({
      handlers: [handHandler("A", flatBars([1, 2, 3])), handHandler("B", flatBars([5, 6]))],
      strategy: scriptedStrategy({ A: { 0: "long" }, B: { 0: "long" } }), riskManager: new NullRisk(),
    });
    expect(engine.peek()).toEqual({ nextTs: new Date(closeOf(0)).toISOString(), nextBars: [{ symbol: "A", tsClose: new Date(closeOf(0)).toISOString() }, { symbol: "B", tsClose: new Date(closeOf(0)).toISOString() }], pendingOrders: [], fillingNext: [] });
    engine.step();
    const peek = engine.peek();
    expect(peek.pendingOrders.map((o) => o.id)).toEqual([1, 2]);
    expect(peek.fillingNext).toEqual([1, 2]);
    engine.run();
    expect(engine.peek()).toEqual({ nextTs: null, nextBars: [], pendingOrders: [], fillingNext: [] });
  });

  it("gives exactly the result of one run() however it is stepped", () => {
    const whole = smaEngine().run();
    const engine = smaEngine();
    engine.step();
    engine.stepUntil({ bars: 37 });
    engine.stepUntil(until.nextFill("BBB"));
    engine.stepUntil("2024-05-01");
    const pieces = engine.run();
    expect(pieces.tradeList).toEqual(whole.tradeList);
    expect(pieces.equity.toArray().map((r) => r.toJSON())).toEqual(whole.equity.toArray().map((r) => r.toJSON()));
    expect(pieces.journal.toArray().map((r) => r.toJSON())).toEqual(whole.journal.toArray().map((r) => r.toJSON()));
    expect(pieces.metrics).toEqual(whole.metrics);
  });

  it("throws EngineStateError with a hint when stepped after the end, and run() then returns the results again", () => {
    const engine = smaEngine();
    const first = engine.run();
    expect(() => engine.step()).toThrow(/consumed all 700 bars.*reset\(\)/);
    expect(() => engine.stepUntil({ steps: 1 })).toThrow(expect.objectContaining({ name: "EngineStateError" }));
    expect(engine.run().tradeList).toEqual(first.tradeList);
  });

  it("replays the same run after reset(), leaving earlier results untouched", () => {
    const engine = smaEngine();
    const first = engine.run();
    const rows = first.journal.numRows;
    engine.reset();
    expect(engine.snapshot()).toMatchObject({ steps: 0, bars: 0, ts: null, cash: 100_000, positions: [] });
    const second = engine.run();
    expect(second.tradeList).toEqual(first.tradeList);
    expect(first.journal.numRows).toBe(rows);
    expect(second.journal.numRows).toBe(rows);
  });

  it("refuses to reset a strategy without reset() once it has stepped", () => {
    const engine = new BacktestEngine({ handlers: two(), strategy: { name: "stateless", calculateSignals: () => undefined } });
    engine.reset();
    engine.step();
    expect(() => engine.reset()).toThrow(/strategy "stateless" has no reset\(\)/);
  });

  it("returns the results as Arrow tables with metrics and a correlation matrix", () => {
    const result = smaEngine().run();
    expect(result.equity.numRows).toBe(400);
    expect(result.equity.schema.fields.map((f) => f.name)).toEqual(["ts", "equity", "cash", "marketValue", "grossExposure"]);
    expect(result.symbolEquity.numRows).toBe(700);
    expect(result.symbolEquity.schema.fields.map((f) => f.name)).toEqual(["symbol", "ts", "position", "close", "pnl"]);
    expect(result.trades.numRows).toBe(result.tradeList.length);
    expect(result.tradeList.length).toBeGreaterThan(5);
    expect(result.metrics.trades.count).toBe(result.tradeList.length);
    expect(result.metrics.endEquity).toBeCloseTo(result.summary.finalEquity, 6);
    expect(result.metrics.exposure).not.toBeNull();
    expect(result.correlation.symbols).toEqual(["AAA", "BBB"]);
    expect(result.correlation.matrix[0]![0]).toBe(1);
    expect(result.summary).toMatchObject({ strategy: "SMA cross 5/20 long-only", bars: 700, steps: 400, totalBars: 700, initialCash: 100_000 });
    const pnl = result.symbolEquity.getChild("pnl")!.toArray() as Float64Array;
    const lastPnl = (symbol: string) => pnl[result.symbolEquity.toArray().map((r) => r.symbol).lastIndexOf(symbol)]!;
    expect(lastPnl("AAA") + lastPnl("BBB")).toBeCloseTo(result.summary.finalEquity - 100_000, 6);
  });

  it("journals every event with its fields, market rows carrying the close", () => {
    const engine = new BacktestEngine({
      handlers: [handHandler("A", flatBars([10, 11, 12]))], strategy: scriptedStrategy({ A: { 0: { direction: "long", options: { stopPrice: 9, strength: 0.5 } } } }),
      riskManager: new NullRisk({ quantity: 3 }), execution: { commission: { perShare: 1 } },
    });
    engine.run();
    const rows = engine.journal().toArray().map((r) => r.toJSON());
    expect(rows.map((r) => r.type)).toEqual(["market", "signal", "order", "fill", "market", "market"]);
    expect(rows[0]).toMatchObject({ symbol: "A", price: 10, quantity: null, reason: null });
    expect(rows[1]).toMatchObject({ direction: "long", strength: 0.5, stopPrice: 9, reason: "script long" });
    expect(rows[2]).toMatchObject({ side: "buy", quantity: 3, orderId: 1, stopPrice: 9 });
    expect(rows[3]).toMatchObject({ side: "buy", quantity: 3, requestedQuantity: 3, price: 11, commission: 3, slippage: 0, orderId: 1 });
  });

  it("leaves market rows out of the journal with journalMarketEvents false", () => {
    const engine = new BacktestEngine({ handlers: two(), strategy: new SmaCrossStrategy({ fast: 5, slow: 20 }), journalMarketEvents: false });
    const journal = engine.run().journal;
    expect(journal.toArray().some((r) => r.type === "market")).toBe(false);
    expect(journal.numRows).toBeGreaterThan(0);
  });

  it("reports progress during a long run", () => {
    const progress: number[] = [];
    smaEngine().run({ onProgress: (p) => progress.push(p.bars), progressEvery: 200 });
    expect(progress).toEqual([200, 400, 600, 700]);
  });

  it("rejects lazy handlers, a missing strategy and bad options with hints", () => {
    const lazy = DataHandler.fromBars({ symbol: "L", timeZone: "UTC", interval: "1d" }, []);
    const strategy = new SmaCrossStrategy();
    expect(() => new BacktestEngine({ handlers: [lazy], strategy })).toThrow(/invalid handlers\[0\]: "L" \(expected a table-backed DataHandler\); .*DataHandler.fromTable/);
    expect(() => new BacktestEngine({ handlers: [], strategy })).toThrow(/invalid handlers/);
    expect(() => new BacktestEngine({ handlers: two() } as never)).toThrow(/invalid strategy/);
    expect(() => new BacktestEngine({ handlers: two(), strategy, initialCash: -5 })).toThrow(/invalid initialCash: -5/);
    expect(() => new BacktestEngine({ handlers: [...two(), two()[0]!], strategy })).toThrow(/appears at positions 0 and 2/);
  });

  it("rejects signals for unknown symbols and signals stamped in the future", () => {
    const unknown = new BacktestEngine({ handlers: two(), strategy: { name: "bad", calculateSignals: (e) => createSignal(e, "long", "x", { symbol: "ZZZ" }) } });
    expect(() => unknown.step()).toThrow(/invalid signal.symbol from strategy "bad": "ZZZ"/);
    expect(() => unknown.step()).toThrow(/stopped half-way.*reset/);
    const future = new BacktestEngine({ handlers: two(), strategy: { name: "seer", calculateSignals: (e) => ({ ...createSignal(e, "long", "x"), ts: e.ts + 1 }) } });
    expect(() => future.step()).toThrow(expect.objectContaining({ name: "LookaheadError" }));
  });

  it("gives identical results, journal and step reports through a strategy's fast path and its general path", () => {
    const gapped = () => [
      DataHandler.fromTable(randomWalkBars(400, "AAA", 1)), DataHandler.fromTable(randomWalkBars(300, "BBB", 2)),
      handHandler("CCC", Array.from({ length: 120 }, (_, i) => [3 * i, 50 + ((i * 7) % 19), 52 + ((i * 7) % 19), 48 + ((i * 7) % 19), 50 + ((i * 7) % 19) + ((i % 5) - 2) / 2] as const)),
    ];
    const fast = new SmaCrossStrategy({ fast: 3, slow: 8, allowShort: true });
    // the same strategy seen only through calculateSignals: the engine has to build events for it
    const inner = new SmaCrossStrategy({ fast: 3, slow: 8, allowShort: true });
    const general: Strategy = {
      name: inner.name, calculateSignals: (e) => inner.calculateSignals(e), reset: () => inner.reset(),
      currentAtr: (s) => inner.currentAtr(s), inspect: (s) => inner.inspect(s),
    };
    const make = (strategy: Strategy) => new BacktestEngine({ handlers: gapped(), strategy, allowShort: true, execution: { fillAt: "close", commission: { perShare: 0.01 } } });
    const a = make(fast), b = make(general);
    for (let k = 0; k < 3; k++) expect(plain(a.stepUntil({ steps: 37 }))).toEqual(plain(b.stepUntil({ steps: 37 })));
    const midA = a.results(), midB = b.results();
    const ra = a.run(), rb = b.run();
    for (const [x, y] of [[ra, rb], [midA, midB]] as const) expectSameRun(x, y);
    expect(ra.tradeList.length).toBeGreaterThan(10);
    expect(midA.symbolEquity.numRows).toBe(midA.summary.bars);
    expect(ra.symbolEquity.numRows).toBe(820);
    expect(fast.inspect("CCC")).toEqual(inner.inspect("CCC"));
    expect(a.snapshot()).toEqual(b.snapshot());
  });

  it("keeps a result's lazily built tables as they were when results() was called", () => {
    const engine = smaEngine();
    engine.stepUntil({ bars: 300 });
    const early = engine.results();
    const journalRows = engine.journal().numRows;
    engine.run();
    expect(early.symbolEquity.numRows).toBe(early.summary.bars);
    expect(early.equity.numRows).toBe(early.summary.steps);
    expect(early.trades.numRows).toBe(early.summary.tradeCount);
    expect(early.journal.numRows).toBe(journalRows);
    expect(engine.results().symbolEquity.numRows).toBe(700);
  });

  it("gives identical results and step reports when fills go through an overridden execute (the bar-object path)", () => {
    class Watched extends ExecutionHandler {
      bars = 0;
      override execute(order: OrderEvent, bar: Bar, cash: number) {
        this.bars++;
        return super.execute(order, bar, cash);
      }
    }
    const options = { commission: { perShare: 0.01, minimum: 1 }, slippage: { bps: 5 } };
    for (const fillAt of ["open", "close"] as const) {
      const watched = new Watched({ ...options, fillAt });
      const make = (execution: ExecutionHandler) => new BacktestEngine({ handlers: two(), strategy: new SmaCrossStrategy({ fast: 3, slow: 8, allowShort: true }), allowShort: true, initialCash: 5000, execution });
      const a = make(new ExecutionHandler({ ...options, fillAt })), b = make(watched);
      for (let k = 0; k < 4; k++) expect(plain(a.stepUntil({ steps: 60 }))).toEqual(plain(b.stepUntil({ steps: 60 })));
      const ra = a.run(), rb = b.run();
      const rows = (t: { toArray(): { toJSON(): unknown }[] }) => t.toArray().map((r) => r.toJSON());
      expect(rows(ra.journal)).toEqual(rows(rb.journal));
      expect(rows(ra.equity)).toEqual(rows(rb.equity));
      expect(ra.tradeList).toEqual(rb.tradeList);
      expect(ra.tradeList.length).toBeGreaterThan(10);
      expect(watched.bars).toBeGreaterThan(20);
    }
  });

  it("steps one symbol exactly as the merge does: same peeks and reports, and the merge's error at the same step for bars out of order", () => {
    // Day 3 closes twice (a duplicate time is a step of two bars) and day 5 comes after day 6 (out of order).
    const days = [0, 1, 2, 3, 3, 4, 6, 5, 7];
    const table = (symbol: string, rows: number[]) => {
      const c = allocateBarColumns(rows.length);
      rows.forEach((d, i) => {
        c.tsOpen[i] = closeOf(d) - 3_600_000;
        c.tsClose[i] = closeOf(d);
        c.open[i] = c.high[i] = c.low[i] = c.close[i] = 10 + ((i * 7) % 5);
        c.volume[i] = 1;
      });
      return DataHandler.fromTable(makeBarTable(c, { symbol, timeZone: "UTC", interval: "1d" }, { validate: false }));
    };
    // A second symbol without bars keeps the merge cursor in use while giving the same stream.
    const make = (handlers: DataHandler[]) => new BacktestEngine({ handlers, strategy: new SmaCrossStrategy({ fast: 1, slow: 2 }), riskManager: new NullRisk() });
    const one = make([table("A", days)]), merged = make([table("A", days), table("Z", [])]);
    const trace = (engine: BacktestEngine) => {
      const out: unknown[] = [plain(engine.peek())];
      for (;;) {
        try {
          const r = engine.step();
          out.push(plain(r.events), r.bars, plain(engine.peek()));
        } catch (error) {
          out.push(String(error));
          return out;
        }
      }
    };
    const a = trace(one);
    expect(a).toEqual(trace(merged));
    expect(String(a[a.length - 1])).toMatch(/unsorted bars from A/);
  });

  it("gives an equity curve whose rows are exactly the cash, market value, gross exposure and equity of every step's snapshot", () => {
    fc.assert(
      fc.property(calendarScenario({ allowShort: fc.boolean(), bps: fc.constantFrom(0, 25) }), (s) => {
        const engine = new BacktestEngine(scenarioOptions(s));
        const live: { ts: number; equity: number; cash: number; marketValue: number; grossExposure: number }[] = [];
        while (!engine.done) {
          const { snapshot } = engine.step();
          live.push({ ts: Date.parse(snapshot.ts!), equity: snapshot.equity, cash: snapshot.cash, marketValue: snapshot.marketValue, grossExposure: snapshot.grossExposure });
        }
        expect(tableRows(engine.results().equity)).toEqual(live);
      }),
      { numRuns: 100 },
    );
  });
});
