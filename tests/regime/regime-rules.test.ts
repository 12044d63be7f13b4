import { describe, expect, it } from "vitest";
import { applyRegimeRules, type RegimeRuleFeatures } from "../../src/regime/regime-rules.js";
import { ruleBasedSettings } from "../../src/regime/rule-based-options.js";
import type { Regime } from "../../src/regime/regimes.js";

const s = ruleBasedSettings(); // entry/exit: ADX 25/20, vol percentile 0.9/0.8
const features = (o: Partial<RegimeRuleFeatures>): RegimeRuleFeatures => ({ adx: 30, plusDi: 30, minusDi: 10, volatility: 0.01, volPercentile: 0.5, slope: 0.001, ...o });

describe("applyRegimeRules", () => {
  it.each<[string, Partial<RegimeRuleFeatures>, Regime | null, Regime]>([
    ["vol percentile at the entry threshold", { volPercentile: 0.9 }, "ranging", "high-volatility"],
    ["vol percentile just below the entry threshold", { volPercentile: 0.8999 }, "ranging", "trending-up"],
    ["vol percentile between exit and entry while holding high-volatility", { volPercentile: 0.85 }, "high-volatility", "high-volatility"],
    ["vol percentile just below the exit threshold while holding high-volatility", { volPercentile: 0.7999 }, "high-volatility", "trending-up"],
    ["ADX at the entry threshold, +DI leading", { adx: 25 }, "ranging", "trending-up"],
    ["ADX just below the entry threshold", { adx: 24.999 }, "ranging", "ranging"],
    ["ADX at the entry threshold, -DI leading", { adx: 25, plusDi: 10, minusDi: 30 }, "ranging", "trending-down"],
    ["ADX between exit and entry while holding the same trend", { adx: 22 }, "trending-up", "trending-up"],
    ["ADX between exit and entry, the lead reversed against the held trend", { adx: 22, plusDi: 10, minusDi: 30 }, "trending-up", "ranging"],
    ["ADX just below the exit threshold while holding the trend", { adx: 19.999, plusDi: 10, minusDi: 30 }, "trending-down", "ranging"],
    ["a +DI = -DI tie broken by a falling slope", { plusDi: 20, minusDi: 20, slope: -0.002 }, "ranging", "trending-down"],
    ["a +DI = -DI tie with a flat slope", { plusDi: 20, minusDi: 20, slope: 0 }, "ranging", "ranging"],
  ])("%s gives the expected regime", (_, f, adopted, expected) => {
    expect(applyRegimeRules(features(f), s, adopted)).toBe(expected);
    const why: string[] = [];
    expect(applyRegimeRules(features(f), s, adopted, why)).toBe(expected);
    expect(why.length).toBeGreaterThan(0);
  });

  it("ranks volatility before trend: a strong trend in a volatility spike is high-volatility", () => {
    expect(applyRegimeRules(features({ adx: 80, volPercentile: 0.95 }), s, "trending-up")).toBe("high-volatility");
  });

  it("with slope confirmation, calls a trend whose slope disagrees with its DI lead ranging", () => {
    const confirm = ruleBasedSettings({ slopeConfirmation: true });
    expect(applyRegimeRules(features({ slope: -0.001 }), confirm, "ranging")).toBe("ranging");
    expect(applyRegimeRules(features({ slope: -0.001 }), s, "ranging")).toBe("trending-up");
    const why: string[] = [];
    applyRegimeRules(features({ slope: -0.001 }), confirm, "ranging", why);
    expect(why.join("; ")).toBe("vol percentile 0.5 < 0.9; ADX 30 >= 25 and +DI 30 > -DI 10 but slope -0.001 <= 0 disagrees");
  });

  it("explains with the numbers and names the exit thresholds of the hysteresis", () => {
    const explain = (f: Partial<RegimeRuleFeatures>, adopted: Regime | null) => {
      const why: string[] = [];
      applyRegimeRules(features(f), s, adopted, why);
      return why.join("; ");
    };
    expect(explain({ volPercentile: 0.95 }, "ranging")).toBe("vol percentile 0.95 >= 0.9");
    expect(explain({ volPercentile: 0.85 }, "high-volatility")).toBe("vol percentile 0.85 >= 0.8 (exit threshold, holding high-volatility)");
    expect(explain({ adx: 31.2, plusDi: 28, minusDi: 12.1 }, "ranging")).toBe("vol percentile 0.5 < 0.9; ADX 31.2 >= 25 and +DI 28 > -DI 12.1");
    expect(explain({ adx: 22, plusDi: 10, minusDi: 30 }, "trending-down")).toBe(
      "vol percentile 0.5 < 0.9; ADX 22 >= 20 (exit threshold, holding trending-down) and -DI 30 > +DI 10",
    );
    expect(explain({ adx: 18 }, "ranging")).toBe("vol percentile 0.5 < 0.9; ADX 18 < 25 (+DI 30 > -DI 10)");
    expect(explain({ adx: 24.99996 }, "ranging")).toBe("vol percentile 0.5 < 0.9; ADX 24.99996 < 25 (+DI 30 > -DI 10)");
  });
});
