import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateBarColumns, makeBarTable } from "../../src/data/bar-table.js";
import { DataHandler } from "../../src/data/data-handler.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { BacktestEngineOptions } from "../../src/engine/backtest-engine-options.js";
import { FixedFractionRisk } from "../../src/risk/fixed-fraction-risk.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import { correlatedBars } from "../../src/synthetic/correlated-bars.js";
import { calendarScenario, scenarioOptions, tableRows } from "../fixtures/calendar-scenario.js";

const DAY = 86_400_000;

/** Everything a finished (or failed) engine shows: results, snapshot, the view's peak and time, and the error. */
function state(engine: BacktestEngine, error: unknown): unknown {
  const r = engine.results();
  return {
    error: error === undefined ? undefined : String(error),
    snapshot: engine.snapshot(),
    peek: engine.peek(),
    view: [engine.portfolioView.peakEquity, engine.portfolioView.now],
    equity: tableRows(r.equity), trades: tableRows(r.trades), journal: tableRows(r.journal), symbolEquity: tableRows(r.symbolEquity), summary: r.summary,
  };
}

/** Runs `options` with run() (the fast loop), or one step() at a time (the general loop). */
function finish(options: () => BacktestEngineOptions, stepwise: boolean, progressEvery?: number): { state: unknown; progress: unknown[] } {
  let engine: BacktestEngine;
  try {
    engine = new BacktestEngine(options());
  } catch (e) {
    return { state: String(e), progress: [] };
  }
  const progress: unknown[] = [];
  let error: unknown;
  try {
    if (stepwise) while (!engine.done) engine.step();
    else engine.run(progressEvery === undefined ? {} : { progressEvery, onProgress: (p) => progress.push(p) });
  } catch (e) {
    error = e;
  }
  return { state: state(engine, error), progress };
}

/** One symbol of random-walk bars, one a day, with close times changed at `edits` (validation off). */
function oneSymbol(n: number, seed: number, edits: readonly (readonly [number, number])[]): DataHandler {
  const c = allocateBarColumns(n);
  let x = 100, r = seed;
  for (let i = 0; i < n; i++) {
    r = (r * 16807) % 2147483647;
    const open = x;
    x *= 1 + ((r / 2147483647) - 0.5) * 0.04;
    c.tsOpen[i] = i * DAY + 1000;
    c.tsClose[i] = i * DAY + 5000;
    c.open[i] = open;
    c.close[i] = x;
    c.high[i] = Math.max(open, x) * 1.01;
    c.low[i] = Math.min(open, x) * 0.99;
    c.volume[i] = 1;
  }
  for (const [at, shift] of edits) c.tsClose[at % n] = c.tsClose[at % n]! + shift * DAY;
  return DataHandler.fromTable(makeBarTable(c, { symbol: "A", timeZone: "UTC", interval: "1d" }, { validate: false }));
}

describe("FastLoop", () => {
  it("runs SMA cross backtests over mixed calendars to the state of stepping one step at a time", () => {
    fc.assert(
      fc.property(calendarScenario({ strategy: fc.constant("sma" as const) }), (s) => {
        expect(finish(() => scenarioOptions(s), false).state).toEqual(finish(() => scenarioOptions(s), true).state);
      }),
      { numRuns: 150 },
    );
  });

  it("scans one symbol to the state, errors and progress reports of stepping, with duplicate or unsorted times", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 400 }), fc.integer({ min: 1, max: 1e6 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(-3, -1, 1, 2)), { maxLength: 2 }),
        fc.integer({ min: 2, max: 20 }), fc.integer({ min: 1, max: 90 }),
        (n, seed, edits, slow, every) => {
          const options = (): BacktestEngineOptions => ({
            handlers: [oneSymbol(n, seed, edits)],
            strategy: new SmaCrossStrategy({ fast: 1, slow }),
          });
          const stepped = finish(options, true);
          expect(finish(options, false).state).toEqual(stepped.state);
          // run() with progress reports stops at the same bars as a loop of steps that reports
          const progress: unknown[] = [];
          let next = every;
          try {
            const engine = new BacktestEngine(options());
            while (!engine.done) {
              engine.step();
              if (engine.snapshot().bars >= next) {
                progress.push(engine.snapshot().bars);
                next = engine.snapshot().bars + every;
              }
            }
          } catch {
            // the same error as below
          }
          const ran = finish(options, false, every);
          expect(ran.progress.slice(0, progress.length).map((p) => (p as { bars: number }).bars)).toEqual(progress);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("shows a risk manager and a commission model that read the engine its state as stepping does", () => {
    let looks = 0;
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 300 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 20 }), (n, seed, slow) => {
        const watch = (stepwise: boolean): unknown[] => {
          const seen: unknown[] = [];
          let engine: BacktestEngine | undefined;
          const look = (tag: string): void => {
            seen.push([tag, engine!.snapshot().bars, engine!.peek().nextTs, engine!.done]);
          };
          class Watching extends FixedFractionRisk {
            override canTrade(...args: Parameters<FixedFractionRisk["canTrade"]>): ReturnType<FixedFractionRisk["canTrade"]> {
              look("risk");
              return super.canTrade(...args);
            }
          }
          engine = new BacktestEngine({
            handlers: [oneSymbol(n, seed, [])],
            strategy: new SmaCrossStrategy({ fast: 1, slow }),
            riskManager: new Watching({ fraction: 0.5 }),
            execution: { commission: { name: "watching", commission: () => (look("fill"), 1) } },
          });
          if (stepwise) while (!engine.done) engine.step();
          else engine.run();
          return seen;
        };
        const ran = watch(false);
        looks += ran.length;
        expect(ran).toEqual(watch(true));
      }),
      { numRuns: 60 },
    );
    expect(looks).toBeGreaterThan(100);
  });

  it("runs several symbols with the strategy scanning ahead to the state of stepping, strategy state included", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 40, max: 400 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 25 }), fc.boolean(),
        (k, n, seed, slow, allowShort) => {
          const symbols = Array.from({ length: k }, (_, i) => `S${i}`);
          const { tables } = correlatedBars({ symbols, n, seed });
          const strategies: SmaCrossStrategy[] = [];
          const options = (): BacktestEngineOptions => {
            const strategy = new SmaCrossStrategy({ fast: 1, slow, allowShort });
            strategies.push(strategy);
            return { handlers: tables.map((t) => DataHandler.fromTable(t)), strategy, allowShort, riskManager: new FixedFractionRisk({ fraction: 0.3 }) };
          };
          expect(finish(options, false).state).toEqual(finish(options, true).state);
          for (const symbol of symbols) expect(strategies[0]!.inspect(symbol)).toEqual(strategies[1]!.inspect(symbol));
        }),
      { numRuns: 80 },
    );
  });
});
