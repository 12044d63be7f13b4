import { check, invalid } from "../core/check.js";
import { checkPeriod, StreamingIndicator } from "./streaming-indicator.js";

/** Options of RealizedVolatility and realizedVolatilityColumn. */
export interface RealizedVolatilityOptions {
  /**
   * The variance estimator. Default `"sample"`: divides the sum of squared deviations by period - 1
   * (pandas `rolling().std()`, and needs period >= 2). `"population"`: divides by period
   * (trading-signals `getStandardDeviation`).
   */
  readonly estimator?: "sample" | "population";
  /**
   * Bars per year, to annualize: the result is multiplied by its square root. Default 1 (per bar, not
   * annualized); e.g. 252 for daily bars.
   */
  readonly periodsPerYear?: number;
}

/**
 * Realized volatility, streaming: the standard deviation of the last `period` log returns
 * `ln(price / previous price)`, optionally annualized. Needs period + 1 prices, so the first value comes
 * at index `period`. Keeps the returns in a ring buffer and updates mean and sum of squared deviations
 * with Welford's sliding-window recurrence, recomputed exactly (two passes) once every `period` updates
 * so that rounding never accumulates: O(1) amortized per update, no allocation. Prices must be positive.
 * @example
 * const vol = new RealizedVolatility(20, { periodsPerYear: 252 });
 * const annualized = vol.update(bar.close); // undefined for the first 20 closes
 * @see Welford, B. P. (1962). Note on a method for calculating corrected sums of squares and products.
 */
export class RealizedVolatility extends StreamingIndicator {
  /** The variance estimator. */
  readonly estimator: "sample" | "population";
  /** Bars per year used to annualize (1: not annualized). */
  readonly periodsPerYear: number;
  private readonly returns: Float64Array;
  private readonly scale: number;
  private head = 0;
  private count = 0;
  private mean = 0;
  private squares = 0;
  private previous = Number.NaN;

  constructor(period: number, options: RealizedVolatilityOptions = {}) {
    super("RealizedVolatility", period, period + 1);
    this.estimator = check.keyword("estimator", options.estimator ?? "sample", ["sample", "population"] as const);
    if (this.estimator === "sample") checkPeriod(this.name, period, 2);
    this.periodsPerYear = check.positive("periodsPerYear", options.periodsPerYear ?? 1);
    this.returns = new Float64Array(period);
    this.scale = Math.sqrt(this.periodsPerYear / (this.estimator === "sample" ? period - 1 : period));
  }

  /** Takes the next price and returns the new volatility, or undefined while warming up (or for NaN). */
  update(price: number): number | undefined {
    if (price !== price) return undefined;
    if (!(price > 0)) invalid("price", price, "a positive number", "log returns need positive prices; validate bars first");
    const previous = this.previous;
    this.previous = price;
    if (this.seen++ === 0) return undefined;
    const r = Math.log(price / previous);
    const period = this.period;
    if (this.count < period) {
      const n = ++this.count;
      const delta = r - this.mean;
      this.mean += delta / n;
      this.squares += delta * (r - this.mean);
      this.returns[this.head] = r;
    } else {
      const old = this.returns[this.head]!;
      const mean = this.mean + (r - old) / period;
      this.squares += (r - old) * (r - mean + old - this.mean);
      this.mean = mean;
      this.returns[this.head] = r;
    }
    if (++this.head === period) {
      this.head = 0;
      this.recompute();
    }
    if (this.count < period) return undefined;
    this.value = Math.sqrt(Math.max(this.squares, 0)) * this.scale;
    return this.value;
  }

  /** Sets mean and sum of squared deviations from the full window by the two-pass formula. */
  private recompute(): void {
    const returns = this.returns;
    const n = returns.length;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += returns[i]!;
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (returns[i]! - mean) * (returns[i]! - mean);
    this.mean = mean;
    this.squares = squares;
  }
}

/**
 * Returns the rolling realized volatility of `prices` as a new column: NaN for the first `period`
 * prices (warm-up) and wherever the price is NaN (such prices are skipped, as by the class).
 * @example
 * const vol20 = realizedVolatilityColumn(closes, 20, { periodsPerYear: 252 });
 */
export function realizedVolatilityColumn(prices: ArrayLike<number>, period: number, options: RealizedVolatilityOptions = {}): Float64Array {
  const vol = new RealizedVolatility(period, options);
  const out = new Float64Array(prices.length);
  for (let i = 0; i < prices.length; i++) out[i] = vol.update(prices[i]!) ?? Number.NaN;
  return out;
}
