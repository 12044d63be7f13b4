import { check, invalid } from "../core/check.js";
import type { ExitReason, RoundTrip } from "../core/types.js";
import type { FillEvent } from "../engine/events.js";
import { RowStore } from "../engine/row-store.js";
import { EquityRecorder } from "./equity-recorder.js";
import { markSteps } from "./mark-steps.js";
import { readRoundTrips, rowRange, TRIP_FIELDS, tripKind, type BarRange } from "./round-trip-rows.js";

/** Options of {@link Portfolio}. */
export interface PortfolioOptions {
  /** Cash at the start, in account currency (> 0). Required. */
  readonly initialCash: number;
  /** The symbols the portfolio can hold, in the engine's handler order. Required. */
  readonly symbols: readonly string[];
  /** Rows to reserve in the equity curve (steps) and the per-symbol curves (bars), to avoid regrowing. Default 1024 each. */
  readonly capacity?: { readonly steps: number; readonly bars: number };
  /**
   * Per symbol (in `symbols` order), the highs and lows of its bars, when positions are said to be
   * held over bar rows (`holdRows`): a round trip's excursion over them is found when the trip is read.
   */
  readonly bars?: readonly BarRange[];
}

/**
 * The ledger of one backtest: cash, and per symbol the signed quantity (negative = short), average
 * entry price, realized P&L and last price; it records the round trips (and holds a recorder for curves). Only fills
 * (`applyFill`) and marks (`mark`) change it; strategies and risk managers read it through a
 * PortfolioView. Symbols are addressed by their index in `symbols` on the hot path.
 *
 * Accounting: equity = cash + sum of quantity x last price, kept in O(1) per mark (and summed afresh
 * at each fill, so rounding cannot build up across trades); `realizedPnl` of a
 * symbol is the gross P&L of its closed quantity minus every commission paid on it, so that equity =
 * initial cash + sum over symbols of (realized + unrealized). A fill first marks its symbol at the fill's
 * market price (before slippage), so slippage and commission show in equity at the fill.
 * @example
 * const portfolio = new Portfolio({ initialCash: 100_000, symbols: ["SPX"] });
 * portfolio.mark(0, 4100);
 * portfolio.equity; // 100000
 */
export class Portfolio {
  /** The symbols, in index order. */
  readonly symbols: readonly string[];
  /** Cash at the start. */
  readonly initialCash: number;
  /**
   * A recorder of the equity curve and per-symbol curves, for code that drives a portfolio itself (the
   * engine logs fills instead and rebuilds its curves when they are read; see EquityLog).
   */
  readonly curves: EquityRecorder;
  /** Signed quantity per symbol (negative = short). */
  readonly quantity: Float64Array;
  /** Average entry price per symbol (0 when flat). */
  readonly averagePrice: Float64Array;
  /** Last mark per symbol (NaN before its first bar). */
  readonly lastPrice: Float64Array;
  /** Realized P&L per symbol, net of all commissions paid on it. */
  readonly realizedPnl: Float64Array;
  /** Commissions paid per symbol. */
  readonly commissionPaid: Float64Array;
  /** The symbols with a position (quantity not 0), ascending: the first `heldCount` entries. */
  readonly held: Int32Array;
  private heldSymbols = 0;
  private cashValue: number;
  private market = 0;
  private gross = 0;
  private readonly index = new Map<string, number>();
  private lastSymbol = "";
  private lastIndex = -1;
  private readonly entryTs: Float64Array;
  private readonly entryRow: Float64Array;
  private readonly openCommission: Float64Array;
  private readonly high: Float64Array;
  private readonly low: Float64Array;
  /** Per symbol, the bar rows [rowsFrom, rowsTo) its open position was held over (see holdRows; -1: none). */
  private readonly rowsFrom: Float64Array;
  private readonly rowsTo: Float64Array;
  private readonly bars: PortfolioOptions["bars"];
  /**
   * The round trips as numbers (see TRIP_FIELDS): a long run
   * closes many thousands, and objects kept alive that long cost the garbage collector far more than rows.
   */
  private readonly trips = new RowStore(TRIP_FIELDS);
  private readonly tripObjects: RoundTrip[] = [];
  /** markRows' market value and gross exposure after its last step. */
  private readonly marked = new Float64Array(2);

  constructor(options: PortfolioOptions) {
    this.initialCash = check.positive("initialCash", options?.initialCash);
    this.cashValue = this.initialCash;
    if (!Array.isArray(options.symbols)) invalid("symbols", options.symbols, "an array of symbol names");
    this.symbols = Object.freeze([...options.symbols]);
    this.symbols.forEach((s, i) => this.index.set(s, i));
    const k = this.symbols.length;
    this.quantity = new Float64Array(k);
    this.averagePrice = new Float64Array(k);
    this.lastPrice = new Float64Array(k).fill(Number.NaN);
    this.realizedPnl = new Float64Array(k);
    this.commissionPaid = new Float64Array(k);
    this.held = new Int32Array(k);
    this.entryTs = new Float64Array(k);
    this.entryRow = new Float64Array(k);
    this.openCommission = new Float64Array(k);
    this.high = new Float64Array(k);
    this.low = new Float64Array(k);
    this.rowsFrom = new Float64Array(k).fill(-1);
    this.rowsTo = new Float64Array(k).fill(-1);
    this.bars = options.bars;
    this.curves = new EquityRecorder(options.capacity?.steps, options.capacity?.bars);
  }

  /** The closed round trips, in the order they closed (the same array every time, grown as trips close). */
  get roundTrips(): RoundTrip[] {
    readRoundTrips(this.trips, this.symbols, this.bars, this.tripObjects);
    return this.tripObjects;
  }

  /** The number of closed round trips. */
  get roundTripCount(): number {
    return this.trips.length;
  }

  /** The number of symbols with a position (see `held`). */
  get heldCount(): number {
    return this.heldSymbols;
  }

  /** Cash now. */
  get cash(): number {
    return this.cashValue;
  }

  /** Sum of quantity x last price over all symbols (shorts count negative). */
  get marketValue(): number {
    return this.market;
  }

  /** Sum of |quantity x last price| over all symbols. */
  get grossExposure(): number {
    return this.gross;
  }

  /** Cash plus the marked positions. */
  get equity(): number {
    return this.cashValue + this.market;
  }

  /** Returns the index of a symbol, or -1 when the portfolio does not know it. */
  indexOf(symbol: string): number {
    // The last symbol found is remembered: risk managers and strategies ask about one symbol several times in a row.
    if (symbol === this.lastSymbol && this.lastIndex >= 0) return this.lastIndex;
    const s = this.index.get(symbol);
    if (s === undefined) return -1;
    this.lastSymbol = symbol;
    this.lastIndex = s;
    return s;
  }

  /** Returns the unrealized P&L of symbol `s`: quantity x (last - average price). */
  unrealizedPnl(s: number): number {
    const q = this.quantity[s]!;
    // + 0 turns -0 (a short at its entry price) into 0, so snapshots survive a JSON round trip.
    return q === 0 ? 0 : q * (this.lastPrice[s]! - this.averagePrice[s]!) + 0;
  }

  /** Returns the time (epoch ms) the open position of symbol `s` was entered, or undefined when flat. */
  openedAt(s: number): number | undefined {
    return this.quantity[s] === 0 ? undefined : this.entryTs[s];
  }

  /** Marks symbol `s` at `price`, in O(1). */
  mark(s: number, price: number): void {
    const q = this.quantity[s]!;
    const previous = this.lastPrice[s]!;
    this.lastPrice[s] = price;
    if (q === 0) return;
    const delta = price - previous;
    this.market += q * delta;
    this.gross += (q > 0 ? q : -q) * delta;
  }

  /**
   * Marks every held symbol at its close of row `row` (`closes[s]` is symbol s's close column), as
   * `mark(s, closes[s][row])` for each in ascending order would: a flat symbol's mark changes nothing
   * but its last price, which is left as it was (the caller sets it when it is read).
   */
  markHeld(closes: readonly Float64Array[], row: number): void {
    const held = this.held, n = this.heldSymbols, quantity = this.quantity, lastPrice = this.lastPrice;
    let market = this.market, gross = this.gross;
    for (let j = 0; j < n; j++) {
      const s = held[j]!, q = quantity[s]!, price = closes[s]![row]!;
      const delta = price - lastPrice[s]!;
      lastPrice[s] = price;
      market += q * delta;
      gross += (q > 0 ? q : -q) * delta;
    }
    this.market = market;
    this.gross = gross;
  }

  /**
   * Marks symbol `s` at `prices[from]`, ..., `prices[to - 1]` as that many calls of `mark` would (quiet
   * steps; see markSteps, with which EquityCurveLog writes those steps' rows).
   */
  markRows(s: number, prices: Float64Array, from: number, to: number): void {
    if (to <= from) return;
    const out = this.marked;
    markSteps(prices, from, to, this.quantity[s]!, this.lastPrice[s]!, this.market, this.gross, undefined, undefined, 0, out);
    this.lastPrice[s] = prices[to - 1]!;
    this.market = out[0]!;
    this.gross = out[1]!;
  }

  /** Widens the excursion range of the open position of symbol `s` by a bar's high and low. */
  observeRange(s: number, high: number, low: number): void {
    if (this.quantity[s] === 0) return;
    if (high > this.high[s]!) this.high[s] = high;
    if (low < this.low[s]!) this.low[s] = low;
  }

  /**
   * Widens the excursion range of the open position of symbol `s` by the highs and lows of its bar rows
   * `from`..`to - 1` (of the `bars` option), as observeRange per row would: rows that follow the ones
   * held so far are only noted, and read when the round trip is (see roundTrips), since a max and a min
   * come out the same either way; others are read now.
   */
  holdRows(s: number, from: number, to: number): void {
    if (this.quantity[s] === 0 || to <= from) return;
    if (this.rowsTo[s] === from || this.rowsFrom[s] < 0) {
      if (this.rowsFrom[s] < 0) this.rowsFrom[s] = from;
      this.rowsTo[s] = to;
      return;
    }
    const [hi, lo] = rowRange(this.bars![s]!, from, to);
    this.observeRange(s, hi, lo);
  }

  /**
   * Applies a fill of symbol `s`: marks the symbol at `marketPrice` (the fill's price before slippage),
   * moves cash, and opens, adds to, reduces, closes or reverses the position, recording a round trip
   * for any closed quantity. `row` is the fill bar's index in the symbol's bars (for bars held);
   * `exitReason` is recorded on the round trips the fill closes (default "signal").
   */
  applyFill(s: number, fill: FillEvent, marketPrice: number, row: number, exitReason: ExitReason = "signal"): void {
    this.mark(s, marketPrice);
    const p = fill.price, c = fill.commission, q = fill.quantity;
    const d = fill.side === "buy" ? q : -q;
    this.cashValue = fill.side === "buy" ? this.cashValue - (q * p + c) : this.cashValue + (q * p - c);
    this.realizedPnl[s]! -= c;
    this.commissionPaid[s]! += c;
    const q0 = this.quantity[s]!;
    if (q0 === 0 || (q0 > 0) === (d > 0)) {
      const next = q0 + d;
      this.averagePrice[s] = (Math.abs(q0) * this.averagePrice[s]! + q * p) / Math.abs(next);
      if (q0 === 0) this.open(s, fill.ts, row, c, marketPrice);
      else this.openCommission[s]! += c;
      this.setQuantity(s, next);
      return;
    }
    const closed = Math.min(Math.abs(q0), q);
    const exitCommission = (c * closed) / q;
    this.observeRange(s, marketPrice, marketPrice);
    this.closeTrade(s, q0, closed, fill, exitCommission, row, exitReason);
    const next = q0 + d;
    if (next !== 0 && (next > 0) !== (q0 > 0)) {
      this.averagePrice[s] = p;
      this.setQuantity(s, next);
      this.open(s, fill.ts, row, c - exitCommission, marketPrice);
      return;
    }
    if (next === 0) {
      this.averagePrice[s] = 0;
      this.openCommission[s] = 0;
    }
    this.setQuantity(s, next);
  }

  private open(s: number, ts: number, row: number, commission: number, marketPrice: number): void {
    this.entryTs[s] = ts;
    this.entryRow[s] = row;
    this.openCommission[s] = commission;
    this.high[s] = marketPrice;
    this.low[s] = marketPrice;
    this.rowsFrom[s] = this.rowsTo[s] = -1;
  }

  /**
   * Sets a position and re-adds the market value and gross exposure from scratch, over the held
   * symbols in ascending order (fills are rare; marks are O(1)).
   */
  private setQuantity(s: number, next: number): void {
    const quantity = this.quantity, lastPrice = this.lastPrice;
    if ((quantity[s] === 0) !== (next === 0)) this.setHeld(s, next !== 0);
    quantity[s] = next;
    const held = this.held, n = this.heldSymbols;
    let market = 0, gross = 0;
    for (let j = 0; j < n; j++) {
      const i = held[j]!;
      const value = quantity[i]! * lastPrice[i]!;
      market += value;
      gross += value < 0 ? -value : value;
    }
    this.market = market;
    this.gross = gross;
  }

  /** Adds symbol `s` to the held symbols (keeping them ascending), or removes it. */
  private setHeld(s: number, holding: boolean): void {
    const held = this.held;
    let n = this.heldSymbols, j = 0;
    while (j < n && held[j]! < s) j++;
    // a shift by hand: the list is short, and a call of copyWithin costs more than the moves
    if (holding) {
      for (let i = n; i > j; i--) held[i] = held[i - 1]!;
      held[j] = s;
      n++;
    } else {
      n--;
      for (let i = j; i < n; i++) held[i] = held[i + 1]!;
    }
    this.heldSymbols = n;
  }

  private closeTrade(s: number, q0: number, closed: number, fill: FillEvent, exitCommission: number, row: number, exitReason: ExitReason): void {
    const entryPrice = this.averagePrice[s]!;
    const long = q0 > 0;
    const gross = closed * (fill.price - entryPrice) * (long ? 1 : -1);
    this.realizedPnl[s]! += gross;
    const entryCommission = (this.openCommission[s]! * closed) / Math.abs(q0);
    this.openCommission[s]! -= entryCommission;
    const commission = entryCommission + exitCommission;
    const pnl = gross - commission;
    const trips = this.trips, o = trips.append(), t = trips.chunk;
    t[o] = tripKind(s, long, exitReason === "stop");
    t[o + 1] = closed;
    t[o + 2] = this.entryTs[s]!;
    t[o + 3] = fill.ts;
    t[o + 4] = entryPrice;
    t[o + 5] = fill.price;
    t[o + 6] = pnl;
    t[o + 7] = commission;
    t[o + 8] = row - this.entryRow[s]!;
    // the excursion range so far: its high and low, and the bar rows held (read with the trip)
    t[o + 9] = this.high[s]!;
    t[o + 10] = this.low[s]!;
    t[o + 11] = this.rowsFrom[s]!;
    t[o + 12] = this.rowsTo[s]!;
  }
}
