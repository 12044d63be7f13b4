import { allFinite, isNegligibleSpread, mean, sampleStd } from "./sample-moments.js";

/**
 * Returns Van Tharp's System Quality Number of per-trade results: sqrt(N) × mean / standard deviation
 * (sample, divisor N - 1), i.e. the t-statistic of the mean trade. Tharp computes it on R-multiples
 * (profit in units of the initial risk) and reads 1.6-1.9 as below average, 2-2.4 average, 2.5-2.9
 * good, 3-5 excellent; later editions cap N at 100 so that many trades do not inflate it (not done
 * here). The value depends only on the ratio mean / std, so any per-trade unit that does not vary with
 * position size works; raw pnl (as in backtrader's SQN analyzer) lets later, larger trades of a
 * growing account dominate. Returns null with fewer than two values, a non-finite value, or values
 * that do not vary.
 * @see Tharp, V. K. (2008). The Definitive Guide to Position Sizing. IITM. (SQN, R-multiples)
 * @see Tharp, V. K. (2007). Trade Your Way to Financial Freedom, 2nd ed. McGraw-Hill, ch. 7 (expectancy, R-multiples).
 * @example systemQualityNumber([1, -0.5, 2, -1, 1.5]) // sqrt(5) × 0.6 / 1.2942 ≈ 1.037
 */
export function systemQualityNumber(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n < 2 || !allFinite(values)) return null;
  const m = mean(values);
  const std = sampleStd(values);
  if (isNegligibleSpread(std, m)) return null;
  return (Math.sqrt(n) * m) / std;
}
