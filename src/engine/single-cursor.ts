import type { DataHandler } from "../data/data-handler.js";
import { MergeCursor, type MergePendingEntry } from "../data/merge-bars.js";
import { toIso } from "../core/time.js";

/**
 * The merge of a single table-backed handler: its rows in order. `next()` returns 0 and sets `row`,
 * or -1 at the end, exactly as MergeCursor does for one handler, errors included (it checks each bar's
 * successor for order when it yields the bar, and throws MergeCursor's UnsortedStreamError), without
 * the heap.
 * @example
 * const cursor = new SingleCursor(handler);
 * for (let h = cursor.next(); h >= 0; h = cursor.next()) use(handler.columns!.close[cursor.row]);
 */
export class SingleCursor {
  /** The row of the bar that `next()` returned last. */
  row = -1;
  private readonly handler: DataHandler;
  private readonly ts: Float64Array;

  /** Throws as MergeCursor does for a handler it cannot merge. */
  constructor(handler: DataHandler) {
    new MergeCursor([handler]); // the same checks and errors
    this.handler = handler;
    this.ts = handler.columns!.tsClose;
  }

  /** Advances to the next bar and returns 0, or -1 after the last bar. */
  next(): number {
    const ts = this.ts, r = this.row + 1;
    if (r >= ts.length) return -1;
    if (r + 1 < ts.length && !(ts[r + 1]! >= ts[r]!)) {
      const probe = new MergeCursor([this.handler]);
      for (;;) if (probe.next() < 0) throw new Error("unreachable: the merge found no unsorted bar");
    }
    this.row = r;
    return 0;
  }

  /** Positions the cursor so that `next()` returns row `next[0]` (the first row not taken yet), after `next[0]` rows were taken past it. */
  seek(next: Int32Array): void {
    this.row = next[0]! - 1;
  }

  /** The next bar after the last one returned, if any (see MergeCursor.pending). */
  pending(): MergePendingEntry[] {
    const r = this.row + 1;
    return r < this.ts.length ? [{ symbol: this.handler.symbol, handler: 0, row: r, tsClose: toIso(this.ts[r]!) }] : [];
  }
}
