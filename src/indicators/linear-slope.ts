import { checkPeriod, StreamingIndicator } from "./streaming-indicator.js";

/**
 * The rolling least-squares slope, streaming: the slope of the straight line fitted by ordinary least
 * squares through the last `period` inputs against their positions 0, 1, ..., period - 1, in input
 * units per input. Fed log closes, it is the trend's log return per bar (0.001: about +0.1 % a bar).
 * The first value comes with the `period`-th input (period >= 2).
 *
 * Keeps the window in a ring buffer with the running sums S = sum(y) and T = sum(k * y); a new input
 * y turns them into S - oldest + y and T - (S - oldest) + (period - 1) * y, and both are recomputed
 * from the window once every `period` updates, so rounding never accumulates: O(1) amortized per update,
 * no allocation. slope = (period * T - K * S) / (period * Q - K * K), with K = sum(k) and Q = sum(k^2).
 * @example
 * const slope = new LinearSlope(20);
 * const perBar = slope.update(Math.log(bar.close)); // undefined for the first 19 bars
 * @see https://en.wikipedia.org/wiki/Simple_linear_regression
 */
export class LinearSlope extends StreamingIndicator {
  private readonly window: Float64Array;
  private readonly sumK: number;
  private readonly denominator: number;
  private head = 0;
  private sum = 0;
  private weighted = 0;

  constructor(period: number) {
    super("LinearSlope", checkPeriod("LinearSlope", period, 2), period);
    this.window = new Float64Array(period);
    this.sumK = (period * (period - 1)) / 2;
    this.denominator = period * ((period - 1) * period * (2 * period - 1)) / 6 - this.sumK * this.sumK;
  }

  /** Takes the next input and returns the new slope, or undefined while warming up (or for NaN). */
  update(value: number): number | undefined {
    if (value !== value) return undefined;
    const period = this.period;
    const seen = this.seen;
    if (seen < period) {
      this.sum += value;
      this.weighted += seen * value;
    } else {
      const oldest = this.window[this.head]!;
      this.weighted += (period - 1) * value - (this.sum - oldest);
      this.sum += value - oldest;
    }
    this.window[this.head] = value;
    if (++this.head === period) this.head = 0;
    if (++this.seen < period) return undefined;
    if (this.head === 0) this.recompute();
    this.value = (period * this.weighted - this.sumK * this.sum) / this.denominator;
    return this.value;
  }

  /** Sets both sums from the window, oldest first (the oldest input sits at `head`). */
  private recompute(): void {
    const window = this.window;
    const period = this.period;
    let sum = 0;
    let weighted = 0;
    for (let k = 0; k < period; k++) {
      const y = window[(this.head + k) % period]!;
      sum += y;
      weighted += k * y;
    }
    this.sum = sum;
    this.weighted = weighted;
  }
}

/**
 * Returns the rolling least-squares slope of `values` as a new column: NaN for the first period - 1
 * inputs (warm-up) and wherever the input is NaN (such inputs are skipped, as by the class).
 * @example
 * const trend = linearSlopeColumn(Array.from(closes, Math.log), 20);
 */
export function linearSlopeColumn(values: ArrayLike<number>, period: number): Float64Array {
  const slope = new LinearSlope(period);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = slope.update(values[i]!) ?? Number.NaN;
  return out;
}
