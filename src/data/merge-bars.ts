import { InvalidOptionError, UnsortedStreamError } from "../core/errors.js";
import { toIso } from "../core/time.js";
import type { Bar } from "../core/types.js";
import { barAt } from "./bar-table.js";
import type { DataHandler } from "./data-handler.js";
import { IndexHeap } from "./index-heap.js";

/**
 * Yields the bars of all handlers in one chronological stream, ordered by the time each bar became
 * known (`tsClose`), ties broken by handler order, with no gap filling: a symbol appears only when it
 * has a bar. Uses a binary heap (O(log k) per bar for k handlers) and reads each handler lazily, never
 * further than one bar past what it has yielded. Throws UnsortedStreamError naming the symbol and the
 * position when a handler's bars go back in time.
 * @example
 * for (const bar of mergeBars([spx, ftse, eurusd])) console.log(bar.symbol, bar.tsClose);
 */
export function* mergeBars(handlers: readonly DataHandler[]): Generator<Bar, void, undefined> {
  checkHandlers(handlers);
  if (handlers.every((h) => h.columns !== undefined)) {
    const cursor = new MergeCursor(handlers);
    for (let h = cursor.next(); h >= 0; h = cursor.next()) yield barAt(handlers[h]!.columns!, cursor.row, handlers[h]!.symbol);
    return;
  }
  const k = handlers.length;
  const readers = handlers.map(barReader);
  const heads: (Bar | undefined)[] = new Array(k);
  const positions = new Int32Array(k);
  const heap = new IndexHeap(k);
  for (let i = 0; i < k; i++) {
    const first = readers[i]!();
    if (first === undefined) continue;
    heads[i] = first;
    heap.keys[i] = first.tsClose;
    heap.push(i);
  }
  while (heap.size > 0) {
    const i = heap.top();
    const bar = heads[i]!;
    yield bar;
    const next = readers[i]!();
    positions[i]!++;
    if (next === undefined) {
      heads[i] = undefined;
      heap.popTop();
      continue;
    }
    if (!(next.tsClose >= bar.tsClose)) unsorted(handlers[i]!.symbol, positions[i]!, next.tsClose, bar.tsClose);
    heads[i] = next;
    heap.keys[i] = next.tsClose;
    heap.replaceTop();
  }
}

/** Returns a function giving the handler's next bar, or undefined at its end; reads columns directly when it can. */
function barReader(handler: DataHandler): () => Bar | undefined {
  const cols = handler.columns;
  if (cols === undefined) {
    const it = handler.bars();
    return () => {
      const r = it.next();
      return r.done === true ? undefined : (r.value as Bar); // explicit: tslab type-checks src without strict mode
    };
  }
  const symbol = handler.symbol;
  const n = cols.tsClose.length;
  let i = 0;
  return () => (i < n ? barAt(cols, i++, symbol) : undefined);
}

/** Where a merge stands: the head bar each handler offers next, in the order the heap will give them. */
/**
 * Returns the head bar of every handler with bars left (`pos[i]` is handler i's next row in `ts[i]`),
 * in merge order: by close time, ties by handler order. Shared by the merge cursors' `pending()`.
 * @example pendingHeads(handlers, closeTimes, nextRows)[0].symbol
 */
export function pendingHeads(handlers: readonly DataHandler[], ts: readonly Float64Array[], pos: Int32Array): MergePendingEntry[] {
  const heads: { handler: number; row: number; ts: number }[] = [];
  for (let i = 0; i < handlers.length; i++) {
    const p = pos[i]!;
    if (p < ts[i]!.length) heads.push({ handler: i, row: p, ts: ts[i]![p]! });
  }
  heads.sort((a, b) => a.ts - b.ts || a.handler - b.handler);
  return heads.map((h) => ({ symbol: handlers[h.handler]!.symbol, handler: h.handler, row: h.row, tsClose: toIso(h.ts) }));
}

export interface MergePendingEntry {
  readonly symbol: string;
  readonly handler: number;
  readonly row: number;
  readonly tsClose: string;
}

/**
 * The merge without allocation, for the engine's hot path: `next()` returns the index of the handler
 * whose bar comes next (and sets `row` to that bar's row in the handler's columns), or -1 at the end.
 * Needs table-backed handlers, whose columns are validated as sorted when built.
 * @example
 * const cursor = new MergeCursor(handlers);
 * for (let h = cursor.next(); h >= 0; h = cursor.next()) use(handlers[h].columns!.close[cursor.row]);
 */
export class MergeCursor {
  /** The row, in its handler's columns, of the bar that `next()` returned last. */
  row = -1;
  private readonly ts: Float64Array[];
  private readonly pos: Int32Array;
  private readonly heap: IndexHeap;
  private readonly handlers: readonly DataHandler[];

  constructor(handlers: readonly DataHandler[]) {
    checkHandlers(handlers);
    this.handlers = handlers;
    this.ts = handlers.map((h, i) => {
      const c = h.columns;
      if (c === undefined) {
        throw new InvalidOptionError(`invalid handlers[${i}]: ${h.symbol} reads a lazy source (expected a table-backed DataHandler); use mergeBars() for lazy sources or DataHandler.fromTable()`);
      }
      return c.tsClose;
    });
    this.pos = new Int32Array(handlers.length);
    this.heap = new IndexHeap(handlers.length);
    for (let i = 0; i < handlers.length; i++) {
      if (this.ts[i]!.length === 0) continue;
      this.heap.keys[i] = this.ts[i]![0]!;
      this.heap.push(i);
    }
  }

  /** Advances to the next bar and returns its handler's index, or -1 when every handler is exhausted. */
  next(): number {
    const heap = this.heap;
    if (heap.size === 0) return -1;
    const i = heap.top();
    const p = this.pos[i]!;
    this.row = p;
    const ts = this.ts[i]!;
    const nextPos = p + 1;
    this.pos[i] = nextPos;
    if (nextPos < ts.length) {
      const key = ts[nextPos]!;
      if (!(key >= ts[p]!)) unsorted(this.handlers[i]!.symbol, nextPos, key, ts[p]!);
      heap.keys[i] = key;
      heap.replaceTop();
    } else {
      heap.popTop();
    }
    return i;
  }

  /** The head bar of every handler that has bars left, in the order the merge will yield them. */
  pending(): MergePendingEntry[] {
    return pendingHeads(this.handlers, this.ts, this.pos);
  }
}

function checkHandlers(handlers: readonly DataHandler[]): void {
  if (!Array.isArray(handlers)) throw new InvalidOptionError(`invalid handlers: ${String(handlers)} (expected an array of DataHandler)`);
  const seen = new Map<string, number>();
  handlers.forEach((h, i) => {
    const prev = seen.get(h.symbol);
    if (prev !== undefined) {
      throw new InvalidOptionError(`invalid handlers: symbol "${h.symbol}" appears at positions ${prev} and ${i} (expected one DataHandler per symbol)`);
    }
    seen.set(h.symbol, i);
  });
}

function unsorted(symbol: string, position: number, ts: number, prev: number): never {
  throw new UnsortedStreamError(
    `unsorted bars from ${symbol}: bar ${position} closes at ${Number.isFinite(ts) ? toIso(ts) : String(ts)}, before the previous bar's ${toIso(prev)} (expected bars in close-time order)`,
    { symbol, position, tsClose: ts, previousTsClose: prev },
  );
}
