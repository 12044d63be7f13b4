import type { BarColumns } from "../core/types.js";
import { ATR } from "../indicators/atr.js";

/**
 * One symbol's state in SmaCrossStrategy: a fast and a slow simple moving average of closes kept over
 * one ring of the last `slow` closes (two running sums, no second window), the side of fast - slow, the
 * ATR and the recent closes for `inspect`. `add(close)` returns nothing; the averages read as
 * `fastSum / fast` and `slowSum / slow`. Each sum is updated and re-added from its window exactly as
 * SMA does it (the same additions in the same order, re-added once every `period` inputs), so the
 * averages equal two SMA objects fed the same closes, bit for bit. The ATR and recent closes of rows
 * taken by the engine's fast path are caught up when read (`flush`).
 * @example
 * const state = new SmaCrossState("SPX", 10, 30, 14, 30);
 * state.add(columns.close, row);
 * if (state.seen >= state.slow) state.fastSum / state.fast;
 */
export class SmaCrossState {
  readonly symbol: string;
  readonly fast: number;
  readonly slow: number;
  readonly atr: ATR;
  /** The non-NaN closes taken so far. */
  seen = 0;
  /** The running sums of the last `fast` and `slow` closes (of all of them while fewer were seen). */
  fastSum = 0;
  slowSum = 0;
  /** Sign of fast - slow at the last bar where it was not 0: 1 above, -1 below, 0 not known yet. */
  side = 0;
  crosses = 0;
  /** Rows [from, to) of `columns`, taken by the fast path, whose ATR and recent closes are not updated yet. */
  columns: BarColumns | undefined = undefined;
  from = 0;
  to = 0;
  /** The last `slow` closes, a ring whose next slot is `head`. */
  private readonly window: Float64Array;
  private head = 0;
  /** The number of closes taken, modulo `fast` (the fast sum is re-added when it wraps). */
  private fastHead = 0;
  /**
   * The closes taken since the fast (slow) sum was last re-added, added up oldest first from 0: at the
   * wrap they are the window's last `fast` (`slow`) closes, so this is the re-added sum, kept as the
   * closes come instead of summed again from the window then (the same additions in the same order).
   */
  private fastPartial = 0;
  private slowPartial = 0;
  /** The recent closes, a ring of `capacity`, for inspect(). */
  private readonly closes: Float64Array;
  private closeHead = 0;
  private closeCount = 0;

  constructor(symbol: string, fast: number, slow: number, atrPeriod: number, buffer: number) {
    this.symbol = symbol;
    this.fast = fast;
    this.slow = slow;
    this.atr = new ATR(atrPeriod);
    this.window = new Float64Array(slow);
    this.closes = new Float64Array(buffer);
  }

  /**
   * Takes the close `closes[row]` into both averages (a NaN close is skipped, as SMA skips it). The
   * close comes as a column and row, not a number: a number passed to a call the JS engine does not
   * inline is boxed, and this runs once per bar.
   */
  add(closes: Float64Array, row: number): void {
    const close = closes[row]!;
    if (close !== close) return;
    const window = this.window, slow = this.slow, fast = this.fast, head = this.head, seen = this.seen;
    const oldSlow = seen >= slow ? window[head]! : 0;
    let f = head - fast;
    if (f < 0) f += slow;
    const oldFast = seen >= fast ? window[f]! : 0;
    window[head] = close;
    this.fastSum += close - oldFast;
    this.slowSum += close - oldSlow;
    this.fastPartial += close;
    this.slowPartial += close;
    this.seen = seen + 1;
    if (++this.fastHead === fast) {
      // re-added: the sum of the last `fast` closes, oldest first
      this.fastHead = 0;
      this.fastSum = this.fastPartial;
      this.fastPartial = 0;
    }
    if (head + 1 === slow) {
      this.slowSum = this.slowPartial;
      this.slowPartial = 0;
      this.head = 0;
    } else {
      this.head = head + 1;
    }
  }

  /**
   * Takes closes[from], closes[from + 1], ... as `add` and the strategy's side check would, until the
   * sign of fast - slow changes from a known one (a cross: `side` is then the new one and `crosses`
   * counts it), and returns the row after the last one taken (`to` without a cross). The same
   * arithmetic as `add`, with the state in locals, because it runs once per bar over long stretches.
   */
  scanCross(closes: Float64Array, from: number, to: number): number {
    const r = this.seen < this.slow ? this.scanWarmingUp(closes, from, to) : from;
    return r < to && this.seen >= this.slow ? this.scanWarm(closes, r, to) : r;
  }

  /**
   * scanCross until the averages are warm (`seen` reaches `slow`), row by row through `add` (a few
   * rows per symbol): no cross can come before, since the side is first set then.
   */
  private scanWarmingUp(closes: Float64Array, from: number, to: number): number {
    let r = from;
    while (r < to && this.seen < this.slow) {
      this.add(closes, r++); // skips a NaN close
      if (this.seen < this.slow) continue;
      const a = this.fastSum / this.fast, b = this.slowSum / this.slow;
      const next = a > b ? 1 : a < b ? -1 : 0; // 0 also when either is NaN
      if (next !== 0) this.side = next;
    }
    return r;
  }

  /**
   * scanCross once the averages are warm: both leaving values are in the window, and the slot of the
   * one leaving the fast sum moves with the head (the loop that runs over nearly every bar).
   */
  private scanWarm(closes: Float64Array, from: number, to: number): number {
    const window = this.window, slow = this.slow, fast = this.fast;
    let head = this.head, fastHead = this.fastHead, seen = this.seen, fastSum = this.fastSum, slowSum = this.slowSum, side = this.side;
    let fastPartial = this.fastPartial, slowPartial = this.slowPartial;
    let f = head - fast;
    if (f < 0) f += slow;
    let r = from, crossed = false;
    while (r < to) {
      const close = closes[r++]!;
      if (close !== close) continue;
      const oldSlow = window[head]!, oldFast = window[f]!;
      window[head] = close;
      fastSum += close - oldFast;
      slowSum += close - oldSlow;
      fastPartial += close;
      slowPartial += close;
      seen++;
      if (++f === slow) f = 0;
      if (++fastHead === fast) {
        fastHead = 0;
        fastSum = fastPartial;
        fastPartial = 0;
      }
      if (head + 1 === slow) {
        slowSum = slowPartial;
        slowPartial = 0;
        head = 0;
      } else {
        head++;
      }
      const a = fastSum / fast, b = slowSum / slow;
      const next = a > b ? 1 : a < b ? -1 : 0; // 0 also when either is NaN
      if (next === 0 || next === side) continue;
      crossed = side !== 0;
      side = next;
      if (crossed) break;
    }
    this.head = head;
    this.fastHead = fastHead;
    this.fastPartial = fastPartial;
    this.slowPartial = slowPartial;
    this.seen = seen;
    this.fastSum = fastSum;
    this.slowSum = slowSum;
    this.side = side;
    if (crossed) this.crosses++;
    return r;
  }

  /** Updates the ATR and the recent closes with a bar. */
  push(high: number, low: number, close: number): void {
    this.atr.update(high, low, close);
    this.pushClose(close);
  }

  /** Applies the deferred bars, so that the ATR and recent closes are up to date. */
  flush(): void {
    const c = this.columns;
    if (c === undefined) return;
    const { high, low, close } = c;
    for (let r = this.from; r < this.to; r++) this.atr.update(high[r]!, low[r]!, close[r]!);
    for (let r = Math.max(this.from, this.to - this.closes.length); r < this.to; r++) this.pushClose(close[r]!);
    this.columns = undefined;
  }

  /** Returns the recent closes, oldest first. */
  recentCloses(): number[] {
    const out: number[] = [];
    const n = this.closes.length;
    for (let k = this.closeCount; k > 0; k--) out.push(this.closes[(this.closeHead - k + n) % n]!);
    return out;
  }

  private pushClose(close: number): void {
    this.closes[this.closeHead] = close;
    this.closeHead = this.closeHead + 1 === this.closes.length ? 0 : this.closeHead + 1;
    if (this.closeCount < this.closes.length) this.closeCount++;
  }
}
