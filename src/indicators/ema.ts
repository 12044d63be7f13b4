import { invalid } from "../core/check.js";
import { StreamingIndicator } from "./streaming-indicator.js";

/** Options of EMA and emaColumn. */
export interface EmaOptions {
  /**
   * The weight of each new input, in (0, 1]. Default `2 / (period + 1)`; pass `1 / period` for Wilder's
   * smoothing (also called RMA or SMMA), as ATR and ADX use.
   */
  readonly alpha?: number;
  /**
   * How the average starts. Default `"sma"`: the first value, at input `period`, is the simple average
   * of the first `period` inputs (TA-Lib, TradingView `ta.ema`, trading-signals `WSMA`). `"first"`: the
   * average starts at the first input and is reported from input `period` on (trading-signals `EMA`
   * and `RMA`).
   */
  readonly seed?: "sma" | "first";
}

/**
 * The exponential moving average, streaming: `ema = ema + alpha * (input - ema)`. The first value comes
 * with the `period`-th input (index period - 1), seeded as `options.seed` says. O(1) per update, no
 * allocation.
 * @example
 * const ema = new EMA(20);
 * const wilder = new EMA(14, { alpha: 1 / 14 });
 * @see https://en.wikipedia.org/wiki/Moving_average#Exponential_moving_average
 */
export class EMA extends StreamingIndicator {
  /** The weight of each new input. */
  readonly alpha: number;
  /** How the average starts: the SMA of the first `period` inputs, or the first input. */
  readonly seed: "sma" | "first";
  private sum = 0;

  constructor(period: number, options: EmaOptions = {}) {
    super("EMA", period, period);
    const alpha = options.alpha ?? 2 / (period + 1);
    if (typeof alpha !== "number" || !(alpha > 0 && alpha <= 1)) {
      invalid("alpha", alpha, "a number in (0, 1]", "e.g. 2 / (period + 1), or 1 / period for Wilder's smoothing");
    }
    const seed = options.seed ?? "sma";
    if (seed !== "sma" && seed !== "first") invalid("seed", seed, 'one of "sma", "first"');
    this.alpha = alpha;
    this.seed = seed;
  }

  /** Takes the next input and returns the new average, or undefined while warming up (or for NaN). */
  update(value: number): number | undefined {
    if (value !== value) return undefined;
    const seen = ++this.seen;
    const period = this.period;
    if (seen > period || (this.seed === "first" && seen > 1)) {
      this.value += this.alpha * (value - this.value);
    } else if (this.seed === "first") {
      this.value = value;
    } else {
      this.sum += value;
      if (seen === period) this.value = this.sum / period;
    }
    return seen >= period ? this.value : undefined;
  }
}

/**
 * Returns the exponential moving average of `values` as a new column: NaN for the first period - 1
 * inputs (warm-up) and wherever the input is NaN (such inputs are skipped, as by `EMA.update`).
 * @example
 * const ema20 = emaColumn(closes, 20);
 */
export function emaColumn(values: ArrayLike<number>, period: number, options: EmaOptions = {}): Float64Array {
  const ema = new EMA(period, options);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = ema.update(values[i]!) ?? Number.NaN;
  return out;
}
