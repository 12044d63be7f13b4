import { afterEach, describe, expect, it, vi } from "vitest";
import { DataHandler } from "../../src/data/data-handler.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { FillEvent } from "../../src/engine/events.js";
import { until } from "../../src/engine/step-target.js";
import type { ExecutionHandlerOptions } from "../../src/execution/execution-handler.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import type { Strategy } from "../../src/strategy/strategy.js";
import { tableRows } from "../fixtures/calendar-scenario.js";
import { expectSameRun, generalPathSmaCross } from "../fixtures/general-path.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";

describe("one symbol's scan across trades (a run with the library's fills and the plain fixed-fraction risk)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("gives the results, journal and warnings of full steps, with fills at the open or the close, costs, shorts, and orders left at the end", () => {
    // The scan's trade path runs (checked, so that this test cannot pass without it).
    const fillRow = vi.spyOn(BacktestEngine.prototype as unknown as { fillRow(row: number): void }, "fillRow");
    const cases: { execution: ExecutionHandlerOptions; allowShort: boolean; bars: number; initialCash: number }[] = [
      { execution: { fillAt: "open" }, allowShort: false, bars: 900, initialCash: 100_000 },
      { execution: { fillAt: "close", commission: { perShare: 0.01, minimum: 1 }, slippage: { bps: 5 } }, allowShort: true, bars: 700, initialCash: 100_000 },
      { execution: { fillAt: "open", commission: { fraction: 0.001 }, slippage: { bps: 25 } }, allowShort: true, bars: 500, initialCash: 5000 },
    ];
    let warned = 0;
    for (const [k, c] of cases.entries()) {
      for (let last = c.bars - 40; last <= c.bars; last += 1) {
        // cut the data at every length near its end, so that some runs end on a signal (an order never filled)
        const table = randomWalkBars(c.bars, "AAA", 11 + k).slice(0, last);
        const make = (strategy: Strategy) => new BacktestEngine({ handlers: [DataHandler.fromTable(table)], strategy, allowShort: c.allowShort, execution: c.execution, initialCash: c.initialCash });
        const options = { fast: 3, slow: 9, allowShort: c.allowShort };
        const a = make(new SmaCrossStrategy(options)).run(), b = make(generalPathSmaCross(options)).run();
        expectSameRun(a, b);
        expect(a.tradeList.length, `case ${k}`).toBeGreaterThan(10);
        if (a.summary.warnings.some((w) => /never filled/.test(w))) warned++;
      }
    }
    expect(fillRow.mock.calls.length).toBeGreaterThan(1000);
    expect(warned).toBeGreaterThan(0);
  });

  it("stops where a stepping target stops, and run() in pieces equals one run()", () => {
    const make = () => new BacktestEngine({ handlers: [DataHandler.fromTable(randomWalkBars(800, "AAA", 5))], strategy: new SmaCrossStrategy({ fast: 4, slow: 12 }) });
    const whole = make().run();
    const pieces = make();
    for (let bars = 37; !pieces.done; bars += 53) pieces.stepUntil({ bars: Math.min(bars, 800) });
    const stepped = pieces.results();
    expect(tableRows(stepped.journal)).toEqual(tableRows(whole.journal));
    expect(tableRows(stepped.equity)).toEqual(tableRows(whole.equity));
    expect(stepped.tradeList).toEqual(whole.tradeList);
  });

  it("gives step reports fills of their own, which keep their values as later fills are made", () => {
    const engine = new BacktestEngine({ handlers: [DataHandler.fromTable(randomWalkBars(600, "AAA", 3))], strategy: new SmaCrossStrategy({ fast: 3, slow: 9 }), execution: { slippage: { bps: 5 } } });
    const fills: FillEvent[] = [];
    for (let k = 0; k < 6; k++) {
      const report = engine.stepUntil(until.nextFill());
      fills.push(...(report.events.filter((e) => e.type === "fill") as FillEvent[]));
    }
    const copies = fills.map((f) => ({ ...f }));
    engine.run();
    expect(new Set(fills).size).toBe(fills.length);
    expect(fills).toEqual(copies);
    const journalFills = tableRows(engine.results().journal).filter((r) => (r as { type: string }).type === "fill").slice(0, fills.length);
    expect(journalFills.map((r) => (r as { price: number }).price)).toEqual(fills.map((f) => f.price));
  });
});

