import type * as arrow from "apache-arrow";
import { barColumns, barInfo, makeBarTable } from "../data/bar-table.js";
import { DataHandler } from "../data/data-handler.js";
import { BacktestEngine } from "../engine/backtest-engine.js";
import { resultMetrics } from "../engine/backtest-result.js";
import { regimeMetrics } from "../metrics/regime-metrics.js";
import { REGIMES } from "../regime/regimes.js";
import { TradeFromStrategy } from "../strategy/trade-from-strategy.js";
import { buildRunParts } from "./build-run-parts.js";
import { liquidationCost } from "./liquidation-cost.js";
import { referenceTimeline } from "./reference-timeline.js";
import { regimePrefix, SWEEP_METRICS } from "./sweep-columns.js";
import type { SweepPlan, SweepRun } from "./sweep-plan.js";
import type { SweepOutcome } from "./sweep-executor.js";
import type { SweepValue } from "./sweep-spec.js";

/** Bar indexes of a run's window: bars [start, end) are fed, trading starts at bar tradeFrom. */
export interface RunWindow {
  readonly start: number;
  readonly end: number;
  readonly tradeFrom: number;
}

/** One result row of a sweep: run index, combination, symbol, parameters, metrics and per-regime metrics. */
export type SweepRow = Record<string, SweepValue | null>;

function windowTable(table: arrow.Table, w: RunWindow): arrow.Table {
  const c = barColumns(table);
  const cut = (a: Float64Array) => a.subarray(w.start, w.end);
  return makeBarTable({ tsOpen: cut(c.tsOpen), tsClose: cut(c.tsClose), open: cut(c.open), high: cut(c.high), low: cut(c.low), close: cut(c.close), volume: cut(c.volume) }, barInfo(table), { validate: false });
}

/**
 * Returns the result row of one sweep run of `plan` on the symbol's full bar table (or a window of it):
 * a fresh engine with the run's strategy, gate and risk manager, run to the end. Metrics cover the
 * traded part only (from the window's tradeFrom bar); per-regime metrics use the reference
 * classifier's timeline of the symbol (RuleBasedClassifier with its defaults over all its bars, the
 * same for every run, so rows compare). Pure in its inputs: the same run gives the same row anywhere.
 * @example runSweepRun(plan, sweepRunAt(plan, 0), spxTable)
 */
export function runSweepRun(plan: SweepPlan, run: SweepRun, table: arrow.Table, window?: RunWindow): SweepRow {
  return runSweepItem(plan, run, table, window, false).row;
}

/**
 * Returns the row of one sweep run and, when `withCurve`, its equity curve over the traded part, whose
 * last point is after closing what is still held at its last price (exit commission and slippage):
 * the curve of a walk-forward test window, which the next window continues flat in cash.
 */
export function runSweepItem(plan: SweepPlan, run: SweepRun, table: arrow.Table, window: RunWindow | undefined, withCurve: boolean): SweepOutcome {
  const n = table.numRows;
  const w = window ?? { start: 0, end: n, tradeFrom: 0 };
  const bars = w.start === 0 && w.end === n ? table : windowTable(table, w);
  const parts = buildRunParts(plan.strategy, run.params, plan.settings);
  const tsClose = barColumns(table).tsClose;
  const tradeFromTs = tsClose[w.tradeFrom]!;
  const strategy = w.tradeFrom > w.start ? new TradeFromStrategy(parts.strategy, tradeFromTs) : parts.strategy;
  const engine = new BacktestEngine({
    handlers: [DataHandler.fromTable(bars)], strategy, riskManager: parts.riskManager, execution: parts.execution,
    allowShort: parts.allowShort, initialCash: plan.settings.cash, journalMarketEvents: false, maxReportEvents: 0,
  });
  const result = engine.run();
  const equity = w.tradeFrom > w.start ? result.equity.slice(w.tradeFrom - w.start) : result.equity;
  const m = resultMetrics(equity, result.tradeList);
  const byRegime = regimeMetrics({ equity, tradeList: result.tradeList }, referenceTimeline(table)).rows;
  const row: SweepRow = { run: run.run, combo: run.combo, symbol: run.symbol };
  for (const c of plan.columns) row[c] = run.params[c]!;
  const values: Record<(typeof SWEEP_METRICS)[number], number | null> = {
    totalReturn: m.totalReturn, annualizedReturn: m.annualizedReturn, annualizedVolatility: m.annualizedVolatility,
    sharpe: m.sharpe, sortino: m.sortino, calmar: m.calmar, maxDrawdown: m.maxDrawdown, trades: m.trades.count,
    winRate: m.trades.winRate, profitFactor: m.trades.profitFactor, expectancy: m.trades.expectancy, sqn: m.trades.sqn,
    timeInMarket: m.exposure?.timeInMarket ?? null, finalEquity: m.endEquity,
  };
  for (const k of SWEEP_METRICS) row[k] = finite(values[k]);
  for (const regime of REGIMES) {
    const r = byRegime.find((x) => x.regime === regime)!;
    const p = regimePrefix(regime);
    row[`${p}Return`] = finite(r.totalReturn);
    row[`${p}Sharpe`] = finite(r.sharpe);
    row[`${p}Share`] = finite(r.timeShare);
    row[`${p}Trades`] = r.trades.count;
  }
  if (!withCurve) return { row };
  const curve = { ts: Float64Array.from(equity.getChild("ts")!.toArray() as Float64Array), equity: Float64Array.from(equity.getChild("equity")!.toArray() as Float64Array) };
  // the curve ends flat: what is still held is closed at the last close, paying its exit costs
  const last = curve.equity.length - 1;
  if (last >= 0) curve.equity[last]! -= liquidationCost(parts.execution, result.openPositions, curve.ts[last]!, result.summary.finalCash);
  return { row, curve };
}

/** Returns the value, or null for null, NaN or an infinity (e.g. a profit factor without losses). */
function finite(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}
