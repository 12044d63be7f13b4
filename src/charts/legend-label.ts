import { formatNumber } from "../core/format-number.js";

/**
 * Returns the text of one legend entry, the same on every machine: numbers with at most 6 significant
 * digits, dates as ISO UTC ("2024-03-01" at midnight, a full timestamp otherwise), other values as text.
 * @example legendLabel(0.30000000000000004) // "0.3"
 */
export function legendLabel(value: unknown): string {
  if (typeof value === "number") return formatNumber(value, 6);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "Invalid Date";
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  return String(value);
}
