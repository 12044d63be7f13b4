import { describe, expect, it } from "vitest";
import { HmmFeatures, hmmObservations } from "../../../src/regime/hmm/hmm-features.js";

describe("HmmFeatures", () => {
  it("gives the log return from the 2nd close with features 'return'", () => {
    const f = new HmmFeatures({ features: "return" });
    expect(f.update(100)).toBe(false);
    expect(f.update(110)).toBe(true);
    expect(f.values[0]).toBeCloseTo(Math.log(1.1), 15);
    expect(f.names).toEqual(["logReturn"]);
    expect(f.warmUpBars).toBe(2);
  });

  it("adds the log of the sample standard deviation of the last `volatilityWindow` log returns", () => {
    const closes = [100, 101, 99, 102, 100];
    const f = new HmmFeatures({ volatilityWindow: 3 });
    const defined = closes.map((c) => f.update(c));
    expect(defined).toEqual([false, false, false, true, true]);
    const r = closes.slice(1).map((c, i) => Math.log(c / closes[i]!)).slice(-3);
    const mean = r.reduce((a, b) => a + b) / 3;
    const sd = Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
    expect(f.values[1]).toBeCloseTo(Math.log(sd), 12);
    expect(f.warmUpBars).toBe(4);
    f.reset();
    expect(f.update(100)).toBe(false);
  });

  it("floors a flat window's volatility at 1e-12 rather than taking log 0", () => {
    const f = new HmmFeatures({ volatilityWindow: 2 });
    [5, 5, 5, 5].forEach((c) => f.update(c));
    expect(f.values[1]).toBeCloseTo(Math.log(1e-12), 12);
  });

  it("builds fit-ready observations from closes, skipping the warm-up", () => {
    const { observations, firstIndex, names } = hmmObservations([100, 101, 99, 102, 100], { volatilityWindow: 3 });
    expect(firstIndex).toBe(3);
    expect(observations).toHaveLength(2);
    expect(names).toEqual(["logReturn", "logVolatility"]);
  });

  it("rejects a bad window and a non-positive close", () => {
    expect(() => new HmmFeatures({ volatilityWindow: 1 })).toThrow(/invalid volatilityWindow: 1/);
    expect(() => new HmmFeatures().update(0)).toThrow(/invalid close: 0/);
  });
});
