/**
 * One bar of one symbol. Times are epoch milliseconds UTC: `tsOpen` when the bar began and `tsClose`
 * when it ended, i.e. the first moment its values were known.
 */
export interface Bar {
  readonly symbol: string;
  readonly tsOpen: number;
  readonly tsClose: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** What a symbol is and where it trades: its IANA exchange time zone and its bar interval (e.g. "1d", "5m"). */
export interface SymbolInfo {
  readonly symbol: string;
  readonly timeZone: string;
  readonly interval: string;
}

/** The columns of one symbol's bars as typed arrays, one value per bar, in time order. */
export interface BarColumns {
  readonly tsOpen: Float64Array;
  readonly tsClose: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** The names of the bar columns, in schema order. */
export const BAR_FIELDS = ["tsOpen", "tsClose", "open", "high", "low", "close", "volume"] as const;
/** A bar column name. */
export type BarField = (typeof BAR_FIELDS)[number];
/** The price columns of a bar. */
export const PRICE_FIELDS = ["open", "high", "low", "close"] as const;

/** Long or short. */
export type Side = "long" | "short";

/**
 * One closed round trip: a position opened and closed again (a partial close makes its own round trip
 * for the closed quantity). Prices are fill prices; `pnl` is net of commissions; `returnFraction` is
 * pnl over the entry notional (0.05 = 5%). `mae`/`mfe` are the maximum adverse/favourable excursion
 * while open, in price units per unit, from bar lows and highs (both >= 0).
 */
export interface RoundTrip {
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: number;
  readonly entryTs: number;
  readonly exitTs: number;
  readonly entryPrice: number;
  readonly exitPrice: number;
  readonly pnl: number;
  readonly returnFraction: number;
  readonly commission: number;
  readonly barsHeld: number;
  readonly mae: number;
  readonly mfe: number;
  /** What closed it: an order from a signal ("signal"), or the position's protective stop ("stop"). Absent means "signal". */
  readonly exitReason?: ExitReason;
}

/** What closed a round trip: an order from a signal, or the position's protective stop. */
export type ExitReason = "signal" | "stop";
