import type { DataHandler } from "../data/data-handler.js";
import { MergeCursor, pendingHeads, type MergePendingEntry } from "../data/merge-bars.js";

/**
 * The merge of a few table-backed handlers without a heap, for the engine's hot path: `next()` returns
 * the index of the handler whose bar comes next (ordered by tsClose, ties by handler order) and sets
 * `row`, or -1 at the end, exactly as MergeCursor does, errors included (an out-of-order bar throws
 * MergeCursor's UnsortedStreamError at the same bar). After a bar at time T the next one is looked
 * for among the later handlers at T first, so symbols on a shared calendar cost O(1) per bar and a
 * scan of the handlers per timestamp: cheaper than a heap for a handful of symbols, dearer for many.
 * @example
 * const merge = new LinearMerge(handlers);
 * for (let h = merge.next(); h >= 0; h = merge.next()) use(handlers[h].columns!.close[merge.row]);
 */
export class LinearMerge {
  /** The row, in its handler's columns, of the bar that `next()` returned last. */
  row = -1;
  private readonly handlers: readonly DataHandler[];
  private readonly ts: Float64Array[];
  private readonly pos: Int32Array;
  private readonly keys: Float64Array;
  private last = -1;
  private lastTs = Number.NaN;

  /** Throws as MergeCursor does for handlers it cannot merge. */
  constructor(handlers: readonly DataHandler[]) {
    new MergeCursor(handlers); // the same checks and errors
    this.handlers = handlers;
    this.ts = handlers.map((h) => h.columns!.tsClose);
    this.pos = new Int32Array(handlers.length);
    this.keys = new Float64Array(handlers.length);
    for (let i = 0; i < handlers.length; i++) this.keys[i] = this.ts[i]!.length > 0 ? this.ts[i]![0]! : Number.NaN;
  }

  /** True when the handlers' first times are all numbers, which this merge needs to order them as MergeCursor does. */
  static fits(handlers: readonly DataHandler[]): boolean {
    return handlers.every((h) => h.columns !== undefined && !(h.columns.tsClose.length > 0 && Number.isNaN(h.columns.tsClose[0])));
  }

  /** Advances to the next bar and returns its handler's index, or -1 when every handler is exhausted. */
  next(): number {
    const keys = this.keys, pos = this.pos, ts = this.ts, k = keys.length;
    let best = -1;
    if (this.last >= 0) {
      const T = this.lastTs;
      for (let j = this.last; j < k; j++) {
        if (keys[j] === T && pos[j]! < ts[j]!.length) {
          best = j;
          break;
        }
      }
    }
    if (best < 0) {
      let bestKey = 0;
      for (let j = 0; j < k; j++) {
        if (pos[j]! >= ts[j]!.length) continue;
        const key = keys[j]!;
        if (best < 0 || key < bestKey) {
          best = j;
          bestKey = key;
        }
      }
      if (best < 0) return -1;
    }
    const column = ts[best]!, p = pos[best]!, key = keys[best]!;
    this.row = p;
    pos[best] = p + 1;
    if (p + 1 < column.length) {
      const nextKey = column[p + 1]!;
      if (!(nextKey >= key)) this.throwUnsorted();
      keys[best] = nextKey;
    }
    this.last = best;
    this.lastTs = key;
    return best;
  }

  /**
   * Positions the merge after bars taken past it: handler h's next bar is row `next[h]`, and `next()`
   * goes on from there in merge order (the caller took the earlier bars in that order).
   */
  seek(next: Int32Array): void {
    const ts = this.ts, pos = this.pos, keys = this.keys;
    for (let h = 0; h < ts.length; h++) {
      const p = next[h]!;
      pos[h] = p;
      if (p < ts[h]!.length) keys[h] = ts[h]![p]!;
    }
    this.last = -1;
  }

  /** The head bar of every handler that has bars left, in the order the merge will yield them. */
  pending(): MergePendingEntry[] {
    return pendingHeads(this.handlers, this.ts, this.pos);
  }

  /** Throws the error MergeCursor gives for the same bars. */
  private throwUnsorted(): never {
    const probe = new MergeCursor(this.handlers);
    for (;;) if (probe.next() < 0) throw new Error("unreachable: the merge found no unsorted bar");
  }
}
