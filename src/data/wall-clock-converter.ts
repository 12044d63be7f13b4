import { DAY, zonedToUtc, zoneOffsetMs } from "../core/time.js";

/** Converts local wall-clock fields (month 1-12) of one zone to epoch ms UTC. */
export type WallToUtc = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number) => number;

/**
 * Returns zonedToUtc for one zone, made fast for many rows: each local date's UTC offset is looked up
 * once, and the exact (slow) path runs only on dates whose offset changes during the day. Same
 * results as zonedToUtc, including its "compatible" handling of skipped and repeated times.
 * @example wallClockConverter("America/New_York")(2020, 3, 9, 16, 0, 0, 0) // Date.UTC(2020, 2, 9, 20)
 */
export function wallClockConverter(zone: string): WallToUtc {
  const dayOffset = new Map<number, number>(); // local date key -> offset all day long, NaN if it changes that day
  let guess = NaN; // the offset of the last steady day: right for almost every next day
  const steadyOffset = (y: number, mo: number, d: number): number => {
    const midnight = Date.UTC(y, mo - 1, d);
    // Steady all day, and steady just before midnight too: otherwise the day may start inside a repeated hour
    // (Havana turns 01:00 back to 00:00), where "compatible" wants the earlier instant.
    if (
      guess === guess &&
      zoneOffsetMs(zone, midnight - guess - 1) === guess &&
      zoneOffsetMs(zone, midnight - guess) === guess &&
      zoneOffsetMs(zone, midnight + DAY - guess - 1) === guess
    ) return guess;
    const start = zonedToUtc(y, mo, d, 0, 0, 0, 0, zone);
    const next = new Date(midnight + DAY);
    const end = zonedToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, 0, 0, zone);
    return end - start === DAY && zoneOffsetMs(zone, start) === zoneOffsetMs(zone, end - 1) ? midnight - start : NaN;
  };
  return (y, mo, d, h, mi, s, ms) => {
    if (y < 100) return zonedToUtc(y, mo, d, h, mi, s, ms, zone);
    const key = y * 512 + mo * 32 + d;
    let offset = dayOffset.get(key);
    if (offset === undefined) {
      offset = steadyOffset(y, mo, d);
      if (offset === offset) guess = offset;
      dayOffset.set(key, offset);
    }
    return offset === offset ? Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset : zonedToUtc(y, mo, d, h, mi, s, ms, zone);
  };
}
