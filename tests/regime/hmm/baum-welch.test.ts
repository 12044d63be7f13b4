import { describe, expect, it } from "vitest";
import { baumWelch } from "../../../src/regime/hmm/baum-welch.js";
import { fitGaussianHmm } from "../../../src/regime/hmm/fit-gaussian-hmm.js";
import { sampleGaussianHmm } from "../../../src/regime/hmm/sample-gaussian-hmm.js";
import { bruteForcePosteriors, type SmallHmm } from "./brute-force-hmm.js";

const START: SmallHmm = { initial: [0.6, 0.4], transitions: [[0.8, 0.2], [0.3, 0.7]], means: [0, 1.5], variances: [1, 0.5] };
const X = [0.2, 1.4, 2.1, -0.3, 0.9, 1.7];

const arrays = (m: SmallHmm) => ({
  states: 2, dimensions: 1, initial: Float64Array.from(m.initial), transitions: Float64Array.from(m.transitions.flat()),
  means: Float64Array.from(m.means), variances: Float64Array.from(m.variances),
});

describe("baumWelch", () => {
  it("makes one EM step equal to the re-estimation formulas applied to posteriors from all 2^6 state paths", () => {
    const { gamma, counts, likelihood } = bruteForcePosteriors(START, X);
    // Expected re-estimates: pi' = gamma_0; A'_ij = sum_t xi_t(i,j) / sum_j (same); mean'_k and var'_k are
    // the gamma-weighted mean and variance of x.
    const weight = [0, 1].map((k) => gamma.reduce((s, g) => s + g[k]!, 0));
    const mean = [0, 1].map((k) => gamma.reduce((s, g, t) => s + g[k]! * X[t]!, 0) / weight[k]!);
    const variance = [0, 1].map((k) => gamma.reduce((s, g, t) => s + g[k]! * (X[t]! - mean[k]!) ** 2, 0) / weight[k]!);
    const a = counts.map((row) => row.map((c) => c / (row[0]! + row[1]!)));

    const r = baumWelch(Float64Array.from(X), X.length, arrays(START), { maxIterations: 1, tolerance: 0, varianceFloor: new Float64Array([1e-12]) });
    expect(r.iterations).toBe(1);
    expect(r.trace[0]).toBeCloseTo(Math.log(likelihood), 12);
    expect(Array.from(r.arrays.initial)).toEqual(gamma[0]!.map((g) => expect.closeTo(g, 12)));
    expect(Array.from(r.arrays.transitions)).toEqual(a.flat().map((v) => expect.closeTo(v, 12)));
    expect(Array.from(r.arrays.means)).toEqual(mean.map((v) => expect.closeTo(v, 12)));
    expect(Array.from(r.arrays.variances)).toEqual(variance.map((v) => expect.closeTo(v, 12)));
    // ...and the log-likelihood of the new parameters, again by enumeration, is the trace's second entry and higher.
    const next = bruteForcePosteriors({ initial: gamma[0]!, transitions: a, means: mean, variances: variance }, X).likelihood;
    expect(r.trace[1]).toBeCloseTo(Math.log(next), 12);
    expect(r.logLikelihood).toBe(r.trace[1]);
    expect(r.trace[1]!).toBeGreaterThan(r.trace[0]!);
  });

  it.each([1, 2, 3, 4, 5])("never lowers the log-likelihood over 300 iterations (seed %i, 3 states, 2 features)", (seed) => {
    const truth = {
      states: 3, dimensions: 2, initial: [1, 0, 0], transitions: [[0.95, 0.04, 0.01], [0.03, 0.95, 0.02], [0.05, 0.05, 0.9]],
      means: [[0.001, -5], [-0.001, -4.4], [0, -3.6]], variances: [[0.6e-4, 0.1], [2e-4, 0.1], [9e-4, 0.15]],
    };
    const { observations } = sampleGaussianHmm(truth, 1500, seed);
    const model = fitGaussianHmm(observations, { states: 3, seed, restarts: 1, maxIterations: 300, tolerance: 0 });
    const trace = model.fit!.trace;
    expect(trace.length).toBeGreaterThan(5);
    for (let i = 1; i < trace.length; i++) expect(trace[i]! - trace[i - 1]!).toBeGreaterThanOrEqual(-1e-9 * Math.abs(trace[i]!));
  });

  it("keeps every variance at or above the floor, even for a state on repeated values", () => {
    const x = [...Array(50).fill(1), ...Array.from({ length: 50 }, (_, i) => Math.sin(i))];
    const model = fitGaussianHmm(x, { states: 2, varianceFloor: 0.01 });
    let v = 0;
    const mean = x.reduce((a, b) => a + b) / x.length;
    for (const xi of x) v += (xi - mean) ** 2 / x.length;
    for (const row of model.variances) expect(row[0]!).toBeGreaterThanOrEqual(0.01 * v * (1 - 1e-12));
    expect(Number.isFinite(model.fit!.logLikelihood)).toBe(true);
  });
});
