import { describe, expect, it } from "vitest";
import { RegimeHistory } from "../../src/regime/regime-history.js";
import { regimeRuns } from "../../src/regime/regime-runs.js";

describe("regimeRuns", () => {
  it("splits a timeline into runs that reach the next run's start, skipping warm-up", () => {
    const rows = [
      { ts: 1, regime: null }, { ts: 2, regime: null },
      { ts: 3, regime: "ranging" }, { ts: 4, regime: "ranging" },
      { ts: 5, regime: "high-volatility" },
      { ts: 6, regime: "ranging" }, { ts: 7, regime: "ranging" },
    ] as const;
    expect(regimeRuns(rows)).toEqual([
      { regime: "ranging", start: 3, end: 5, last: 4, bars: 2 },
      { regime: "high-volatility", start: 5, end: 6, last: 5, bars: 1 },
      { regime: "ranging", start: 6, end: 7, last: 7, bars: 2 },
    ]);
  });

  it("reads a classifier's history table the same way", () => {
    const h = new RegimeHistory([]);
    h.push(10, "trending-up", []);
    h.push(20, "trending-up", []);
    h.push(30, "trending-down", []);
    expect(regimeRuns(h.toTable())).toEqual([
      { regime: "trending-up", start: 10, end: 30, last: 20, bars: 2 },
      { regime: "trending-down", start: 30, end: 30, last: 30, bars: 1 },
    ]);
  });

  it("rejects times that do not increase and unknown regimes, naming the row", () => {
    expect(() => regimeRuns([{ ts: 2, regime: "ranging" }, { ts: 2, regime: "ranging" }])).toThrow(/timeline row 2 ts/);
    expect(() => regimeRuns([{ ts: 1, regime: "bull" as never }])).toThrow(/timeline row 1 regime: "bull"/);
    expect(() => regimeRuns({} as never)).toThrow(/invalid timeline/);
  });
});
