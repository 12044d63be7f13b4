import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { killZoneOf } from "../../src/sessions/kill-zone-of.js";
import type { KillZoneWindowSpec } from "../../src/sessions/kill-zones.js";

const at = (iso: string) => Date.parse(iso);

// Golden instants. 2024 changes: US to EDT on Sun 2024-03-10 and back to EST on Sun 2024-11-03; UK to BST
// on Sun 2024-03-31 and back to GMT on Sun 2024-10-27. The New York kill zones move in UTC with New York
// only, so in the weeks between the two changes the London open zone starts at 06:00 London time, not 07:00.
const GOLDEN: [string, string | null, string][] = [
  // both on standard time (EST, GMT)
  ["2024-03-08T06:59:00Z", null, "Fri 01:59 EST"],
  ["2024-03-08T07:00:00Z", "london-open", "Fri 02:00 EST = 07:00 GMT, start inclusive"],
  ["2024-03-08T09:59:59Z", "london-open", "Fri 04:59:59 EST"],
  ["2024-03-08T10:00:00Z", null, "Fri 05:00 EST, end exclusive"],
  ["2024-03-08T12:00:00Z", "new-york-open", "Fri 07:00 EST"],
  ["2024-03-08T14:59:00Z", "new-york-open", "Fri 09:59 EST"],
  ["2024-03-08T15:00:00Z", "london-close", "Fri 10:00 EST: the next zone starts where the last ends"],
  ["2024-03-08T17:00:00Z", null, "Fri 12:00 EST"],
  ["2024-03-04T00:59:00Z", null, "Sun 2024-03-03 19:59 EST"],
  ["2024-03-04T01:00:00Z", "asian", "Sun 2024-03-03 20:00 EST: the Asian zone dated Monday 2024-03-04"],
  // weekend
  ["2024-03-09T01:00:00Z", null, "Fri 20:00 EST: this Asian window is dated Saturday"],
  ["2024-03-09T08:00:00Z", null, "Sat 03:00 EST"],
  ["2024-03-10T15:00:00Z", null, "Sun 11:00 EDT"],
  // US on EDT, UK still on GMT (2024-03-10 .. 2024-03-30)
  ["2024-03-10T23:59:00Z", null, "Sun 19:59 EDT"],
  ["2024-03-11T00:00:00Z", "asian", "Sun 20:00 EDT, dated Monday 2024-03-11"],
  ["2024-03-11T03:59:00Z", "asian", "Sun 23:59 EDT"],
  ["2024-03-11T04:00:00Z", null, "Mon 00:00 EDT, end exclusive"],
  ["2024-03-11T05:59:00Z", null, "Mon 01:59 EDT"],
  ["2024-03-11T06:00:00Z", "london-open", "Mon 02:00 EDT = 06:00 GMT in London"],
  ["2024-03-11T07:00:00Z", "london-open", "Mon 03:00 EDT (would be 02:00 with a fixed -5 h offset)"],
  ["2024-03-11T11:00:00Z", "new-york-open", "Mon 07:00 EDT"],
  ["2024-03-11T14:00:00Z", "london-close", "Mon 10:00 EDT"],
  ["2024-03-11T16:00:00Z", null, "Mon 12:00 EDT"],
  ["2024-03-29T06:00:00Z", "london-open", "Fri 02:00 EDT, last weekday before the UK change"],
  // both on summer time (EDT, BST)
  ["2024-04-01T05:59:00Z", null, "Mon 01:59 EDT"],
  ["2024-04-01T06:00:00Z", "london-open", "Mon 02:00 EDT = 07:00 BST"],
  ["2024-07-04T12:00:00Z", "new-york-open", "Thu 08:00 EDT on Independence Day: a clock window"],
  // UK back on GMT, US still on EDT (2024-10-27 .. 2024-11-02)
  ["2024-10-28T06:00:00Z", "london-open", "Mon 02:00 EDT = 06:00 GMT"],
  ["2024-11-01T13:59:00Z", "new-york-open", "Fri 09:59 EDT"],
  ["2024-11-01T14:00:00Z", "london-close", "Fri 10:00 EDT"],
  // both on standard time again
  ["2024-11-04T00:59:00Z", null, "Sun 2024-11-03 19:59 EST"],
  ["2024-11-04T01:00:00Z", "asian", "Sun 2024-11-03 20:00 EST"],
  ["2024-11-04T06:00:00Z", null, "Mon 01:00 EST (02:00 with a fixed -4 h offset)"],
  ["2024-11-04T07:00:00Z", "london-open", "Mon 02:00 EST"],
];

describe("killZoneOf", () => {
  it.each(GOLDEN)("places %s in %s (%s)", (iso, expected) => {
    expect(killZoneOf(at(iso))).toBe(expected);
  });

  it("follows the wall clock through a spring-forward night when every day counts", () => {
    const all = { days: [0, 1, 2, 3, 4, 5, 6] };
    expect(killZoneOf(at("2024-03-10T06:59:00Z"), all)).toBe(null); // 01:59 EST; 02:00-02:59 do not exist
    expect(killZoneOf(at("2024-03-10T07:00:00Z"), all)).toBe("london-open"); // 03:00 EDT
    expect(killZoneOf(at("2024-03-10T08:59:00Z"), all)).toBe("london-open");
    expect(killZoneOf(at("2024-03-10T09:00:00Z"), all)).toBe(null); // 05:00 EDT
    expect(killZoneOf(at("2024-03-09T08:00:00Z"), all)).toBe("london-open"); // Saturday 03:00 EST
  });

  it("reads custom windows in a custom zone", () => {
    const london = { timeZone: "Europe/London", windows: [{ name: "open", start: "08:00", end: "09:00" }] };
    expect(killZoneOf(at("2024-03-29T08:00:00Z"), london)).toBe("open"); // GMT
    expect(killZoneOf(at("2024-04-01T07:00:00Z"), london)).toBe("open"); // BST
    expect(killZoneOf(at("2024-04-01T08:00:00Z"), london)).toBe(null);
  });

  it("rejects a bad instant and bad options", () => {
    expect(() => killZoneOf(Number.NaN)).toThrow(/invalid utcMs: NaN \(expected a finite number\)/);
    expect(() => killZoneOf(0, { timeZone: "Mars/Olympus" })).toThrow(/invalid timeZone: "Mars\/Olympus"/);
  });

  it("agrees with a brute-force Intl.DateTimeFormat conversion for random zones, windows and days", () => {
    const zones = ["America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe", "America/Sao_Paulo", "UTC"];
    const windows = fc
      .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 1439 }), { minLength: 2, maxLength: 8 }), fc.boolean())
      .map(([cuts, wrap]) => {
        const c = [...cuts].sort((a, b) => a - b);
        if (c.length % 2 === 1) c.pop();
        if (wrap) c.push(c.shift()!); // [c1, c2), ..., [c_last, c0): the last window crosses midnight
        const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        const out: KillZoneWindowSpec[] = [];
        for (let k = 0; k < c.length; k += 2) out.push({ name: `w${k / 2}`, start: hhmm(c[k]!), end: hhmm(c[k + 1]!) });
        return out;
      });
    const options = fc.record({
      timeZone: fc.constantFrom(...zones),
      windows,
      days: fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
    });
    const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2090, 0, 1) });
    fc.assert(
      fc.property(options, instant, (o, t) => {
        expect(killZoneOf(t, o)).toBe(bruteForce(t, o.timeZone, o.windows, o.days));
      }),
      { numRuns: 2000 },
    );
  });
});

const WEEKDAY: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The kill zone of an instant computed directly from Intl's local hour, minute and weekday. */
function bruteForce(t: number, timeZone: string, windows: readonly KillZoneWindowSpec[], days: readonly number[]): string | null {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "numeric", minute: "numeric", weekday: "short" }).formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const minute = (+get("hour") % 24) * 60 + +get("minute");
  const weekday = WEEKDAY[get("weekday")]!;
  for (const w of windows) {
    const [sh, sm] = w.start.split(":").map(Number);
    const [eh, em] = w.end.split(":").map(Number);
    const s = sh! * 60 + sm!, e = (eh! * 60 + em!) % 1440;
    if (s < e) {
      if (minute >= s && minute < e) return days.includes(weekday) ? w.name : null;
    } else if (minute >= s) {
      return days.includes((weekday + 1) % 7) ? w.name : null;
    } else if (minute < e) {
      return days.includes(weekday) ? w.name : null;
    }
  }
  return null;
}
