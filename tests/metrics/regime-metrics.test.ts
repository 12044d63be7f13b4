import { describe, expect, it } from "vitest";
import type { RoundTrip } from "../../src/core/types.js";
import { DataHandler } from "../../src/data/data-handler.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import { regimeMetrics, type RegimeKey, type RegimeMetricsRow } from "../../src/metrics/regime-metrics.js";
import { regimeMetricsTable } from "../../src/metrics/regime-metrics-table.js";
import { REGIMES, type Regime } from "../../src/regime/regimes.js";
import { RegimeGatedStrategy } from "../../src/strategy/regime-gated-strategy.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import { closeOf, openOf } from "../fixtures/hand-bars.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";
import { ScriptedClassifier } from "../fixtures/scripted-classifier.js";

const UP: Regime = "trending-up", DOWN: Regime = "trending-down";
const ts = Float64Array.from([0, 1, 2, 3, 4, 5], closeOf);
const equity = Float64Array.of(100, 110, 99, 99, 108.9, 119.79); // returns 0.1, -0.1, 0, 0.1, 0.1
const timeline = [null, UP, UP, DOWN, DOWN, UP].map((regime, d) => ({ ts: closeOf(d), regime }));
const trip = (entryTs: number, pnl: number, returnFraction: number): RoundTrip => ({
  symbol: "X", side: "long", quantity: 1, entryTs, exitTs: entryTs + 1, entryPrice: 100, exitPrice: 100 + pnl, pnl, returnFraction, commission: 0, barsHeld: 1, mae: 0, mfe: 0,
});
const trades = [trip(openOf(2), 10, 0.1), trip(openOf(3), -5, -0.05), trip(openOf(4), 3, 0.03), trip(openOf(0), 1, 0.01)];
const row = (rows: readonly RegimeMetricsRow[], regime: RegimeKey) => rows.find((r) => r.regime === regime)!;

describe("regimeMetrics", () => {
  it("attributes the return from step i-1 to i to the regime known at step i-1, and trades to the regime known at their entry", () => {
    const report = regimeMetrics({ equity: { ts, equity }, tradeList: trades }, timeline, { minPeriods: 2 });
    expect(report.rows.map((r) => r.regime)).toEqual([...REGIMES, "warm-up"]);
    // periods 1-2 and 2-3 start in trending-up (rows 1, 2): -0.1 and 0; 3-4 and 4-5 in trending-down: 0.1, 0.1; 0-1 in warm-up: 0.1
    const up = row(report.rows, UP), down = row(report.rows, DOWN), warm = row(report.rows, "warm-up");
    expect([up.periods, down.periods, warm.periods, report.periods]).toEqual([2, 2, 1, 5]);
    expect(up).toMatchObject({ periodShare: 0.4, timeShare: 0.4, elapsedDays: 2 });
    expect(up.maxDrawdown).toBeCloseTo(-0.1, 14);
    expect(up.totalReturn).toBeCloseTo(-0.1, 14);
    expect(down.totalReturn).toBeCloseTo(0.21, 14);
    expect(down.maxDrawdown).toBe(0);
    expect(warm.totalReturn).toBeCloseTo(0.1, 14);
    expect((1 + up.totalReturn!) * (1 + down.totalReturn!) * (1 + warm.totalReturn!)).toBeCloseTo(119.79 / 100, 12);
    // trending-up: mean -0.05, sample std sqrt(0.005), 252 periods a year (daily)
    expect(up.sharpe).toBeCloseTo((-0.05 / Math.sqrt(0.005)) * Math.sqrt(252), 10);
    expect(up.annualizedVolatility).toBeCloseTo(Math.sqrt(0.005) * Math.sqrt(252), 10);
    expect(up.annualizedReturn).toBeCloseTo(Math.pow(0.9, 365.25 / 2) - 1, 12);
    expect(down.sharpe).toBeNull();
    expect(down.notes).toContain("zero volatility (returns constant): Sharpe is null");
    expect(up.trades).toEqual({ count: 2, wins: 1, losses: 1, winRate: 0.5, pnl: 5, averageReturnFraction: 0.025 });
    expect(down.trades).toMatchObject({ count: 1, pnl: 3 });
    expect(warm.trades).toMatchObject({ count: 1, pnl: 1 });
    expect(row(report.rows, "ranging")).toMatchObject({ periods: 0, totalReturn: null, sharpe: null, maxDrawdown: null, trades: { count: 0, winRate: null }, notes: ["no periods in this regime"] });
    expect(report.notes[0]).toMatch(/^attribution: each period return \(step i-1 to i\) counts for the regime known at step i-1/);
  });

  it("reports annualized statistics as null below minPeriods, with a note", () => {
    const up = row(regimeMetrics({ equity: { ts, equity } }, timeline).rows, UP);
    expect(up).toMatchObject({ periods: 2, annualizedReturn: null, annualizedVolatility: null, sharpe: null });
    expect(up.totalReturn).toBeCloseTo(-0.1, 14);
    expect(up.notes).toEqual(["2 period(s) < 20 (minPeriods): annualized return, volatility and Sharpe are null"]);
  });

  it("joins a timeline whose times differ from the equity steps as of each step (the last row at or before it)", () => {
    const sparse = [{ ts: closeOf(1) - 1, regime: UP }, { ts: closeOf(3) + 1, regime: DOWN }];
    const report = regimeMetrics({ equity: { ts, equity } }, sparse, { minPeriods: 2 });
    // steps 1, 2, 3 know trending-up; step 4 knows trending-down; step 0 nothing
    expect([UP, DOWN, "warm-up"].map((k) => row(report.rows, k as RegimeKey).periods)).toEqual([3, 1, 1]);
  });

  it("reads a BacktestResult and a classifier history, survives JSON, and gives an Arrow table", () => {
    const table = randomWalkBars(400, "RW", 4);
    const regimes = Array.from({ length: 400 }, (_, i) => (i < 10 ? null : REGIMES[Math.floor(i / 50) % 4]!));
    const gate = new RegimeGatedStrategy({ inner: new SmaCrossStrategy({ fast: 5, slow: 20 }), classifier: () => new ScriptedClassifier(regimes), allow: REGIMES });
    const result = new BacktestEngine({ handlers: [DataHandler.fromTable(table)], strategy: gate }).run();
    const report = regimeMetrics(result, gate.regimeHistory("RW"));
    expect(JSON.parse(JSON.stringify(report))).toStrictEqual(report);
    expect(report.rows.reduce((p, r) => p * (1 + (r.totalReturn ?? 0)), 1)).toBeCloseTo(1 + result.metrics.totalReturn!, 10);
    expect(report.rows.reduce((n, r) => n + r.trades.count, 0)).toBe(result.tradeList.length);
    expect(row(report.rows, "warm-up").periods).toBe(10);
    const t = regimeMetricsTable(report);
    expect(t.numRows).toBe(5);
    expect(t.schema.fields.map((f) => f.name)).toEqual([
      "regime", "periods", "periodShare", "timeShare", "elapsedDays", "totalReturn", "annualizedReturn", "annualizedVolatility", "sharpe", "maxDrawdown",
      "tradesCount", "tradesWins", "tradesLosses", "tradesWinRate", "tradesPnl", "tradesAverageReturnFraction", "notes",
    ]);
    expect(t.getChild("sharpe")!.get(0)).toBe(report.rows[0]!.sharpe);
  });

  it("rejects a malformed timeline or option, naming it", () => {
    expect(() => regimeMetrics({ equity: { ts, equity } }, [{ ts: 2, regime: "bull" as Regime }])).toThrow(/invalid timeline row 1 regime: "bull"/);
    expect(() => regimeMetrics({ equity: { ts, equity } }, timeline, { minPeriods: 0 })).toThrow(/invalid minPeriods: 0/);
  });
});
