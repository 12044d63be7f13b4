import { describe, expect, it } from "vitest";
import { RegimeHistory } from "../../src/regime/regime-history.js";
import { REGIMES, isRegime, regimeOfSyntheticLabel } from "../../src/regime/regimes.js";

describe("RegimeHistory", () => {
  it("builds the timeline table: ts, regime (null while warming up), features and probabilities (NaN as null)", () => {
    const h = new RegimeHistory(["adx", "volPercentile"], true);
    h.push(1000, null, [NaN, NaN]);
    h.push(2000, "ranging", [18.5, 0.4], [0.1, 0.2, 0.6, 0.1]);
    const t = h.toTable();
    expect(t.schema.fields.map((f) => f.name)).toEqual(["ts", "regime", "adx", "volPercentile", ...REGIMES.map((r) => `p:${r}`)]);
    expect(t.toArray().map((r) => r.toJSON())).toEqual([
      { ts: 1000, regime: null, adx: null, volPercentile: null, "p:trending-up": null, "p:trending-down": null, "p:ranging": null, "p:high-volatility": null },
      { ts: 2000, regime: "ranging", adx: 18.5, volPercentile: 0.4, "p:trending-up": 0.1, "p:trending-down": 0.2, "p:ranging": 0.6, "p:high-volatility": 0.1 },
    ]);
  });

  it("returns a table that later pushes do not change, and starts over after clear()", () => {
    const h = new RegimeHistory(["x"]);
    h.push(1, "trending-up", [1]);
    const t = h.toTable();
    h.push(2, "trending-down", [2]);
    expect(t.numRows).toBe(1);
    expect(h.toTable().numRows).toBe(2);
    h.clear();
    expect(h.length).toBe(0);
    expect(h.toTable().numRows).toBe(0);
  });
});

describe("regimes", () => {
  it("maps the synthetic generator's labels onto the named regimes", () => {
    expect(["bull", "bear", "sideways", "high-volatility"].map((l) => regimeOfSyntheticLabel(l as never))).toEqual(REGIMES);
    expect(isRegime("ranging")).toBe(true);
    expect(isRegime("bull")).toBe(false);
  });
});
