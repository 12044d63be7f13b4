import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDate, wallClock, zoneOffsetMs } from "../../src/core/time.js";

// The oracle: the offset read straight from Intl at the instant's quarter hour, as the table's reads are.
function intlOffset(zone: string, utcMs: number): number {
  const at = Math.floor(utcMs / 900_000) * 900_000;
  const w = wallClock(at, zone);
  const d = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second));
  d.setUTCFullYear(w.year);
  return d.getTime() - at;
}

const ZONES = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Chatham", "Asia/Tokyo", "Europe/Moscow"];
const FROM = Date.UTC(1950, 0, 1), TO = Date.UTC(2060, 0, 1);

describe("zoneOffsetMs", () => {
  it("equals the offset Intl gives at random instants in zones with and without daylight saving", () => {
    fc.assert(fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, t) => {
      expect(zoneOffsetMs(zone, t)).toBe(intlOffset(zone, t));
    }), { numRuns: 3000 });
  });

  it("changes at the exact quarter hour of the 2024 New York and London daylight-saving transitions", () => {
    const ny = Date.UTC(2024, 2, 10, 7, 0); // 02:00 EST -> 03:00 EDT
    expect(zoneOffsetMs("America/New_York", ny - 1)).toBe(-5 * 3_600_000);
    expect(zoneOffsetMs("America/New_York", ny)).toBe(-4 * 3_600_000);
    const london = Date.UTC(2024, 9, 27, 1, 0); // 02:00 BST -> 01:00 GMT
    expect(zoneOffsetMs("Europe/London", london - 1)).toBe(3_600_000);
    expect(zoneOffsetMs("Europe/London", london)).toBe(0);
  });
});

describe("localDate", () => {
  it("equals the date of Intl's wall clock at random instants", () => {
    fc.assert(fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, t) => {
      const w = wallClock(t, zone);
      expect(localDate(t, zone)).toBe(`${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`);
    }), { numRuns: 3000 });
  });
});
