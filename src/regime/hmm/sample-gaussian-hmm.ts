import { check } from "../../core/check.js";
import { createRng } from "../../synthetic/random.js";
import { checkGaussianHmmModel, type GaussianHmmModel } from "./gaussian-hmm-model.js";

/** What {@link sampleGaussianHmm} returns. */
export interface GaussianHmmSample {
  /** The hidden state of each step (0-based). */
  readonly states: number[];
  /** The observation of each step, D numbers each. */
  readonly observations: number[][];
}

/** Returns the index drawn from a probability row with the uniform `u` in [0, 1). */
function draw(row: readonly number[], u: number): number {
  let acc = 0;
  for (let j = 0; j < row.length; j++) if (u < (acc += row[j]!)) return j;
  let last = row.length - 1;
  while (last > 0 && !(row[last]! > 0)) last--;
  return last;
}

/**
 * Returns `n` steps drawn from a Gaussian HMM: the hidden states (a Markov chain from the initial
 * distribution) and their observations (independent normals per feature). Seeded: the same model,
 * n and seed give the same sample. For tests and notebooks (e.g. checking that a fit recovers known
 * parameters).
 * @example const { states, observations } = sampleGaussianHmm(model, 5000, 42);
 */
export function sampleGaussianHmm(model: GaussianHmmModel, n: number, seed = 1): GaussianHmmSample {
  checkGaussianHmmModel(model);
  check.positiveInteger("n", n);
  const rng = createRng(seed);
  const states: number[] = [];
  const observations: number[][] = [];
  let s = draw(model.initial, rng.next());
  for (let t = 0; t < n; t++) {
    if (t > 0) s = draw(model.transitions[s]!, rng.next());
    states.push(s);
    observations.push(model.means[s]!.map((mu, f) => mu + Math.sqrt(model.variances[s]![f]!) * rng.normal()));
  }
  return { states, observations };
}
