import { describe, expect, it } from "vitest";
import { localDate, MINUTE, wallClock } from "../../src/core/time.js";
import { barColumns, barInfo } from "../../src/data/bar-table.js";
import { findBarIssues } from "../../src/data/validate-bars.js";
import { intradaySessionBars } from "../../src/synthetic/intraday-session-bars.js";

const HOUR = 60 * MINUTE;
const iso = (t: number) => new Date(t).toISOString();
const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const sameBytes = (a: Float64Array, b: Float64Array) => Buffer.compare(bytes(a), bytes(b)) === 0;

/** The bars' open times grouped by local date in `zone`. */
function byDate(tsOpen: Float64Array, zone: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const t of tsOpen) {
    const d = localDate(t, zone);
    (out.get(d) ?? out.set(d, []).get(d)!).push(t);
  }
  return out;
}

describe("intradaySessionBars", () => {
  const spring = intradaySessionBars({ start: "2024-03-04", end: "2024-04-05", seed: 4 });
  const autumn = intradaySessionBars({ start: "2024-10-21", end: "2024-11-08", seed: 4 });
  const [spx, fx, ukx] = spring.tables.map((t) => barColumns(t));
  const ny = byDate(spx!.tsOpen, "America/New_York");
  const ldn = byDate(ukx!.tsOpen, "Europe/London");

  it("returns valid bar tables with each session's zone and the interval in their metadata", () => {
    expect(spring.symbols).toEqual(["SPX", "EURUSD", "UKX"]);
    expect(spring.tables.map(barInfo)).toEqual([
      { symbol: "SPX", timeZone: "America/New_York", interval: "5m" },
      { symbol: "EURUSD", timeZone: "America/New_York", interval: "5m" },
      { symbol: "UKX", timeZone: "Europe/London", interval: "5m" },
    ]);
    for (const t of [...spring.tables, ...autumn.tables]) {
      const c = barColumns(t);
      expect(findBarIssues(c)).toEqual([]);
      expect(c.tsClose.every((tc, i) => tc - c.tsOpen[i]! === 5 * MINUTE)).toBe(true);
    }
  });

  it("opens the New York index at 14:30Z in EST (2024-03-08) and 13:30Z in EDT (2024-03-11)", () => {
    expect(iso(ny.get("2024-03-08")![0]!)).toBe("2024-03-08T14:30:00.000Z");
    expect(iso(ny.get("2024-03-11")![0]!)).toBe("2024-03-11T13:30:00.000Z");
    expect(iso(ny.get("2024-03-08")!.at(-1)! + 5 * MINUTE)).toBe("2024-03-08T21:00:00.000Z");
  });

  it("opens the London index at 08:00Z in winter and 07:00Z in summer", () => {
    expect(iso(ldn.get("2024-03-29")![0]!)).toBe("2024-03-29T08:00:00.000Z");
    expect(iso(ldn.get("2024-04-01")![0]!)).toBe("2024-04-01T07:00:00.000Z");
    const autumnLdn = byDate(barColumns(autumn.tables[2]!).tsOpen, "Europe/London");
    expect(iso(autumnLdn.get("2024-10-25")![0]!)).toBe("2024-10-25T07:00:00.000Z");
    expect(iso(autumnLdn.get("2024-10-28")![0]!)).toBe("2024-10-28T08:00:00.000Z");
  });

  it.each([
    ["2024-03-08", 6.5, "both on winter time"],
    ["2024-03-11", 5.5, "New York switched on 03-10, London not yet"],
    ["2024-03-28", 5.5, "London still on GMT until 03-31"],
    ["2024-04-01", 6.5, "both on summer time"],
  ])("on %s puts the New York open %s hours after London's (%s)", (date, hours) => {
    expect((ny.get(date)![0]! - ldn.get(date)![0]!) / HOUR).toBe(hours);
  });

  it.each([
    ["2024-10-25", 6.5],
    ["2024-10-28", 5.5],
    ["2024-11-01", 5.5],
    ["2024-11-04", 6.5],
  ])("on %s puts the New York open %s hours after London's (London on GMT from 10-27, New York on EST from 11-03)", (date, hours) => {
    const [a, , b] = autumn.tables.map((t) => byDate(barColumns(t).tsOpen, t === autumn.tables[2] ? "Europe/London" : "America/New_York"));
    expect((a!.get(date)![0]! - b!.get(date)![0]!) / HOUR).toBe(hours);
  });

  it("gives 78 five-minute bars per New York day and 102 per London day, Monday to Friday only", () => {
    expect([...ny.values()].every((d) => d.length === 78)).toBe(true);
    expect([...ldn.values()].every((d) => d.length === 102)).toBe(true);
    expect(ny.size).toBe(25);
    expect(ldn.size).toBe(25);
    for (const t of spx!.tsOpen) expect(wallClock(t, "America/New_York").weekday % 6).not.toBe(0);
    for (const t of ukx!.tsOpen) expect(wallClock(t, "Europe/London").weekday % 6).not.toBe(0);
    expect(ny.has("2024-03-09") || ny.has("2024-03-10") || ldn.has("2024-03-30") || ldn.has("2024-03-31")).toBe(false);
  });

  it("runs FX continuously through the week and pauses from Friday 17:00 to Sunday 17:00 New York", () => {
    const gaps: [string, string][] = [];
    for (let i = 1; i < fx!.tsOpen.length; i++) {
      if (fx!.tsOpen[i]! - fx!.tsOpen[i - 1]! !== 5 * MINUTE) gaps.push([iso(fx!.tsClose[i - 1]!), iso(fx!.tsOpen[i]!)]);
    }
    expect(gaps).toEqual([
      ["2024-03-08T22:00:00.000Z", "2024-03-10T21:00:00.000Z"], // 47 h: the US switched on Sunday morning
      ["2024-03-15T21:00:00.000Z", "2024-03-17T21:00:00.000Z"],
      ["2024-03-22T21:00:00.000Z", "2024-03-24T21:00:00.000Z"],
      ["2024-03-29T21:00:00.000Z", "2024-03-31T21:00:00.000Z"],
    ]);
    expect(iso(fx!.tsOpen[0]!)).toBe("2024-03-04T05:00:00.000Z"); // midnight of the first date, New York time
    expect(iso(fx!.tsClose.at(-1)!)).toBe("2024-04-05T21:00:00.000Z");
    const fxAutumn = barColumns(autumn.tables[1]!);
    const i = fxAutumn.tsOpen.findIndex((t) => t > Date.UTC(2024, 10, 2));
    expect([iso(fxAutumn.tsClose[i - 1]!), iso(fxAutumn.tsOpen[i]!)]).toEqual(["2024-11-01T21:00:00.000Z", "2024-11-03T22:00:00.000Z"]);
    const week = fxAutumn.tsOpen.filter((t) => t >= Date.UTC(2024, 10, 3, 22) && t < Date.UTC(2024, 10, 8, 22));
    expect(week.length).toBe(5 * 24 * 12);
  });

  it("skips holidays by the local date of each bar's open", () => {
    const r = intradaySessionBars({
      start: "2024-03-27", end: "2024-04-02",
      symbols: [{ symbol: "UKX", session: "london-index", holidays: ["2024-03-29", "2024-04-01"] }, { symbol: "EURUSD", session: "fx", holidays: ["2024-03-29"] }],
    });
    expect([...byDate(barColumns(r.tables[0]!).tsOpen, "Europe/London").keys()]).toEqual(["2024-03-27", "2024-03-28", "2024-04-02"]);
    const fxDates = byDate(barColumns(r.tables[1]!).tsOpen, "America/New_York");
    expect(fxDates.has("2024-03-29")).toBe(false);
    expect(fxDates.get("2024-03-28")!.length).toBe(24 * 12);
  });

  it("cuts the last bar at the close when the session is not a whole number of intervals", () => {
    const r = intradaySessionBars({ start: "2024-03-11", end: "2024-03-11", interval: "1h", symbols: [{ symbol: "SPX", session: "us-index" }] });
    const c = barColumns(r.tables[0]!);
    expect(c.tsOpen.length).toBe(7);
    expect([iso(c.tsOpen[6]!), iso(c.tsClose[6]!)]).toEqual(["2024-03-11T19:30:00.000Z", "2024-03-11T20:00:00.000Z"]);
  });

  it("takes custom daily and weekly session specs, including overnight ones", () => {
    const r = intradaySessionBars({
      start: "2024-03-04", end: "2024-03-05", interval: "30m",
      symbols: [
        { symbol: "NKY", session: { kind: "daily", timeZone: "Asia/Tokyo", open: "09:00", close: "15:00" } },
        { symbol: "ES", session: { kind: "daily", timeZone: "America/Chicago", open: "17:00", close: "16:00", days: [0, 1, 2, 3, 4] } },
        { symbol: "BTC", session: { kind: "weekly", timeZone: "UTC", openDay: 1, open: "00:00", closeDay: 1, close: "00:00" } },
      ],
    });
    const [nky, es, btc] = r.tables.map((t) => barColumns(t));
    expect(iso(nky!.tsOpen[0]!)).toBe("2024-03-04T00:00:00.000Z");
    expect(nky!.tsOpen.length).toBe(24);
    expect(iso(es!.tsOpen[0]!)).toBe("2024-03-04T06:00:00.000Z"); // the Sunday 17:00 session, from local midnight Monday
    expect(btc!.tsOpen.length).toBe(2 * 48);
  });

  it("gives byte-identical columns for the same options, and a symbol's bars do not depend on the others", () => {
    const again = intradaySessionBars({ start: "2024-03-04", end: "2024-04-05", seed: 4 });
    spring.tables.forEach((t, i) => {
      const a = barColumns(t), b = barColumns(again.tables[i]!);
      for (const f of ["tsOpen", "tsClose", "open", "high", "low", "close", "volume"] as const) expect(sameBytes(a[f], b[f])).toBe(true);
    });
    const alone = barColumns(intradaySessionBars({ start: "2024-03-04", end: "2024-04-05", seed: 4, symbols: [{ symbol: "SPX", session: "us-index", startPrice: 5000 }] }).tables[0]!);
    expect(sameBytes(alone.close, spx!.close)).toBe(true);
  });

  it("returns an empty table when no session opens in the range", () => {
    const r = intradaySessionBars({ start: "2024-03-09", end: "2024-03-10", symbols: [{ symbol: "SPX", session: "us-index" }] });
    expect(r.tables[0]!.numRows).toBe(0);
  });

  it.each([
    [{ symbols: [] }, /invalid symbols/],
    [{ symbols: [{ symbol: "X", session: "tokyo" }] }, /invalid symbols\[0\]\.session: "tokyo" \(expected one of "us-index", "london-index", "fx"\)/],
    [{ symbols: [{ symbol: "X", session: { kind: "daily", timeZone: "Nowhere/City", open: "09:00", close: "10:00" } }] }, /invalid symbols\[0\]\.session\.timeZone/],
    [{ symbols: [{ symbol: "X", session: { kind: "daily", timeZone: "UTC", open: "9h", close: "10:00" } }] }, /invalid symbols\[0\]\.session\.open/],
    [{ symbols: [{ symbol: "X", session: { kind: "daily", timeZone: "UTC", open: "09:00", close: "10:00", days: [7] } }] }, /invalid symbols\[0\]\.session\.days\[0\]/],
    [{ symbols: [{ symbol: "X", session: { kind: "weekly", timeZone: "UTC", openDay: 0, open: "09:00", close: "10:00" } }] }, /invalid symbols\[0\]\.session\.closeDay/],
    [{ symbols: [{ symbol: "X", session: { kind: "hourly", timeZone: "UTC", open: "09:00", close: "10:00" } }] }, /invalid symbols\[0\]\.session\.kind/],
    [{ symbols: [{ symbol: "", session: "fx" }] }, /invalid symbols\[0\]\.symbol/],
    [{ symbols: [{ symbol: "X", session: "fx", volatility: -1 }] }, /invalid symbols\[0\]\.volatility/],
    [{ symbols: [{ symbol: "X", session: "fx", holidays: ["29/03/2024"] }] }, /invalid symbols\[0\]\.holidays\[0\]/],
    [{ interval: "1d" }, /invalid interval: "1d" \(expected an intraday interval/],
    [{ interval: "five" }, /invalid interval/],
    [{ start: "2024-03-10", end: "2024-03-01" }, /invalid end/],
    [{ seed: 1.5 }, /invalid seed/],
  ])("rejects %j", (options, message) => {
    expect(() => intradaySessionBars(options as never)).toThrow(message);
  });
});
