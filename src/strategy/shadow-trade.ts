import * as arrow from "apache-arrow";
import type { Side } from "../core/types.js";
import type { Regime } from "../regime/regimes.js";
import type { GateCode } from "./gate-decision.js";

/**
 * A hypothetical trade of one unit for a withheld entry signal: entered at the next bar of its symbol
 * and left at the inner strategy's next exit or reversal for that symbol (passed or withheld), or at the
 * end of the data. Times are epoch ms UTC; prices, `pnlPerUnit`, `mae` and `mfe` are per unit in price
 * units (mae/mfe >= 0, from bar highs and lows while open, as for the engine's round trips).
 */
export interface ShadowTrade {
  readonly symbol: string;
  readonly side: Side;
  /** The regime the entry was withheld in (null: warm-up) and why. */
  readonly regime: Regime | null;
  readonly code: GateCode;
  /** When the withheld entry was decided (its bar's close) and the inner strategy's reason. */
  readonly signalTs: number;
  readonly reason: string;
  readonly entryTs: number;
  readonly entryPrice: number;
  /** When the exit or reversal was decided; null when the trade ran to the end of the data. */
  readonly exitSignalTs: number | null;
  readonly exitTs: number;
  readonly exitPrice: number;
  readonly exitReason: "signal" | "end-of-data";
  /** pnlPerUnit / entryPrice (0.05 = 5%). */
  readonly returnFraction: number;
  readonly pnlPerUnit: number;
  /** Bars of the symbol from the entry bar to the exit bar. */
  readonly barsHeld: number;
  readonly mae: number;
  readonly mfe: number;
}

const NUMBERS = ["signalTs", "entryTs", "entryPrice", "exitSignalTs", "exitTs", "exitPrice", "returnFraction", "pnlPerUnit", "barsHeld", "mae", "mfe"] as const;
const TEXTS = ["symbol", "side", "regime", "code", "reason", "exitReason"] as const;

/**
 * Returns shadow trades as an Arrow table, one row per trade: symbol, side, regime (null: warm-up),
 * code, reason and exitReason (Utf8), then signalTs, entryTs, entryPrice, exitSignalTs (null at the end
 * of the data), exitTs, exitPrice, returnFraction, pnlPerUnit, barsHeld, mae, mfe (Float64). An empty
 * list gives an empty table with the same columns.
 * @example shadowTradeTable(report.trades).getChild("returnFraction")?.toArray()
 */
export function shadowTradeTable(trades: readonly ShadowTrade[]): arrow.Table {
  const columns: Record<string, arrow.Vector> = {};
  for (const name of TEXTS) columns[name] = arrow.vectorFromArray(trades.map((t) => t[name]), new arrow.Utf8());
  for (const name of NUMBERS) columns[name] = arrow.vectorFromArray(trades.map((t) => t[name]), new arrow.Float64());
  return new arrow.Table(columns);
}
