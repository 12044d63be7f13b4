import { invalid } from "../core/check.js";
import { parseClockTime } from "../core/time.js";
import { localDayAt, weekdayOf } from "./local-days.js";

/** Options of {@link weekdaySessions}. */
export interface WeekdaySessionsOptions {
  /** First local date; a weekend or holiday rolls forward to the next trading day. */
  readonly start: number;
  /** Number of sessions. */
  readonly count: number;
  /** IANA zone of the session times. */
  readonly timeZone: string;
  /** Session open and close, "HH:MM" local; close must be after open. */
  readonly open: string;
  readonly close: string;
  /** Day numbers to skip. */
  readonly holidays: ReadonlySet<number>;
}

/**
 * Returns the UTC open and close instants of `count` consecutive Monday-Friday sessions (holidays
 * skipped), each resolved in the zone on its own date so daylight-saving changes move the UTC times.
 */
export function weekdaySessions(o: WeekdaySessionsOptions): { tsOpen: Float64Array; tsClose: Float64Array } {
  const open = parseClockTime("sessionOpen", o.open);
  const close = parseClockTime("sessionClose", o.close);
  if (close <= open) invalid("sessionClose", o.close, `a time after sessionOpen "${o.open}"`, "daily bars need a session within one local day");
  const tsOpen = new Float64Array(o.count);
  const tsClose = new Float64Array(o.count);
  let day = o.start;
  for (let i = 0; i < o.count; day++) {
    const wd = weekdayOf(day);
    if (wd === 0 || wd === 6 || o.holidays.has(day)) continue;
    tsOpen[i] = localDayAt(day, open, o.timeZone);
    tsClose[i] = localDayAt(day, close, o.timeZone);
    i++;
  }
  return { tsOpen, tsClose };
}
