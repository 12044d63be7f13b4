import { StreamingIndicator } from "./streaming-indicator.js";

/**
 * The simple moving average: the mean of the last `period` inputs, streaming. The first value comes
 * with the `period`-th input (index period - 1). Keeps the window in a ring buffer and a running sum
 * that is re-added from the window once every `period` updates, so it never drifts: O(1) amortized per
 * update (2 additions), no allocation. Equals trading-signals `SMA`, which re-sums its whole window on
 * every update (O(period)).
 * @example
 * const sma = new SMA(20);
 * const value = sma.update(close); // undefined for the first 19 closes
 * @see https://en.wikipedia.org/wiki/Moving_average#Simple_moving_average
 */
export class SMA extends StreamingIndicator {
  private readonly window: Float64Array;
  private head = 0;
  private sum = 0;

  constructor(period: number) {
    super("SMA", period, period);
    this.window = new Float64Array(period);
  }

  /** Takes the next input and returns the new average, or undefined while warming up (or for NaN). */
  update(value: number): number | undefined {
    if (value !== value) return undefined;
    this.add(value);
    return this.seen >= this.period ? this.value : undefined;
  }

  /**
   * Takes the next input, as `update` does, without returning the average (read it with
   * `getResultOrNaN()`): a hot loop's call returns no number for the JS engine to box.
   */
  add(value: number): void {
    if (value !== value) return;
    const period = this.period;
    const old = this.seen >= period ? this.window[this.head]! : 0;
    this.window[this.head] = value;
    this.sum += value - old;
    if (++this.head === period) {
      this.head = 0;
      this.sum = resum(this.window);
    }
    this.value = this.sum / period;
    this.seen++;
  }
}

/** Returns the plain sum of the window, to clear the rounding a running sum gathers. */
function resum(window: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < window.length; i++) sum += window[i]!;
  return sum;
}

/**
 * Returns the simple moving average of `values` as a new column: NaN for the first period - 1 inputs
 * (warm-up) and wherever the input is NaN (such inputs are skipped, as by `SMA.update`).
 * @example
 * const sma20 = smaColumn(barColumns(table).close, 20);
 */
export function smaColumn(values: ArrayLike<number>, period: number): Float64Array {
  const sma = new SMA(period);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = sma.update(values[i]!) ?? Number.NaN;
  return out;
}
