import * as arrow from "apache-arrow";
import { SchemaError, type DataIssue } from "../core/errors.js";
import { BAR_FIELDS, type BarColumns, type SymbolInfo } from "../core/types.js";
import { BAR_METADATA } from "./bar-schema.js";
import { checkSymbolInfo } from "./bar-table.js";
import { barLoadResult, type BarLoadResult } from "./bar-load-result.js";
import { checkBarTimeZone } from "./check-bar-time-zone.js";
import type { RepairOptions } from "./repair-bars.js";
import { wallClockConverter } from "./wall-clock-converter.js";

/** Options of {@link readBarsArrow}. */
export interface ReadBarsArrowOptions {
  /** The symbol; default: schema metadata "regime-lab.symbol". Required in one of the two; they must agree. */
  readonly symbol?: string;
  /** The IANA exchange zone; default: metadata "regime-lab.timeZone". Required in one of the two. */
  readonly timeZone?: string;
  /** The bar interval; default: metadata "regime-lab.interval". Required in one of the two. */
  readonly interval?: string;
  /** The file name named in messages. Default "arrow". */
  readonly source?: string;
  /** Repairs to apply and report instead of throwing. Default: none, so every issue throws SchemaError. */
  readonly repair?: RepairOptions;
}

/**
 * Returns the bar table read from Arrow IPC bytes (file or stream format) and the rows any explicit
 * repair changed. tsOpen and tsClose may be Float64 or integer epoch ms, Timestamps of any unit, or
 * Dates; a Timestamp without a zone, and a Date, are wall-clock times in the exchange zone (as the
 * Arrow spec defines naive timestamps); sub-millisecond parts are floored. Other columns may be any number type; extra columns are
 * ignored. Bars are checked as in parseBarsCsv; problems throw SchemaError naming source, row, column.
 * @example readBarsArrow(bytes, { source: "data/sp500-2000.arrow" }).table.numRows
 */
export function readBarsArrow(bytes: Uint8Array, options: ReadBarsArrowOptions = {}): BarLoadResult {
  const source = options.source ?? "arrow";
  const fail = (code: DataIssue["code"], what: string, column?: string): never => {
    throw new SchemaError([{ code, source, row: 0, column, message: `${source}: ${what}` }]);
  };
  if (bytes.byteLength === 0) fail("EMPTY_DATA", "no bytes (expected an Arrow IPC file or stream)");
  let table: arrow.Table;
  try {
    table = arrow.tableFromIPC(bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const hint = /compress/i.test(why)
      ? "; the file is compressed (pyarrow writes Feather with lz4 by default): write it with compression=\"uncompressed\", or register a codec in arrow.compressionRegistry"
      : "";
    return fail("SCHEMA_MISMATCH", `not a readable Arrow IPC file or stream (${why})${hint}`);
  }
  const info = symbolInfo(table.schema.metadata, options, source, fail);
  const names = table.schema.fields.map((f) => f.name);
  const missing = BAR_FIELDS.filter((f) => !names.includes(f));
  if (missing.length > 0) {
    throw new SchemaError(missing.map((column) => ({
      code: "MISSING_COLUMN" as const, source, row: 0, column,
      message: `${source}: missing column "${column}"; the schema has ${names.map((n) => JSON.stringify(n)).join(", ") || "no columns"}`,
    })), `hint: a bar table has the columns ${BAR_FIELDS.join(", ")} (see barSchema)`);
  }
  const issues: DataIssue[] = [];
  const read = (field: (typeof BAR_FIELDS)[number]): Float64Array => {
    const vector = table.getChild(field)!;
    const type = vector.type;
    const isTime = field === "tsOpen" || field === "tsClose";
    const wallTime = isTime && (arrow.DataType.isDate(type) || (arrow.DataType.isTimestamp(type) && !type.timezone));
    const usable = arrow.DataType.isFloat(type) || arrow.DataType.isInt(type) || (isTime && (arrow.DataType.isTimestamp(type) || arrow.DataType.isDate(type)));
    if (!usable) {
      const expected = isTime ? "Float64 or Int64 epoch ms, a Timestamp or a Date" : "a number type such as Float64";
      return fail("SCHEMA_MISMATCH", `column "${field}" has type ${String(type)} (expected ${expected})`, field);
    }
    const out = new Float64Array(vector.length);
    if (arrow.DataType.isFloat(type) && type.precision !== arrow.Precision.HALF && vector.nullCount === 0) out.set(vector.toArray() as ArrayLike<number>);
    else if (arrow.DataType.isTimestamp(type)) for (let i = 0; i < out.length; i++) out[i] = Math.floor(Number(vector.get(i) ?? NaN));
    else for (let i = 0; i < out.length; i++) out[i] = Number(vector.get(i) ?? NaN);
    if (vector.nullCount > 0) {
      for (let i = 0; i < out.length; i++) {
        if (vector.isValid(i)) continue;
        out[i] = NaN;
        issues.push({ code: "NOT_A_NUMBER", source, row: i + 1, column: field, message: `${source} row ${i + 1}, column "${field}": null (expected a value)` });
      }
    }
    if (wallTime) {
      const toUtc = wallClockConverter(info.timeZone);
      for (let i = 0; i < out.length; i++) {
        if (out[i] !== out[i]) continue;
        const w = new Date(out[i]!);
        out[i] = toUtc(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds());
      }
    }
    return out;
  };
  const columns = Object.fromEntries(BAR_FIELDS.map((f) => [f, read(f)])) as unknown as BarColumns;
  issues.sort((a, b) => a.row - b.row);
  return barLoadResult(columns, info, { source, issues, repair: options.repair });
}

function symbolInfo(
  meta: Map<string, string>, options: ReadBarsArrowOptions, source: string,
  fail: (code: DataIssue["code"], what: string, column?: string) => never,
): SymbolInfo {
  const pick = (key: keyof typeof BAR_METADATA): string => {
    const stored = meta.get(BAR_METADATA[key]);
    const given = options[key];
    if (stored !== undefined && given !== undefined && stored !== given) {
      fail("SCHEMA_MISMATCH", `option ${key} ${JSON.stringify(given)} differs from ${JSON.stringify(stored)} in the schema metadata "${BAR_METADATA[key]}" (expected the same, or leave the option out)`, key);
    }
    const value = stored ?? given;
    if (value === undefined || value === "") {
      fail("SCHEMA_MISMATCH", `no ${key}: the schema metadata lacks "${BAR_METADATA[key]}" (expected it there, or pass { ${key}: ... })`, key);
    }
    return value!;
  };
  const symbol = pick("symbol");
  const timeZone = checkBarTimeZone(pick("timeZone"), source);
  return checkSymbolInfo({ symbol, timeZone, interval: pick("interval") });
}
