import { REGIMES, type Regime } from "../regime/regimes.js";

/** The metrics of each sweep run, in result column order (see computeMetrics for their formulas). */
export const SWEEP_METRICS = [
  "totalReturn", "annualizedReturn", "annualizedVolatility", "sharpe", "sortino", "calmar", "maxDrawdown",
  "trades", "winRate", "profitFactor", "expectancy", "sqn", "timeInMarket", "finalEquity",
] as const;
/** A metric of a sweep run. */
export type SweepMetric = (typeof SWEEP_METRICS)[number];

/**
 * The metrics a walk-forward may choose parameters by (the higher the better; maxDrawdown is <= 0).
 * Trade statistics (profit factor, expectancy, SQN) are not among them: they are null below 30 trades,
 * which a train window rarely reaches, and choosing among nulls would choose nothing.
 */
export const SELECTION_METRICS = ["sharpe", "sortino", "calmar", "totalReturn", "annualizedReturn", "maxDrawdown"] as const;
/** A metric a walk-forward may choose parameters by. */
export type SelectionMetric = (typeof SELECTION_METRICS)[number];

/** The per-regime statistics of each sweep run, suffixes of the regime's column prefix. */
export const REGIME_STATS = ["Return", "Sharpe", "Share", "Trades"] as const;

/** Returns a regime's column prefix: "trending-up" -> "trendingUp". */
export function regimePrefix(regime: Regime): string {
  return regime.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The per-regime columns of a sweep result, e.g. trendingUpReturn, trendingUpSharpe, trendingUpShare
 * (share of the run's time in the regime), trendingUpTrades (trades entered in it), for each regime.
 */
export const REGIME_COLUMNS: readonly string[] = REGIMES.flatMap((r) => REGIME_STATS.map((s) => `${regimePrefix(r)}${s}`));
