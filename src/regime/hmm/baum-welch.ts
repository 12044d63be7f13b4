import { DiagonalGaussians } from "./diagonal-gaussians.js";
import { forwardBackward } from "./forward-backward.js";
import type { HmmArrays } from "./hmm-arrays.js";

/** Settings of one {@link baumWelch} run (already checked by the caller). */
export interface BaumWelchSettings {
  /** Most M-steps to run. */
  readonly maxIterations: number;
  /** Stop once the log-likelihood gains less than this per observation in one iteration. */
  readonly tolerance: number;
  /** The smallest variance allowed, per feature (D numbers, absolute). */
  readonly varianceFloor: Float64Array;
}

/** What {@link baumWelch} returns. */
export interface BaumWelchResult {
  /** The fitted parameters. */
  readonly arrays: HmmArrays;
  /** Log-likelihood of the observations under `arrays`. */
  readonly logLikelihood: number;
  /** Log-likelihood before each M-step, then of the returned parameters. */
  readonly trace: number[];
  /** Number of M-steps run. */
  readonly iterations: number;
  /** True when it stopped on the tolerance rather than the iteration limit. */
  readonly converged: boolean;
}

/** Below this expected occupancy a state keeps its emission parameters (its data weight is nil). */
const EMPTY = 1e-12;

/**
 * Returns the maximum-likelihood parameters that EM reaches from `start` on T observations (row-major,
 * T x D): each iteration runs forward-backward (E-step), then sets the initial distribution to the
 * first posterior, each transition row to its expected counts over its expected visits, and each
 * state's means and variances to the posterior-weighted moments, variances floored at `varianceFloor`
 * (the floored variance still maximizes the expected log-likelihood under the floor, so the
 * likelihood stays non-decreasing). A state or row with no expected visits keeps its parameters.
 * @see Bilmes (1998), "A gentle tutorial of the EM algorithm and its application to parameter estimation for Gaussian mixture and hidden Markov models", ICSI TR-97-021.
 * @example const { arrays, trace } = baumWelch(x, T, start, { maxIterations: 100, tolerance: 1e-6, varianceFloor });
 */
export function baumWelch(x: Float64Array, t: number, start: HmmArrays, settings: BaumWelchSettings): BaumWelchResult {
  const { states: k, dimensions: d } = start;
  let current: HmmArrays = start;
  const trace: number[] = [];
  let iterations = 0;
  let converged = false;
  for (;;) {
    const logB = new DiagonalGaussians(current).logDensityMatrix(x, t);
    const { logLikelihood, gamma, transitionCounts } = forwardBackward(current.initial, current.transitions, logB, t);
    const previous = trace[trace.length - 1];
    trace.push(logLikelihood);
    if (previous !== undefined && (logLikelihood - previous) / t < settings.tolerance) {
      converged = true;
      break;
    }
    if (iterations === settings.maxIterations) break;
    current = maximize(x, t, current, gamma, transitionCounts, settings.varianceFloor);
    iterations++;
  }
  return { arrays: current, logLikelihood: trace[trace.length - 1]!, trace, iterations, converged };

  function maximize(x: Float64Array, t: number, old: HmmArrays, gamma: Float64Array, counts: Float64Array, floor: Float64Array): HmmArrays {
    const initial = gamma.slice(0, k);
    const transitions = old.transitions.slice();
    for (let i = 0; i < k; i++) {
      let visits = 0;
      for (let j = 0; j < k; j++) visits += counts[i * k + j]!;
      if (visits > 0) for (let j = 0; j < k; j++) transitions[i * k + j] = counts[i * k + j]! / visits;
    }
    const means = old.means.slice();
    const variances = old.variances.slice();
    const weights = new Float64Array(k);
    const sums = new Float64Array(k * d);
    for (let r = 0; r < t; r++) {
      for (let s = 0; s < k; s++) {
        const g = gamma[r * k + s]!;
        weights[s]! += g;
        for (let f = 0; f < d; f++) sums[s * d + f]! += g * x[r * d + f]!;
      }
    }
    for (let i = 0; i < k * d; i++) sums[i]! /= weights[Math.floor(i / d)]!;
    const squares = new Float64Array(k * d);
    for (let r = 0; r < t; r++) {
      for (let s = 0; s < k; s++) {
        const g = gamma[r * k + s]!;
        for (let f = 0; f < d; f++) {
          const z = x[r * d + f]! - sums[s * d + f]!;
          squares[s * d + f]! += g * z * z;
        }
      }
    }
    for (let s = 0; s < k; s++) {
      if (!(weights[s]! > EMPTY)) continue;
      for (let f = 0; f < d; f++) {
        means[s * d + f] = sums[s * d + f]!;
        variances[s * d + f] = Math.max(squares[s * d + f]! / weights[s]!, floor[f]!);
      }
    }
    return { states: k, dimensions: d, initial, transitions, means, variances };
  }
}
