import { invalid } from "./check.js";
import { ZoneOffsetTable } from "./zone-offset-table.js";

/** Local wall-clock fields of an instant in some time zone (month 1-12, weekday 0 = Sunday). */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly weekday: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetTables = new Map<string, ZoneOffsetTable>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
      era: "short",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` names a time zone of the IANA database known to this runtime (e.g. "America/New_York"). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** Returns `zone` or throws `invalid <name>` naming the bad zone. */
export function checkTimeZone(name: string, zone: unknown): string {
  if (!isTimeZone(zone)) invalid(name, zone, "an IANA time zone such as \"America/New_York\" or \"UTC\"");
  return zone;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/**
 * Returns the wall clock of the instant `utcMs` in `zone`, read from the IANA database through Intl.
 * @example wallClock(Date.UTC(2024, 2, 11, 13, 30), "America/New_York").hour // 9 (EDT)
 */
export function wallClock(utcMs: number, zone: string): WallClock {
  const parts = formatter(zone).formatToParts(new Date(utcMs));
  let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, weekday = 0, bc = false;
  for (const p of parts) {
    switch (p.type) {
      case "year": year = +p.value; break;
      case "month": month = +p.value; break;
      case "day": day = +p.value; break;
      case "hour": hour = +p.value; break;
      case "minute": minute = +p.value; break;
      case "second": second = +p.value; break;
      case "weekday": weekday = WEEKDAYS[p.value] ?? 0; break;
      case "era": bc = p.value === "BC" || p.value === "B"; break;
    }
  }
  const millisecond = ((utcMs % 1000) + 1000) % 1000;
  return { year: bc ? 1 - year : year, month, day, hour, minute, second, millisecond, weekday };
}

/**
 * Returns the offset of `zone` from UTC at the instant `utcMs`, in milliseconds (local = utc + offset).
 * Read from the IANA database through Intl once per 64-day block of each zone (ZoneOffsetTable), then
 * looked up: offsets change only on quarter-hour instants, at most once a day.
 */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  if (zone === "UTC" || zone === "Etc/UTC") return 0;
  let table = offsetTables.get(zone);
  if (table === undefined) {
    table = new ZoneOffsetTable((at) => {
      const w = wallClock(at, zone);
      return utcFromFields(w.year, w.month, w.day, w.hour, w.minute, w.second, 0) - at;
    });
    offsetTables.set(zone, table);
  }
  return table.offsetAt(utcMs);
}

function utcFromFields(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const t = Date.UTC(2000, mo - 1, d, h, mi, s, ms);
  const date = new Date(t);
  date.setUTCFullYear(y); // Date.UTC maps years 0-99 to 1900-1999; set the year separately
  return date.getTime();
}

/**
 * Returns the UTC instant of a wall-clock time in `zone`. A time skipped by a daylight-saving change
 * (02:30 on a spring-forward night) moves forward by the gap; a repeated time (01:30 on a fall-back
 * night) takes the earlier instant. This is Temporal's "compatible" disambiguation.
 * @example zonedToUtc(2024, 3, 11, 9, 30, 0, 0, "America/New_York") // Date.UTC(2024, 2, 11, 13, 30)
 */
export function zonedToUtc(
  year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number, zone: string,
): number {
  const wall = utcFromFields(year, month, day, hour, minute, second, millisecond);
  if (zone === "UTC" || zone === "Etc/UTC") return wall;
  const before = zoneOffsetMs(zone, wall - DAY);
  const after = zoneOffsetMs(zone, wall + DAY);
  const u1 = wall - before;
  const u2 = wall - after;
  const ok1 = zoneOffsetMs(zone, u1) === before;
  const ok2 = zoneOffsetMs(zone, u2) === after;
  if (ok1 && ok2) return Math.min(u1, u2);
  if (ok1) return u1;
  if (ok2) return u2;
  return u1; // inside a gap: keep the offset from before the change, which lands after the gap
}

/** Returns the ISO 8601 UTC string of an epoch-ms instant, e.g. "2020-04-17T20:00:00.000Z". */
export function toIso(utcMs: number): string {
  return new Date(utcMs).toISOString();
}

/** Returns the local date "YYYY-MM-DD" of an instant in `zone`. */
export function localDate(utcMs: number, zone: string): string {
  const local = new Date(utcMs + zoneOffsetMs(zone, utcMs));
  const y = local.getUTCFullYear(), m = local.getUTCMonth() + 1, d = local.getUTCDate();
  if (y < 1000 || y > 9999) {
    const w = wallClock(utcMs, zone);
    return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
  }
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

const INTERVAL = /^(\d+)(ms|s|m|h|d|w)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY };

/** Returns the length in ms of a bar interval such as "5m", "1h", "1d" or "1w". */
export function intervalMs(interval: string): number {
  const m = INTERVAL.exec(interval);
  if (!m || +m[1]! <= 0) invalid("interval", interval, "a bar interval such as \"1m\", \"5m\", \"1h\", \"1d\" or \"1w\"");
  return +m[1]! * UNIT_MS[m[2]!]!;
}

/** True when the interval spans whole days ("1d", "1w"): such bars are stamped with dates, not times. */
export function isDailyOrLonger(interval: string): boolean {
  return intervalMs(interval) >= DAY;
}

/** The parts of a timestamp text: its wall-clock fields and, when the text carries one, its UTC offset. */
export interface ParsedTimestamp {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** True when the text had a time of day, false for a bare date. */
  readonly hasTime: boolean;
  /** Offset from UTC in ms when the text carried "Z" or "+hh:mm"; undefined when it carried no zone. */
  readonly offsetMs: number | undefined;
}

const TS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parses "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS[.fff]]" or the same with "T", each optionally followed by
 * "Z" or a UTC offset. Returns undefined for text of another form or an impossible date.
 */
export function parseTimestamp(text: string): ParsedTimestamp | undefined {
  const m = TS.exec(text.trim());
  if (!m) return undefined;
  const year = +m[1]!, month = +m[2]!, day = +m[3]!;
  const hasTime = m[4] !== undefined;
  const hour = hasTime ? +m[4]! : 0, minute = hasTime ? +m[5]! : 0, second = m[6] ? +m[6] : 0;
  const millisecond = m[7] ? Math.floor(+m[7].padEnd(3, "0").slice(0, 3)) : 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const probe = new Date(utcFromFields(year, month, day, 0, 0, 0, 0));
  if (probe.getUTCDate() !== day) return undefined; // e.g. 2021-02-30
  let offsetMs: number | undefined;
  const z = m[8];
  if (z !== undefined) {
    if (z === "Z" || z === "z") offsetMs = 0;
    else {
      const sign = z[0] === "-" ? -1 : 1;
      const digits = z.slice(1).replace(":", "");
      const oh = +digits.slice(0, 2), om = digits.length > 2 ? +digits.slice(2, 4) : 0;
      if (oh > 23 || om > 59) return undefined;
      offsetMs = sign * (oh * HOUR + om * MINUTE);
    }
  }
  return { year, month, day, hour, minute, second, millisecond, hasTime, offsetMs };
}

/** Returns the UTC instant of parsed timestamp parts: by their own offset, or else as wall time in `zone`. */
export function timestampToUtc(p: ParsedTimestamp, zone: string): number {
  if (p.offsetMs !== undefined) return utcFromFields(p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond) - p.offsetMs;
  return zonedToUtc(p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond, zone);
}

/** Parses "HH:MM" into minutes after midnight, or throws naming the option. */
export function parseClockTime(name: string, text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m || +m[1]! > 24 || +m[2]! > 59 || (+m[1]! === 24 && +m[2]! !== 0)) invalid(name, text, "a time of day \"HH:MM\" such as \"09:30\"");
  return +m[1]! * 60 + +m[2]!;
}

export { MINUTE, HOUR, DAY };
