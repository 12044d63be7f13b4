import { invalid } from "../core/check.js";
import { DAY, intervalMs, parseClockTime, parseTimestamp, timestampToUtc, zonedToUtc, zoneOffsetMs } from "../core/time.js";
import { wallClockConverter, type WallToUtc } from "./wall-clock-converter.js";

/** The regular hours of a trading day in the exchange zone, e.g. { open: "09:30", close: "16:00" }. */
export interface TradingSession {
  /** Local "HH:MM" the session opens. A close not after the open means it opened the evening before. */
  readonly open: string;
  /** Local "HH:MM" the session closes, "24:00" allowed. */
  readonly close: string;
}

/** How to read the time column of bar rows; every field is required here (loaders fill in defaults). */
export interface BarTimeParserOptions {
  /** IANA zone of the exchange, used for text without "Z" or an offset and for dates. */
  readonly timeZone: string;
  /** Bar interval, e.g. "5m" or "1d". */
  readonly interval: string;
  /** Whether a stamp with a time of day marks the bar's open or its close. */
  readonly timestampAt: "open" | "close";
  /** "auto": ISO-like text; "epoch-ms" / "epoch-s": a number since 1970-01-01T00:00Z. */
  readonly timeFormat: "auto" | "epoch-ms" | "epoch-s";
  /** Session of a date-only row; undefined: the row covers the whole local calendar day. */
  readonly session: TradingSession | undefined;
}

/** Writes the open and close time of row `i` parsed from `text`; returns undefined, or what is wrong with `text`. */
export type BarTimeParser = (text: string, i: number, tsOpen: Float64Array, tsClose: Float64Array) => string | undefined;

/**
 * Returns a parser of one time cell into a bar's open and close (epoch ms UTC). A date-only row
 * ("2020-03-09", or local midnight with no zone, as pandas writes dates) of a daily bar spans that
 * date's session in the exchange zone, or without a session the whole local day (closing at the next
 * local midnight, never before the real close). A stamp with a time marks the open (or close, per
 * `timestampAt`); the other end is one interval away, in local calendar days for daily bars.
 * @example barTimeParser({ timeZone: "America/New_York", interval: "1d", timestampAt: "open", timeFormat: "auto", session: { open: "09:30", close: "16:00" } })
 */
export function barTimeParser(options: BarTimeParserOptions): BarTimeParser {
  const { timeZone: zone, interval, timestampAt, timeFormat, session } = options;
  const ms = intervalMs(interval);
  const daily = ms >= DAY;
  const days = ms / DAY;
  if (daily && !Number.isInteger(days)) invalid("interval", interval, "whole days (e.g. \"1d\", \"1w\") or less than a day (e.g. \"4h\")");
  const openMin = session === undefined ? 0 : parseClockTime("session.open", session.open);
  const closeMin = session === undefined ? 0 : parseClockTime("session.close", session.close);
  const overnight = session !== undefined && closeMin <= openMin;
  const atOpen = timestampAt === "open";
  const wallToUtc = wallClockConverter(zone);
  const scale = timeFormat === "epoch-s" ? 1000 : 1;

  const dateOnly = (y: number, m: number, d: number, i: number, tsOpen: Float64Array, tsClose: Float64Array): void => {
    const first = atOpen ? 0 : 1 - days;
    const last = first + days - 1;
    if (session === undefined) {
      tsOpen[i] = localTime(y, m, d + first, 0, wallToUtc);
      tsClose[i] = localTime(y, m, d + last + 1, 0, wallToUtc);
    } else {
      tsOpen[i] = localTime(y, m, d + first - (overnight ? 1 : 0), openMin, wallToUtc);
      tsClose[i] = localTime(y, m, d + last, closeMin, wallToUtc);
    }
  };
  const stamped = (u: number, i: number, tsOpen: Float64Array, tsClose: Float64Array): void => {
    const other = daily ? shiftLocalDays(u, atOpen ? days : -days, zone) : u + (atOpen ? ms : -ms);
    tsOpen[i] = atOpen ? u : other;
    tsClose[i] = atOpen ? other : u;
  };

  if (timeFormat !== "auto") {
    return (text, i, tsOpen, tsClose) => {
      const v = +text;
      if (!Number.isFinite(v) || text.trim() === "") {
        return text.trim() === "" ? "empty timestamp" : `${JSON.stringify(text)} is not an epoch number (timeFormat "${timeFormat}")`;
      }
      stamped(v * scale, i, tsOpen, tsClose);
      return undefined;
    };
  }
  return (text, i, tsOpen, tsClose) => {
    const fast = daily ? NaN : plainLocalTime(text, wallToUtc);
    if (fast === fast) {
      stamped(fast, i, tsOpen, tsClose);
      return undefined;
    }
    const p = parseTimestamp(text);
    if (p === undefined) {
      if (text.trim() === "") return "empty timestamp";
      const epoch = /^\s*-?\d{9,}(\.\d*)?\s*$/.test(text) ? "; pass timeFormat: \"epoch-ms\" or \"epoch-s\" for epoch numbers" : "";
      return `${JSON.stringify(text)} is not a timestamp (expected "YYYY-MM-DD" or "YYYY-MM-DD HH:MM[:SS[.fff]]", optionally with "Z" or an offset such as "-05:00")${epoch}`;
    }
    const midnight = p.offsetMs === undefined && p.hour === 0 && p.minute === 0 && p.second === 0 && p.millisecond === 0;
    if (!p.hasTime || (daily && midnight)) {
      if (!daily) return `${JSON.stringify(text)} is a date without a time of day (expected a time for interval "${interval}")`;
      dateOnly(p.year, p.month, p.day, i, tsOpen, tsClose);
      return undefined;
    }
    const u = p.offsetMs === undefined ? wallToUtc(p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond) : timestampToUtc(p, zone);
    stamped(u, i, tsOpen, tsClose);
    return undefined;
  };
}

/** Returns the UTC instant of `minutes` after midnight of the local date y-m-d (d may overflow the month). */
function localTime(y: number, m: number, d: number, minutes: number, wallToUtc: WallToUtc): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d + Math.floor(minutes / 1440));
  const rest = minutes % 1440;
  return wallToUtc(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), Math.floor(rest / 60), rest % 60, 0, 0);
}

/**
 * Returns the instant of "YYYY-MM-DD HH:MM[:SS]" (or with "T") read as wall time, or NaN for text of
 * any other shape or an impossible date, which then goes the general way.
 */
function plainLocalTime(text: string, wallToUtc: WallToUtc): number {
  const n = text.length;
  if ((n !== 16 && n !== 19) || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58) return NaN;
  const sep = text.charCodeAt(10);
  if ((sep !== 32 && sep !== 84) || (n === 19 && text.charCodeAt(16) !== 58)) return NaN;
  const y = digits(text, 0, 4), mo = digits(text, 5, 2), d = digits(text, 8, 2), h = digits(text, 11, 2), mi = digits(text, 14, 2);
  const s = n === 19 ? digits(text, 17, 2) : 0;
  const monthDays = mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : 30 + ((mo + (mo >> 3)) & 1);
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= monthDays && h <= 23 && mi <= 59 && s <= 59)) return NaN;
  return wallToUtc(y, mo, d, h, mi, s, 0);
}

function digits(text: string, at: number, count: number): number {
  let v = 0;
  for (let k = at; k < at + count; k++) {
    const c = text.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/** Returns the instant `k` local calendar days after `u` at the same wall-clock time in `zone`. */
function shiftLocalDays(u: number, k: number, zone: string): number {
  const wall = new Date(u + zoneOffsetMs(zone, u) + k * DAY);
  return zonedToUtc(
    wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(),
    wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds(), zone,
  );
}
