import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GaussianHmmModel } from "../../../src/regime/hmm/gaussian-hmm-model.js";
import { filterProbabilities, HmmFilter } from "../../../src/regime/hmm/hmm-filter.js";
import { createRng } from "../../../src/synthetic/random.js";
import { bruteForceFiltered } from "./brute-force-hmm.js";

// Two states: 0 = N(0, 1), 1 = N(0, 4); pi = [0.5, 0.5]; A = [[0.9, 0.1], [0.2, 0.8]].
const MODEL: GaussianHmmModel = { states: 2, dimensions: 1, initial: [0.5, 0.5], transitions: [[0.9, 0.1], [0.2, 0.8]], means: [[0], [0]], variances: [[1], [4]] };

describe("HmmFilter", () => {
  it("gives the filtered probabilities worked out by hand for x = 0, 2, 0", () => {
    // Only the ratio r = b1(x) / b0(x) matters after normalizing: b0 = phi(x), b1 = phi(x / 2) / 2.
    // x = 0: r = 1/2. x = 2: r = (e^-0.5 / 2) / e^-2 = e^1.5 / 2 = 2.2408445.
    // t=0: alpha ∝ [0.5 * 1, 0.5 * 0.5] = [0.5, 0.25] -> [2/3, 1/3].
    // t=1: pred = [2/3 * 0.9 + 1/3 * 0.2, 2/3 * 0.1 + 1/3 * 0.8] = [2/3, 1/3] (the stationary law);
    //      alpha ∝ [2/3, 1/3 * 2.2408445 = 0.7469482] -> / 1.4136148 = [0.4716042, 0.5283958].
    // t=2: pred = [0.4716042 * 0.9 + 0.5283958 * 0.2, 0.4716042 * 0.1 + 0.5283958 * 0.8] = [0.5301229, 0.4698771];
    //      alpha ∝ [0.5301229, 0.4698771 * 0.5 = 0.2349385] -> / 0.7650615 = [0.6929155, 0.3070845].
    // log P(x) = log c0 + log c1 + log c2, with phi(0) = 0.3989423:
    //   c0 = 0.5 phi(0) + 0.5 phi(0) / 2 = 0.2992067; c1 = [2/3 e^-2 + 1/3 e^-0.5 / 2] phi(0) = 0.0763224;
    //   c2 = [0.5301229 + 0.4698771 / 2] phi(0) = 0.3052154; log(c0 c1 c2) = -4.9661466.
    const filter = new HmmFilter(MODEL);
    expect(Array.from(filter.update([0]))).toEqual([expect.closeTo(2 / 3, 12), expect.closeTo(1 / 3, 12)]);
    expect(Array.from(filter.update([2]))).toEqual([expect.closeTo(0.4716042, 6), expect.closeTo(0.5283958, 6)]);
    expect(Array.from(filter.update([0]))).toEqual([expect.closeTo(0.6929155, 6), expect.closeTo(0.3070845, 6)]);
    expect(filter.logLikelihood).toBeCloseTo(-4.9661466, 6);
    expect(filter.steps).toBe(3);
  });

  it("equals P(state_t | x_0..x_t) from enumerating every path of each prefix", () => {
    const model: GaussianHmmModel = { states: 3, dimensions: 1, initial: [0.2, 0.5, 0.3], transitions: [[0.7, 0.3, 0], [0.1, 0.6, 0.3], [0.25, 0.25, 0.5]], means: [[-1], [0], [2]], variances: [[0.3], [1], [2]] };
    const x = [-0.8, 0.1, 2.5, 1.9, -1.2, 0.4];
    const exact = bruteForceFiltered({ initial: [...model.initial], transitions: model.transitions.map((r) => [...r]), means: [-1, 0, 2], variances: [0.3, 1, 2] }, x);
    filterProbabilities(model, x).forEach((row, t) => row.forEach((p, k) => expect(p).toBeCloseTo(exact[t]![k]!, 12)));
  });

  it("keeps probabilities that sum to 1 on 100,000 observations, outliers included, with a finite log-likelihood", () => {
    const rng = createRng(3);
    const filter = new HmmFilter({ ...MODEL, transitions: [[1, 0], [0.2, 0.8]] });
    let worst = 0;
    for (let t = 0; t < 100_000; t++) {
      const x = t % 10_007 === 0 ? 1e3 : (t % 2000 < 1000 ? 1 : 2) * rng.normal(); // a 1000-sigma outlier now and then
      const p = filter.update([x]);
      worst = Math.max(worst, Math.abs(p[0]! + p[1]! - 1));
      if (!(p[0]! >= 0 && p[1]! >= 0)) throw new Error(`bad probabilities at ${t}: ${p[0]}, ${p[1]}`);
    }
    expect(worst).toBeLessThan(1e-12);
    expect(Number.isFinite(filter.logLikelihood)).toBe(true);
  });

  it("gives probabilities in [0, 1] that sum to 1 for any observations (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        for (const row of filterProbabilities(MODEL, xs)) {
          expect(row[0]! + row[1]!).toBeCloseTo(1, 12);
          expect(row.every((p) => p >= 0 && p <= 1)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("returns to the initial distribution on reset and repeats itself", () => {
    const filter = new HmmFilter(MODEL);
    const first = [0.3, -1.1, 2.4].map((x) => Array.from(filter.update([x])));
    filter.reset();
    expect(Array.from(filter.probabilities)).toEqual([0.5, 0.5]);
    expect([0.3, -1.1, 2.4].map((x) => Array.from(filter.update([x])))).toEqual(first);
  });

  it("rejects a malformed model and observations of the wrong width, naming the field", () => {
    expect(() => new HmmFilter({ ...MODEL, transitions: [[0.9, 0.2], [0.2, 0.8]] })).toThrow(/invalid model.transitions\[0\].*sum to 1/);
    expect(() => new HmmFilter({ ...MODEL, variances: [[1], [0]] })).toThrow(/invalid model.variances\[1\]/);
    expect(() => filterProbabilities(MODEL, [[1, 2]])).toThrow(/invalid observations/);
  });
});
