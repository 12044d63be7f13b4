import { invalid } from "../core/check.js";
import { StreamingIndicator } from "./streaming-indicator.js";

/** The columns adxColumns returns: ADX, +DI and -DI, each in [0, 100], NaN where not yet known. */
export interface AdxColumns {
  /** The average directional index: trend strength, whatever the direction. */
  readonly adx: Float64Array;
  /** The positive directional indicator, 100 * smoothed +DM / ATR. */
  readonly plusDI: Float64Array;
  /** The negative directional indicator, 100 * smoothed -DM / ATR. */
  readonly minusDI: Float64Array;
}

/**
 * Wilder's average directional index, streaming, with +DI and -DI (all in [0, 100]). Directional movement:
 * `up = high - previous high`, `down = previous low - low`; +DM = up when up > down and up > 0, else 0;
 * -DM likewise (so a tie gives 0 to both, as Wilder, TA-Lib and TradingView do). +DM, -DM and the true
 * range are Wilder-smoothed (seeded with their simple average); DI = 100 * DM / ATR (0 when the ATR is 0);
 * DX = 100 * |+DI - -DI| / (+DI + -DI) (0 when both are 0); ADX = Wilder's smoothing of DX.
 *
 * Warm-up follows trading-signals `ADX`: the first bar counts with +DM = -DM = 0 and true range
 * high - low, so +DI, -DI and DX come with bar `period` (index period - 1) and ADX with bar 2 * period - 1
 * (index 2 * period - 2); TA-Lib reports each one bar later. A directional move needs two bars, so with
 * period 1 all of them start at bar 2. O(1) per update, nothing allocated: the four Wilder averages
 * are computed in place rather than by nested ATR and EMA indicators.
 * @example
 * const adx = new ADX(14);
 * adx.update(bar.high, bar.low, bar.close);
 * if (adx.isStable && adx.getResultOrThrow() > 25) console.log(adx.plusDI! > adx.minusDI! ? "up" : "down");
 * @see Wilder, J. W. (1978). New Concepts in Technical Trading Systems, ch. 4.
 */
export class ADX extends StreamingIndicator {
  private readonly alpha: number;
  private readonly firstDirectional: number;
  private previousHigh = Number.NaN;
  private previousLow = Number.NaN;
  private previousClose = Number.NaN;
  // Wilder averages of true range, +DM, -DM and DX: sums while seeding, then the running averages.
  private range = 0;
  private plusMove = 0;
  private minusMove = 0;
  private directionalSum = 0;
  private directionalCount = 0;
  private plus = Number.NaN;
  private minus = Number.NaN;
  private directional = Number.NaN;

  constructor(period: number) {
    super("ADX", period, Math.max(2 * period - 1, 2));
    this.alpha = 1 / period;
    this.firstDirectional = Math.max(period, 2);
  }

  /** The latest +DI in [0, 100], or undefined before bar `period` (bar 2 for period 1). */
  get plusDI(): number | undefined {
    return this.seen >= this.firstDirectional ? this.plus : undefined;
  }

  /** The latest -DI in [0, 100], or undefined before bar `period` (bar 2 for period 1). */
  get minusDI(): number | undefined {
    return this.seen >= this.firstDirectional ? this.minus : undefined;
  }

  /** The latest DX in [0, 100] (the unsmoothed ADX), or undefined before bar `period` (bar 2 for period 1). */
  get dx(): number | undefined {
    return this.seen >= this.firstDirectional ? this.directional : undefined;
  }

  /** Takes the next bar and returns the new ADX, or undefined while warming up (or if an input is NaN). */
  update(high: number, low: number, close: number): number | undefined {
    if (high !== high || low !== low || close !== close) return undefined;
    let range = high - low;
    let plusMove = 0;
    let minusMove = 0;
    if (this.seen > 0) {
      range = Math.max(range, Math.abs(high - this.previousClose), Math.abs(low - this.previousClose));
      const up = high - this.previousHigh;
      const down = this.previousLow - low;
      if (up > down && up > 0) plusMove = up;
      else if (down > up && down > 0) minusMove = down;
    }
    this.previousHigh = high;
    this.previousLow = low;
    this.previousClose = close;
    const seen = ++this.seen;
    const period = this.period;
    if (seen <= period) {
      this.range += range;
      this.plusMove += plusMove;
      this.minusMove += minusMove;
      if (seen < period) return undefined;
      this.range /= period;
      this.plusMove /= period;
      this.minusMove /= period;
    } else {
      this.range += this.alpha * (range - this.range);
      this.plusMove += this.alpha * (plusMove - this.plusMove);
      this.minusMove += this.alpha * (minusMove - this.minusMove);
    }
    if (seen < 2) return undefined;
    const atr = this.range;
    this.plus = atr > 0 ? (100 * this.plusMove) / atr : 0;
    this.minus = atr > 0 ? (100 * this.minusMove) / atr : 0;
    const sum = this.plus + this.minus;
    const dx = (this.directional = sum > 0 ? (100 * Math.abs(this.plus - this.minus)) / sum : 0);
    const count = ++this.directionalCount;
    if (count < period) {
      this.directionalSum += dx;
      return undefined;
    }
    this.value = count === period ? (this.directionalSum + dx) / period : this.value + this.alpha * (dx - this.value);
    return this.value;
  }
}

/**
 * Returns ADX, +DI and -DI of the bars as new columns: NaN during warm-up (DI before index period - 1,
 * ADX before index 2 * period - 2; both before index 1 for period 1) and for bars with a NaN input
 * (such bars are skipped, as by `ADX.update`).
 * @example
 * const { adx, plusDI, minusDI } = adxColumns(high, low, close, 14);
 */
export function adxColumns(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period: number): AdxColumns {
  const indicator = new ADX(period);
  const n = close.length;
  if (high.length !== n || low.length !== n) invalid("columns", { high: high.length, low: low.length, close: n }, "high, low and close of the same length");
  const adx = new Float64Array(n);
  const plusDI = new Float64Array(n);
  const minusDI = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = high[i]!, l = low[i]!, c = close[i]!;
    const skipped = h !== h || l !== l || c !== c;
    adx[i] = indicator.update(h, l, c) ?? Number.NaN;
    plusDI[i] = skipped ? Number.NaN : (indicator.plusDI ?? Number.NaN);
    minusDI[i] = skipped ? Number.NaN : (indicator.minusDI ?? Number.NaN);
  }
  return { adx, plusDI, minusDI };
}
