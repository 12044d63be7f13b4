import { readFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { invalid } from "../core/check.js";
import type { BarLoadResult } from "../data/bar-load-result.js";
import { parseBarsCsv, type ParseBarsCsvOptions } from "../data/parse-bars-csv.js";
import { readBarsArrow, type ReadBarsArrowOptions } from "../data/read-bars-arrow.js";

/**
 * Options of {@link loadBars}: those of parseBarsCsv for ".csv" files (symbol and timeZone required
 * there), those of readBarsArrow for ".arrow", ".feather" and ".ipc" files (symbol, timeZone and
 * interval default to the schema metadata). The source named in messages is always the path as given.
 */
export type LoadBarsOptions = Omit<ParseBarsCsvOptions, "symbol" | "timeZone" | "source"> &
  Omit<ReadBarsArrowOptions, "source"> & { readonly symbol?: string; readonly timeZone?: string };

const ARROW = [".arrow", ".feather", ".ipc"];

/**
 * Returns the bar table of a file and the rows any explicit repair changed, reading ".csv" with
 * parseBarsCsv and ".arrow", ".feather" or ".ipc" with readBarsArrow. Node only (reads the file
 * system); in a browser, fetch the bytes and call those two directly.
 * @example loadBars("data/sp500-2000.arrow").table.numRows // 5105
 */
export function loadBars(path: string, options: LoadBarsOptions = {}): BarLoadResult {
  if (typeof path !== "string" || path === "") invalid("path", path, "a file path such as \"data/sp500-2000.csv\"");
  const ext = extname(path).toLowerCase();
  if (ext !== ".csv" && !ARROW.includes(ext)) {
    invalid("path", path, `a file ending in .csv, ${ARROW.join(", ")}`, "convert other formats to CSV or Arrow first");
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : e instanceof Error ? e.message : String(e);
    return invalid("path", path, "a readable file", `${why} (resolved to ${resolve(path)})`);
  }
  if (ext !== ".csv") return readBarsArrow(bytes, { ...options, source: path });
  const { symbol, timeZone, ...rest } = options;
  return parseBarsCsv(new TextDecoder("utf-8").decode(bytes), { ...rest, symbol: symbol!, timeZone: timeZone!, source: path });
}
