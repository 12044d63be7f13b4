import type { RoundTrip } from "../core/types.js";
import type { RowStore } from "../engine/row-store.js";

/**
 * Numbers per recorded round trip (Portfolio.closeTrade writes them): symbol, long (1/0), quantity,
 * entry ts, exit ts, entry price, exit price, P&L, return, commission, bars held, the position's high and
 * low seen at its fills, stop exit (1/0), and the bar rows [from, to) it was held over (-1: none).
 */
export const TRIP_FIELDS = 16;

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
    const long = trips.get(i, 1) === 1, s = trips.get(i, 0), entryPrice = trips.get(i, 5);
    let high = trips.get(i, 11), low = trips.get(i, 12);
    const rowsFrom = trips.get(i, 14);
    if (rowsFrom >= 0) {
      const [hi, lo] = rowRange(bars![s]!, rowsFrom, trips.get(i, 15));
      if (hi > high) high = hi;
      if (lo < low) low = lo;
    }
    const up = Math.max(0, high - entryPrice), down = Math.max(0, entryPrice - low);
    const trip: RoundTrip = {
      symbol: symbols[s]!,
      side: long ? "long" : "short",
      quantity: trips.get(i, 2),
      entryTs: trips.get(i, 3),
      exitTs: trips.get(i, 4),
      entryPrice,
      exitPrice: trips.get(i, 6),
      pnl: trips.get(i, 7),
      returnFraction: trips.get(i, 8),
      commission: trips.get(i, 9),
      barsHeld: trips.get(i, 10),
      mae: long ? down : up,
      mfe: long ? up : down,
    };
    // exitReason is left out for signal exits (absent means "signal"), so trips read as they always did.
    out.push(trips.get(i, 13) === 1 ? { ...trip, exitReason: "stop" } : trip);
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
