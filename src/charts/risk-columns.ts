import type * as arrow from "apache-arrow";
import { invalid } from "../core/check.js";
import { numberColumn } from "./number-column.js";
import { requireColumns } from "./require-columns.js";

/** Where a risk timeline comes from, for error messages. */
export const RISK_TABLE_HINT = "pass riskManager.riskTable() of a PortfolioRiskManager after a run";

/**
 * Returns the numeric columns of a risk timeline (one row per step, see `PortfolioRiskManager.riskTable`)
 * as Float64Arrays (null as NaN), keyed by name; throws SchemaError naming the argument and the first
 * missing column, and InvalidOptionError for a `ts` that is not a finite time, sorted oldest first.
 * @example riskColumns(riskManager.riskTable(), "riskTable", ["ts", "heat", "maxHeat"]).heat
 */
export function riskColumns<K extends string>(table: arrow.Table, name: string, columns: readonly K[]): Record<K, Float64Array> {
  requireColumns(table, name, columns, RISK_TABLE_HINT);
  const out = {} as Record<K, Float64Array>;
  for (const column of columns) out[column] = numberColumn(table, column);
  const ts = (out as Record<string, Float64Array>).ts;
  if (ts !== undefined) {
    for (let i = 0; i < ts.length; i++) {
      if (!Number.isFinite(ts[i]!)) invalid(`${name}.ts[${i}]`, ts[i], "a finite time, epoch ms UTC", RISK_TABLE_HINT);
      if (i > 0 && ts[i]! < ts[i - 1]!) invalid(`${name}.ts[${i}]`, ts[i], `a time at or after the previous row's ${ts[i - 1]}`, "sort the table by ts");
    }
  }
  return out;
}
