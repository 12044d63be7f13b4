import { invalid } from "../core/check.js";
import { formatLocalDay, localDayAt, parseLocalDay, parseLocalDays, weekdayOf } from "./local-days.js";
import { resolveSession, type ResolvedSession, type SessionPreset, type SessionSpec } from "./session-spec.js";

/** One occurrence of a session: its UTC open and close and the local date it opens on. */
export interface SessionWindow {
  /** Open instant, epoch ms UTC. */
  readonly tsOpen: number;
  /** Close instant, epoch ms UTC. */
  readonly tsClose: number;
  /** Local date "YYYY-MM-DD" of the open, in the session's zone. */
  readonly date: string;
}

/** Options of {@link sessionWindows}. */
export interface SessionWindowsOptions {
  /** First local date "YYYY-MM-DD" (inclusive) on which a session may open. Required. */
  readonly from: string;
  /** Last local date "YYYY-MM-DD" (inclusive) on which a session may open. Required. */
  readonly to: string;
  /** Local dates "YYYY-MM-DD" on which no session opens. Default []. */
  readonly holidays?: readonly string[];
}

/** Returns the windows of a resolved session whose open falls on a local day in [fromDay, toDay]. */
export function windowsBetween(s: ResolvedSession, fromDay: number, toDay: number): { tsOpen: number; tsClose: number; day: number }[] {
  const out: { tsOpen: number; tsClose: number; day: number }[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    if (!s.days.has(weekdayOf(day))) continue;
    out.push({ tsOpen: localDayAt(day, s.open, s.timeZone), tsClose: localDayAt(day + s.closeAfterDays, s.close, s.timeZone), day });
  }
  return out;
}

/**
 * Returns each occurrence of a session that opens on a local date in [from, to] (holidays skipped), with
 * its open and close resolved in the session's own zone on that date, so UTC times follow each zone's
 * daylight-saving changes. A daily spec can also describe a recurring window such as a "kill zone".
 * @example
 * sessionWindows("london-index", { from: "2024-03-29", to: "2024-04-01" })
 * // [{ tsOpen: 2024-03-29T08:00Z, ... }, { tsOpen: 2024-04-01T07:00Z, ... }] as epoch ms
 */
export function sessionWindows(session: SessionSpec | SessionPreset, options: SessionWindowsOptions): SessionWindow[] {
  const s = resolveSession("session", session);
  const from = parseLocalDay("from", options?.from);
  const to = parseLocalDay("to", options.to);
  if (to < from) invalid("to", options.to, `a date on or after from "${options.from}"`);
  const holidays = parseLocalDays("holidays", options.holidays);
  return windowsBetween(s, from, to)
    .filter((w) => !holidays.has(w.day))
    .map((w) => ({ tsOpen: w.tsOpen, tsClose: w.tsClose, date: formatLocalDay(w.day) }));
}
