import type * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { localDate } from "../../src/core/time.js";
import { barColumns, barInfo } from "../../src/data/bar-table.js";
import { killZoneColumn } from "../../src/sessions/kill-zone-column.js";
import { killZoneOf } from "../../src/sessions/kill-zone-of.js";
import { intradaySessionBars } from "../../src/synthetic/intraday-session-bars.js";

/** Counts of bars per (local date of the bar's open in the table's zone) and kill zone. */
function countsByDate(table: arrow.Table): Map<string, Record<string, number>> {
  const zone = killZoneColumn(table);
  const { tsOpen } = barColumns(table);
  const tz = barInfo(table).timeZone;
  const out = new Map<string, Record<string, number>>();
  for (let i = 0; i < tsOpen.length; i++) {
    const d = localDate(tsOpen[i]!, tz);
    const c = out.get(d) ?? {};
    const k = zone.get(i) ?? "none";
    c[k] = (c[k] ?? 0) + 1;
    out.set(d, c);
  }
  return out;
}

describe("killZoneColumn", () => {
  const { tables } = intradaySessionBars({
    symbols: [{ symbol: "SPX", session: "us-index" }, { symbol: "UKX", session: "london-index" }],
    start: "2024-03-04", end: "2024-04-05", interval: "5m", seed: 7,
  });
  const [spx, ukx] = tables as [arrow.Table, arrow.Table];

  it("gives New York stock bars the same zones every day, across the US change", () => {
    for (const [date, c] of countsByDate(spx)) expect([date, c]).toEqual([date, { "new-york-open": 6, "london-close": 24, none: 48 }]);
  });

  it.each([
    ["2024-03-08", { "london-open": 24, "new-york-open": 36, "london-close": 18, none: 24 }, "EST/GMT: 02:00-05:00 NY = 07:00-10:00 London"],
    ["2024-03-11", { "london-open": 12, "new-york-open": 36, "london-close": 24, none: 30 }, "EDT/GMT: 02:00-05:00 NY = 06:00-09:00 London"],
    ["2024-03-28", { "london-open": 12, "new-york-open": 36, "london-close": 24, none: 30 }, "EDT/GMT"],
    ["2024-04-02", { "london-open": 24, "new-york-open": 36, "london-close": 18, none: 24 }, "EDT/BST: 02:00 NY = 07:00 London again"],
  ])("gives London stock bars of %s their zones by the New York clock (%j, %s)", (date, expected) => {
    expect(countsByDate(ukx).get(date)).toEqual(expected);
  });

  it("places each bar by its open time and matches killZoneOf", () => {
    const zone = killZoneColumn(spx);
    const { tsOpen, tsClose } = barColumns(spx);
    const i = [...tsOpen].findIndex((t) => new Date(t).toISOString() === "2024-03-11T13:55:00.000Z"); // 09:55 EDT
    expect(new Date(tsClose[i]!).toISOString()).toBe("2024-03-11T14:00:00.000Z");
    expect([zone.get(i), zone.get(i + 1)]).toEqual(["new-york-open", "london-close"]);
    for (let k = 0; k < tsOpen.length; k += 37) expect(zone.get(k)).toBe(killZoneOf(tsOpen[k]!));
  });

  it("has no zones on a holiday with no bars, and zones either side of it", () => {
    const [fx] = intradaySessionBars({
      symbols: [{ symbol: "EURUSD", session: "fx", startPrice: 1.08, holidays: ["2024-07-04"] }],
      start: "2024-07-01", end: "2024-07-05", interval: "1h", seed: 3,
    }).tables as [arrow.Table];
    const c = countsByDate(fx);
    expect(c.get("2024-07-04")).toBeUndefined();
    // 20:00-24:00 on 07-03 is the Asian zone dated 07-04; Friday's FX closes at 17:00, before Friday's Asian zone
    expect(c.get("2024-07-03")).toEqual({ asian: 4, "london-open": 3, "new-york-open": 3, "london-close": 2, none: 12 });
    expect(c.get("2024-07-05")).toEqual({ "london-open": 3, "new-york-open": 3, "london-close": 2, none: 9 });
  });

  it("uses custom options and returns a dictionary column of the window names", () => {
    const zone = killZoneColumn(ukx, { timeZone: "Europe/London", windows: [{ name: "first-hour", start: "08:00", end: "09:00" }] });
    expect(zone.length).toBe(ukx.numRows);
    expect(countsByDate(ukx).size).toBeGreaterThan(20);
    let n = 0;
    for (let i = 0; i < zone.length; i++) if (zone.get(i) === "first-hour") n++;
    expect(n).toBe(12 * countsByDate(ukx).size);
  });
});
