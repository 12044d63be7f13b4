import * as arrow from "apache-arrow";
import { float64Vector } from "../core/arrow-vectors.js";
import type { RoundTrip } from "../core/types.js";

const NUMBERS = ["quantity", "entryTs", "exitTs", "entryPrice", "exitPrice", "pnl", "returnFraction", "commission", "barsHeld", "mae", "mfe"] as const;

/**
 * Returns round trips as an Arrow table, one row per trip: symbol and side (Utf8), then quantity,
 * entryTs, exitTs (epoch ms UTC), entryPrice, exitPrice, pnl (net of commissions), returnFraction,
 * commission, barsHeld, mae and mfe (Float64), and exitReason (Utf8: "signal", or "stop" for a protective
 * stop; "signal" when a trip does not say). An empty list gives an empty table with the same columns.
 * @example
 * const trades = roundTripTable(portfolio.roundTrips);
 * trades.getChild("pnl")?.toArray();
 */
export function roundTripTable(trips: readonly RoundTrip[]): arrow.Table {
  const columns: Record<string, arrow.Vector> = {
    symbol: utf8Vector(trips, (t) => t.symbol),
    side: utf8Vector(trips, (t) => t.side),
  };
  const n = trips.length;
  const v = NUMBERS.map(() => new Float64Array(n));
  const [quantity, entryTs, exitTs, entryPrice, exitPrice, pnl, returnFraction, commission, barsHeld, mae, mfe] = v as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  // one pass with named reads: a read by a computed key per field and trip is several times slower
  for (let i = 0; i < n; i++) {
    const t = trips[i]!;
    quantity[i] = t.quantity;
    entryTs[i] = t.entryTs;
    exitTs[i] = t.exitTs;
    entryPrice[i] = t.entryPrice;
    exitPrice[i] = t.exitPrice;
    pnl[i] = t.pnl;
    returnFraction[i] = t.returnFraction;
    commission[i] = t.commission;
    barsHeld[i] = t.barsHeld;
    mae[i] = t.mae;
    mfe[i] = t.mfe;
  }
  NUMBERS.forEach((name, k) => {
    columns[name] = float64Vector(v[k]!);
  });
  columns.exitReason = utf8Vector(trips, (t) => t.exitReason ?? "signal");
  return new arrow.Table(columns);
}

/**
 * Returns a Utf8 vector of one string per trip, built directly from offsets and bytes: each distinct
 * string is encoded once (a run has few symbols and two sides), which is much faster on long runs than
 * the generic builder.
 */
function utf8Vector(trips: readonly RoundTrip[], field: (t: RoundTrip) => string): arrow.Vector<arrow.Utf8> {
  const n = trips.length;
  const encoder = new TextEncoder();
  const encoded = new Map<string, Uint8Array>();
  const parts: Uint8Array[] = new Array(n);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const text = field(trips[i]!);
    let bytes = encoded.get(text);
    if (bytes === undefined) {
      bytes = encoder.encode(text);
      encoded.set(text, bytes);
    }
    parts[i] = bytes;
    offsets[i + 1] = offsets[i]! + bytes.length;
  }
  const data = new Uint8Array(offsets[n]!);
  for (let i = 0; i < n; i++) data.set(parts[i]!, offsets[i]!);
  return arrow.makeVector(arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount: 0, valueOffsets: offsets, data }));
}
