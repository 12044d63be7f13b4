import type * as arrow from "apache-arrow";
import * as dfd from "danfojs-node";
import { check } from "../core/check.js";
import { isTimeField } from "../data/time-field.js";

/** Options of {@link toDanfo}. */
export interface ToDanfoOptions {
  /**
   * How time columns (see `isTimeField`) arrive: "iso" as ISO 8601 UTC strings such as
   * "2024-01-02T21:00:00.000Z", or "epoch-ms" as the numbers of the Arrow table. Default "iso":
   * readable when printed, and, unlike `Date` values, accepted by `describe()` (which skips them).
   */
  readonly times?: "iso" | "epoch-ms";
}

/** Returns a column's values as a plain array danfo accepts: numbers, strings, booleans or null. */
function plainValues(vector: arrow.Vector, iso: boolean): unknown[] {
  const out = new Array<unknown>(vector.length);
  for (let i = 0; i < vector.length; i++) {
    let v: unknown = vector.get(i);
    if (typeof v === "bigint") v = Number(v);
    if (v instanceof Date) v = v.getTime();
    if (iso && typeof v === "number") v = Number.isFinite(v) ? new Date(v).toISOString() : null;
    out[i] = v ?? null;
  }
  return out;
}

/**
 * Returns a danfo.js (danfojs-node) DataFrame holding a copy of an Apache Arrow table, one column per
 * field in schema order. Time columns become ISO 8601 UTC strings by default (use `dfd.toDateTime` to
 * get dates back). Node only: danfojs-node is the Node build of danfo.js (browsers use "danfojs").
 * @example toDanfo(bars).describe().print()
 */
export function toDanfo(table: arrow.Table, options: ToDanfoOptions = {}): dfd.DataFrame {
  const times = check.keyword("times", options.times ?? "iso", ["iso", "epoch-ms"] as const);
  const data: Record<string, unknown[]> = {};
  for (const [i, field] of table.schema.fields.entries()) {
    data[field.name] = plainValues(table.getChildAt(i)!, times === "iso" && isTimeField(field));
  }
  return new dfd.DataFrame(data);
}
