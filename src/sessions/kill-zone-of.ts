import { check } from "../core/check.js";
import type { KillZoneOptions } from "./kill-zones.js";
import { killZoneLocator } from "./kill-zone-locator.js";

/**
 * Returns the name of the kill zone that holds the instant `utcMs` (epoch ms UTC), or null. The instant
 * is read as wall-clock time in the kill zones' zone (default America/New_York) through the IANA
 * database, so the UTC hours of each zone follow New York's daylight-saving changes (not London's).
 * Windows include their start and exclude their end; a window that runs to or past midnight (Asian
 * 20:00-00:00) belongs to the next local date, and only windows of dates on `days` (default
 * Monday-Friday) count. Holidays are not known here: kill zones are clock windows.
 * @example killZoneOf(Date.UTC(2024, 2, 11, 6, 0)) // "london-open" (02:00 EDT; London is still on GMT)
 */
export function killZoneOf(utcMs: number, options?: KillZoneOptions): string | null {
  check.finite("utcMs", utcMs);
  const locator = killZoneLocator(options);
  const i = locator.indexAt(utcMs);
  return i < 0 ? null : locator.set.windows[i]!.name;
}
