import { describe, expect, it } from "vitest";
import { DiagonalGaussians } from "../../../src/regime/hmm/diagonal-gaussians.js";
import { forwardBackward } from "../../../src/regime/hmm/forward-backward.js";
import { logForwardBackward } from "../../../src/regime/hmm/log-forward-backward.js";
import { createRng } from "../../../src/synthetic/random.js";
import { bruteForcePosteriors, type SmallHmm } from "./brute-force-hmm.js";

const MODEL: SmallHmm = { initial: [0.6, 0.4], transitions: [[0.8, 0.2], [0.3, 0.7]], means: [0, 1.5], variances: [1, 0.5] };
const X = [0.2, 1.4, 2.1, -0.3, 0.9, 1.7];

function run(fb: typeof forwardBackward, model: SmallHmm, x: readonly number[]) {
  const k = model.initial.length;
  const logB = new DiagonalGaussians({ states: k, dimensions: 1, means: Float64Array.from(model.means), variances: Float64Array.from(model.variances) }).logDensityMatrix(x, x.length);
  return fb(Float64Array.from(model.initial), Float64Array.from(model.transitions.flat()), logB, x.length);
}

describe.each([
  ["forwardBackward (scaled)", forwardBackward],
  ["logForwardBackward (log space)", logForwardBackward],
])("%s", (_, fb) => {
  it("matches the exact posteriors, expected transition counts and likelihood of all 2^6 state paths", () => {
    const exact = bruteForcePosteriors(MODEL, X);
    const r = run(fb, MODEL, X);
    expect(r.logLikelihood).toBeCloseTo(Math.log(exact.likelihood), 12);
    exact.gamma.forEach((row, t) => row.forEach((g, k) => expect(r.gamma[t * 2 + k]).toBeCloseTo(g, 12)));
    exact.counts.forEach((row, i) => row.forEach((c, j) => expect(r.transitionCounts[i * 2 + j]).toBeCloseTo(c, 12)));
  });

  it("matches enumeration with three states and a zero transition (3^5 paths)", () => {
    const model: SmallHmm = { initial: [0.2, 0.5, 0.3], transitions: [[0.7, 0.3, 0], [0.1, 0.6, 0.3], [0.25, 0.25, 0.5]], means: [-1, 0, 2], variances: [0.3, 1, 2] };
    const x = [-0.8, 0.1, 2.5, 1.9, -1.2];
    const exact = bruteForcePosteriors(model, x);
    const r = run(fb, model, x);
    expect(r.logLikelihood).toBeCloseTo(Math.log(exact.likelihood), 12);
    exact.gamma.forEach((row, t) => row.forEach((g, k) => expect(r.gamma[t * 3 + k]).toBeCloseTo(g, 12)));
    exact.counts.forEach((row, i) => row.forEach((c, j) => expect(r.transitionCounts[i * 3 + j]).toBeCloseTo(c, 12)));
  });

  it("stays finite on 100,000 observations (the unscaled likelihood would underflow to 0 after a few hundred)", () => {
    const rng = createRng(5);
    const x = Array.from({ length: 100_000 }, (_, t) => (Math.floor(t / 500) % 2 === 0 ? 0 : 1.5) + rng.normal());
    const r = run(fb, MODEL, x);
    expect(Number.isFinite(r.logLikelihood)).toBe(true);
    expect(r.logLikelihood).toBeLessThan(-100_000); // P(x) is about e^-150000: far below the smallest double
    for (let t = 0; t < x.length; t += 997) expect(r.gamma[2 * t]! + r.gamma[2 * t + 1]!).toBeCloseTo(1, 12);
    expect(r.gamma.every(Number.isFinite)).toBe(true);
    let pairs = 0;
    r.transitionCounts.forEach((c) => (pairs += c));
    expect(pairs).toBeCloseTo(x.length - 1, 6);
  });
});

describe("forwardBackward", () => {
  it("falls back to log space when every reachable state explains an observation 1e-300 times worse, and agrees with it", () => {
    // State 1 can never be left for state 0, and x = 40 is ~e^-800 under state 1's N(0, 1) but likely under
    // state 0's N(40, 1): the scaled sum at that step underflows, so the result must come from the log route.
    const model: SmallHmm = { initial: [0, 1], transitions: [[0.5, 0.5], [0, 1]], means: [40, 0], variances: [1, 1] };
    const x = [0.1, 40, -0.2];
    const scaled = run(forwardBackward, model, x);
    const logSpace = run(logForwardBackward, model, x);
    expect(Number.isFinite(scaled.logLikelihood)).toBe(true);
    expect(scaled).toEqual(logSpace);
    expect(Array.from(scaled.gamma)).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it("agrees with the log-space route to 1e-10 on random models and data", () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 20; trial++) {
      const k = 2 + rng.int(3);
      const row = () => { const r = Array.from({ length: k }, () => rng.next() + 0.05); const s = r.reduce((a, b) => a + b); return r.map((v) => v / s); };
      const model: SmallHmm = { initial: row(), transitions: Array.from({ length: k }, row), means: Array.from({ length: k }, () => rng.normal()), variances: Array.from({ length: k }, () => 0.2 + rng.next()) };
      const x = Array.from({ length: 200 }, () => 2 * rng.normal());
      const a = run(forwardBackward, model, x);
      const b = run(logForwardBackward, model, x);
      expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 8);
      a.gamma.forEach((g, i) => expect(g).toBeCloseTo(b.gamma[i]!, 10));
      a.transitionCounts.forEach((c, i) => expect(c).toBeCloseTo(b.transitionCounts[i]!, 8));
    }
  });
});
