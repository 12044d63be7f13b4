import { csvParseRows } from "d3-dsv";
import { check, invalid } from "../core/check.js";
import { SchemaError, type DataIssue, type ErrorCode } from "../core/errors.js";
import type { SymbolInfo } from "../core/types.js";
import { allocateBarColumns, checkSymbolInfo } from "./bar-table.js";
import { barLoadResult, type BarLoadResult } from "./bar-load-result.js";
import { checkBarTimeZone } from "./check-bar-time-zone.js";
import { barTimeParser, type TradingSession } from "./bar-time-parser.js";
import { csvBarColumnIndex, type CsvBarColumnIndex, type CsvBarColumns } from "./csv-bar-columns.js";
import type { RepairOptions } from "./repair-bars.js";

/** Options of {@link parseBarsCsv}. */
export interface ParseBarsCsvOptions {
  /** The symbol of every row, e.g. "SPX". Required. */
  readonly symbol: string;
  /** IANA zone of the exchange, e.g. "America/New_York". Required: times without a zone are read in it. */
  readonly timeZone: string;
  /** Bar interval, e.g. "5m", "1h", "1d". Default "1d". */
  readonly interval?: string;
  /** The file name named in messages. Default "csv". */
  readonly source?: string;
  /** Header names of the time and value columns; default: "date"/"time"/"timestamp"/"datetime", "open", ... "volume". */
  readonly columns?: CsvBarColumns;
  /** Whether a time of day marks the bar's open or its close. Default "open". */
  readonly timestampAt?: "open" | "close";
  /** "auto": ISO-like text (default); "epoch-ms" or "epoch-s": numbers since 1970-01-01T00:00Z. */
  readonly timeFormat?: "auto" | "epoch-ms" | "epoch-s";
  /** Local session of date-only rows, e.g. { open: "09:30", close: "16:00" }. Default: the whole local day. */
  readonly session?: TradingSession;
  /** Repairs to apply and report instead of throwing. Default: none, so every issue throws SchemaError. */
  readonly repair?: RepairOptions;
}

/**
 * Returns the bar table parsed from CSV text (header on line 1) and the rows any explicit repair
 * changed. Times without "Z" or an offset are wall-clock times in `timeZone`; a date-only row spans
 * its `session` that day, or without one the whole local day. Blank lines are skipped. Throws
 * SchemaError naming file, line, row and column of every problem unless a `repair` covers it.
 * @example parseBarsCsv(text, { symbol: "SPX", timeZone: "America/New_York", session: { open: "09:30", close: "16:00" } }).table
 */
export function parseBarsCsv(text: string, options: ParseBarsCsvOptions): BarLoadResult {
  const source = options?.source ?? "csv";
  if (typeof text !== "string") invalid("text", typeof text, "CSV text as a string", "decode bytes first, e.g. new TextDecoder().decode(bytes)");
  const info = symbolInfo(options, source);
  const timeFormat = check.keyword("timeFormat", options.timeFormat ?? "auto", ["auto", "epoch-ms", "epoch-s"] as const);
  const timestampAt = check.keyword("timestampAt", options.timestampAt ?? "open", ["open", "close"] as const);
  const parseTime = barTimeParser({ timeZone: info.timeZone, interval: info.interval, timestampAt, timeFormat, session: options.session });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw empty(source, "no header and no rows (expected a header line, then one line per bar)");

  let capacity = 1; // rows cannot outnumber line breaks ("\n", "\r\n" or a lone "\r") plus one
  for (let k = body.indexOf("\n"); k >= 0; k = body.indexOf("\n", k + 1)) capacity++;
  for (let k = body.indexOf("\r"); k >= 0; k = body.indexOf("\r", k + 1)) capacity++;
  const cols = allocateBarColumns(capacity);
  const lines = new Int32Array(capacity);
  const issues: DataIssue[] = [];
  const quoted = body.includes("\"");
  let index: CsvBarColumnIndex | undefined;
  let n = 0;
  let line = 0;
  let at = 0; // file line of the row being read; `n` is then its 1-based data row
  const bad = (column: number, value: string | undefined, code: ErrorCode, what: string): void => {
    const name = index!.names[column]!;
    issues.push({ code, source, row: n, line: at, column: name, value, message: `${source} line ${at} (row ${n}), column "${name}": ${what}` });
  };
  const num = (row: readonly string[], column: number): number => {
    const text = row[column];
    const v = text === undefined ? NaN : +text;
    if (v === v && v !== Infinity && v !== -Infinity && !(v === 0 && text!.trim() === "")) return v;
    bad(column, text, "NOT_A_NUMBER", text === undefined || text.trim() === "" ? "empty value (expected a number)" : `${JSON.stringify(text)} is not a number`);
    return NaN;
  };

  csvParseRows(body, (row) => {
    at = ++line;
    if (quoted) for (const cell of row) for (let k = cell.indexOf("\n"); k >= 0; k = cell.indexOf("\n", k + 1)) line++;
    if (index === undefined) {
      index = csvBarColumnIndex(row, options.columns ?? {}, source);
      return null;
    }
    if (row.length === 1 && row[0]!.trim() === "") return null;
    const i = n++;
    lines[i] = at;
    const timeText = row[index.time];
    const timeProblem = parseTime(timeText ?? "", i, cols.tsOpen, cols.tsClose);
    if (timeProblem !== undefined) {
      cols.tsOpen[i] = NaN;
      cols.tsClose[i] = NaN;
      bad(index.time, timeText, "INVALID_TIMESTAMP", timeProblem);
    }
    cols.open[i] = num(row, index.open);
    cols.high[i] = num(row, index.high);
    cols.low[i] = num(row, index.low);
    cols.close[i] = num(row, index.close);
    cols.volume[i] = index.volume < 0 ? 0 : num(row, index.volume);
    return null;
  });
  if (n === 0) throw empty(source, "a header but no rows of data (expected one line per bar after the header)");

  const columns = {
    tsOpen: cols.tsOpen.slice(0, n), tsClose: cols.tsClose.slice(0, n), open: cols.open.slice(0, n),
    high: cols.high.slice(0, n), low: cols.low.slice(0, n), close: cols.close.slice(0, n), volume: cols.volume.slice(0, n),
  };
  return barLoadResult(columns, info, { source, lineOf: (i) => lines[i]!, issues, repair: options.repair });
}

function symbolInfo(options: ParseBarsCsvOptions, source: string): SymbolInfo {
  const hint = "a CSV file does not name its symbol or zone: pass them, e.g. { symbol: \"SPX\", timeZone: \"America/New_York\" }";
  const symbol = options?.symbol;
  if (typeof symbol !== "string" || symbol === "") invalid("symbol", symbol, "a non-empty string", hint);
  const timeZone = checkBarTimeZone(options.timeZone, source, options.timeZone === undefined ? hint : "");
  return checkSymbolInfo({ symbol, timeZone, interval: options.interval ?? "1d" });
}

function empty(source: string, what: string): SchemaError {
  return new SchemaError([{ code: "EMPTY_DATA", source, row: 0, message: `${source}: ${what}` }]);
}
