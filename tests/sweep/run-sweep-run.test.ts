import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import type { MarketEvent } from "../../src/engine/events.js";
import { barColumns } from "../../src/data/bar-table.js";
import { DataHandler } from "../../src/data/data-handler.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import { resultMetrics } from "../../src/engine/backtest-result.js";
import { ExecutionHandler } from "../../src/execution/execution-handler.js";
import type { Metrics } from "../../src/metrics/compute-metrics.js";
import type { PortfolioView } from "../../src/portfolio/portfolio-view.js";
import { RuleBasedClassifier } from "../../src/regime/rule-based-classifier.js";
import { REGIMES, type Regime } from "../../src/regime/regimes.js";
import type { RiskManager } from "../../src/risk/risk-manager.js";
import { riskPreset } from "../../src/risk/risk-preset.js";
import { RegimeGatedStrategy } from "../../src/strategy/regime-gated-strategy.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import { SmcStrategy } from "../../src/strategy/smc-strategy.js";
import type { Strategy } from "../../src/strategy/strategy.js";
import { regimePrefix } from "../../src/sweep/sweep-columns.js";
import { planSweep, sweepRunAt, type SweepPlan } from "../../src/sweep/sweep-plan.js";
import { runSweepItem, runSweepRun, type SweepRow } from "../../src/sweep/run-sweep-run.js";
import type { SweepSpec } from "../../src/sweep/sweep-spec.js";
import { regimeSwitchingBars } from "../../src/synthetic/regime-switching-bars.js";

const { table: BARS } = regimeSwitchingBars({ n: 700, seed: 5, symbol: "SYN" });
const TS = barColumns(BARS).tsClose;

/** The regime the reference classifier (RuleBasedClassifier, defaults) gives each bar, computed here bar by bar. */
const BAR_REGIMES: (Regime | null)[] = (() => {
  const classifier = new RuleBasedClassifier();
  return [...DataHandler.fromTable(BARS).bars()].map((bar) => classifier.update(bar));
})();
const FIRST_REGIME_BAR = BAR_REGIMES.findIndex((r) => r !== null);

/** The regime known at time t: that of the last bar closed at or before t (null before the first). */
function regimeAsOf(t: number): Regime | null {
  let i = -1;
  while (i + 1 < TS.length && TS[i + 1]! <= t) i++;
  return i < 0 ? null : BAR_REGIMES[i]!;
}

function plan1(spec: SweepSpec): SweepPlan {
  return planSweep(spec, ["SYN"]);
}

function engineRun(strategy: Strategy, riskManager: RiskManager, options: { allowShort?: boolean; cash?: number; bars?: arrow.Table; execution?: ExecutionHandler } = {}) {
  return new BacktestEngine({
    handlers: [DataHandler.fromTable(options.bars ?? BARS)], strategy, riskManager, allowShort: options.allowShort ?? false,
    initialCash: options.cash ?? 100_000, execution: options.execution ?? new ExecutionHandler(),
  }).run();
}

function expectMetricsEqual(row: SweepRow, m: Metrics): void {
  const n = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : v);
  expect(row).toMatchObject({
    totalReturn: n(m.totalReturn), annualizedReturn: n(m.annualizedReturn), annualizedVolatility: n(m.annualizedVolatility),
    sharpe: n(m.sharpe), sortino: n(m.sortino), calmar: n(m.calmar), maxDrawdown: n(m.maxDrawdown), trades: m.trades.count,
    winRate: n(m.trades.winRate), profitFactor: n(m.trades.profitFactor), expectancy: n(m.trades.expectancy), sqn: n(m.trades.sqn),
    timeInMarket: n(m.exposure?.timeInMarket), finalEquity: m.endEquity,
  });
}

describe("runSweepRun matches an engine built by hand", () => {
  it("sma-cross with shorts, commission and slippage", () => {
    const plan = plan1({ grid: { fast: [10], slow: [40] }, fixed: { allowShort: true, fraction: 0.5 }, commissionPercent: 0.1, slippageBps: 5, cash: 50_000 });
    const row = runSweepRun(plan, sweepRunAt(plan, 0), BARS);
    const result = engineRun(new SmaCrossStrategy({ fast: 10, slow: 40, allowShort: true }), riskPreset("fixed", { fraction: 0.5 }), {
      allowShort: true, cash: 50_000, execution: new ExecutionHandler({ commission: { fraction: 0.001 }, slippage: { bps: 5 } }),
    });
    expect(result.metrics.trades.count).toBeGreaterThan(10);
    expect(result.tradeList.some((t) => t.side === "short")).toBe(true);
    expectMetricsEqual(row, result.metrics);
    expect(row).toMatchObject({ run: 0, combo: 0, symbol: "SYN", fast: 10, slow: 40, allowShort: true, fraction: 0.5 });
  });

  it("a regime-gated sma-cross", () => {
    const plan = plan1({ grid: { gate: ["up-or-ranging"], trendThreshold: [30] }, fixed: { fast: 5, slow: 20 } });
    const row = runSweepRun(plan, sweepRunAt(plan, 0), BARS);
    const strategy = new RegimeGatedStrategy({
      inner: new SmaCrossStrategy({ fast: 5, slow: 20 }),
      classifier: () => new RuleBasedClassifier({ trendThreshold: 30, trendExitThreshold: 25, highVolPercentile: 0.9, highVolExitPercentile: 0.8 }),
      allow: ["trending-up", "ranging"],
    });
    const result = engineRun(strategy, riskPreset("fixed", { fraction: 0.1 }));
    expect(result.metrics.trades.count).toBeGreaterThan(3);
    expectMetricsEqual(row, result.metrics);
    const none = plan1({ grid: { gate: ["none"] }, fixed: { fast: 5, slow: 20 } });
    const ungated = runSweepRun(none, sweepRunAt(none, 0), BARS);
    expect(ungated.trades as number).toBeGreaterThan(row.trades as number);
  });

  it("smc with fractional risk", () => {
    const plan = plan1({ strategy: "smc", grid: { swingLength: [3] }, fixed: { zones: "fvg", stopBufferAtr: 0.2, risk: "fractional", riskFraction: 0.02 } });
    const row = runSweepRun(plan, sweepRunAt(plan, 0), BARS);
    const result = engineRun(
      new SmcStrategy({ swingLength: 3, zones: "fvg", stopBufferAtr: 0.2, allowShort: false }),
      riskPreset("fractional", { riskFraction: 0.02, maxHeat: 0.06, stopMult: 2 }),
    );
    expect(result.metrics.trades.count).toBeGreaterThan(3);
    expectMetricsEqual(row, result.metrics);
  });

  it("sma-cross with the kelly risk manager", () => {
    const plan = plan1({ grid: { kellyFraction: [0.25] }, fixed: { risk: "kelly", fast: 5, slow: 20, maxHeat: 0.1 } });
    const row = runSweepRun(plan, sweepRunAt(plan, 0), BARS);
    const result = engineRun(
      new SmaCrossStrategy({ fast: 5, slow: 20 }),
      riskPreset("kelly", { riskFraction: 0.01, maxHeat: 0.1, stopMult: 2, kelly: { fraction: 0.25 } }),
    );
    expect(result.metrics.trades.count).toBeGreaterThan(3);
    expectMetricsEqual(row, result.metrics);
  });
});

describe("runSweepRun per-regime columns", () => {
  const plan = plan1({ grid: { fast: [5], slow: [20] }, fixed: { allowShort: true, fraction: 0.5 } });
  const row = runSweepRun(plan, sweepRunAt(plan, 0), BARS);
  const result = engineRun(new SmaCrossStrategy({ fast: 5, slow: 20, allowShort: true }), riskPreset("fixed", { fraction: 0.5 }), { allowShort: true });
  const ts = result.equity.getChild("ts")!.toArray() as Float64Array;
  const equity = result.equity.getChild("equity")!.toArray() as Float64Array;

  it("gives each regime its share of time, return and trades by the reference classifier known at the time", () => {
    expect(FIRST_REGIME_BAR).toBeGreaterThan(100);
    expect(Array.from(ts)).toEqual(Array.from(TS));
    const total = ts[ts.length - 1]! - ts[0]!;
    for (const regime of REGIMES) {
      let elapsed = 0, growth = 1, periods = 0;
      for (let i = 1; i < ts.length; i++) {
        if (BAR_REGIMES[i - 1] !== regime) continue;
        elapsed += ts[i]! - ts[i - 1]!;
        growth *= equity[i]! / equity[i - 1]!;
        periods++;
      }
      const p = regimePrefix(regime);
      expect(row[`${p}Share`]).toBeCloseTo(elapsed / total, 12);
      if (periods === 0) expect(row[`${p}Return`]).toBeNull();
      else expect(row[`${p}Return`]).toBeCloseTo(growth - 1, 10);
      expect(row[`${p}Trades`]).toBe(result.tradeList.filter((t) => regimeAsOf(t.entryTs) === regime).length);
    }
  });

  it("shares sum to the part after the classifier's warm-up, and trades to those entered after it", () => {
    const shares = REGIMES.map((r) => row[`${regimePrefix(r)}Share`] as number);
    const sum = shares.reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(1 + 1e-12);
    expect(sum).toBeCloseTo((ts[ts.length - 1]! - ts[FIRST_REGIME_BAR]!) / (ts[ts.length - 1]! - ts[0]!), 12);
    const regimeTrades = REGIMES.reduce((n, r) => n + (row[`${regimePrefix(r)}Trades`] as number), 0);
    const warmUpTrades = result.tradeList.filter((t) => t.entryTs < TS[FIRST_REGIME_BAR]!).length;
    expect(warmUpTrades).toBeGreaterThan(0);
    expect(regimeTrades).toBe((row.trades as number) - warmUpTrades);
    const growth = REGIMES.reduce((g, r) => g * (1 + ((row[`${regimePrefix(r)}Return`] as number | null) ?? 0)), 1);
    expect(growth).toBeCloseTo(equity[equity.length - 1]! / equity[FIRST_REGIME_BAR]!, 10);
  });
});

/** Drops the inner strategy's signals for bars closing before `from`: written here, independently of TradeFromStrategy. */
function tradingFrom(inner: Strategy, from: number): Strategy {
  return {
    name: inner.name,
    calculateSignals: (event: MarketEvent, view: PortfolioView) => {
      const out = inner.calculateSignals(event, view);
      return event.bar.tsClose < from ? undefined : out;
    },
  };
}

function cut(table: arrow.Table, start: number, end: number): arrow.Table {
  return table.slice(start, end);
}

describe("runSweepItem on a window", () => {
  const plan = plan1({ grid: { fast: [5], slow: [20] }, fixed: { allowShort: true, fraction: 0.5 } });
  const run = sweepRunAt(plan, 0);
  const window = { start: 100, end: 500, tradeFrom: 300 };
  const outcome = runSweepItem(plan, run, BARS, window, true);

  it("trades nothing before tradeFrom and reports only [tradeFrom, end)", () => {
    const result = engineRun(tradingFrom(new SmaCrossStrategy({ fast: 5, slow: 20, allowShort: true }), TS[300]!), riskPreset("fixed", { fraction: 0.5 }), {
      allowShort: true, bars: cut(BARS, 100, 500),
    });
    const equity = result.equity.getChild("equity")!.toArray() as Float64Array;
    const gross = result.equity.getChild("grossExposure")!.toArray() as Float64Array;
    expect(equity).toHaveLength(400);
    for (let i = 0; i <= 200; i++) {
      expect(equity[i]).toBe(100_000);
      expect(gross[i]).toBe(0);
    }
    expect(result.tradeList.length).toBeGreaterThan(3);
    expect(result.tradeList.every((t) => t.entryTs > TS[300]!)).toBe(true);
    const traded = resultMetrics(result.equity.slice(200), result.tradeList);
    expectMetricsEqual(outcome.row, traded);
    expect(outcome.row.totalReturn).toBeCloseTo(equity[399]! / 100_000 - 1, 12);
    expect(outcome.row.finalEquity).toBe(equity[399]);
  });

  it("returns the equity curve of the traded part, from the tradeFrom bar's close", () => {
    const curve = outcome.curve!;
    expect(Array.from(curve.ts)).toEqual(Array.from(TS.subarray(300, 500)));
    expect(curve.equity[0]).toBe(100_000);
    expect(curve.equity[199]).toBe(outcome.row.finalEquity);
    expect(runSweepItem(plan, run, BARS, window, false).curve).toBeUndefined();
  });

  it("does not depend on how many warm-up bars came before tradeFrom, once the indicators are full", () => {
    const shorter = runSweepItem(plan, run, BARS, { start: 250, end: 500, tradeFrom: 300 }, true);
    expect(shorter.row).toEqual(outcome.row);
    expect(Array.from(shorter.curve!.equity)).toEqual(Array.from(outcome.curve!.equity));
  });

  it("uses the symbol's whole-data regime timeline for the per-regime columns of a window", () => {
    let elapsed = 0;
    const ts = outcome.curve!.ts;
    for (let i = 1; i < ts.length; i++) if (BAR_REGIMES[300 + i - 1] === "ranging") elapsed += ts[i]! - ts[i - 1]!;
    expect(outcome.row.rangingShare).toBeCloseTo(elapsed / (ts[ts.length - 1]! - ts[0]!), 12);
  });
});

describe("runSweepRun result rows", () => {
  it("are plain JSON-safe values: null for undefined metrics", () => {
    const plan = plan1({ strategy: "buy-and-hold", grid: { fraction: [0.9] } });
    const row = runSweepRun(plan, sweepRunAt(plan, 0), BARS);
    expect(row.trades).toBe(0);
    expect(row.winRate).toBeNull();
    expect(row.profitFactor).toBeNull();
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
    expect(runSweepRun(plan, sweepRunAt(plan, 0), BARS)).toEqual(row);
  });
});
