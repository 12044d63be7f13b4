import * as arrow from "apache-arrow";

/** What {@link isTimeField} looks at: a column name and, for Arrow columns, its type and metadata. */
export interface TimeFieldLike {
  readonly name: string;
  readonly type?: arrow.DataType;
  readonly metadata?: ReadonlyMap<string, string>;
}

const TIME_NAME = /^(ts([A-Z_0-9].*)?|time|.*Time|.*Ts|[a-z]+At|.*_time|.*_ts)$/;

/**
 * Returns true when a column holds instants: an Arrow Timestamp or Date column, a column whose Arrow
 * metadata says `unit: "ms"` (as the bar schema's tsOpen and tsClose do), or a column named like one:
 * `ts`, `tsClose`, `ts_close`, `time`, `entryTime`, `exitTs`, `knownAt`, `exit_time`, `entry_ts`. Such columns hold epoch ms UTC.
 * @example isTimeField({ name: "tsClose" }) // true
 */
export function isTimeField(field: TimeFieldLike): boolean {
  if (field.type !== undefined && (arrow.DataType.isTimestamp(field.type) || arrow.DataType.isDate(field.type))) return true;
  if (field.metadata?.get("unit") === "ms") return true;
  return TIME_NAME.test(field.name);
}
