import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import { NullRisk } from "../../src/risk/null-risk.js";
import { calendarScenario, drawnBars, scenarioOptions } from "../fixtures/calendar-scenario.js";
import { handHandler, openOf, closeOf, type HandBar } from "../fixtures/hand-bars.js";
import { scriptedStrategy } from "../fixtures/scripted-strategy.js";

// Round trips through the engine (issue 3): MAE and MFE are the worst and best excursion, in price units
// per unit, from the entry price over the market prices seen while the position was open. With open fills
// the entry bar's range counts and the exit bar counts only by its open; with close fills the entry bar
// counts only by its close and the exit bar's range counts.

describe("round trips of the engine: MAE, MFE, P&L and bars held (hand-computed)", () => {
  it("accounts a short with open fills, 1 % slippage and 0.5 per share", () => {
    // Entry: sell 10 at day 1's open 20 less 1 % = 19.8. Open while day 1 (22/17) and day 2 (25/18) trade,
    // exit at day 3's open 18 plus 1 % = 18.18 (day 3's wild range does not count).
    const bars: HandBar[] = [[0, 10, 10, 10, 10], [1, 20, 22, 17, 21], [2, 21, 25, 18, 19], [3, 18, 30, 5, 18], [4, 18, 18, 18, 18]];
    const engine = new BacktestEngine({
      handlers: [handHandler("A", bars)], strategy: scriptedStrategy({ A: { 0: "short", 2: "exit" } }), riskManager: new NullRisk({ quantity: 10 }),
      allowShort: true, execution: { commission: { perShare: 0.5 }, slippage: { bps: 100 } },
    });
    const [trip, ...rest] = engine.run().tradeList;
    expect(rest).toEqual([]);
    expect(trip).toMatchObject({ symbol: "A", side: "short", quantity: 10, entryTs: openOf(1), exitTs: openOf(3), commission: 10, barsHeld: 2 });
    expect(trip!.entryPrice).toBeCloseTo(19.8, 12);
    expect(trip!.exitPrice).toBeCloseTo(18.18, 12);
    expect(trip!.mae).toBeCloseTo(25 - 19.8, 12);
    expect(trip!.mfe).toBeCloseTo(19.8 - 17, 12);
    expect(trip!.pnl).toBeCloseTo(10 * (19.8 - 18.18) - 10, 12);
    expect(trip!.returnFraction).toBeCloseTo((10 * (19.8 - 18.18) - 10) / (19.8 * 10), 12);
  });

  it("splits a reversal with close fills into a long and a short trip, each with its own excursions", () => {
    // Long 3 at day 1's close 11; open through day 2 (14/8) and day 3 (16/12); the reversal sells 6 at
    // day 3's close 15. Short 3 from 15 through day 4 (17/10) and day 5 (19/11); covered at day 5's close 14.
    const bars: HandBar[] = [[0, 10, 10, 10, 10], [1, 10, 30, 1, 11], [2, 11, 14, 8, 13], [3, 13, 16, 12, 15], [4, 15, 17, 10, 12], [5, 12, 19, 11, 14]];
    const engine = new BacktestEngine({
      handlers: [handHandler("A", bars)], strategy: scriptedStrategy({ A: { 0: "long", 2: "short", 4: "exit" } }), riskManager: new NullRisk({ quantity: 3 }),
      allowShort: true, execution: { fillAt: "close" },
    });
    expect(engine.run().tradeList).toEqual([
      { symbol: "A", side: "long", quantity: 3, entryTs: closeOf(1), exitTs: closeOf(3), entryPrice: 11, exitPrice: 15, pnl: 12, returnFraction: 12 / 33, commission: 0, barsHeld: 2, mae: 3, mfe: 5 },
      { symbol: "A", side: "short", quantity: 3, entryTs: closeOf(3), exitTs: closeOf(5), entryPrice: 15, exitPrice: 14, pnl: 3, returnFraction: 3 / 45, commission: 0, barsHeld: 2, mae: 4, mfe: 5 },
    ]);
  });

  it("gives MAE 0 to a trade that only went its way and MFE 0 to one that only went against it", () => {
    const bars: HandBar[] = [[0, 10, 10, 10, 10], [1, 10, 12, 10, 12], [2, 12, 14, 12, 14], [3, 14, 14, 9, 9], [4, 9, 9, 7, 7], [5, 7, 7, 7, 7]];
    const engine = new BacktestEngine({
      handlers: [handHandler("A", bars)], strategy: scriptedStrategy({ A: { 0: "long", 1: "exit", 2: "long", 3: "exit" } }), riskManager: new NullRisk(),
    });
    expect(engine.run().tradeList.map((t) => [t.entryPrice, t.exitPrice, t.mae, t.mfe])).toEqual([[10, 12, 0, 2], [14, 9, 5, 0]]);
  });

  it("matches an oracle computed from the bars for every trip of random multi-symbol runs, long and short, open and close fills", () => {
    // the strategies that trade often (the gated and SMC ones rarely close a trip on these short series)
    const strategy = fc.constantFrom("sma" as const, "random" as const, "random" as const);
    const roomy = { strategy, initialCash: fc.constant(1e9), risk: fc.record({ kind: fc.constant("fixed" as const), quantity: fc.integer({ min: 1, max: 50 }) }) };
    let trips = 0;
    fc.assert(
      fc.property(calendarScenario(roomy), (s) => {
        const bars = s.symbols.map(drawnBars);
        const engine = new BacktestEngine(scenarioOptions(s, bars));
        const open = s.fillAt === "open";
        for (const trip of engine.run().tradeList) {
          trips++;
          const own = bars[engine.symbols.indexOf(trip.symbol)]!;
          const at = (ts: number) => own.find((b) => (open ? b.tsOpen : b.tsClose) === ts)!;
          const entryMarket = open ? at(trip.entryTs).open : at(trip.entryTs).close;
          const exitMarket = open ? at(trip.exitTs).open : at(trip.exitTs).close;
          const held = own.filter((b) => (open ? b.tsOpen >= trip.entryTs && b.tsOpen < trip.exitTs : b.tsClose > trip.entryTs && b.tsClose <= trip.exitTs));
          const high = Math.max(entryMarket, exitMarket, ...held.map((b) => b.high));
          const low = Math.min(entryMarket, exitMarket, ...held.map((b) => b.low));
          const up = Math.max(0, high - trip.entryPrice), down = Math.max(0, trip.entryPrice - low);
          expect(trip.mfe).toBeCloseTo(trip.side === "long" ? up : down, 9);
          expect(trip.mae).toBeCloseTo(trip.side === "long" ? down : up, 9);
          expect(trip.barsHeld).toBe(own.indexOf(at(trip.exitTs)) - own.indexOf(at(trip.entryTs)));
        }
      }),
      { numRuns: 150 },
    );
    expect(trips).toBeGreaterThan(100);
  });
});
