import type * as arrow from "apache-arrow";
import { invalid } from "../core/check.js";
import { barInfo } from "../data/bar-table.js";

/** Returns the bar tables keyed by symbol, checked: at least one, distinct symbols, each with bars. */
export function sweepBars(tables: readonly arrow.Table[]): Map<string, arrow.Table> {
  if (!Array.isArray(tables) || tables.length === 0) invalid("bars", tables, "at least one bar table", "load files with loadBars() or pass makeBarTable() results");
  const bySymbol = new Map<string, arrow.Table>();
  tables.forEach((t, i) => {
    const { symbol } = barInfo(t);
    if (bySymbol.has(symbol)) invalid(`bars[${i}]`, symbol, "one table per symbol", `"${symbol}" appears twice`);
    if (t.numRows === 0) invalid(`bars[${i}]`, symbol, "a table with bars");
    bySymbol.set(symbol, t);
  });
  return bySymbol;
}
