import { describe, expect, it } from "vitest";
import { allocateBarColumns, makeBarTable } from "../../src/data/bar-table.js";
import { DataHandler } from "../../src/data/data-handler.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import type { Strategy } from "../../src/strategy/strategy.js";
import { tableRows } from "../fixtures/calendar-scenario.js";
import { expectSameRun, generalPathSmaCross } from "../fixtures/general-path.js";
import { correlatedBars } from "../../src/synthetic/correlated-bars.js";

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
});
