import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type * as arrow from "apache-arrow";
import { writeBarsArrow } from "../data/write-bars-arrow.js";

/**
 * Returns nothing; writes a bar table to `path` as an Arrow IPC file (see writeBarsArrow), creating
 * the folder if needed. The file appears whole or not at all: it is written beside and then renamed.
 * Node only; in a browser, call writeBarsArrow and save the bytes yourself.
 * @example saveBarsArrow("data/sp500-2000.arrow", loadBars("data/sp500-2000.csv", options).table)
 */
export function saveBarsArrow(path: string, table: arrow.Table): void {
  const bytes = writeBarsArrow(table);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}
