import type * as arrow from "apache-arrow";
import type { RoundTrip } from "../core/types.js";
import type { CorrelationMatrix } from "../metrics/correlation-matrix.js";
import { computeMetrics, type ComputeMetricsOptions, type Metrics } from "../metrics/compute-metrics.js";
import type { PositionSnapshot } from "../portfolio/portfolio-view.js";
import type { OrderEvent } from "./events.js";

/**
 * The outcome of a backtest (or of the part run so far). Long series are Arrow tables (times in epoch
 * ms UTC); the rest is plain JSON-safe data (times ISO).
 * - `equity`: one row per step: ts, equity, cash, marketValue, grossExposure.
 * - `symbolEquity`: one row per bar of each symbol: symbol, ts, position, close, pnl (realized + unrealized).
 * - `trades` / `tradeList`: closed round trips (see RoundTrip). Positions still open at the end are not
 *   round trips: they are in `openPositions`, marked at their last close, and in the equity.
 * - `journal`: every event (see Journal).
 * - `metrics`: computeMetrics over the equity curve (with gross exposure / equity) and the round trips.
 * - `correlation`: correlation matrix of the symbols' close-to-close returns (see symbolReturns).
 * - `openOrders`: orders the data ended before they could fill.
 * The tables `equity`, `trades`, `symbolEquity` and `journal`, and `tradeList`, `metrics` and
 * `correlation`, are built on first read.
 */
export interface BacktestResult {
  readonly equity: arrow.Table;
  readonly symbolEquity: arrow.Table;
  readonly trades: arrow.Table;
  readonly tradeList: RoundTrip[];
  readonly journal: arrow.Table;
  readonly metrics: Metrics;
  readonly correlation: CorrelationMatrix;
  readonly openPositions: PositionSnapshot[];
  readonly openOrders: OrderEvent[];
  readonly summary: BacktestSummary;
}

/** The run at a glance: what ran over what, and where it ended. */
export interface BacktestSummary {
  readonly strategy: string;
  readonly riskManager: string;
  readonly symbols: string[];
  readonly start: string | null;
  readonly end: string | null;
  readonly steps: number;
  readonly bars: number;
  readonly totalBars: number;
  readonly initialCash: number;
  readonly finalEquity: number;
  readonly finalCash: number;
  readonly tradeCount: number;
  readonly openOrderCount: number;
  readonly warnings: string[];
}

/**
 * Returns computeMetrics over an equity table (ts, equity, grossExposure) and round trips, passing
 * exposure = grossExposure / equity when equity stayed positive (else no exposure series).
 * @example resultMetrics(result.equity, result.tradeList, { riskFreeRate: 0.02 }).sharpe;
 */
export function resultMetrics(equity: arrow.Table, trades: readonly RoundTrip[], options: ComputeMetricsOptions = {}): Metrics {
  const ts = equity.getChild("ts")!.toArray() as Float64Array;
  const values = equity.getChild("equity")!.toArray() as Float64Array;
  const gross = equity.getChild("grossExposure")!.toArray() as Float64Array;
  let positive = true;
  for (let i = 0; i < values.length; i++) if (!(values[i]! > 0)) positive = false;
  if (!positive) return computeMetrics({ ts, equity: values }, trades, options);
  const exposure = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) exposure[i] = Math.max(0, gross[i]!) / values[i]!;
  return computeMetrics({ ts, equity: values, exposure }, trades, options);
}
