import type * as arrow from "apache-arrow";
import { dictionaryVector } from "../core/arrow-vectors.js";
import { barColumns } from "../data/bar-table.js";
import type { KillZoneOptions } from "./kill-zones.js";
import { killZoneLocator } from "./kill-zone-locator.js";

/**
 * Returns the kill zone of each bar of a bar table as a dictionary-encoded string column aligned to the
 * bars (null outside every zone). A bar is placed by its open time `tsOpen`, so the 5-minute bar
 * 09:55-10:00 New York is in "new-york-open" and the one opening at 10:00 in "london-close". The zones
 * are read in their own zone (default New York), whatever the table's exchange zone.
 * @example
 * const zone = killZoneColumn(table); // zone.get(i) === "london-open" | ... | null
 */
export function killZoneColumn(table: arrow.Table, options?: KillZoneOptions): arrow.Vector<arrow.Dictionary<arrow.Utf8, arrow.Int32>> {
  const locator = killZoneLocator(options);
  const { tsOpen } = barColumns(table);
  const codes = new Int32Array(tsOpen.length);
  for (let i = 0; i < tsOpen.length; i++) codes[i] = locator.indexAt(tsOpen[i]!);
  return dictionaryVector(codes, locator.set.windows.map((w) => w.name));
}
