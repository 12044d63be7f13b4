import type * as arrow from "apache-arrow";
import { check } from "../core/check.js";
import { UnsortedStreamError } from "../core/errors.js";
import { toIso } from "../core/time.js";
import { collectStructures } from "./collect-structures.js";
import type { SmcBar, SmcDetector, SmcStructure } from "./smc-structure.js";
import { smcTable } from "./smc-table.js";

/** Options of {@link SwingDetector} and {@link detectSwings}. */
export interface SwingOptions {
  /** Bars on each side that a swing must exceed; also the confirmation lag in bars. Default 5. */
  readonly length?: number;
}

/** A confirmed swing: `top` = `bottom` = the swing bar's high (swing high) or low (swing low). */
export interface SwingPoint extends SmcStructure {
  readonly kind: "swing-high" | "swing-low";
}

/** A bar that would become a swing if no bar up to `confirmsAtIndex` goes beyond it. */
export interface SwingCandidate {
  readonly kind: "swing-high" | "swing-low";
  readonly index: number;
  readonly ts: number;
  readonly price: number;
  /** The row at whose close it would be confirmed (index + length). */
  readonly confirmsAtIndex: number;
}

const NONE: readonly never[] = Object.freeze([] as never[]);

/**
 * Swing highs and lows, streaming: `update(bar)` returns the swings confirmed at that bar. A swing
 * high at row i is a high strictly greater than the highs of the `length` rows before and the `length`
 * rows after it (a tie on either side disqualifies both bars: equal highs make no swing); a swing low
 * mirrors it with lows. It needs `length` full rows on the left, so the first possible swing is row
 * `length`. Confirmation lag: `length` bars (knownIndex = index + length, knownAt = that bar's close).
 * Until then a candidate can still be replaced by a more extreme bar: `pending()` shows the candidates.
 * O(1) amortized per bar (monotonic deques over a ring of 2 x length + 1 rows).
 * @example
 * const swings = new SwingDetector({ length: 5 });
 * for (const bar of bars) for (const s of swings.update(bar)) console.log(s.kind, s.top, s.knownAt);
 */
export class SwingDetector implements SmcDetector<SwingPoint> {
  readonly name: string;
  /** Bars on each side, and the confirmation lag in bars. */
  readonly length: number;
  private readonly size: number;
  private readonly highs: Float64Array;
  private readonly lows: Float64Array;
  private readonly times: Float64Array;
  private readonly maxQ: Int32Array;
  private readonly minQ: Int32Array;
  private maxHead = 0;
  private maxLen = 0;
  private minHead = 0;
  private minLen = 0;
  private seen = 0;
  private lastHigh: SwingPoint | null = null;
  private lastLow: SwingPoint | null = null;

  constructor(options: SwingOptions = {}) {
    this.length = check.positiveInteger("length", options.length ?? 5);
    this.name = `swings(${this.length})`;
    this.size = 2 * this.length + 1;
    this.highs = new Float64Array(this.size);
    this.lows = new Float64Array(this.size);
    this.times = new Float64Array(this.size);
    this.maxQ = new Int32Array(this.size);
    this.minQ = new Int32Array(this.size);
  }

  /** Bars seen since construction or reset. */
  get barsSeen(): number {
    return this.seen;
  }

  update(bar: SmcBar): readonly SwingPoint[] {
    const t = this.seen;
    const { size, highs, lows, times, maxQ, minQ } = this;
    if (t > 0 && !(bar.tsClose > times[(t - 1) % size]!)) {
      throw new UnsortedStreamError(`invalid bar: tsClose ${toIso(bar.tsClose)} is not after ${toIso(times[(t - 1) % size]!)} (expected bars in time order); feed one symbol's bars sorted by tsClose`, { tsClose: bar.tsClose });
    }
    this.seen = t + 1;
    const slot = t % size;
    highs[slot] = bar.high;
    lows[slot] = bar.low;
    times[slot] = bar.tsClose;
    // Deques of row numbers in the window [t - 2 x length, t]: highs non-increasing (maxQ), lows
    // non-decreasing (minQ), ties kept. The window moves one row a bar, so at most one row expires.
    const oldest = t - 2 * this.length;
    if (this.maxLen > 0 && maxQ[this.maxHead]! < oldest) { this.maxHead = (this.maxHead + 1) % size; this.maxLen--; }
    if (this.minLen > 0 && minQ[this.minHead]! < oldest) { this.minHead = (this.minHead + 1) % size; this.minLen--; }
    while (this.maxLen > 0 && highs[maxQ[(this.maxHead + this.maxLen - 1) % size]! % size]! < bar.high) this.maxLen--;
    maxQ[(this.maxHead + this.maxLen++) % size] = t;
    while (this.minLen > 0 && lows[minQ[(this.minHead + this.minLen - 1) % size]! % size]! > bar.low) this.minLen--;
    minQ[(this.minHead + this.minLen++) % size] = t;
    if (oldest < 0) return NONE;
    const i = t - this.length;
    const at = i % size;
    let out: SwingPoint[] | undefined;
    if (maxQ[this.maxHead] === i && (this.maxLen === 1 || highs[maxQ[(this.maxHead + 1) % size]! % size]! < highs[at]!)) {
      this.lastHigh = { kind: "swing-high", ts: times[at]!, knownAt: bar.tsClose, index: i, knownIndex: t, top: highs[at]!, bottom: highs[at]! };
      out = [this.lastHigh];
    }
    if (minQ[this.minHead] === i && (this.minLen === 1 || lows[minQ[(this.minHead + 1) % size]! % size]! > lows[at]!)) {
      this.lastLow = { kind: "swing-low", ts: times[at]!, knownAt: bar.tsClose, index: i, knownIndex: t, top: lows[at]!, bottom: lows[at]! };
      (out ??= []).push(this.lastLow);
    }
    return out ?? NONE;
  }

  /** Returns the latest confirmed swing high and swing low (null before the first of each). */
  lastSwings(): { readonly high: SwingPoint | null; readonly low: SwingPoint | null } {
    return { high: this.lastHigh, low: this.lastLow };
  }

  /**
   * Returns the rows among the last `length` that would still become swings (each beats every bar
   * from `length` rows before it up to now), highs then lows, oldest first: a later, more extreme bar
   * removes a candidate before its confirmation.
   */
  pending(): SwingCandidate[] {
    const out: SwingCandidate[] = [];
    this.collect(out, "swing-high", this.maxQ, this.maxHead, this.maxLen, this.highs, 1);
    this.collect(out, "swing-low", this.minQ, this.minHead, this.minLen, this.lows, -1);
    return out;
  }

  reset(): void {
    this.seen = this.maxHead = this.maxLen = this.minHead = this.minLen = 0;
    this.lastHigh = this.lastLow = null;
  }

  private collect(out: SwingCandidate[], kind: SwingCandidate["kind"], q: Int32Array, head: number, len: number, values: Float64Array, sign: 1 | -1): void {
    const t = this.seen - 1, L = this.length, size = this.size;
    for (let k = 0; k < len; k++) {
      const i = q[(head + k) % size]!;
      if (i <= t - L || i < L) continue;
      const price = values[i % size]!;
      const before = k > 0 ? q[(head + k - 1) % size]! : -Infinity;
      const after = k + 1 < len ? values[q[(head + k + 1) % size]! % size]! : undefined;
      if (before >= i - L) continue; // a bar at least as extreme within `length` rows before it
      if (after !== undefined && (price - after) * sign <= 0) continue; // a later tie
      out.push({ kind, index: i, ts: this.times[i % size]!, price, confirmsAtIndex: i + L });
    }
  }
}

/**
 * Returns the swing highs and lows of a bar table as an Arrow table (kind, ts, knownAt, index,
 * knownIndex, top, bottom), in the order {@link SwingDetector} reports them.
 * @example detectSwings(loadBars("data/sp500-2000.arrow"), { length: 5 }).numRows
 */
export function detectSwings(table: arrow.Table, options: SwingOptions = {}): arrow.Table {
  return smcTable(collectStructures(table, new SwingDetector(options)));
}
