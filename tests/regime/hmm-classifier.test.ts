import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Bar } from "../../src/core/types.js";
import { barAt, barColumns } from "../../src/data/bar-table.js";
import { HmmClassifier } from "../../src/regime/hmm-classifier.js";
import { fitGaussianHmm } from "../../src/regime/hmm/fit-gaussian-hmm.js";
import { hmmObservations } from "../../src/regime/hmm/hmm-features.js";
import { REGIMES } from "../../src/regime/regimes.js";
import { regimeSwitchingBars } from "../../src/synthetic/regime-switching-bars.js";

const { table } = regimeSwitchingBars({ n: 1200, seed: 3 });
const columns = barColumns(table);
const BARS: Bar[] = Array.from(columns.close, (_, i) => barAt(columns, i, "SYN"));
const SMALL = { trainBars: 200, restarts: 2 } as const;

function feed(c: HmmClassifier, bars: readonly Bar[]) {
  return bars.map((b) => c.update(b));
}

describe("HmmClassifier", () => {
  it("warms up for trainBars + the feature warm-up - 1 bars, then fits and classifies every bar", () => {
    const c = new HmmClassifier(SMALL);
    const out = feed(c, BARS.slice(0, 400));
    const warmUp = 200 + 11 - 1; // features from the 11th bar (10-bar volatility), 200 of them
    expect(c.warmUpBars()).toBe(warmUp);
    expect(out.slice(0, warmUp - 1).every((r) => r === null)).toBe(true);
    expect(out.slice(warmUp - 1).every((r) => r !== null)).toBe(true);
    expect(c.inspect()).toMatchObject({ warm: true, barsSeen: 400, warmUpBars: warmUp });
    expect(c.model()!.fit!.observations).toBe(200);
  });

  it("explains itself in JSON-safe terms that survive a round trip exactly, warm or not", () => {
    const c = new HmmClassifier(SMALL);
    expect(JSON.parse(JSON.stringify(c.inspect()))).toStrictEqual(c.inspect());
    feed(c, BARS.slice(0, 100));
    const cold = c.inspect();
    expect(JSON.parse(JSON.stringify(cold))).toStrictEqual(cold);
    expect(cold).toMatchObject({ regime: null, warm: false, probabilities: null });
    expect(cold.rule).toMatch(/warming up: 100 of 210 bars/);
    feed(c, BARS.slice(100, 600));
    const x = c.inspect();
    expect(JSON.parse(JSON.stringify(x))).toStrictEqual(x);
    const p = x.probabilities!;
    expect(Object.keys(p)).toEqual([...REGIMES]);
    expect(REGIMES.reduce((s, r) => s + p[r], 0)).toBeCloseTo(1, 12);
    expect(x.regime).toBe(REGIMES.reduce((best, r) => (p[r] > p[best] ? r : best), REGIMES[0]));
    expect(x.rule).toMatch(new RegExp(`^filtered P\\(${x.regime}\\) = \\d\\.\\d\\d is the largest`));
    expect(x.thresholds).toMatchObject({ states: 4, trainBars: 200, "state3.regime": REGIMES.indexOf("high-volatility") });
    expect(Object.keys(x.features)).toEqual(["logReturn", "logVolatility", "p:state0", "p:state1", "p:state2", "p:state3"]);
    expect(x.lastBar!.tsClose).toBe(new Date(BARS[599]!.tsClose).toISOString());
  });

  it("records a history with the feature columns and p:<regime> columns that sum to 1 after warm-up", () => {
    const c = new HmmClassifier(SMALL);
    feed(c, BARS.slice(0, 500));
    const h = c.history();
    expect(h.numRows).toBe(500);
    expect(h.schema.fields.map((f) => f.name)).toEqual(["ts", "regime", "logReturn", "logVolatility", ...REGIMES.map((r) => `p:${r}`)]);
    const cols = REGIMES.map((r) => h.getChild(`p:${r}`)!.toArray() as Float64Array);
    expect(h.getChild("p:ranging")!.get(208)).toBeNull();
    for (let i = 209; i < 500; i++) expect(cols.reduce((s, col) => s + col[i]!, 0)).toBeCloseTo(1, 12);
  });

  it("is deterministic and starts over on reset, refitting on the same bars (no model from a later window)", () => {
    const a = new HmmClassifier(SMALL);
    const first = feed(a, BARS.slice(0, 500));
    const model = a.model();
    a.reset();
    expect(a.model()).toBeNull();
    expect(a.inspect()).toMatchObject({ barsSeen: 0, lastBar: null, regime: null });
    expect(a.history().numRows).toBe(0);
    expect(feed(a, BARS.slice(0, 500))).toEqual(first);
    expect(a.model()).toStrictEqual(model);
    expect(feed(new HmmClassifier(SMALL), BARS.slice(0, 500))).toEqual(first);
  });

  it("filters with a model fitted elsewhere from the first bar with features, and keeps it on reset", () => {
    const model = fitGaussianHmm(hmmObservations(columns.close.slice(0, 600)).observations, { states: 3 });
    const c = HmmClassifier.fromModel(model);
    const out = feed(c, BARS.slice(600, 700));
    expect(out.slice(0, 10).every((r) => r === null)).toBe(true);
    expect(out.slice(10).every((r) => r !== null)).toBe(true);
    expect([...c.stateRegimes()].sort()).toEqual(["high-volatility", "trending-down", "trending-up"]); // K = 3: no ranging state
    expect(c.stateRegimes()[2]).toBe("high-volatility"); // states come sorted by return variance
    expect(c.parameters()).toMatchObject({ classifier: "hmm", states: 3, model: "given" });
    c.reset();
    expect(c.model()).toBe(model);
    expect(feed(c, BARS.slice(600, 700))).toEqual(out);
  });

  it("refits on past bars every refitEvery bars, on a rolling window when asked", () => {
    const c = new HmmClassifier({ ...SMALL, refitEvery: 100, refitWindow: "rolling" });
    feed(c, BARS.slice(0, 520));
    // first fit at bar 210 (observation 200), refits at observations 300, 400 and 500 on the last 200.
    expect(c.model()!.fit!.observations).toBe(200);
    const expanding = new HmmClassifier({ ...SMALL, refitEvery: 100 });
    feed(expanding, BARS.slice(0, 520));
    expect(expanding.model()!.fit!.observations).toBe(500);
  });

  it("holds a regime until a new one leads for minDwell bars", () => {
    const free = feed(new HmmClassifier(SMALL), BARS);
    const dwell = feed(new HmmClassifier({ ...SMALL, minDwell: 5 }), BARS);
    const switches = (xs: (string | null)[]) => xs.filter((r, i) => i > 0 && r !== null && xs[i - 1] !== null && r !== xs[i - 1]).length;
    expect(switches(dwell)).toBeLessThan(switches(free));
    // a switch needs 5 bars of lead, and the lead count starts only after the previous switch, so every
    // run but the first (which starts at warm-up) and the last (cut by the data's end) lasts >= 5 bars
    const warm = dwell.filter((r) => r !== null);
    const runs: number[] = [];
    warm.forEach((r, i) => (i > 0 && r === warm[i - 1] ? runs[runs.length - 1]!++ : runs.push(1)));
    expect(runs.length).toBeGreaterThan(3);
    expect(runs.slice(1, -1).every((n) => n >= 5)).toBe(true);
  });

  it("uses no future bar: changing bars after t leaves every output up to t unchanged (property)", () => {
    const bars = BARS.slice(0, 160);
    const options = { trainBars: 60, states: 2, restarts: 1 } as const;
    const base = new HmmClassifier(options);
    const expected = bars.map((b) => { base.update(b); return base.inspect(); });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 158 }), fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 1, maxLength: 160 }), (t, factors) => {
        const c = new HmmClassifier(options);
        bars.forEach((b, i) => {
          const f = i > t ? factors[i % factors.length]! : 1;
          c.update({ ...b, open: b.open * f, high: b.high * f, low: b.low * f, close: b.close * f });
          if (i <= t) expect(c.inspect()).toStrictEqual(expected[i]);
        });
      }),
      { numRuns: 25 },
    );
  });

  it("rejects bad options and out-of-order bars with messages naming them", () => {
    expect(() => new HmmClassifier({ states: 7 })).toThrow(/invalid states: 7/);
    expect(() => new HmmClassifier({ trainBars: 20 })).toThrow(/invalid trainBars: 20/);
    expect(() => new HmmClassifier({ stateRegimes: ["bull" as never] })).toThrow(/invalid stateRegimes/);
    expect(() => HmmClassifier.fromModel(fitGaussianHmm([1, 2, 3, 4, 5, 6], { states: 2 }))).toThrow(/invalid model.dimensions: 1 \(expected 2/);
    expect(() => HmmClassifier.fromModel(fitGaussianHmm([1, 2, 3, 4, 5, 6], { states: 2 }), { features: "return", stateRegimes: ["ranging"] })).toThrow(/invalid stateRegimes/);
    const c = new HmmClassifier(SMALL);
    c.update(BARS[1]!);
    expect(() => c.update(BARS[0]!)).toThrow(/invalid bar: tsClose .* is not after/);
  });
});
