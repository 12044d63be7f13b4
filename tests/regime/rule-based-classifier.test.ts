import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UnsortedStreamError } from "../../src/core/errors.js";
import type { Bar } from "../../src/core/types.js";
import { RULE_BASED_FEATURES, RuleBasedClassifier } from "../../src/regime/rule-based-classifier.js";
import type { RuleBasedClassifierOptions } from "../../src/regime/rule-based-options.js";
import { alternating, barsFromReturns, steady } from "../fixtures/return-bars.js";

// Short windows so that hand-built sequences stay short: warm-up max(2*5-1, 5+1+40-1, 5) = 45 bars.
const SMALL: RuleBasedClassifierOptions = { adxPeriod: 5, volWindow: 5, volLookback: 40, slopeWindow: 5 };
// 60 bars of shrinking back-and-forth (ranging, falling volatility), 30 steady up, 30 steady down, 20 wild swings.
const PHASES = [...alternating(60, 0.03, 0.99), ...steady(30, 0.01), ...steady(30, -0.01), ...alternating(20, 0.1)];
const bars = barsFromReturns(PHASES);
const run = (options: RuleBasedClassifierOptions, input: readonly Bar[] = bars) => {
  const c = new RuleBasedClassifier(options);
  return { c, regimes: input.map((b) => c.update(b)) };
};

describe("RuleBasedClassifier", () => {
  it("calls each hand-built phase by its regime: ranging, trending-up, trending-down, high-volatility", () => {
    const { regimes } = run({ ...SMALL, minDwell: 1 });
    expect(regimes.slice(44, 61)).toEqual(Array(17).fill("ranging"));
    expect(regimes.slice(62, 93)).toEqual(Array(31).fill("trending-up")); // the trend shows 2 bars in
    expect(regimes.slice(93, 120)).toEqual(Array(27).fill("trending-down"));
    expect(regimes.slice(120)).toEqual(Array(20).fill("high-volatility"));
  });

  it("is null during warm-up and classifies from bar warmUpBars on, saying so in inspect()", () => {
    const { c, regimes } = run(SMALL, bars.slice(0, 45));
    expect(c.warmUpBars).toBe(45);
    expect(regimes.slice(0, 44).every((r) => r === null)).toBe(true);
    expect(regimes[44]).toBe("ranging");
    const cold = new RuleBasedClassifier(SMALL);
    bars.slice(0, 10).forEach((b) => cold.update(b));
    expect(cold.inspect()).toMatchObject({
      regime: null, warm: false, barsSeen: 10, warmUpBars: 45, regimeSince: null, barsInRegime: 0, candidate: null,
      rule: "warming up: 10 of 45 bars seen (ADX needs 9, the volatility percentile 45, the slope 5)",
    });
    expect(cold.inspect().features.volPercentile).toBeNull();
    expect(new RuleBasedClassifier().warmUpBars).toBe(272);
    expect(new RuleBasedClassifier({ volMeasure: "atr" }).warmUpBars).toBe(271);
  });

  it("adopts a new regime only after it holds minDwell bars, naming the pending candidate meanwhile", () => {
    const immediate = run({ ...SMALL, minDwell: 1 }).regimes;
    const { c, regimes } = run({ ...SMALL, minDwell: 3 }, bars.slice(0, 63));
    expect(immediate.indexOf("trending-up")).toBe(62);
    expect(regimes[62]).toBe("ranging");
    expect(c.inspect()).toMatchObject({ regime: "ranging", candidate: "trending-up", candidateBars: 1 });
    expect(c.inspect().rule).toMatch(/: trending-up \(candidate for 1 of 3 bars; keeping ranging until it holds 3\)$/);
    const later = run({ ...SMALL, minDwell: 3 }).regimes;
    expect(later.indexOf("trending-up")).toBe(64);
    expect(later.indexOf("trending-down")).toBe(immediate.indexOf("trending-down") + 2);
  });

  it("switches less with hysteresis and dwell than without, on the same bars", () => {
    const noisy = barsFromReturns(Array.from({ length: 600 }, (_, i) => 0.01 * Math.sin(i * 1.7) + 0.004 * Math.sin(i * 0.05)));
    const switches = (regimes: (string | null)[]) => regimes.filter((r, i) => i > 0 && regimes[i - 1] !== null && r !== regimes[i - 1]).length;
    const bare = switches(run({ ...SMALL, minDwell: 1, trendExitThreshold: 25, highVolExitPercentile: 0.9 }, noisy).regimes);
    const banded = switches(run({ ...SMALL, minDwell: 1 }, noisy).regimes);
    const dwelling = switches(run({ ...SMALL, minDwell: 5 }, noisy).regimes);
    expect(bare).toBeGreaterThan(0);
    expect(banded).toBeLessThan(bare);
    expect(dwelling).toBeLessThan(banded);
  });

  it("explains itself in JSON-safe terms: features, thresholds, the rule with its numbers, regimeSince and the last bar", () => {
    const { c } = run({ ...SMALL, minDwell: 1 }, bars.slice(0, 80));
    const inspection = c.inspect();
    expect(JSON.parse(JSON.stringify(inspection))).toStrictEqual(inspection);
    expect(Object.keys(inspection.features)).toEqual([...RULE_BASED_FEATURES]);
    expect(inspection).toMatchObject({
      regime: "trending-up", warm: true, barsSeen: 80, warmUpBars: 45, barsInRegime: 18, candidate: "trending-up", candidateBars: 0, probabilities: null,
      regimeSince: new Date(bars[62]!.tsClose).toISOString(), lastBar: { tsClose: new Date(bars[79]!.tsClose).toISOString(), close: bars[79]!.close },
      thresholds: { trendThreshold: 25, trendExitThreshold: 20, highVolPercentile: 0.9, highVolExitPercentile: 0.8, minDwell: 1 },
    });
    expect(inspection.rule).toMatch(/^vol percentile 0.375 < 0.9; ADX [\d.]+ >= 20 \(exit threshold, holding trending-up\) and \+DI [\d.]+ > -DI 0: trending-up$/);
  });

  it("records the timeline with one column per feature, null before each feature exists", () => {
    const { c } = run(SMALL, bars.slice(0, 50));
    const t = c.history();
    expect(t.schema.fields.map((f) => f.name)).toEqual(["ts", "regime", "adx", "plusDi", "minusDi", "volatility", "volPercentile", "slope"]);
    expect(t.numRows).toBe(50);
    const rows = t.toArray().map((r) => r.toJSON());
    expect(rows[3]).toMatchObject({ ts: bars[3]!.tsClose, regime: null, adx: null, volatility: null, slope: null });
    expect(rows[8]!.adx).not.toBeNull();
    expect(rows[49]).toMatchObject({ regime: "ranging", volPercentile: c.inspect().features.volPercentile });
  });

  it("replays identically after reset() and is deterministic across instances", () => {
    const { c, regimes } = run(SMALL);
    const first = { history: c.history().toArray().map((r) => r.toJSON()), inspection: c.inspect() };
    c.reset();
    expect(c.inspect()).toMatchObject({ barsSeen: 0, lastBar: null, regime: null });
    expect(c.history().numRows).toBe(0);
    expect(bars.map((b) => c.update(b))).toEqual(regimes);
    expect({ history: c.history().toArray().map((r) => r.toJSON()), inspection: c.inspect() }).toStrictEqual(first);
    const other = run(SMALL).c;
    expect(other.history().toArray().map((r) => r.toJSON())).toStrictEqual(first.history);
  });

  it("uses no bar after t: changing later bars leaves every regime and feature up to t unchanged", () => {
    const returns = fc.array(fc.double({ min: -0.08, max: 0.08, noNaN: true }), { minLength: 60, maxLength: 90 });
    fc.assert(
      fc.property(returns, returns, fc.nat(), fc.double({ min: 0, max: 0.02, noNaN: true }), (a, b, cut, wick) => {
        const t = 45 + (cut % (a.length - 45));
        const base = barsFromReturns(a, wick);
        const changed = barsFromReturns([...a.slice(0, t + 1), ...b], wick);
        const options = { ...SMALL, minDwell: 2 };
        const x = run(options, base).c.history().slice(0, t + 1).toArray().map((r) => r.toJSON());
        const y = run(options, changed).c.history().slice(0, t + 1).toArray().map((r) => r.toJSON());
        expect(y).toStrictEqual(x);
      }),
      { numRuns: 60 },
    );
  });

  it("reports its parameters with every default filled in", () => {
    expect(new RuleBasedClassifier().parameters()).toEqual({
      classifier: "rules", adxPeriod: 14, trendThreshold: 25, trendExitThreshold: 20, volMeasure: "realized", volWindow: 20, volLookback: 252,
      highVolPercentile: 0.9, highVolExitPercentile: 0.8, slopeWindow: 20, slopeConfirmation: false, minDwell: 3,
    });
    expect(new RuleBasedClassifier().name).toBe("rules(adx 14 25/20, vol realized 20/252 0.9/0.8, dwell 3)");
  });

  it.each<[RuleBasedClassifierOptions, RegExp]>([
    [{ adxPeriod: 0 }, /invalid adxPeriod: 0 \(expected a positive integer\)/],
    [{ trendThreshold: 120 }, /invalid trendThreshold: 120 \(expected a number in \[0, 100\]\)/],
    [{ trendExitThreshold: 30 }, /invalid trendExitThreshold: 30 \(expected a number in \[0, 25\]\); the exit must not exceed trendThreshold/],
    [{ highVolPercentile: 90 }, /invalid highVolPercentile: 90 \(expected a number in \[0, 1\]\); pass a fraction/],
    [{ highVolExitPercentile: 0.95 }, /invalid highVolExitPercentile: 0.95 \(expected a number in \[0, 0.9\]\)/],
    [{ volWindow: 1 }, /invalid volWindow: 1 \(expected an integer >= 2\)/],
    [{ volMeasure: "stdev" as never }, /invalid volMeasure: "stdev" \(expected one of "realized", "atr"\)/],
    [{ minDwell: 0.5 }, /invalid minDwell: 0.5 \(expected a positive integer\)/],
    [{ slopeConfirmation: "yes" as never }, /invalid slopeConfirmation: "yes" \(expected true or false\)/],
  ])("rejects invalid options with a message naming them (%o)", (options, message) => {
    expect(() => new RuleBasedClassifier(options)).toThrow(message);
  });

  it("rejects a bar that does not close after the previous one", () => {
    const c = new RuleBasedClassifier();
    c.update(bars[1]!);
    expect(() => c.update(bars[0]!)).toThrow(UnsortedStreamError);
    expect(() => c.update(bars[1]!)).toThrow(/invalid bar: tsClose .* is not after the previous bar's/);
  });

  it("classifies with ATR / close as the volatility measure too", () => {
    const { regimes, c } = run({ ...SMALL, minDwell: 1, volMeasure: "atr" });
    expect(regimes.at(-1)).toBe("high-volatility");
    expect(regimes[80]).toBe("trending-up");
    expect(c.inspect().features.volatility).toBeCloseTo(c.history().getChild("volatility")!.get(139) as number, 15);
  });
});
