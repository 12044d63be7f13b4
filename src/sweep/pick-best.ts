import type { SweepRow } from "./run-sweep-run.js";
import type { SelectionMetric } from "./sweep-columns.js";

/**
 * Returns the row with the highest `metric` among rows with at least `minTrades` trades; ties go to the
 * earliest row (the lowest combination), and a null metric ranks below every number. When no row is
 * eligible, the earliest row with the highest metric regardless of trades is returned, so every window
 * still gets parameters (its windows row says it was not eligible through its in-sample trades).
 * @example pickBest(rows, "sharpe", 1).combo
 */
export function pickBest(rows: readonly SweepRow[], metric: SelectionMetric, minTrades: number): SweepRow {
  if (rows.length === 0) throw new RangeError("pickBest: no rows");
  const score = (r: SweepRow) => (typeof r[metric] === "number" ? (r[metric] as number) : -Infinity);
  const best = (eligible: readonly SweepRow[]) => eligible.reduce((b, r) => (score(r) > score(b) ? r : b));
  const eligible = rows.filter((r) => (r.trades as number) >= minTrades);
  return best(eligible.length > 0 ? eligible : rows);
}
