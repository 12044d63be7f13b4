import { invalid } from "../core/check.js";
import { checkTimeZone, parseClockTime } from "../core/time.js";

/** One kill zone as a clock window in the kill zones' time zone: start inclusive, end exclusive. */
export interface KillZoneWindowSpec {
  /** The zone's name, e.g. "london-open"; unique among the windows. */
  readonly name: string;
  /** Local start "HH:MM" (inclusive). */
  readonly start: string;
  /**
   * Local end "HH:MM" (exclusive). An end at or before the start ends on the next local day ("00:00"
   * or "24:00" end at midnight); such a window belongs to the local date on which it ends.
   */
  readonly end: string;
}

/** Options of {@link killZones} and of every function that takes kill zones. */
export interface KillZoneOptions {
  /** IANA zone the windows are read in. Default "America/New_York". */
  readonly timeZone?: string;
  /** The windows; they must not overlap. Default {@link DEFAULT_KILL_ZONES}. */
  readonly windows?: readonly KillZoneWindowSpec[];
  /**
   * Weekdays (0 = Sunday ... 6 = Saturday) of the local dates the windows belong to. Default [1, 2, 3, 4, 5]:
   * Monday-Friday, so the Asian zone of Sunday evening (dated Monday) counts and that of Friday evening does not.
   */
  readonly days?: readonly number[];
}

/** A checked kill-zone window: its spec plus minutes after local midnight. */
export interface KillZone extends KillZoneWindowSpec {
  /** Start in minutes after local midnight, 0-1439. */
  readonly startMinute: number;
  /** End in minutes after local midnight, 0-1439 (0 = midnight). */
  readonly endMinute: number;
  /** True when the window runs past (or ends at) midnight and so starts on the previous local date. */
  readonly crossesMidnight: boolean;
}

/** Checked kill-zone definitions: JSON-safe, and valid as {@link KillZoneOptions} again. */
export interface KillZoneSet {
  readonly timeZone: string;
  readonly windows: readonly KillZone[];
  readonly days: readonly number[];
}

/**
 * The ICT kill zones in New York time: Asian 20:00-00:00 (of the evening before its date), London open
 * 02:00-05:00, New York open 07:00-10:00, London close 10:00-12:00.
 */
export const DEFAULT_KILL_ZONES: readonly KillZoneWindowSpec[] = [
  { name: "asian", start: "20:00", end: "00:00" },
  { name: "london-open", start: "02:00", end: "05:00" },
  { name: "new-york-open", start: "07:00", end: "10:00" },
  { name: "london-close", start: "10:00", end: "12:00" },
];

const DAY_MINUTES = 1440;
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

function clock(name: string, text: unknown): number {
  if (typeof text !== "string") invalid(name, text, "a time of day \"HH:MM\" such as \"09:30\"");
  return parseClockTime(name, text) % DAY_MINUTES;
}

function checkDays(days: unknown): number[] {
  if (!Array.isArray(days) || days.length === 0) invalid("days", days, "a non-empty array of weekdays 0-6 (0 = Sunday)");
  const out: number[] = [];
  days.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 0 || d > 6) invalid(`days[${i}]`, d, "a weekday 0-6 (0 = Sunday ... 6 = Saturday)");
    if (out.includes(d)) invalid(`days[${i}]`, d, "a weekday not already listed");
    out.push(d);
  });
  return out.sort((a, b) => a - b);
}

/**
 * Returns the kill-zone definitions checked: the zone, each window with its minutes, and the weekdays.
 * Throws InvalidOptionError for an unknown zone, a bad "HH:MM", an empty window, a repeated name or two
 * windows that overlap.
 * @example killZones().windows.map((w) => w.name) // ["asian", "london-open", "new-york-open", "london-close"]
 */
export function killZones(options: KillZoneOptions = {}): KillZoneSet {
  const timeZone = checkTimeZone("timeZone", options.timeZone ?? "America/New_York");
  const specs = options.windows ?? DEFAULT_KILL_ZONES;
  if (!Array.isArray(specs) || specs.length === 0) invalid("windows", specs, "a non-empty array of { name, start, end }");
  const owner = new Array<string | undefined>(DAY_MINUTES);
  const windows = specs.map((spec: KillZoneWindowSpec, i): KillZone => {
    const name = spec?.name;
    if (typeof name !== "string" || name.length === 0) invalid(`windows[${i}].name`, name, "a non-empty string");
    if (specs.slice(0, i).some((s) => s.name === name)) invalid(`windows[${i}].name`, name, "a name not used by another window");
    const startMinute = clock(`windows[${i}].start`, spec.start);
    const endMinute = clock(`windows[${i}].end`, spec.end);
    if (startMinute === endMinute) invalid(`windows[${i}].end`, spec.end, `a time other than its start "${spec.start}"`, "a window can neither be empty nor last a whole day");
    const length = (endMinute - startMinute + DAY_MINUTES) % DAY_MINUTES;
    for (let k = 0; k < length; k++) {
      const m = (startMinute + k) % DAY_MINUTES;
      const other = owner[m];
      if (other !== undefined) invalid(`windows[${i}]`, spec, "windows that do not overlap", `"${name}" and "${other}" both cover ${hhmm(m)}`);
      owner[m] = name;
    }
    return { name, start: spec.start, end: spec.end, startMinute, endMinute, crossesMidnight: endMinute < startMinute };
  });
  return { timeZone, windows, days: checkDays(options.days ?? [1, 2, 3, 4, 5]) };
}
