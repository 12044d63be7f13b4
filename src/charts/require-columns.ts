import type * as arrow from "apache-arrow";
import { invalid } from "../core/check.js";
import { SchemaError } from "../core/errors.js";

/**
 * Returns `table` once it is known to be an Arrow table holding every column in `columns`; throws
 * InvalidOptionError when it is not a table at all and SchemaError (MISSING_COLUMN) naming the
 * argument and the first missing column otherwise, with `hint` saying where such a table comes from.
 * @example requireColumns(result.equity, "equity", ["ts", "equity"], "pass result.equity of a backtest")
 */
export function requireColumns(table: arrow.Table, name: string, columns: readonly string[], hint: string): arrow.Table {
  if (table == null || typeof (table as { getChild?: unknown }).getChild !== "function") {
    invalid(name, table === null ? "null" : typeof table, "an Arrow table", hint);
  }
  for (const column of columns) {
    if (table.getChild(column) == null) {
      throw new SchemaError([{ code: "MISSING_COLUMN", source: name, row: 0, column, message: `${name}: column "${column}" is missing; ${hint}` }]);
    }
  }
  return table;
}
