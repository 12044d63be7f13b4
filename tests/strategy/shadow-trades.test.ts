import { describe, expect, it } from "vitest";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import { NullClassifier } from "../../src/regime/null-classifier.js";
import { REGIMES, type Regime } from "../../src/regime/regimes.js";
import { RegimeGatedStrategy } from "../../src/strategy/regime-gated-strategy.js";
import { shadowTrades } from "../../src/strategy/shadow-trades.js";
import { closeOf, handHandler, handTable, openOf, type HandBar } from "../fixtures/hand-bars.js";
import { ScriptedClassifier } from "../fixtures/scripted-classifier.js";
import { scriptedStrategy } from "../fixtures/scripted-strategy.js";

const UP: Regime = "trending-up", DOWN: Regime = "trending-down";

// day, open, high, low, close
const BARS: HandBar[] = [
  [0, 100, 101, 99, 100],
  [1, 100, 102, 98, 101],
  [2, 102, 106, 101, 105],
  [3, 105, 107, 95, 96],
  [4, 97, 104, 96, 103],
  [5, 104, 108, 103, 107],
  [6, 107, 109, 100, 101],
  [7, 100, 101, 97, 98],
];
const SCRIPT = { X: { 1: "long", 4: "exit", 5: "short", 7: "long" } } as const;
const REGIME_SCRIPT = [UP, DOWN, UP, UP, DOWN, DOWN, UP, DOWN];

/** Runs the gate (entries only in trending-up) over the bars and returns it. */
function gatedRun(fillAt: "open" | "close" = "open"): RegimeGatedStrategy {
  const gate = new RegimeGatedStrategy({ inner: scriptedStrategy(SCRIPT), classifier: new ScriptedClassifier(REGIME_SCRIPT), allow: [UP] });
  new BacktestEngine({ handlers: [handHandler("X", BARS)], strategy: gate, execution: { fillAt } }).run();
  return gate;
}

describe("shadowTrades", () => {
  it("replays each withheld entry from the next open to the bar after the next exit or reversal, or to the end of the data", () => {
    const gate = gatedRun();
    expect(gate.suppressedList().map((s) => [s.direction, s.regime])).toEqual([["long", DOWN], ["short", DOWN], ["long", DOWN]]);
    const { trades, summary, table } = shadowTrades(gate, [handTable("X", BARS)]);
    // long decided after day 1: in at day 2's open 102; exit decided after day 4: out at day 5's open 104.
    // held over days 2-4 (highs 106, 107, 104; lows 101, 95, 96): MFE 107 - 102 = 5, MAE 102 - 95 = 7.
    expect(trades[0]).toEqual({
      symbol: "X", side: "long", regime: DOWN, code: "REGIME_NOT_ALLOWED", signalTs: closeOf(1), reason: "script long",
      entryTs: openOf(2), entryPrice: 102, exitSignalTs: closeOf(4), exitTs: openOf(5), exitPrice: 104, exitReason: "signal",
      returnFraction: 2 / 102, pnlPerUnit: 2, barsHeld: 3, mae: 7, mfe: 5,
    });
    // short decided after day 5: in at day 6's open 107; the reversal (long after day 7) has no bar to fill on,
    // so it closes at the last close 98. Days 6-7: high 109, low 97: MAE 2, MFE 10.
    expect(trades[1]).toMatchObject({ side: "short", entryPrice: 107, exitSignalTs: null, exitTs: closeOf(7), exitPrice: 98, exitReason: "end-of-data", pnlPerUnit: 9, returnFraction: 9 / 107, barsHeld: 1, mae: 2, mfe: 10 });
    expect(trades).toHaveLength(2);
    expect(summary).toMatchObject({ count: 2, wins: 2, losses: 0, winRate: 1, endOfData: 1, unfilled: 1, averageBarsHeld: 2 });
    expect(summary.averageReturn).toBeCloseTo((2 / 102 + 9 / 107) / 2, 12);
    expect(summary.byRegime[DOWN]).toMatchObject({ count: 2 });
    expect(table.numRows).toBe(2);
    expect([...table.getChild("exitSignalTs")!]).toEqual([closeOf(4), null]);
  });

  it("uses the engine's fill and excursion conventions: the same prices, bars held, MAE and MFE as the round trip the engine makes ungated", () => {
    for (const fillAt of ["open", "close"] as const) {
      const ungated = new RegimeGatedStrategy({ inner: scriptedStrategy({ X: { 1: "long", 4: "exit" } }), classifier: () => new NullClassifier(), allow: REGIMES });
      const trip = new BacktestEngine({ handlers: [handHandler("X", BARS)], strategy: ungated, execution: { fillAt } }).run().tradeList[0]!;
      const shadow = shadowTrades(gatedRun(fillAt), [handTable("X", BARS)], { fillAt }).trades[0]!;
      const { entryTs, entryPrice, exitTs, exitPrice, barsHeld, mae, mfe } = trip;
      expect(shadow).toMatchObject({ entryTs, entryPrice, exitTs, exitPrice, barsHeld, mae, mfe });
    }
    // close fills: in at day 2's close 105, out at day 5's close 107; days 3-5 high 108, low 95
    expect(shadowTrades(gatedRun("close"), [handTable("X", BARS)], { fillAt: "close" }).trades[0]).toMatchObject({ entryPrice: 105, exitPrice: 107, mae: 10, mfe: 3 });
  });

  it("reads a decision log that went through JSON, and data as DataHandlers", () => {
    const gate = gatedRun();
    const decisions = JSON.parse(JSON.stringify(gate.decisions()));
    expect(shadowTrades(decisions, [handHandler("X", BARS)]).trades).toEqual(shadowTrades(gate, [handTable("X", BARS)]).trades);
  });

  it("names a symbol with withheld entries but no bars, and a bad fillAt", () => {
    const gate = gatedRun();
    expect(() => shadowTrades(gate, [handTable("Y", BARS)])).toThrow(/including "X"/);
    expect(() => shadowTrades(gate, [handTable("X", BARS)], { fillAt: "mid" as never })).toThrow(/invalid fillAt: "mid"/);
  });
});
