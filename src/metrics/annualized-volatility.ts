import { check } from "../core/check.js";
import { allFinite, isNegligibleSpread, mean, sampleStd } from "./sample-moments.js";

/** Options of annualizedVolatility. */
export interface AnnualizedVolatilityOptions {
  /** Periods in a year, the annualizing factor (default 252, daily trading bars). */
  readonly periodsPerYear?: number;
}

/**
 * Returns the annualized volatility of period returns: the sample standard deviation (divisor n - 1)
 * times sqrt(periodsPerYear), a fraction (0.2 = 20% a year). Returns 0 for returns that are constant
 * up to rounding, and null with fewer than two returns or any non-finite one.
 * @see Bacon, C. (2008). Practical Portfolio Performance Measurement and Attribution, 2nd ed., ch. 4
 *   (annualised standard deviation).
 * @example annualizedVolatility(Float64Array.of(0.01, -0.01), { periodsPerYear: 252 }) // ≈ 0.2245
 */
export function annualizedVolatility(returns: ArrayLike<number>, options: AnnualizedVolatilityOptions = {}): number | null {
  const periodsPerYear = check.positive("periodsPerYear", options.periodsPerYear ?? 252);
  if (returns.length < 2 || !allFinite(returns)) return null;
  const std = sampleStd(returns);
  return isNegligibleSpread(std, mean(returns)) ? 0 : std * Math.sqrt(periodsPerYear);
}
