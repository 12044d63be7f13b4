import * as arrow from "apache-arrow";
import { barColumns, barInfo, makeBarTable } from "./bar-table.js";

/**
 * Returns a bar table as Arrow IPC file-format bytes (what ".arrow" and uncompressed Feather v2 files
 * hold), in the canonical bar schema with its symbol, zone and interval in the schema metadata.
 * readBarsArrow gives back the same values bit for bit; the same table always gives the same bytes.
 * Throws SchemaError if the table is not a valid bar table.
 * @example writeFileSync("data/spx.arrow", writeBarsArrow(table))
 */
export function writeBarsArrow(table: arrow.Table): Uint8Array {
  const info = barInfo(table);
  const canonical = makeBarTable(barColumns(table), info, { source: "table" });
  return arrow.tableToIPC(canonical, "file");
}
