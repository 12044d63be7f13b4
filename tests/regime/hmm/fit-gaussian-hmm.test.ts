import { describe, expect, it } from "vitest";
import { fitGaussianHmm } from "../../../src/regime/hmm/fit-gaussian-hmm.js";
import type { GaussianHmmModel } from "../../../src/regime/hmm/gaussian-hmm-model.js";
import { sampleGaussianHmm } from "../../../src/regime/hmm/sample-gaussian-hmm.js";

// Daily-return-like states, listed by return variance (the order fitGaussianHmm gives): calm up, choppy
// down, wild; feature 2 is a log volatility.
const TRUTH: GaussianHmmModel = {
  states: 3, dimensions: 2, initial: [1, 0, 0],
  transitions: [[0.97, 0.02, 0.01], [0.02, 0.96, 0.02], [0.03, 0.03, 0.94]],
  means: [[0.001, -5], [-0.001, -4.3], [0, -3.5]],
  variances: [[0.7e-4, 0.09], [2e-4, 0.09], [9e-4, 0.12]],
};

describe("fitGaussianHmm", () => {
  const { observations } = sampleGaussianHmm(TRUTH, 8000, 2024);
  const model = fitGaussianHmm(observations, { states: 3, seed: 7 });

  it("recovers the parameters of the model that generated the data (8000 draws, seed 2024)", () => {
    // Tolerances are several standard errors: a state seen ~2500 times pins its mean return to about
    // sd / 50, its variance to about 3 %, and a stay probability near 0.96 to about 0.005.
    model.means.forEach((row, k) => {
      expect(row[0]).toBeCloseTo(TRUTH.means[k]![0]!, 3); // |error| < 5e-4, vs sd/50 <= 6e-4 for the wild state
      expect(Math.abs(row[1]! - TRUTH.means[k]![1]!)).toBeLessThan(0.03);
    });
    model.variances.forEach((row, k) => row.forEach((v, f) => expect(Math.abs(v / TRUTH.variances[k]![f]! - 1)).toBeLessThan(0.12)));
    model.transitions.forEach((row, i) => expect(Math.abs(row[i]! - TRUTH.transitions[i]![i]!)).toBeLessThan(0.02));
    expect(model.fit).toMatchObject({ converged: true, observations: 8000 });
  });

  it("is deterministic: the same seed gives the same model, to the bit", () => {
    expect(fitGaussianHmm(observations, { states: 3, seed: 7 })).toStrictEqual(model);
  });

  it("returns plain JSON-safe data that survives a JSON round trip exactly", () => {
    expect(JSON.parse(JSON.stringify(model))).toStrictEqual(model);
    expect(structuredClone(model)).toStrictEqual(model);
  });

  it("keeps the restart with the highest log-likelihood and lists its states by return variance", () => {
    const fit = model.fit!;
    expect(fit.restartLogLikelihoods).toHaveLength(4);
    expect(fit.logLikelihood).toBe(Math.max(...fit.restartLogLikelihoods));
    expect(fit.restartLogLikelihoods[fit.restart]).toBe(fit.logLikelihood);
    const v = model.variances.map((r) => r[0]!);
    expect([...v].sort((a, b) => a - b)).toEqual(v);
  });

  it("continues from a start model: the start's likelihood is the first trace entry, never above the result", () => {
    const again = fitGaussianHmm(observations, { start: model, restarts: 0 });
    expect(again.fit!.trace[0]).toBeCloseTo(model.fit!.logLikelihood, 6);
    expect(again.fit!.logLikelihood).toBeGreaterThanOrEqual(model.fit!.logLikelihood - 1e-6);
  });

  it("takes a plain number series as one feature", () => {
    const returns = observations.map((r) => r[0]!);
    const oneD = fitGaussianHmm(returns, { states: 2, restarts: 1 });
    expect(oneD).toMatchObject({ states: 2, dimensions: 1 });
  });

  it.each([
    [() => fitGaussianHmm([], {}), /invalid observations: "\[\]"/],
    [() => fitGaussianHmm([1, NaN, 2, 3, 4, 5, 6, 7, 8], { states: 2 }), /invalid observations\[1\]: NaN/],
    [() => fitGaussianHmm([[1, 2], [3]], { states: 1 }), /invalid observations\[1\]/],
    [() => fitGaussianHmm([1, 2, 3], { states: 2 }), /invalid observations: "3 rows" \(expected at least 4/],
    [() => fitGaussianHmm([1, 2, 3, 4, 5], { states: 2, restarts: 0 }), /invalid restarts/],
    [() => fitGaussianHmm([1, 2, 3, 4, 5], { states: 13 }), /invalid states: 13/],
    [() => fitGaussianHmm([1, 2, 3, 4, 5], { start: TRUTH }), /invalid start.dimensions: 2/],
  ])("rejects bad input with a message naming it (%#)", (call, message) => {
    expect(call).toThrow(message);
  });
});
