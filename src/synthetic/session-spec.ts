import { check, invalid } from "../core/check.js";
import { checkTimeZone, parseClockTime } from "../core/time.js";

/**
 * An exchange session that opens and closes on each of some weekdays, in the exchange's own zone. A close
 * at or before the open ends on the next local day (an overnight session).
 */
export interface DailySessionSpec {
  readonly kind: "daily";
  /** IANA zone of the open and close times, e.g. "America/New_York". */
  readonly timeZone: string;
  /** Local open "HH:MM". */
  readonly open: string;
  /** Local close "HH:MM". */
  readonly close: string;
  /** Weekdays with a session, 0 = Sunday ... 6 = Saturday. Default [1, 2, 3, 4, 5] (Monday-Friday). */
  readonly days?: readonly number[];
}

/** A session that runs without a break from a weekday's open to a later weekday's close, e.g. FX. */
export interface WeeklySessionSpec {
  readonly kind: "weekly";
  /** IANA zone of the open and close times. */
  readonly timeZone: string;
  /** Weekday of the open, 0 = Sunday ... 6 = Saturday. */
  readonly openDay: number;
  /** Local open "HH:MM" on `openDay`. */
  readonly open: string;
  /** Weekday of the close, 0 = Sunday ... 6 = Saturday; the first one after the open. */
  readonly closeDay: number;
  /** Local close "HH:MM" on `closeDay`. */
  readonly close: string;
}

/** A trading session: a daily one (an exchange's regular hours) or a weekly one (round the clock). */
export type SessionSpec = DailySessionSpec | WeeklySessionSpec;

/**
 * Named sessions: "us-index" New York 09:30-16:00 Monday-Friday; "london-index" London 08:00-16:30
 * Monday-Friday; "fx" round the clock from Sunday 17:00 to Friday 17:00 New York time.
 */
export const SESSION_PRESETS = {
  "us-index": { kind: "daily", timeZone: "America/New_York", open: "09:30", close: "16:00", days: [1, 2, 3, 4, 5] },
  "london-index": { kind: "daily", timeZone: "Europe/London", open: "08:00", close: "16:30", days: [1, 2, 3, 4, 5] },
  fx: { kind: "weekly", timeZone: "America/New_York", openDay: 0, open: "17:00", closeDay: 5, close: "17:00" },
} as const satisfies Record<string, SessionSpec>;

/** The name of a preset session: "us-index" | "london-index" | "fx". */
export type SessionPreset = keyof typeof SESSION_PRESETS;

const PRESETS = Object.keys(SESSION_PRESETS) as SessionPreset[];

/** A session checked and reduced to numbers: minutes after local midnight and weekday sets. */
export interface ResolvedSession {
  readonly kind: "daily" | "weekly";
  readonly timeZone: string;
  readonly open: number;
  readonly close: number;
  /** Weekdays with an open (daily), or the single open weekday (weekly). */
  readonly days: ReadonlySet<number>;
  /** Whole days from the open's date to the close's date. */
  readonly closeAfterDays: number;
}

const weekday = (name: string, v: unknown): number => {
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 6) invalid(name, v, "a weekday number, 0 = Sunday ... 6 = Saturday");
  return v as number;
};

/** Returns a session spec or preset name checked and resolved, or throws `invalid <name>...`. */
export function resolveSession(name: string, session: unknown): ResolvedSession {
  const spec = (typeof session === "string" ? SESSION_PRESETS[check.keyword(name, session, PRESETS)] : session) as SessionSpec;
  if (typeof spec !== "object" || spec === null) invalid(name, session, `a session spec { kind, timeZone, open, close, ... } or one of ${PRESETS.join(", ")}`);
  const kind = check.keyword(`${name}.kind`, spec.kind, ["daily", "weekly"] as const);
  const timeZone = checkTimeZone(`${name}.timeZone`, spec.timeZone);
  const open = parseClockTime(`${name}.open`, spec.open);
  const close = parseClockTime(`${name}.close`, spec.close);
  if (spec.kind === "weekly") {
    const openDay = weekday(`${name}.openDay`, spec.openDay);
    const closeDay = weekday(`${name}.closeDay`, spec.closeDay);
    const after = (closeDay - openDay + 7) % 7;
    return { kind, timeZone, open, close, days: new Set([openDay]), closeAfterDays: after === 0 && close <= open ? 7 : after };
  }
  const days = spec.days ?? [1, 2, 3, 4, 5];
  if (!Array.isArray(days) || days.length === 0) invalid(`${name}.days`, days, "a non-empty array of weekday numbers");
  return { kind, timeZone, open, close, days: new Set(days.map((d, i) => weekday(`${name}.days[${i}]`, d))), closeAfterDays: close <= open ? 1 : 0 };
}
