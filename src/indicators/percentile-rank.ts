import { check } from "../core/check.js";
import { StreamingIndicator } from "./streaming-indicator.js";

/** Options of PercentileRank and percentileRankColumn. */
export interface PercentileRankOptions {
  /**
   * How values equal to the latest one count (the kinds of scipy's `percentileofscore`). Default
   * `"weak"`: the share of window values <= the latest, in [1 / period, 1]. `"strict"`: the share <, in
   * [0, (period - 1) / period]. `"mean"`: the average of the two.
   */
  readonly kind?: "weak" | "strict" | "mean";
}

/**
 * The rolling percentile rank, streaming: where the latest input stands among the last `period` inputs
 * (itself included), as a fraction in [0, 1] (0.9: the 90th percentile), e.g. a volatility percentile
 * over a year of daily realized volatility. The first value comes with the `period`-th input.
 *
 * Keeps the window twice: in arrival order (a ring buffer) and sorted (a typed array). Each update finds
 * the leaving value and the new one's place by binary search, O(log period), and shifts the sorted
 * entries between the two places by one (a native memmove, `copyWithin`), O(period) at worst but
 * typically a short move; no allocation. For the usual windows (20 to 1,000 bars) this beats a balanced
 * tree, whose nodes would be allocated and chased through memory.
 * @example
 * const volPercentile = new PercentileRank(252);
 * const rank = volPercentile.update(realizedVol); // 0.95: higher than 95% of the last year
 */
export class PercentileRank extends StreamingIndicator {
  /** How values equal to the latest one count. */
  readonly kind: "weak" | "strict" | "mean";
  private readonly ring: Float64Array;
  private readonly sorted: Float64Array;
  private head = 0;

  constructor(period: number, options: PercentileRankOptions = {}) {
    super("PercentileRank", period, period);
    this.kind = check.keyword("kind", options.kind ?? "weak", ["weak", "strict", "mean"] as const);
    this.ring = new Float64Array(period);
    this.sorted = new Float64Array(period);
  }

  /** Takes the next input and returns its percentile rank in [0, 1], or undefined while warming up (or for NaN). */
  update(value: number): number | undefined {
    if (value !== value) return undefined;
    const period = this.period;
    const sorted = this.sorted;
    const n = this.seen < period ? this.seen : period;
    // `at` ends as the new value's index in the sorted window, after any equal values: so the count of
    // values <= it is at + 1.
    let at: number;
    if (n < period) {
      at = upperBound(sorted, n, value);
      sorted.copyWithin(at + 1, at, n);
    } else {
      const old = this.ring[this.head]!;
      const from = lowerBound(sorted, n, old);
      if (value >= old) {
        at = upperBound(sorted, n, value) - 1;
        sorted.copyWithin(from, from + 1, at + 1);
      } else {
        at = upperBound(sorted, from, value);
        sorted.copyWithin(at + 1, at, from);
      }
    }
    sorted[at] = value;
    this.ring[this.head] = value;
    if (++this.head === period) this.head = 0;
    if (++this.seen < period) return undefined;
    const kind = this.kind;
    const weak = at + 1;
    const strict = kind === "weak" ? 0 : lowerBound(sorted, at, value);
    this.value = kind === "weak" ? weak / period : kind === "strict" ? strict / period : (weak + strict) / (2 * period);
    return this.value;
  }
}

/** Returns the first index in sorted[0, n) whose value is >= x. */
function lowerBound(sorted: Float64Array, n: number, x: number): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Returns the first index in sorted[0, n) whose value is > x. */
function upperBound(sorted: Float64Array, n: number, x: number): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Returns the rolling percentile rank of `values` as a new column: NaN for the first period - 1 inputs
 * (warm-up) and wherever the input is NaN (such inputs are skipped, as by the class), so a column with
 * a NaN warm-up, e.g. realized volatility, can be ranked directly.
 * @example
 * const volPct = percentileRankColumn(realizedVolatilityColumn(closes, 20), 252);
 */
export function percentileRankColumn(values: ArrayLike<number>, period: number, options: PercentileRankOptions = {}): Float64Array {
  const rank = new PercentileRank(period, options);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = rank.update(values[i]!) ?? Number.NaN;
  return out;
}
