import * as arrow from "apache-arrow";

/**
 * Returns a new table with the columns of `table` followed by the `extra` columns (same row count),
 * e.g. a detector's own fields after the common structure columns.
 * @example withColumns(smcTable(pairs), { level: float64Vector(levels) })
 */
export function withColumns(table: arrow.Table, extra: Record<string, arrow.Vector>): arrow.Table {
  const columns: Record<string, arrow.Vector> = {};
  for (const f of table.schema.fields) columns[f.name] = table.getChild(f.name)!;
  return new arrow.Table({ ...columns, ...extra });
}
