import type * as arrow from "apache-arrow";
import { invalid } from "../core/check.js";
import { DAY, isTimeZone, parseTimestamp, timestampToUtc } from "../core/time.js";
import { BAR_METADATA } from "../data/bar-schema.js";
import { numberColumn } from "./number-column.js";

/** The rows of a bar table inside a date window: [start, end) and the instants they span. */
export interface ChartWindow {
  /** First row in the window. */
  readonly start: number;
  /** One past the last row in the window. */
  readonly end: number;
  /** Open of the first row and close of the last, epoch ms UTC (NaN when the window is empty). */
  readonly first: number;
  readonly last: number;
}

/** Returns an instant given as epoch ms or as text; a bare date `to` means the end of that day. */
function instant(name: "from" | "to", value: number | string, zone: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const parsed = typeof value === "string" ? parseTimestamp(value) : undefined;
  if (parsed === undefined) invalid(name, value, `epoch ms or a date "YYYY-MM-DD" or "YYYY-MM-DD HH:MM"`, `dates without an offset are read in ${zone}`);
  if (name === "to" && !parsed.hasTime) {
    const next = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day) + DAY);
    return timestampToUtc({ ...parsed, year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }, zone);
  }
  return timestampToUtc(parsed, zone);
}

/**
 * Returns the rows of a bar table whose whole bar lies in [from, to]: tsOpen (or tsClose) at or after
 * `from` and tsClose at or before `to`. Each bound is epoch ms UTC or a date text read in the table's
 * time zone (its metadata; UTC without one); a bare date as `to` includes that whole day.
 * @example chartWindow(bars, "2024-03-05", "2024-03-07")
 */
export function chartWindow(table: arrow.Table, from?: number | string, to?: number | string): ChartWindow {
  const meta = table.schema.metadata.get(BAR_METADATA.timeZone);
  const zone = meta !== undefined && isTimeZone(meta) ? meta : "UTC";
  const lo = from === undefined ? -Infinity : instant("from", from, zone);
  const hi = to === undefined ? Infinity : instant("to", to, zone);
  if (hi <= lo) invalid("to", to, `a time after from (${JSON.stringify(from)})`, "swap from and to");
  const close = numberColumn(table, "tsClose");
  const open = table.getChild("tsOpen") == null ? close : numberColumn(table, "tsOpen");
  let start = 0;
  while (start < close.length && open[start]! < lo) start++;
  let end = start;
  while (end < close.length && close[end]! <= hi) end++;
  return { start, end, first: end > start ? open[start]! : Number.NaN, last: end > start ? close[end - 1]! : Number.NaN };
}
