import { check } from "../core/check.js";
import { periodicRate } from "./periodic-rate.js";
import { allFinite, mean } from "./sample-moments.js";

/** Options of sortinoRatio and downsideDeviation. */
export interface SortinoRatioOptions {
  /** Periods in a year, the annualizing factor (default 252, daily trading bars). */
  readonly periodsPerYear?: number;
  /** Annual minimum acceptable return as a fraction (default 0), turned into a per-period target like a rate. */
  readonly targetReturn?: number;
}

/**
 * Returns the per-period downside deviation of returns below a per-period target T:
 * sqrt( Σ min(0, r_i - T)² / N ), where N counts ALL periods, those above the target contributing 0.
 * This is the definition of Sortino & Price (1994) and of most libraries (e.g. empyrical's
 * `downside_risk`); dividing by the number of losing periods only would overstate the risk.
 * Returns null with fewer than two returns or any non-finite one.
 * @see Sortino, F. A. & Price, L. N. (1994). Performance Measurement in a Downside Risk Framework.
 *   Journal of Investing 3(3), 59-64.
 * @example downsideDeviation(Float64Array.of(0.02, -0.02)) // sqrt(0.0004 / 2) ≈ 0.01414
 */
export function downsideDeviation(returns: ArrayLike<number>, target = 0): number | null {
  const n = returns.length;
  if (n < 2 || !allFinite(returns)) return null;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const shortfall = Math.min(0, returns[i]! - target);
    ss += shortfall * shortfall;
  }
  return Math.sqrt(ss / n);
}

/**
 * Returns the annualized Sortino ratio of period returns: (mean(r) - T) / downside deviation × sqrt(periodsPerYear),
 * with target T = the per-period equivalent of `targetReturn` (default 0) and the downside deviation
 * taken over all periods (see downsideDeviation). Returns null when it is undefined: fewer than two
 * returns, a non-finite one, or no period below the target (zero downside deviation).
 * @see Sortino, F. A. & van der Meer, R. (1991). Downside Risk. Journal of Portfolio Management 17(4), 27-31.
 * @see Sortino, F. A. & Price, L. N. (1994). Performance Measurement in a Downside Risk Framework.
 *   Journal of Investing 3(3), 59-64.
 * @example sortinoRatio(Float64Array.of(0.02, -0.02, 0.03), { periodsPerYear: 252 }) // (0.01 / 0.011547) × sqrt(252) ≈ 13.75
 */
export function sortinoRatio(returns: ArrayLike<number>, options: SortinoRatioOptions = {}): number | null {
  const periodsPerYear = check.positive("periodsPerYear", options.periodsPerYear ?? 252);
  const target = periodicRate(check.finite("targetReturn", options.targetReturn ?? 0), periodsPerYear);
  const dd = downsideDeviation(returns, target);
  if (dd === null || dd === 0) return null;
  return ((mean(returns) - target) / dd) * Math.sqrt(periodsPerYear);
}
