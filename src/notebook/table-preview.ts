import { isTimeField } from "../data/time-field.js";

/** One column of a table preview: its name, a type label and whether it holds epoch-ms instants. */
export interface PreviewColumn {
  readonly name: string;
  readonly type: string;
  readonly time: boolean;
}

/** The first rows of a table, as raw values, with its full size. */
export interface TablePreview {
  readonly columns: readonly PreviewColumn[];
  readonly rows: readonly (readonly unknown[])[];
  readonly numRows: number;
}

/**
 * Returns the preview column of plain values (no schema): the type of the first value that is not
 * null ("number", "string", "boolean", "Date", "array", "object", or "empty"), and time when the
 * name looks like a time column and the values are numbers or dates.
 * @example plainColumn("tsClose", [1704229200000]) // { name: "tsClose", type: "number", time: true }
 */
export function plainColumn(name: string, values: readonly unknown[]): PreviewColumn {
  const v = values.find((x) => x != null);
  const type = v === undefined ? "empty" : v instanceof Date ? "Date" : Array.isArray(v) ? "array" : typeof v;
  const time = isTimeField({ name }) && (typeof v === "number" || typeof v === "bigint" || v instanceof Date);
  return { name, type, time };
}
