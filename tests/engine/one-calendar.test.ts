import { afterEach, describe, expect, it, vi } from "vitest";
import { allocateBarColumns, makeBarTable } from "../../src/data/bar-table.js";
import { DataHandler } from "../../src/data/data-handler.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import type { Strategy } from "../../src/strategy/strategy.js";
import { tableRows } from "../fixtures/calendar-scenario.js";
import { expectSameRun, generalPathOf, generalPathSmaCross } from "../fixtures/general-path.js";
import { correlatedBars } from "../../src/synthetic/correlated-bars.js";
import type { OrderEvent, SignalEvent } from "../../src/engine/events.js";
import type { ExecutionHandlerOptions } from "../../src/execution/execution-handler.js";

/** An SMA cross on its view-free fast path whose entries carry a protective stop `away` (a fraction) from the close they were decided at. */
function stoppedSmaCross(options: { fast: number; slow: number; allowShort: boolean }, handlers: readonly DataHandler[], away: number): Strategy {
  const strategy = new SmaCrossStrategy(options);
  const closeAt = new Map<string, number>();
  for (const h of handlers) h.columns!.tsClose.forEach((t, r) => closeAt.set(`${h.symbol} ${t}`, h.columns!.close[r]!));
  const proto = SmaCrossStrategy.prototype as unknown as { signal(side: number, ts: number, symbol: string): SignalEvent };
  const own = proto.signal;
  (strategy as unknown as typeof proto).signal = function (side, ts, symbol) {
    const signal = own.call(this, side, ts, symbol), close = closeAt.get(`${symbol} ${ts}`)!;
    if (signal.direction === "exit") return signal;
    return { ...signal, stopPrice: signal.direction === "long" ? close * (1 - away) : close * (1 + away) };
  };
  return strategy;
}

/** Handlers of symbols on one calendar: from correlatedBars, with the close times of `times` when given (unvalidated). */
function oneCalendar(n: number, seed: number, times?: (t: Float64Array) => void): DataHandler[] {
  const symbols = ["A", "B", "C", "D"];
  return correlatedBars({ symbols, n, seed }).tables.map((table, i) => {
    if (times === undefined) return DataHandler.fromTable(table);
    const c = allocateBarColumns(n);
    for (const key of ["tsOpen", "tsClose", "open", "high", "low", "close", "volume"] as const) c[key].set(table.getChild(key)!.toArray() as Float64Array);
    times(c.tsClose);
    return DataHandler.fromTable(makeBarTable(c, { symbol: symbols[i]!, timeZone: "UTC", interval: "1d" }, { validate: false }));
  });
}

describe("several symbols on one calendar (steps that take every symbol's row together)", () => {
  it("give the results, journal and step reports of full steps, run whole or in pieces", () => {
    for (const seed of [1, 2, 3]) {
      const options = { fast: 2, slow: 7, allowShort: seed === 2 };
      const make = (strategy: Strategy) => new BacktestEngine({ handlers: oneCalendar(500, seed), strategy, allowShort: options.allowShort, execution: { slippage: { bps: 3 } } });
      const a = make(new SmaCrossStrategy(options)), b = make(generalPathSmaCross(options));
      expect(a.stepUntil({ bars: 301 }).bars).toBe(b.stepUntil({ bars: 301 }).bars);
      const ra = a.run(), rb = b.run();
      expectSameRun(ra, rb);
      expect(ra.tradeList.length).toBeGreaterThan(20);
      const whole = make(new SmaCrossStrategy(options)).run();
      expect(tableRows(whole.journal)).toEqual(tableRows(ra.journal));
    }
  });

  it("stop at a repeated close time where full steps stop, with the merge's error for times out of order", () => {
    const repeated = (t: Float64Array) => { t[200] = t[199]!; };
    const backwards = (t: Float64Array) => { t[300] = t[298]!; };
    for (const times of [repeated, backwards]) {
      const outcome = (strategy: Strategy) => {
        const engine = new BacktestEngine({ handlers: oneCalendar(400, 9, times), strategy });
        try {
          engine.run();
          return tableRows(engine.results().journal);
        } catch (error) {
          return [String(error), engine.snapshot().bars];
        }
      };
      expect(outcome(new SmaCrossStrategy({ fast: 2, slow: 7 }))).toEqual(outcome(generalPathSmaCross({ fast: 2, slow: 7 })));
    }
  });

  describe("run whole, with the strategy's scan run ahead", () => {
    afterEach(() => vi.restoreAllMocks());

    it("marks only the symbols held and gives the results of full steps: fills at the open or the close, costs, shorts, orders left at the end, stops", () => {
      // the steps that mark only held symbols run (checked, so that this test cannot pass without them)
      const alignedRows = vi.spyOn(BacktestEngine.prototype as unknown as { alignedRows(): boolean }, "alignedRows");
      const cases: { execution: ExecutionHandlerOptions; allowShort: boolean; initialCash: number; stop?: number }[] = [
        { execution: { fillAt: "open" }, allowShort: false, initialCash: 100_000 },
        { execution: { fillAt: "close", commission: { perShare: 0.01, minimum: 1 }, slippage: { bps: 5 } }, allowShort: true, initialCash: 100_000 },
        { execution: { fillAt: "open", commission: { fraction: 0.001 }, slippage: { bps: 25 } }, allowShort: true, initialCash: 3000 },
        { execution: { fillAt: "open", slippage: { bps: 5 } }, allowShort: true, initialCash: 100_000, stop: 0.02 },
      ];
      let warned = 0, stopped = 0;
      for (const [k, c] of cases.entries()) {
        for (let n = 380; n <= 400; n++) {
          // the data cut at every length near its end, so that some runs end on a signal (an order never filled)
          const handlers = oneCalendar(n, 20 + k);
          const options = { fast: 3, slow: 9, allowShort: c.allowShort };
          const make = (strategy: Strategy) => new BacktestEngine({ handlers, strategy, allowShort: c.allowShort, execution: c.execution, initialCash: c.initialCash });
          const fast = c.stop === undefined ? new SmaCrossStrategy(options) : stoppedSmaCross(options, handlers, c.stop);
          const general = c.stop === undefined ? generalPathSmaCross(options) : generalPathOf(stoppedSmaCross(options, handlers, c.stop));
          const a = make(fast).run(), b = make(general).run();
          expectSameRun(a, b);
          expect(a.tradeList.length, `case ${k}`).toBeGreaterThan(20);
          if (a.summary.warnings.some((w) => /never filled/.test(w))) warned++;
          stopped += a.tradeList.filter((t) => t.exitReason === "stop").length;
        }
      }
      expect(alignedRows.mock.results.filter((r) => r.value === true).length).toBeGreaterThan(80);
      expect(warned).toBeGreaterThan(0);
      expect(stopped).toBeGreaterThan(0);
    });

    it("freeze the orders still waiting when they end (orders are made unfrozen while nothing outside the engine can see them)", () => {
      let left = 0;
      for (let n = 380; n <= 400; n++) {
        const engine = new BacktestEngine({ handlers: oneCalendar(n, 20), strategy: new SmaCrossStrategy({ fast: 3, slow: 9 }) });
        engine.run();
        const internals = engine as unknown as { book: { orders: OrderEvent[][] }; risk: { freezeOrders: boolean } };
        const waiting = internals.book.orders.flat();
        left += waiting.length;
        for (const order of waiting) expect(Object.isFrozen(order)).toBe(true);
        expect(internals.risk.freezeOrders).toBe(true);
      }
      expect(left).toBeGreaterThan(0);
    });

    it("give the results of full steps when a bar's signal is for another symbol (then every flat symbol is priced, and every symbol's orders looked at)", () => {
      const priceFlat = vi.spyOn(BacktestEngine.prototype as unknown as { priceFlat(row: number): void }, "priceFlat");
      const handlers = oneCalendar(400, 31);
      // each cross of a symbol's averages signals for the next symbol
      const crossNext = (): Strategy => {
        const strategy = new SmaCrossStrategy({ fast: 3, slow: 9, allowShort: true });
        const proto = SmaCrossStrategy.prototype as unknown as { signal(side: number, ts: number, symbol: string): SignalEvent };
        const own = proto.signal;
        (strategy as unknown as typeof proto).signal = function (side, ts, symbol) {
          const i = handlers.findIndex((h) => h.symbol === symbol);
          return { ...own.call(this, side, ts, symbol), symbol: handlers[(i + 1) % handlers.length]!.symbol };
        };
        return strategy;
      };
      const make = (strategy: Strategy) => new BacktestEngine({ handlers, strategy, allowShort: true, execution: { slippage: { bps: 5 } } });
      const a = make(crossNext()).run(), b = make(generalPathOf(crossNext())).run();
      expectSameRun(a, b);
      expect(a.tradeList.length).toBeGreaterThan(20);
      expect(priceFlat.mock.calls.length).toBeGreaterThan(20);
    });
  });
});

