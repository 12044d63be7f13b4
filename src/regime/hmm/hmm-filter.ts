import { DiagonalGaussians } from "./diagonal-gaussians.js";
import { invalid } from "../../core/check.js";
import { checkGaussianHmmModel, type GaussianHmmModel } from "./gaussian-hmm-model.js";
import { hmmArrays } from "./hmm-arrays.js";
import { observationMatrix } from "./observation-matrix.js";

/** Below this, a step's unnormalized sum is recomputed in log space instead of being divided by. */
const TINY = 1e-250;

/**
 * The forward filter of a Gaussian HMM, one observation at a time: after each `update(x)`,
 * `probabilities` holds the filtered state probabilities P(state_t = k | x_1..x_t), the normalized
 * forward variable alpha. One step predicts with the transition matrix, weighs by the emission
 * densities and renormalizes: alpha_t(j) ∝ b_j(x_t) sum_i alpha_t-1(i) A_ij (the first step uses the
 * initial distribution). The emission densities are taken relative to their largest value, and a step
 * whose sum would underflow is redone in log space, so a run of any length keeps probabilities that sum
 * to 1. O(K^2 + K D) per step, no allocation.
 *
 * These are filtered probabilities, never smoothed ones: they use the observations up to t only, so
 * they are safe for decisions at t (smoothing, as in forward-backward, uses the future).
 * @see Rabiner (1989), Proc. IEEE 77(2), eq. 20 (forward induction) with the scaling of section V.A.
 * @example
 * const filter = new HmmFilter(model);
 * for (const r of logReturns) filter.update([r]);
 * filter.probabilities; // P(state | returns so far)
 */
export class HmmFilter {
  /** Number of states K. */
  readonly states: number;
  /** Filtered probability of each state after the last update (the initial distribution before any). */
  readonly probabilities: Float64Array;
  /** The steps taken so far. */
  steps = 0;
  /** log P(x_1..x_t) under the model (natural log), summed over the steps so far. */
  logLikelihood = 0;
  private readonly initial: Float64Array;
  private readonly transitions: Float64Array;
  private readonly gaussians: DiagonalGaussians;
  private readonly logB: Float64Array;
  private readonly predicted: Float64Array;

  constructor(model: GaussianHmmModel) {
    const a = hmmArrays(checkGaussianHmmModel(model));
    this.states = a.states;
    this.initial = a.initial;
    this.transitions = a.transitions;
    this.gaussians = new DiagonalGaussians(a);
    this.probabilities = a.initial.slice();
    this.logB = new Float64Array(a.states);
    this.predicted = new Float64Array(a.states);
  }

  /** Takes the next observation (D numbers from `offset`) and returns the filtered state probabilities (a live view). */
  update(x: ArrayLike<number>, offset = 0): Float64Array {
    const k = this.states;
    const alpha = this.probabilities;
    const pred = this.predicted;
    const logB = this.logB;
    if (this.steps === 0) pred.set(this.initial);
    else {
      const a = this.transitions;
      for (let j = 0; j < k; j++) {
        let sum = 0;
        for (let i = 0; i < k; i++) sum += alpha[i]! * a[i * k + j]!;
        pred[j] = sum;
      }
    }
    this.gaussians.logDensities(x, offset, logB, 0);
    let m = -Infinity;
    for (let j = 0; j < k; j++) if (pred[j]! > 0 && logB[j]! > m) m = logB[j]!;
    let sum = 0;
    for (let j = 0; j < k; j++) sum += alpha[j] = pred[j]! * Math.exp(logB[j]! - m);
    if (!(sum > TINY)) {
      // Every reachable state explains x far worse than the best one does: weigh in log space.
      m = -Infinity;
      for (let j = 0; j < k; j++) if ((logB[j] = Math.log(pred[j]!) + logB[j]!) > m) m = logB[j]!;
      sum = 0;
      for (let j = 0; j < k; j++) sum += alpha[j] = Math.exp(logB[j]! - m);
    }
    for (let j = 0; j < k; j++) alpha[j]! /= sum;
    this.logLikelihood += m + Math.log(sum);
    this.steps++;
    return alpha;
  }

  /** Forgets every observation: back to the initial distribution. */
  reset(): void {
    this.probabilities.set(this.initial);
    this.steps = 0;
    this.logLikelihood = 0;
  }
}

/**
 * Returns the filtered state probabilities of a whole sequence as T rows of K numbers (row t uses
 * observations 0..t only), the batch form of {@link HmmFilter}.
 * @example const p = filterProbabilities(model, logReturns); p[10]; // [P(state 0 | x_0..x_10), ...]
 */
export function filterProbabilities(model: GaussianHmmModel, observations: ArrayLike<number> | readonly ArrayLike<number>[]): number[][] {
  const { x, t, d } = observationMatrix(observations);
  const filter = new HmmFilter(model);
  if (d !== model.dimensions) invalid("observations", `rows of ${d}`, `rows of ${model.dimensions} features, as the model`);
  const out: number[][] = [];
  for (let r = 0; r < t; r++) out.push(Array.from(filter.update(x, r * d)));
  return out;
}
