import type { RoundTrip } from "../core/types.js";
import type { RowStore } from "../engine/row-store.js";

/**
 * Numbers per recorded round trip (Portfolio.closeTrade writes them, see tripKind): its kind (symbol,
 * long, stop exit), quantity, entry ts, exit ts, entry price, exit price, P&L, commission, bars held,
 * the position's high and low seen at its fills, and the bar rows [from, to) it was held over (-1:
 * none). The return is P&L / (entry price x quantity), computed when the trip is read.
 */
export const TRIP_FIELDS = 13;

/** Returns a trip's kind: symbol index `s`, long or short, and whether a stop closed it, in one number (s x 4 + long x 2 + stop). */
export const tripKind = (s: number, long: boolean, stop: boolean): number => s * 4 + (long ? 2 : 0) + (stop ? 1 : 0);

/** The highs and lows of a symbol's bars. */
export interface BarRange {
  readonly high: Float64Array;
  readonly low: Float64Array;
}

/**
 * Appends to `out` the RoundTrip objects of the recorded trips it does not hold yet: the excursions
 * (MAE/MFE, per unit, from the entry price) come from the high and low seen at the fills and the highs
 * and lows of the bar rows held, read now (`bars[s]`, as given to the Portfolio).
 * @example
 * readRoundTrips(trips, ["SPX"], bars, out); // out.length === trips.length
 */
export function readRoundTrips(trips: RowStore, symbols: readonly string[], bars: readonly BarRange[] | undefined, out: RoundTrip[]): void {
  for (let i = out.length; i < trips.length; i++) {
    const kind = trips.get(i, 0), stop = kind % 2 === 1, long = kind % 4 >= 2, s = Math.floor(kind / 4);
    const quantity = trips.get(i, 1), entryPrice = trips.get(i, 4), pnl = trips.get(i, 6);
    let high = trips.get(i, 9), low = trips.get(i, 10);
    const rowsFrom = trips.get(i, 11);
    if (rowsFrom >= 0) {
      const [hi, lo] = rowRange(bars![s]!, rowsFrom, trips.get(i, 12));
      if (hi > high) high = hi;
      if (lo < low) low = lo;
    }
    const up = Math.max(0, high - entryPrice), down = Math.max(0, entryPrice - low);
    const trip: RoundTrip = {
      symbol: symbols[s]!,
      side: long ? "long" : "short",
      quantity,
      entryTs: trips.get(i, 2),
      exitTs: trips.get(i, 3),
      entryPrice,
      exitPrice: trips.get(i, 5),
      pnl,
      returnFraction: pnl / (entryPrice * quantity),
      commission: trips.get(i, 7),
      barsHeld: trips.get(i, 8),
      mae: long ? down : up,
      mfe: long ? up : down,
    };
    // exitReason is left out for signal exits (absent means "signal"), so trips read as they always did.
    out.push(stop ? { ...trip, exitReason: "stop" } : trip);
  }
}

/** Returns the highest high and the lowest low of rows `from`..`to - 1` (NaNs left out; -Infinity and Infinity without rows). */
export function rowRange(bars: BarRange, from: number, to: number): [number, number] {
  const high = bars.high, low = bars.low;
  let hi = -Infinity, lo = Infinity;
  for (let r = from; r < to; r++) {
    const h = high[r]!, l = low[r]!;
    if (h > hi) hi = h;
    if (l < lo) lo = l;
  }
  return [hi, lo];
}
