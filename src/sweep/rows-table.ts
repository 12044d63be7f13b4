import * as arrow from "apache-arrow";
import { sweepParameter } from "./sweep-parameters.js";
import type { SweepRow } from "./run-sweep-run.js";

/** Returns the Arrow type of a sweep result column: Int32 for indexes and counts, Utf8, Bool or Float64. */
export function sweepColumnType(name: string): arrow.DataType {
  if (name === "run" || name === "combo" || name === "window" || name === "trades" || name.endsWith("Trades")) return new arrow.Int32();
  if (name.endsWith("Bars")) return new arrow.Int32();
  if (name === "eligible") return new arrow.Bool();
  if (name === "symbol") return new arrow.Utf8();
  const p = sweepParameter(name);
  if (p?.kind === "choice") return new arrow.Utf8();
  if (p?.kind === "boolean") return new arrow.Bool();
  return new arrow.Float64();
}

/** Returns an Arrow table of `rows` with the named columns in order (missing values become null) and schema metadata. */
export function rowsTable(names: readonly string[], rows: readonly SweepRow[], metadata: ReadonlyMap<string, string> = new Map()): arrow.Table {
  const columns: Record<string, arrow.Vector> = {};
  for (const name of names) columns[name] = arrow.vectorFromArray(rows.map((r) => r[name] ?? null), sweepColumnType(name));
  const table = new arrow.Table(columns);
  return new arrow.Table(new arrow.Schema(table.schema.fields, new Map(metadata)), table.batches);
}
