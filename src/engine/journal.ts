import type * as arrow from "apache-arrow";
import type { DataHandler } from "../data/data-handler.js";
import { MergeCursor } from "../data/merge-bars.js";
import { RowStore } from "./row-store.js";
import type { DeniedEvent, FillEvent, OrderEvent, SignalEvent } from "./events.js";
import { directionCode, pack2, sideCode, TYPE_CODE } from "./journal-codes.js";
import { journalTable } from "./journal-table.js";

/** The kind of a stored row standing for `count` consecutive market events of the next bars in merge order. */
const MARKET_RUN = -1;
/**
 * A stored event's kind packs its type, its symbol's index and the market events of the next bars
 * recorded just before it (see nextBars): type + KINDS x (symbol + SYMBOLS x bars), exact while
 * symbol < SYMBOLS and bars < BARS_BEFORE (otherwise the bars get a market run row of their own).
 */
const KINDS = 8;
const SYMBOLS = 2 ** 20;
const BARS_BEFORE = 2 ** 30;

/**
 * The record of every event of a run, in the order the engine handled them, kept in growable typed
 * columns: an event costs one row of two numbers (time, and its type and symbol in one), a signal,
 * order, fill or denial also a row of its type's details (small codes packed into one number, prices
 * and quantities as they are), a market event recorded with `market` its bar's row (its price is read
 * back from the bar columns), and reasons and codes go through a string table. The engine journals market events with `nextBar()`, which costs nothing per
 * bar: consecutive ones are kept as one run, expanded by replaying the merge of the handlers when the
 * table is built. `toTable()` returns it as one Arrow table.
 * @example
 * journal.market(bar.tsClose, symbolIndex, row);
 * const table = journal.toTable(symbols, closes);
 */
export class Journal {
  private expanded = 0;
  /** Market events of the next bars recorded with `nextBars` since the last stored row, not stored yet. */
  private pendingBars = 0;
  /**
   * The stored rows, two numbers each, in chunks that are never copied as the journal grows: an
   * event's [ts, kind] (its type and symbol, and the market events just before it: see KINDS), or a
   * market run's [count, MARKET_RUN]. An event's details are the next row of its type's store (so
   * the k-th signal's are row k of `signals`). Market events of the next bars before an event are
   * kept in the event's row (no row of their own: a run of a few bars between events is the usual
   * case in a busy multi-symbol run), and those at the end, or read before an event came, in a run row.
   */
  private readonly heads = new RowStore(2);
  /** Where the last stored row is, when it is a market run (consecutive runs extend it); -1 otherwise. */
  private runOffset = -1;
  private runChunk: Float64Array | undefined = undefined;
  /** Details by type, small codes packed into one number (see the recording methods): signal [direction and reason, strength, stopPrice]. */
  private readonly signals = new RowStore(3);
  /** order [direction, side, order type and reason, quantity, stopPrice, orderId] (the engine's order ids are whole numbers). */
  private readonly orders = new RowStore(4);
  /** fill [side and orderId, quantity, requested, price, commission, slippage]. */
  private readonly fills = new RowStore(6);
  /** denied [direction, orderId, code, reason]. */
  private readonly denials = new RowStore(4);
  /** The bar rows of market events recorded with `market`. */
  private readonly marketRows = new RowStore(1);
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private lastText = "";
  private lastTextIndex = -1;
  private otherText = "";
  private otherTextIndex = -1;

  /** `capacity` is a hint kept for compatibility: rows are stored in chunks of fixed size. */
  constructor(capacity = 1024) {
    void capacity;
  }

  /** The number of rows (events). */
  get length(): number {
    return this.expanded;
  }

  /** Records a market event: bar `row` of symbol `s`, known at `ts`. */
  market(ts: number, s: number, row: number): void {
    this.row(ts, TYPE_CODE.market, s);
    const rows = this.marketRows, o = rows.append();
    rows.chunk[o] = row;
  }

  /**
   * Records a market event for the next bar in the merge of the handlers (the bar after the one of
   * the previous `nextBar()`); `toTable` needs the handlers to expand it. Use either this or `market`
   * for a journal's market events, not both.
   */
  nextBar(): void {
    this.pendingBars++;
    this.expanded++;
  }

  /** Records market events for the next `n` bars in the merge of the handlers: `nextBar()` `n` times. */
  nextBars(n: number): void {
    this.pendingBars += n;
    this.expanded += n;
  }

  /** Records a signal of symbol `s`. */
  signal(e: SignalEvent, s: number): void {
    this.row(e.ts, TYPE_CODE.signal, s);
    const d = this.signals, o = d.append(), c = d.chunk;
    c[o] = pack2(directionCode(e.direction) + 1, this.intern(e.reason));
    c[o + 1] = e.strength;
    c[o + 2] = e.stopPrice ?? NaN;
  }

  /** Records an order of symbol `s`. */
  order(e: OrderEvent, s: number): void {
    this.row(e.ts, TYPE_CODE.order, s);
    const d = this.orders, o = d.append(), c = d.chunk;
    c[o] = pack2(directionCode(e.direction) + 1, pack2(sideCode(e.side) + 1, (e.orderType === "stop" ? 1 : 0) + 2 * this.intern(e.reason)));
    c[o + 1] = e.quantity;
    c[o + 2] = e.stopPrice ?? NaN;
    c[o + 3] = e.id;
  }

  /** Records a fill of symbol `s`. */
  fill(e: FillEvent, s: number): void {
    this.row(e.ts, TYPE_CODE.fill, s);
    const d = this.fills, o = d.append(), c = d.chunk;
    c[o] = pack2(sideCode(e.side) + 1, e.orderId);
    c[o + 1] = e.quantity;
    c[o + 2] = e.requestedQuantity;
    c[o + 3] = e.price;
    c[o + 4] = e.commission;
    c[o + 5] = e.slippage;
  }

  /** Records a denial of symbol `s` (its message goes in the reason column). */
  denied(e: DeniedEvent, s: number): void {
    this.row(e.ts, TYPE_CODE.denied, s);
    const d = this.denials, o = d.append(), c = d.chunk;
    c[o] = directionCode(e.direction);
    c[o + 1] = e.orderId ?? -1;
    c[o + 2] = this.intern(e.code);
    c[o + 3] = this.intern(e.message);
  }

  /**
   * Returns the journal as an Arrow table with columns ts (epoch ms UTC), type, symbol, direction, side
   * (dictionary strings), quantity, requestedQuantity, price, commission, slippage, strength, stopPrice
   * (Float64), orderId (Int32), code, reason and orderType ("market" | "stop") (strings); null where a column does not apply to the
   * row's type. Market rows carry the bar's close as `price`. `closes[s]` is symbol s's close column;
   * `rows` limits the table to the first rows (the journal as it was when it had that many);
   * `handlers` are the engine's, needed when market events were recorded with `nextBar()`.
   */
  toTable(symbols: readonly string[], closes: readonly Float64Array[], rows = this.expanded, handlers?: readonly DataHandler[]): arrow.Table {
    this.storeBars();
    const n = Math.min(rows, this.expanded);
    const details = { signals: this.signals, orders: this.orders, fills: this.fills, denials: this.denials };
    return journalTable(this.expand(n, handlers), details, symbols, closes, this.strings);
  }

  /**
   * Returns the first `n` rows with market runs expanded to one row per market event (bar), each with
   * its `ref`: a market event's bar row, another event's row in its type's detail store.
   */
  private expand(n: number, handlers: readonly DataHandler[] | undefined): { ts: Float64Array; type: Int32Array; symbol: Int32Array; ref: Int32Array } {
    const ts = new Float64Array(n), type = new Int32Array(n), symbol = new Int32Array(n), ref = new Int32Array(n);
    const counts = new Int32Array(KINDS);
    let cursor: MergeCursor | undefined;
    let o = 0;
    const heads = this.heads;
    for (let i = 0; i < heads.length && o < n; i++) {
      const kind = heads.get(i, 1);
      const t = kind === MARKET_RUN ? -1 : kind % KINDS, rest = (kind - t) / KINDS;
      const bars = kind === MARKET_RUN ? heads.get(i, 0) : Math.floor(rest / SYMBOLS);
      if (bars > 0) {
        if (handlers === undefined) throw new Error("Journal.toTable: market events recorded with nextBar() need the handlers");
        cursor ??= new MergeCursor(handlers);
      }
      for (let k = bars; k > 0 && o < n; k--) {
        const s = cursor!.next();
        ts[o] = handlers![s]!.columns!.tsClose[cursor!.row]!;
        type[o] = TYPE_CODE.market;
        symbol[o] = s;
        ref[o++] = cursor!.row;
      }
      if (t >= 0 && o < n) {
        ts[o] = heads.get(i, 0);
        type[o] = t;
        symbol[o] = rest % SYMBOLS;
        ref[o++] = t === TYPE_CODE.market ? this.marketRows.get(counts[t]!++, 0) : counts[t]!++;
      }
    }
    return { ts, type, symbol, ref };
  }


  /** Returns the index of `text` in the string table, adding it if new (the two texts used last are remembered: entries and exits alternate). */
  private intern(text: string): number {
    if (text === this.lastText && this.lastTextIndex >= 0) return this.lastTextIndex;
    let i: number | undefined;
    if (text === this.otherText && this.otherTextIndex >= 0) i = this.otherTextIndex;
    else {
      i = this.stringIndex.get(text);
      if (i === undefined) {
        i = this.strings.length;
        this.strings.push(text);
        this.stringIndex.set(text, i);
      }
    }
    this.otherText = this.lastText;
    this.otherTextIndex = this.lastTextIndex;
    this.lastText = text;
    this.lastTextIndex = i;
    return i;
  }

  /** Stores the pending market events as one run row (consecutive ones extend the last run). */
  private storeBars(): void {
    const bars = this.pendingBars;
    if (bars === 0) return;
    this.pendingBars = 0;
    if (this.runOffset >= 0) {
      this.runChunk![this.runOffset]! += bars;
      return;
    }
    const heads = this.heads, o = heads.append(), c = heads.chunk;
    c[o] = bars;
    c[o + 1] = MARKET_RUN;
    this.runOffset = o;
    this.runChunk = c;
  }

  /** Stores the row of an event of type `type` and symbol `s` at time `ts` (its details go to its type's store). */
  private row(ts: number, type: number, s: number): void {
    let bars = this.pendingBars;
    // the bars go in the event's row unless they extend a run row or are too many to pack
    if (bars > 0 && (this.runOffset >= 0 || bars >= BARS_BEFORE || s >= SYMBOLS)) {
      this.storeBars();
      bars = 0;
    }
    this.pendingBars = 0;
    const heads = this.heads, o = heads.append(), c = heads.chunk;
    c[o] = ts;
    c[o + 1] = type + KINDS * (s + SYMBOLS * bars);
    this.runOffset = -1;
    this.expanded++;
  }
}
