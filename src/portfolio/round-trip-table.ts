import * as arrow from "apache-arrow";
import { float64Vector } from "../core/arrow-vectors.js";
import type { RoundTrip } from "../core/types.js";

const NUMBERS = ["quantity", "entryTs", "exitTs", "entryPrice", "exitPrice", "pnl", "returnFraction", "commission", "barsHeld", "mae", "mfe"] as const;

/**
 * Returns round trips as an Arrow table, one row per trip: symbol and side (Utf8), then quantity,
 * entryTs, exitTs (epoch ms UTC), entryPrice, exitPrice, pnl (net of commissions), returnFraction,
 * commission, barsHeld, mae and mfe (Float64). An empty list gives an empty table with the same columns.
 * @example
 * const trades = roundTripTable(portfolio.roundTrips);
 * trades.getChild("pnl")?.toArray();
 */
export function roundTripTable(trips: readonly RoundTrip[]): arrow.Table {
  const columns: Record<string, arrow.Vector> = {
    symbol: arrow.vectorFromArray(trips.map((t) => t.symbol), new arrow.Utf8()),
    side: arrow.vectorFromArray(trips.map((t) => t.side), new arrow.Utf8()),
  };
  for (const name of NUMBERS) {
    const values = new Float64Array(trips.length);
    for (let i = 0; i < trips.length; i++) values[i] = trips[i]![name];
    columns[name] = float64Vector(values);
  }
  return new arrow.Table(columns);
}
