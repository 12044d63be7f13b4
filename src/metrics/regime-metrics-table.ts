import * as arrow from "apache-arrow";
import type { RegimeMetricsReport, RegimeMetricsRow } from "./regime-metrics.js";

const NUMBERS = ["periods", "periodShare", "timeShare", "elapsedDays", "totalReturn", "annualizedReturn", "annualizedVolatility", "sharpe", "maxDrawdown"] as const;
const TRADES = ["count", "wins", "losses", "winRate", "pnl", "averageReturnFraction"] as const;
const tradeColumn = (name: (typeof TRADES)[number]) => `trades${name[0]!.toUpperCase()}${name.slice(1)}`;

/**
 * Returns a per-regime report as an Arrow table for notebooks, one row per regime (then "warm-up"):
 * regime (Utf8), periods, periodShare, timeShare, elapsedDays, totalReturn, annualizedReturn,
 * annualizedVolatility, sharpe, maxDrawdown, then tradesCount, tradesWins, tradesLosses,
 * tradesWinRate, tradesPnl, tradesAverageReturnFraction (Float64, null where the report has null), and
 * notes (Utf8, joined with "; ").
 * @example show(regimeMetricsTable(regimeMetrics(result, gate.regimeHistory("SPX"))))
 */
export function regimeMetricsTable(report: RegimeMetricsReport): arrow.Table {
  const rows: readonly RegimeMetricsRow[] = report.rows;
  const columns: Record<string, arrow.Vector> = { regime: arrow.vectorFromArray(rows.map((r) => r.regime), new arrow.Utf8()) };
  for (const name of NUMBERS) columns[name] = arrow.vectorFromArray(rows.map((r) => r[name]), new arrow.Float64());
  for (const name of TRADES) columns[tradeColumn(name)] = arrow.vectorFromArray(rows.map((r) => r.trades[name]), new arrow.Float64());
  columns.notes = arrow.vectorFromArray(rows.map((r) => r.notes.join("; ")), new arrow.Utf8());
  return new arrow.Table(columns);
}
