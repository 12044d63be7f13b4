import { invalid } from "../core/check.js";
import { formatLocalDay, localDayAt, parseLocalDay, weekdayOf } from "../synthetic/local-days.js";
import type { KillZoneOptions } from "./kill-zones.js";
import { killZoneLocator } from "./kill-zone-locator.js";

/** Options of {@link killZoneWindows}: the kill zones and a range of local dates. */
export interface KillZoneWindowsOptions extends KillZoneOptions {
  /** First local date "YYYY-MM-DD" (inclusive), in the kill zones' zone. Required. */
  readonly from: string;
  /** Last local date "YYYY-MM-DD" (inclusive). Required. */
  readonly to: string;
}

/** One occurrence of a kill zone as a UTC interval. */
export interface KillZoneInterval {
  /** The window's name, e.g. "london-open". */
  readonly name: string;
  /** Local date "YYYY-MM-DD" the occurrence belongs to (the next day's for Asian 20:00-00:00). */
  readonly date: string;
  /** Start instant, epoch ms UTC (inclusive). */
  readonly tsStart: number;
  /** End instant, epoch ms UTC (exclusive). */
  readonly tsEnd: number;
}

const MAX_DAYS = 100_000;

/**
 * Returns every kill-zone occurrence dated in [from, to], as UTC intervals sorted by start (for chart
 * shading). Dates whose weekday is not on `days` (default: weekends) are skipped; holidays are listed like
 * any weekday, since kill zones are clock windows. Each start and end is resolved in the zone on its own
 * date; a start on a skipped wall time (spring forward) moves later by the gap, and a repeated wall time
 * (fall back) takes its first occurrence.
 * @example
 * killZoneWindows({ from: "2024-03-11", to: "2024-03-11" })[1]
 * // { name: "london-open", date: "2024-03-11", tsStart: Date.UTC(2024, 2, 11, 6), tsEnd: Date.UTC(2024, 2, 11, 9) }
 */
export function killZoneWindows(options: KillZoneWindowsOptions): KillZoneInterval[] {
  const from = parseLocalDay("from", options?.from);
  const to = parseLocalDay("to", options.to);
  if (to < from) invalid("to", options.to, `a date on or after from "${options.from}"`);
  if (to - from >= MAX_DAYS) invalid("to", options.to, `a date less than ${MAX_DAYS} days after from "${options.from}"`, "ask for a shorter range");
  const { set } = killZoneLocator(options);
  const zone = set.timeZone;
  const out: KillZoneInterval[] = [];
  for (let day = from; day <= to; day++) {
    if (!set.days.includes(weekdayOf(day))) continue;
    const date = formatLocalDay(day);
    for (const w of set.windows) {
      const tsStart = localDayAt(w.crossesMidnight ? day - 1 : day, w.startMinute, zone);
      out.push({ name: w.name, date, tsStart, tsEnd: localDayAt(day, w.endMinute, zone) });
    }
  }
  return out.sort((a, b) => a.tsStart - b.tsStart);
}
