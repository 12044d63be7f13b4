import type { GaussianHmmModel } from "./gaussian-hmm-model.js";

/**
 * A Gaussian HMM's parameters in flat typed arrays (row-major), the working form of the filter and of
 * Baum-Welch: `initial` (K), `transitions` (K x K), `means` and `variances` (K x D).
 */
export interface HmmArrays {
  readonly states: number;
  readonly dimensions: number;
  readonly initial: Float64Array;
  readonly transitions: Float64Array;
  readonly means: Float64Array;
  readonly variances: Float64Array;
}

/**
 * Returns the flat typed-array form of a model (copies, so the model is never mutated).
 * @example const arrays = hmmArrays(model); arrays.transitions[0 * model.states + 1]; // P(0 -> 1)
 */
export function hmmArrays(model: GaussianHmmModel): HmmArrays {
  return {
    states: model.states,
    dimensions: model.dimensions,
    initial: Float64Array.from(model.initial),
    transitions: Float64Array.from(model.transitions.flat()),
    means: Float64Array.from(model.means.flat()),
    variances: Float64Array.from(model.variances.flat()),
  };
}

function rows(values: Float64Array, n: number, width: number, order: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < n; r++) out.push(Array.from(values.subarray(order[r]! * width, order[r]! * width + width), (x) => x + 0));
  return out;
}

/**
 * Returns the plain JSON-safe model of flat arrays, with the states listed in `order` (a permutation:
 * output state r is input state order[r]); -0 is written as 0 so the model survives JSON exactly.
 * @example const model = hmmModel(arrays); // states as they are
 */
export function hmmModel(arrays: HmmArrays, order?: readonly number[]): GaussianHmmModel {
  const k = arrays.states;
  const perm = order ?? Array.from({ length: k }, (_, i) => i);
  const transitions = perm.map((i) => perm.map((j) => arrays.transitions[i * k + j]! + 0));
  return {
    states: k,
    dimensions: arrays.dimensions,
    initial: perm.map((i) => arrays.initial[i]! + 0),
    transitions,
    means: rows(arrays.means, k, arrays.dimensions, perm),
    variances: rows(arrays.variances, k, arrays.dimensions, perm),
  };
}
