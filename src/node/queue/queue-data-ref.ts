import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { barInfo } from "../../data/bar-table.js";
import { loadBars, type LoadBarsOptions } from "../load-bars.js";

/**
 * Where queue workers find one symbol's bars: the file path as the user gave it (workers resolve it
 * against their own working directory) and the SHA-256 of the file's bytes, so a worker whose copy
 * differs fails the job instead of computing different results.
 */
export interface QueueDataRef {
  readonly symbol: string;
  readonly path: string;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  /** Options of loadBars on the worker (plain data; needed for CSV files: timeZone...). Default {}. */
  readonly load?: LoadBarsOptions;
}

/**
 * Returns the hex SHA-256 of a file's bytes.
 * @example sha256File("data/sp500-2000.arrow") // "3f1c..."
 */
export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/**
 * Returns the queue data reference of a bar file: its path as given, the SHA-256 of its bytes and its
 * symbol (read from the file unless `load.symbol` is given).
 * @example queueDataRef("data/sp500-2000.arrow") // { symbol: "SPX", path: "data/sp500-2000.arrow", sha256: "..." }
 */
export function queueDataRef(path: string, load: LoadBarsOptions = {}): QueueDataRef {
  const symbol = load.symbol ?? barInfo(loadBars(path, load).table).symbol;
  return Object.keys(load).length === 0 ? { symbol, path, sha256: sha256File(path) } : { symbol, path, sha256: sha256File(path), load };
}
