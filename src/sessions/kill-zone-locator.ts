import { DAY, MINUTE, zoneOffsetMs } from "../core/time.js";
import { killZones, type KillZoneOptions, type KillZoneSet } from "./kill-zones.js";

/** Checked kill zones with an O(1) lookup from an instant to the index of its window. */
export interface KillZoneLocator {
  readonly set: KillZoneSet;
  /** Returns the index in `set.windows` of the window holding the instant `utcMs`, or -1. */
  indexAt(utcMs: number): number;
}

const DAY_MINUTES = 1440;
const cache = new WeakMap<object, KillZoneLocator>();
let defaults: KillZoneLocator | undefined;

function build(options: KillZoneOptions): KillZoneLocator {
  const set = killZones(options);
  const zone = set.timeZone;
  // For each minute of the local day: the window holding it (or -1), and whether the window's date is the next day.
  const owner = new Int16Array(DAY_MINUTES).fill(-1);
  const nextDay = new Uint8Array(DAY_MINUTES);
  set.windows.forEach((w, i) => {
    const length = (w.endMinute - w.startMinute + DAY_MINUTES) % DAY_MINUTES;
    for (let k = 0; k < length; k++) {
      const m = w.startMinute + k;
      owner[m % DAY_MINUTES] = i;
      if (w.crossesMidnight && m < DAY_MINUTES) nextDay[m] = 1;
    }
  });
  const onDay = new Uint8Array(7);
  for (const d of set.days) onDay[d] = 1;
  return {
    set,
    indexAt(utcMs: number): number {
      const local = utcMs + zoneOffsetMs(zone, utcMs);
      const day = Math.floor(local / DAY);
      const minute = Math.floor((local - day * DAY) / MINUTE);
      const i = owner[minute]!;
      if (i < 0) return -1;
      const date = day + nextDay[minute]!;
      return onDay[(((date + 4) % 7) + 7) % 7] === 1 ? i : -1; // day 0 (1970-01-01) was a Thursday
    },
  };
}

/** Returns the locator of some kill-zone options, built (and checked) once per options object. */
export function killZoneLocator(options?: KillZoneOptions): KillZoneLocator {
  if (options === undefined) return (defaults ??= build({}));
  let hit = cache.get(options);
  if (hit === undefined) {
    hit = build(options);
    cache.set(options, hit);
  }
  return hit;
}
