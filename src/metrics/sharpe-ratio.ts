import { check } from "../core/check.js";
import { periodicRate } from "./periodic-rate.js";
import { allFinite, isNegligibleSpread, mean, sampleStd } from "./sample-moments.js";

/** Options of sharpeRatio. */
export interface SharpeRatioOptions {
  /** Periods in a year, the annualizing factor (default 252, daily trading bars). */
  readonly periodsPerYear?: number;
  /** Annual risk-free rate as a fraction (default 0); each period earns (1 + rate)^(1 / periodsPerYear) - 1. */
  readonly riskFreeRate?: number;
}

/**
 * Returns the annualized ex post Sharpe ratio of period returns: the mean excess return over the
 * risk-free rate divided by its sample standard deviation (divisor n - 1), times
 * sqrt(periodsPerYear). Returns null when it is undefined: fewer than two returns, a non-finite
 * return, or returns constant up to rounding (zero volatility).
 * @see Sharpe, W. F. (1994). The Sharpe Ratio. Journal of Portfolio Management 21(1), 49-58.
 * @see Lo, A. W. (2002). The Statistics of Sharpe Ratios. Financial Analysts Journal 58(4), 36-52
 *   (the sqrt(q) annualization assumes IID returns).
 * @example sharpeRatio(Float64Array.of(0.01, 0.03), { periodsPerYear: 4 }) // 0.02 / 0.0141421 × 2 ≈ 2.828
 */
export function sharpeRatio(returns: ArrayLike<number>, options: SharpeRatioOptions = {}): number | null {
  const periodsPerYear = check.positive("periodsPerYear", options.periodsPerYear ?? 252);
  const rf = periodicRate(check.finite("riskFreeRate", options.riskFreeRate ?? 0), periodsPerYear);
  if (returns.length < 2 || !allFinite(returns)) return null;
  const std = sampleStd(returns);
  const m = mean(returns);
  if (isNegligibleSpread(std, m)) return null;
  return ((m - rf) / std) * Math.sqrt(periodsPerYear);
}
