import { DAY } from "../core/time.js";

/** The length of the average calendar year in ms (365.25 days), the unit of annualized returns. */
export const YEAR_MS = 365.25 * DAY;

/**
 * Returns the compound annual growth rate between two equity values `elapsedMs` apart:
 * CAGR = (end / start)^(365.25 days / elapsed) - 1, a fraction (0.07 = 7% a year). Elapsed time is
 * calendar time, so weekends and nights count, whatever the bar interval. Returns -1 when the
 * equity ends at 0, and null when it is undefined: start equity not positive, end equity negative,
 * or no elapsed time. Over less than a year the rate extrapolates the sample, which can look huge.
 * @see Bacon, C. (2008). Practical Portfolio Performance Measurement and Attribution, 2nd ed.,
 *   "annualised return" (geometric).
 * @example annualizedReturn(100, 121, 2 * YEAR_MS) // 0.1
 */
export function annualizedReturn(startEquity: number, endEquity: number, elapsedMs: number): number | null {
  if (!(startEquity > 0) || !(endEquity >= 0) || !(elapsedMs > 0)) return null;
  if (endEquity === 0) return -1;
  const value = Math.pow(endEquity / startEquity, YEAR_MS / elapsedMs) - 1;
  return Number.isFinite(value) ? value : null;
}
