import { invalid } from "../core/check.js";
import { DAY, parseTimestamp, zonedToUtc } from "../core/time.js";

/**
 * Calendar days as integers: a local date "YYYY-MM-DD" is the number of days since 1970-01-01, with no
 * time zone attached. Dates are stepped with plain integer arithmetic and turned into UTC instants only
 * at session boundaries, through the IANA zone.
 */

/** Returns the day number of a local date "YYYY-MM-DD", or throws `invalid <name>`. */
export function parseLocalDay(name: string, text: unknown): number {
  const p = typeof text === "string" ? parseTimestamp(text) : undefined;
  if (p === undefined || p.hasTime || p.offsetMs !== undefined) invalid(name, text, "a local date \"YYYY-MM-DD\" such as \"2024-03-08\"");
  return Date.UTC(p.year, p.month - 1, p.day) / DAY;
}

/** Returns the day numbers of a list of local dates, checking each as `<name>[i]`. */
export function parseLocalDays(name: string, list: unknown): Set<number> {
  if (list === undefined) return new Set();
  if (!Array.isArray(list)) invalid(name, list, "an array of local dates \"YYYY-MM-DD\"");
  return new Set(list.map((text, i) => parseLocalDay(`${name}[${i}]`, text)));
}

/** Returns the weekday of a day number, 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Returns the UTC instant of `minutes` after local midnight of `day` in `zone` (minutes may be 1440). */
export function localDayAt(day: number, minutes: number, zone: string): number {
  const d = new Date(day * DAY);
  return zonedToUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), Math.floor(minutes / 60), minutes % 60, 0, 0, zone);
}

/** Returns the local date "YYYY-MM-DD" of a day number. */
export function formatLocalDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
