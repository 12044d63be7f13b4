import type * as arrow from "apache-arrow";
import { invalid } from "../core/check.js";
import { numberColumn } from "./number-column.js";
import { requireColumns } from "./require-columns.js";

/** How a column of structure rows is read: text, a finite number, or a number that may be null (NaN). */
export type SmcColumnType = "string" | "number" | "nullable";

type Row = Record<string, string | number | null>;

/**
 * Returns the rows of a detector's output as plain objects holding the named columns: from an Arrow
 * table (detectSwings(), detectFairValueGaps()...; nulls and NaN of "nullable" columns become null) or from an array of
 * structures (checked: InvalidOptionError naming `name[i].column`). Throws SchemaError naming `name`
 * and the first missing column of a table, with `hint` saying where such a table comes from.
 * @example smcRows(detectSwings(bars), "swings", { kind: "string", ts: "number", top: "number" }, "pass detectSwings(bars)")
 */
export function smcRows<T>(input: arrow.Table | readonly T[], name: string, columns: Readonly<Record<string, SmcColumnType>>, hint: string): T[] {
  const names = Object.keys(columns);
  if (Array.isArray(input)) {
    return (input as readonly unknown[]).map((row, i) => {
      if (row == null || typeof row !== "object") invalid(`${name}[${i}]`, row, `an object with ${names.join(", ")}`, hint);
      const r = row as Record<string, unknown>;
      for (const column of names) {
        const v = r[column];
        const type = columns[column];
        const ok = type === "string" ? typeof v === "string" : type === "number" ? Number.isFinite(v) : v == null || typeof v === "number";
        if (!ok) invalid(`${name}[${i}].${column}`, v, type === "string" ? "a string" : type === "number" ? "a finite number" : "a number or null", hint);
      }
      return row as T;
    });
  }
  const table = requireColumns(input as arrow.Table, name, names, hint);
  const read = names.map((column) => {
    if (columns[column] === "string") {
      const vector = table.getChild(column)!;
      return (i: number) => String(vector.get(i));
    }
    const values = numberColumn(table, column);
    if (columns[column] === "nullable") return (i: number) => (Number.isNaN(values[i]!) ? null : values[i]!);
    return (i: number) => values[i]!;
  });
  const rows: Row[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    names.forEach((column, k) => (row[column] = read[k]!(i)));
    rows.push(row);
  }
  return rows as T[];
}
