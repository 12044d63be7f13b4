import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { wallClock } from "../../src/core/time.js";
import { barColumns, barInfo } from "../../src/data/bar-table.js";
import { findBarIssues } from "../../src/data/validate-bars.js";
import { regimeSwitchingBars } from "../../src/synthetic/regime-switching-bars.js";
import { SYNTHETIC_REGIMES, type SyntheticRegime } from "../../src/synthetic/synthetic-regimes.js";

const IDENTITY = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]];
const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const sameBytes = (a: Float64Array, b: Float64Array) => Buffer.compare(bytes(a), bytes(b)) === 0;
const logReturns = (close: Float64Array) => Array.from(close.subarray(1), (c, i) => Math.log(c / close[i]!));

function varianceRatio(close: Float64Array, h: number): number {
  const lc = Array.from(close, Math.log);
  const v = (k: number) => {
    const r: number[] = [];
    for (let i = k; i < lc.length; i += k) r.push(lc[i]! - lc[i - k]!);
    const m = r.reduce((a, b) => a + b, 0) / r.length;
    return r.reduce((a, b) => a + (b - m) ** 2, 0) / r.length;
  };
  return v(h) / (h * v(1));
}

describe("regimeSwitchingBars", () => {
  it("returns n valid daily bars with one label per bar", () => {
    const r = regimeSwitchingBars({ n: 300, seed: 9, symbol: "TEST" });
    expect(r.table.numRows).toBe(300);
    expect(findBarIssues(barColumns(r.table))).toEqual([]);
    expect(barInfo(r.table)).toEqual({ symbol: "TEST", timeZone: "America/New_York", interval: "1d" });
    expect(r.info).toEqual(barInfo(r.table));
    expect(r.regimes).toHaveLength(300);
    expect(r.labels.numRows).toBe(300);
    expect(r.labels.getChild("tsClose")!.toArray()).toEqual(barColumns(r.table).tsClose);
    expect(r.labels.getChild("regime")!.type).toBeInstanceOf(arrow.Dictionary);
    expect(Array.from(r.labels.getChild("regime")!.toArray() as Iterable<string>)).toEqual(r.regimes);
    expect(JSON.parse(JSON.stringify({ d: r.dynamics, t: r.transitions, g: r.regimes }))).toEqual({ d: r.dynamics, t: r.transitions, g: r.regimes });
  });

  it("gives byte-identical columns and labels for the same options, and other bars for another seed", () => {
    const a = barColumns(regimeSwitchingBars({ n: 500, seed: 123 }).table);
    const b = barColumns(regimeSwitchingBars({ n: 500, seed: 123 }).table);
    const c = barColumns(regimeSwitchingBars({ n: 500, seed: 124 }).table);
    for (const f of ["tsOpen", "tsClose", "open", "high", "low", "close", "volume"] as const) expect(sameBytes(a[f], b[f])).toBe(true);
    expect(regimeSwitchingBars({ n: 500, seed: 123 }).regimes).toEqual(regimeSwitchingBars({ n: 500, seed: 123 }).regimes);
    expect(sameBytes(a.close, c.close)).toBe(false);
  });

  it("stamps bars at the New York session in UTC across the March change, weekdays only", () => {
    const r = regimeSwitchingBars({ n: 3, start: "2024-03-08" });
    const c = barColumns(r.table);
    expect(Array.from(c.tsOpen, (t) => new Date(t).toISOString())).toEqual([
      "2024-03-08T14:30:00.000Z", "2024-03-11T13:30:00.000Z", "2024-03-12T13:30:00.000Z",
    ]);
    expect(new Date(c.tsClose[0]!).toISOString()).toBe("2024-03-08T21:00:00.000Z");
    expect(new Date(c.tsClose[1]!).toISOString()).toBe("2024-03-11T20:00:00.000Z");
    for (const t of barColumns(regimeSwitchingBars({ n: 600, seed: 2 }).table).tsOpen) {
      const w = wallClock(t, "America/New_York");
      expect([w.weekday >= 1 && w.weekday <= 5, w.hour, w.minute]).toEqual([true, 9, 30]);
    }
  });

  it("rolls a weekend start forward, skips holidays and honours another zone and session", () => {
    const r = regimeSwitchingBars({ n: 2, start: "2024-03-30", holidays: ["2024-04-01"], timeZone: "Europe/London", sessionOpen: "08:00", sessionClose: "16:30" });
    expect(Array.from(barColumns(r.table).tsOpen, (t) => new Date(t).toISOString())).toEqual(["2024-04-02T07:00:00.000Z", "2024-04-03T07:00:00.000Z"]);
  });

  it("switches regimes with a mean dwell of 40 to 80 bars under the default matrix", () => {
    const { regimes } = regimeSwitchingBars({ n: 20_000, seed: 5 });
    const runs = regimes.filter((x, i) => i === 0 || regimes[i - 1] !== x).length;
    expect(20_000 / runs).toBeGreaterThan(40);
    expect(20_000 / runs).toBeLessThan(80);
    for (const regime of SYNTHETIC_REGIMES) expect(regimes.filter((x) => x === regime).length).toBeGreaterThan(2000);
  });

  it("draws each regime's returns with its own drift and volatility", () => {
    const r = regimeSwitchingBars({ n: 20_000, seed: 6 });
    const ret = logReturns(barColumns(r.table).close);
    const by = new Map<SyntheticRegime, number[]>();
    ret.forEach((x, i) => {
      if (r.regimes[i + 1] === r.regimes[i]) (by.get(r.regimes[i + 1]!) ?? by.set(r.regimes[i + 1]!, []).get(r.regimes[i + 1]!)!).push(x);
    });
    const stats = (xs: number[]) => {
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      return { mean: m, sd: Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length) };
    };
    for (const regime of ["bull", "bear", "high-volatility"] as const) {
      expect(stats(by.get(regime)!).sd / r.dynamics[regime].volatility).toBeGreaterThan(0.9);
      expect(stats(by.get(regime)!).sd / r.dynamics[regime].volatility).toBeLessThan(1.1);
    }
    expect(stats(by.get("bull")!).mean).toBeGreaterThan(0.0003);
    expect(stats(by.get("bear")!).mean).toBeLessThan(-0.0004);
  });

  it("makes the sideways regime range (mean reversion) while bull trends like a random walk", () => {
    const ratio = (initialRegime: SyntheticRegime) =>
      varianceRatio(barColumns(regimeSwitchingBars({ n: 5000, seed: 1, transitions: IDENTITY, initialRegime }).table).close, 20);
    expect(ratio("sideways")).toBeLessThan(0.65);
    expect(ratio("bull")).toBeGreaterThan(0.75);
  });

  it("takes per-regime overrides and keeps the other defaults", () => {
    const r = regimeSwitchingBars({ n: 10, regimes: { bull: { volatility: 0.02 } }, transitions: IDENTITY, initialRegime: "bull" });
    expect(r.dynamics.bull).toEqual({ drift: 0.0008, volatility: 0.02, meanReversion: 0, anchorRate: 0 });
    expect(r.regimes).toEqual(new Array(10).fill("bull"));
  });

  it.each([
    [{ n: 0 }, /invalid n: 0/],
    [{ n: 2.5 }, /invalid n/],
    [{ start: "2024-13-01" }, /invalid start/],
    [{ start: "2024-03-08T09:30" }, /invalid start/],
    [{ seed: 0.5 }, /invalid seed/],
    [{ timeZone: "Mars/Olympus" }, /invalid timeZone/],
    [{ sessionOpen: "16:00", sessionClose: "09:30" }, /invalid sessionClose/],
    [{ startPrice: -1 }, /invalid startPrice/],
    [{ initialRegime: "crash" }, /invalid initialRegime/],
    [{ regimes: { crash: { drift: 0 } } }, /invalid regimes: "crash"/],
    [{ regimes: { bear: { volatility: -0.1 } } }, /invalid regimes\.bear\.volatility/],
    [{ regimes: { sideways: { meanReversion: 2 } } }, /invalid regimes\.sideways\.meanReversion/],
    [{ transitions: [[1, 0, 0, 0]] }, /invalid transitions: .*4x4 matrix/],
    [{ transitions: [[1, 0, 0, 0], [0, 1, 0], [0, 0, 1, 0], [0, 0, 0, 1]] }, /invalid transitions\[1\]/],
    [{ transitions: [[1, 0, 0, 0], [0, 1, 0, 0], [0.5, 0.6, -0.1, 0], [0, 0, 0, 1]] }, /invalid transitions\[2\]\[2\]/],
    [{ transitions: [[0.9, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]] }, /invalid transitions\[0\].*sum to 1.*"bull"/],
    [{ holidays: ["2024-02-30"] }, /invalid holidays\[0\]/],
  ])("rejects %j", (options, message) => {
    expect(() => regimeSwitchingBars(options as never)).toThrow(message);
  });
});
