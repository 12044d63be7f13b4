import * as arrow from "apache-arrow";
import { checkTimeZone, intervalMs } from "../core/time.js";
import { check } from "../core/check.js";
import { SchemaError } from "../core/errors.js";
import { BAR_FIELDS, type Bar, type BarColumns, type SymbolInfo } from "../core/types.js";
import { BAR_METADATA, barSchema } from "./bar-schema.js";
import { findBarIssues } from "./validate-bars.js";

/** Options of {@link makeBarTable}. */
export interface MakeBarTableOptions {
  /** Where the bars came from, named in error messages. Default "bars". */
  readonly source?: string;
  /** Check prices, volume and time order (default true). */
  readonly validate?: boolean;
}

/** Returns `info` checked: a non-empty symbol, a known IANA zone and a parseable interval. */
export function checkSymbolInfo(info: SymbolInfo): SymbolInfo {
  check.nonEmptyString("symbol", info?.symbol);
  checkTimeZone("timeZone", info.timeZone);
  intervalMs(info.interval);
  return { symbol: info.symbol, timeZone: info.timeZone, interval: info.interval };
}

/**
 * Returns an Arrow table of one symbol's bars over the given typed arrays (no copy), after checking
 * that every column has the same length, prices are positive with low <= open, close <= high, volume
 * is not negative and close times strictly increase. Throws SchemaError naming each bad row and column.
 * @example makeBarTable(columns, { symbol: "SPX", timeZone: "America/New_York", interval: "1d" })
 */
export function makeBarTable(columns: BarColumns, info: SymbolInfo, options: MakeBarTableOptions = {}): arrow.Table {
  const meta = checkSymbolInfo(info);
  const source = options.source ?? "bars";
  const n = columns.tsClose?.length ?? 0;
  for (const f of BAR_FIELDS) {
    const c = columns[f];
    if (!(c instanceof Float64Array)) {
      throw new SchemaError([{ code: "MISSING_COLUMN", source, row: 0, column: f, message: `${source}: column "${f}" is missing or not a Float64Array` }]);
    }
    if (c.length !== n) {
      throw new SchemaError([{ code: "SCHEMA_MISMATCH", source, row: 0, column: f, message: `${source}: column "${f}" has ${c.length} values, expected ${n} like tsClose` }]);
    }
  }
  if (options.validate !== false) {
    const issues = findBarIssues(columns, { source });
    if (issues.length > 0) throw new SchemaError(issues, "pass { repair: ... } to a loader to sort or drop rows explicitly");
  }
  const schema = barSchema(meta);
  const children = schema.fields.map((field) =>
    arrow.makeData({ type: new arrow.Float64(), length: n, nullCount: 0, data: columns[field.name as keyof BarColumns] }),
  );
  const struct = arrow.makeData({ type: new arrow.Struct(schema.fields), length: n, nullCount: 0, children });
  return new arrow.Table(schema, [new arrow.RecordBatch(schema, struct)]);
}

/** Returns the symbol, time zone and interval stored in a bar table's schema metadata. */
export function barInfo(table: arrow.Table): SymbolInfo {
  const m = table.schema.metadata;
  const symbol = m.get(BAR_METADATA.symbol);
  const timeZone = m.get(BAR_METADATA.timeZone);
  const interval = m.get(BAR_METADATA.interval);
  if (symbol === undefined || timeZone === undefined || interval === undefined) {
    throw new SchemaError([{
      code: "SCHEMA_MISMATCH", source: "table", row: 0,
      message: `table: schema metadata lacks ${[symbol === undefined && BAR_METADATA.symbol, timeZone === undefined && BAR_METADATA.timeZone, interval === undefined && BAR_METADATA.interval].filter(Boolean).join(", ")}; build bar tables with makeBarTable() or a loader`,
    }]);
  }
  return { symbol, timeZone, interval };
}

/**
 * Returns the bar columns of an Arrow bar table as Float64Arrays. A table of one record batch is read
 * without copying; a table of several batches is concatenated once.
 */
export function barColumns(table: arrow.Table): BarColumns {
  const get = (name: string): Float64Array => {
    const v = table.getChild(name);
    if (v === null || !(v.type instanceof arrow.Float64)) {
      throw new SchemaError([{ code: "MISSING_COLUMN", source: "table", row: 0, column: name, message: `table: column "${name}" is missing or not Float64; build bar tables with makeBarTable() or a loader` }]);
    }
    return v.toArray() as Float64Array;
  };
  return {
    tsOpen: get("tsOpen"), tsClose: get("tsClose"), open: get("open"), high: get("high"),
    low: get("low"), close: get("close"), volume: get("volume"),
  };
}

/** Returns bar `i` of the columns as a plain object. */
export function barAt(columns: BarColumns, i: number, symbol: string): Bar {
  return {
    symbol,
    tsOpen: columns.tsOpen[i]!,
    tsClose: columns.tsClose[i]!,
    open: columns.open[i]!,
    high: columns.high[i]!,
    low: columns.low[i]!,
    close: columns.close[i]!,
    volume: columns.volume[i]!,
  };
}

/** Returns empty-able columns of length `n`, for builders that fill them row by row. */
export function allocateBarColumns(n: number): { -readonly [K in keyof BarColumns]: Float64Array } {
  return {
    tsOpen: new Float64Array(n), tsClose: new Float64Array(n), open: new Float64Array(n), high: new Float64Array(n),
    low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n),
  };
}
