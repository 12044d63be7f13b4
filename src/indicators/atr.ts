import { check, invalid } from "../core/check.js";
import { SMA } from "./sma.js";
import { StreamingIndicator } from "./streaming-indicator.js";

/** Options of ATR and atrColumn. */
export interface AtrOptions {
  /**
   * How the true ranges are averaged. Default `"wilder"`: Wilder's smoothing (alpha = 1 / period),
   * seeded with the simple average of the first `period` true ranges. `"sma"`: a simple moving average.
   * `"ema"`: an EMA with alpha = 2 / (period + 1), seeded the same way as Wilder's.
   */
  readonly smoothing?: "wilder" | "sma" | "ema";
}

/**
 * The average true range, streaming: the average of the true range `max(high - low, |high - previous
 * close|, |low - previous close|)`, where the first bar's true range is its `high - low`. The first value
 * comes with the `period`-th bar (index period - 1), as in trading-signals `ATR`; TA-Lib skips the first
 * bar and so reports one bar later (its values converge to these). O(1) per update, nothing allocated;
 * the Wilder and EMA averages are the recursion of EMA with seed "sma", computed in place.
 * @example
 * const atr = new ATR(14);
 * const value = atr.update(bar.high, bar.low, bar.close);
 * @see Wilder, J. W. (1978). New Concepts in Technical Trading Systems, ch. 3.
 */
export class ATR extends StreamingIndicator {
  /** How the true ranges are averaged. */
  readonly smoothing: "wilder" | "sma" | "ema";
  private readonly sma: SMA | undefined;
  private readonly alpha: number;
  private previousClose = Number.NaN;
  private range = Number.NaN;
  private sum = 0;

  constructor(period: number, options: AtrOptions = {}) {
    super("ATR", period, period);
    this.smoothing = check.keyword("smoothing", options.smoothing ?? "wilder", ["wilder", "sma", "ema"] as const);
    this.sma = this.smoothing === "sma" ? new SMA(period) : undefined;
    this.alpha = this.smoothing === "wilder" ? 1 / period : 2 / (period + 1);
  }

  /** The latest bar's true range (price units), or undefined before the first bar. */
  get trueRange(): number | undefined {
    return this.seen > 0 ? this.range : undefined;
  }

  /** Takes the next bar and returns the new ATR, or undefined while warming up (or if an input is NaN). */
  update(high: number, low: number, close: number): number | undefined {
    if (high !== high || low !== low || close !== close) return undefined;
    const previous = this.previousClose;
    let range = high - low;
    if (this.seen > 0) range = Math.max(range, Math.abs(high - previous), Math.abs(low - previous));
    this.previousClose = close;
    this.range = range;
    const seen = ++this.seen;
    const period = this.period;
    if (this.sma !== undefined) {
      const value = this.sma.update(range);
      if (value === undefined) return undefined;
      this.value = value;
    } else if (seen > period) {
      this.value += this.alpha * (range - this.value);
    } else {
      this.sum += range;
      if (seen < period) return undefined;
      this.value = this.sum / period;
    }
    return this.value;
  }
}

/**
 * Returns the average true range of the bars as a new column: NaN for the first period - 1 bars
 * (warm-up) and for bars with a NaN input (such bars are skipped, as by `ATR.update`).
 * @example
 * const { high, low, close } = barColumns(table);
 * const atr14 = atrColumn(high, low, close, 14);
 */
export function atrColumn(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period: number, options: AtrOptions = {}): Float64Array {
  const atr = new ATR(period, options);
  if (high.length !== close.length || low.length !== close.length) {
    invalid("columns", { high: high.length, low: low.length, close: close.length }, "high, low and close of the same length");
  }
  const out = new Float64Array(close.length);
  for (let i = 0; i < close.length; i++) out[i] = atr.update(high[i]!, low[i]!, close[i]!) ?? Number.NaN;
  return out;
}
