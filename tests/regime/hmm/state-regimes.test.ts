import { describe, expect, it } from "vitest";
import { stateRegimes } from "../../../src/regime/hmm/state-regimes.js";

const model = (means: number[], sds: number[]) => ({ states: means.length, means: means.map((m) => [m]), variances: sds.map((s) => [s * s]) });

describe("stateRegimes", () => {
  it.each([
    [[0], [0.01], ["ranging"]],
    [[0.001, -0.002], [0.01, 0.03], ["ranging", "high-volatility"]],
    [[0.001, -0.001, 0], [0.008, 0.014, 0.03], ["trending-up", "trending-down", "high-volatility"]],
    [[0, 0.0008, -0.001, 0.002], [0.006, 0.008, 0.014, 0.03], ["ranging", "trending-up", "trending-down", "high-volatility"]],
    [[0.0001, 0.0008, -0.001, 0.0002, 0], [0.006, 0.008, 0.014, 0.01, 0.03], ["ranging", "trending-up", "trending-down", "ranging", "high-volatility"]],
  ])("names states by return variance, then mean return: means %j, sds %j -> %j", (means, sds, expected) => {
    expect(stateRegimes(model(means, sds))).toEqual(expected);
  });

  it("breaks ties toward the lower state number", () => {
    expect(stateRegimes(model([0, 0, 0, 0], [0.01, 0.02, 0.02, 0.01]))).toEqual(["trending-up", "high-volatility", "ranging", "trending-down"]);
  });
});
