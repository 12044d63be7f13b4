import type * as arrow from "apache-arrow";
import { isTimeField } from "../data/time-field.js";
import type { TablePreview } from "./table-preview.js";

/**
 * Returns the first `limit` rows of an Apache Arrow table with its schema types ("Float64", "Utf8",
 * "Timestamp<MILLISECOND, UTC>"...), reading the columns directly.
 * @example previewArrow(bars, 10).rows.length // 10
 */
export function previewArrow(table: arrow.Table, limit: number): TablePreview {
  const n = Math.min(limit, table.numRows);
  const vectors = table.schema.fields.map((_, j) => table.getChildAt(j)!);
  const rows = Array.from({ length: n }, (_, i) => vectors.map((v) => v.get(i) as unknown));
  const columns = table.schema.fields.map((f) => ({ name: f.name, type: String(f.type), time: isTimeField(f) }));
  return { columns, rows, numRows: table.numRows };
}
