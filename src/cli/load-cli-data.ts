import { basename, extname } from "node:path";
import type * as arrow from "apache-arrow";
import { EngineError, SchemaError } from "../core/errors.js";
import { toIso } from "../core/time.js";
import { barInfo } from "../data/bar-table.js";
import { DataHandler } from "../data/data-handler.js";
import { loadBars } from "../node/load-bars.js";
import { CliError } from "./cli-error.js";
import type { DataFileOption } from "./data-options.js";

/** What the command line loaded from one file (plain JSON-safe data). */
export interface LoadedFile {
  readonly file: string;
  readonly symbol: string;
  readonly timeZone: string;
  readonly interval: string;
  readonly bars: number;
  readonly start: string | null;
  readonly end: string | null;
}

/** Options of {@link loadCliData}. */
export interface LoadCliDataOptions {
  /** Bar interval of CSV files. Default "1d". */
  readonly interval?: string;
  /** How to give two files different symbols, for the error when they share one. Default: give each file its own --symbol. */
  readonly sameSymbolHint?: string;
}

/** Returns the one-line form of a loading error: the first data issue and how many more there are. */
export function loadErrorLine(error: unknown): string {
  if (error instanceof SchemaError && error.issues.length > 0) {
    const more = error.issues.length - 1;
    return `${error.issues[0]!.message}${more > 0 ? ` (and ${more} more issue${more > 1 ? "s" : ""} in ${error.issues[0]!.source})` : ""}`;
  }
  if (error instanceof EngineError) return error.message.split("\n")[0]!;
  throw error;
}

/**
 * Returns one DataHandler per file (and what was loaded), reading each with loadBars. A CSV file's
 * symbol defaults to its file name and its zone to UTC, which adds a warning; two files with one
 * symbol, an unreadable file or invalid bars throw a CliError (exit code 1) naming the file.
 * @example loadCliData([{ path: "data/sp500-2000.arrow" }]).handlers[0].symbol // "SPX"
 */
export function loadCliData(
  files: readonly DataFileOption[],
  options: LoadCliDataOptions = {},
): { handlers: DataHandler[]; loaded: LoadedFile[]; warnings: string[] } {
  const handlers: DataHandler[] = [], loaded: LoadedFile[] = [], warnings: string[] = [];
  const seen = new Map<string, string>();
  for (const { path, symbol, timeZone } of files) {
    const csv = extname(path).toLowerCase() === ".csv";
    if (csv && timeZone === undefined) warnings.push(`${path}: no --time-zone given, so its times are read as UTC`);
    let table: arrow.Table;
    try {
      table = loadBars(path, csv
        ? { symbol: symbol ?? basename(path, extname(path)), timeZone: timeZone ?? "UTC", interval: options.interval ?? "1d" }
        : { symbol, timeZone }).table;
    } catch (e) {
      throw new CliError(loadErrorLine(e), 1);
    }
    const info = barInfo(table);
    const other = seen.get(info.symbol);
    if (other !== undefined) throw new CliError(`${path}: symbol "${info.symbol}" is also the symbol of ${other}; ${options.sameSymbolHint ?? "give each file its own --symbol"}`, 1);
    seen.set(info.symbol, path);
    if (table.numRows === 0) throw new CliError(`${path}: no bars`, 1);
    const ts = table.getChild("tsClose")!;
    handlers.push(DataHandler.fromTable(table));
    loaded.push({
      file: path, symbol: info.symbol, timeZone: info.timeZone, interval: info.interval, bars: table.numRows,
      start: toIso(Number(ts.get(0))), end: toIso(Number(ts.get(table.numRows - 1))),
    });
  }
  return { handlers, loaded, warnings };
}
