import { formatNumber } from "../core/format-number.js";

/** Options of {@link formatCell}. */
export interface FormatCellOptions {
  /** The column holds instants in epoch ms UTC: show numbers as ISO strings. Default false. */
  readonly time?: boolean;
  /** Significant digits of non-integer numbers. Default 8. */
  readonly digits?: number;
  /** Longest text shown for a nested value before it is cut with "…". Default 80. */
  readonly maxLength?: number;
}

function iso(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) =>
      typeof v === "bigint" ? String(v) : ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v,
    ) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Returns the text of one table cell, the same on every machine and in every locale: null as "null",
 * numbers through a fixed formatter (or as ISO UTC strings in time columns), dates as ISO strings,
 * nested values as compact JSON cut at `maxLength`.
 * @example formatCell(1704229200000, { time: true }) // "2024-01-02T21:00:00.000Z"
 */
export function formatCell(value: unknown, options: FormatCellOptions = {}): string {
  if (value === null) return "null";
  if (value === undefined) return "";
  if (typeof value === "number") return options.time ? iso(value) : formatNumber(value, options.digits ?? 8);
  if (typeof value === "bigint") return options.time ? iso(Number(value)) : String(value);
  if (value instanceof Date) return iso(value.getTime());
  if (typeof value === "string") return value;
  if (typeof value !== "object") return String(value);
  const text = json(value);
  const max = options.maxLength ?? 80;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
