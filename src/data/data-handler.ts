import type * as arrow from "apache-arrow";
import { UnsortedStreamError } from "../core/errors.js";
import { toIso } from "../core/time.js";
import type { Bar, BarColumns, SymbolInfo } from "../core/types.js";
import { barAt, barColumns, barInfo, checkSymbolInfo } from "./bar-table.js";

/** A bar as a source may give it: the symbol is optional, the handler supplies its own. */
export type BarInput = Omit<Bar, "symbol"> & { readonly symbol?: string };

/**
 * One symbol's bar feed: it knows the symbol, its exchange time zone and interval, and yields the bars
 * in time order from a generator. Backed by an Arrow bar table (random access, zero-copy columns for
 * the engine's hot path) or by any iterable, read lazily (e.g. a live or very large source).
 * @example
 * const spx = DataHandler.fromTable(table);
 * for (const bar of spx.bars()) console.log(bar.tsClose, bar.close);
 */
export class DataHandler {
  /** The symbol, its IANA exchange time zone and its bar interval. */
  readonly info: SymbolInfo;
  private readonly cols: BarColumns | undefined;
  private readonly source: Iterable<BarInput> | undefined;
  private readonly tableRef: arrow.Table | undefined;
  private breaks: Int32Array | undefined = undefined;
  /** Whether other handlers share this one's calendar (see sharesCalendarWith). */
  private calendars: WeakMap<DataHandler, boolean> | undefined = undefined;
  /** Whether other handlers have this one's bar times to the bit (see sharesTimesWith). */
  private sameTimes: WeakMap<DataHandler, boolean> | undefined = undefined;

  private constructor(info: SymbolInfo, cols: BarColumns | undefined, source: Iterable<BarInput> | undefined, table: arrow.Table | undefined) {
    this.info = checkSymbolInfo(info);
    this.cols = cols;
    this.source = source;
    this.tableRef = table;
  }

  /** Returns a handler over an Arrow bar table (from a loader or makeBarTable); its metadata gives the symbol. */
  static fromTable(table: arrow.Table): DataHandler {
    return new DataHandler(barInfo(table), barColumns(table), undefined, table);
  }

  /** Returns a handler that reads `bars` lazily, one bar each time the merge needs the next one. */
  static fromBars(info: SymbolInfo, bars: Iterable<BarInput>): DataHandler {
    return new DataHandler(info, undefined, bars, undefined);
  }

  /** The symbol this handler feeds. */
  get symbol(): string {
    return this.info.symbol;
  }

  /** The bar columns when the handler is backed by a table, else undefined (a lazy source). */
  get columns(): BarColumns | undefined {
    return this.cols;
  }

  /** The Arrow table behind the handler, when it has one. */
  get table(): arrow.Table | undefined {
    return this.tableRef;
  }

  /** The number of bars when known in advance (table-backed), else undefined. */
  get length(): number | undefined {
    return this.cols?.tsClose.length;
  }

  /**
   * True when `other`'s bars close at exactly this handler's times, row for row (one calendar, as for a
   * universe on one exchange): the engine then steps both without reading their times apart. Found in
   * one pass per pair on first use and kept: a table's columns do not change.
   * @example
   * DataHandler.fromTable(a).sharesCalendarWith(DataHandler.fromTable(b)); // true for the same close times
   */
  sharesCalendarWith(other: DataHandler): boolean {
    if (other === this) return true;
    let known = this.calendars?.get(other);
    if (known === undefined) {
      const a = this.cols?.tsClose, b = other.cols?.tsClose;
      known = a !== undefined && b !== undefined && a.length === b.length;
      for (let r = 0; known && r < a!.length; r++) if (a![r] !== b![r]) known = false;
      (this.calendars ??= new WeakMap()).set(other, known);
    }
    return known;
  }

  /**
   * Returns true when `other`'s bars open and close at the same times as this one's, row for row and
   * to the bit (no NaN). The engine then reads both symbols' times from one pair of columns, which
   * stay in cache where ten symbols' own copies would not. Found in one pass per pair on first use and
   * kept: a table's columns do not change.
   * @example
   * DataHandler.fromTable(a).sharesTimesWith(DataHandler.fromTable(b)); // true for the same bar times
   */
  sharesTimesWith(other: DataHandler): boolean {
    if (other === this) return true;
    let known = this.sameTimes?.get(other);
    if (known === undefined) {
      const a = this.cols, b = other.cols;
      known = a !== undefined && b !== undefined && sameBits(a.tsOpen, b.tsOpen) && sameBits(a.tsClose, b.tsClose);
      (this.sameTimes ??= new WeakMap()).set(other, known);
    }
    return known;
  }

  /**
   * The rows r, ascending, whose next bar does not close strictly after them (at the same time, before,
   * or either time NaN): where the engine's quiet steps end and full steps, with the merge's order
   * checks and errors, take the bars. Found in one pass on first use and kept, as a property of the
   * data like its length: a table's columns do not change. Empty without a table.
   * @example
   * handler.orderBreaks(); // Int32Array [] for bars closing strictly one after another
   */
  orderBreaks(): Int32Array {
    if (this.breaks === undefined) {
      const ts = this.cols?.tsClose ?? new Float64Array(0), found: number[] = [];
      for (let r = 0; r + 1 < ts.length; r++) if (!(ts[r + 1]! > ts[r]!)) found.push(r);
      this.breaks = Int32Array.from(found);
    }
    return this.breaks;
  }

  /**
   * Yields the bars in order as plain objects carrying this handler's symbol. Throws
   * UnsortedStreamError, naming the symbol and the position, when a bar closes before the previous one.
   */
  *bars(): Generator<Bar, void, undefined> {
    const symbol = this.info.symbol;
    if (this.cols !== undefined) {
      const n = this.cols.tsClose.length;
      for (let i = 0; i < n; i++) yield barAt(this.cols, i, symbol);
      return;
    }
    let last = -Infinity;
    let position = 0;
    for (const b of this.source!) {
      if (!(b.tsClose >= last)) {
        throw new UnsortedStreamError(
          `unsorted bars from ${symbol}: bar ${position} closes at ${describe(b.tsClose)}, before the previous bar's ${toIso(last)} (expected bars in close-time order)`,
          { symbol, position, tsClose: b.tsClose, previousTsClose: last },
        );
      }
      last = b.tsClose;
      position++;
      yield b.symbol === symbol ? (b as Bar) : { ...b, symbol };
    }
  }

  [Symbol.iterator](): Generator<Bar, void, undefined> {
    return this.bars();
  }
}

const describe = (ms: number): string => (Number.isFinite(ms) ? toIso(ms) : String(ms));

/** True when `a` and `b` hold the same numbers to the bit, none of them NaN (+0 and -0 differ). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r]!;
    if (x !== b[r]! || (x === 0 && 1 / x !== 1 / b[r]!)) return false;
  }
  return true;
}
