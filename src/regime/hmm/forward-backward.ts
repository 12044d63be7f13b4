import { logForwardBackward } from "./log-forward-backward.js";

/** What {@link forwardBackward} returns (the E-step of Baum-Welch). */
export interface ForwardBackwardResult {
  /** log P(observations | model), natural log. */
  readonly logLikelihood: number;
  /** T x K smoothed state probabilities P(state_t = k | all T observations), row-major; rows sum to 1. */
  readonly gamma: Float64Array;
  /** K x K expected transition counts: sum over t < T-1 of P(state_t = i, state_t+1 = j | all observations). */
  readonly transitionCounts: Float64Array;
}

/** A scale factor below this (or a non-finite beta) sends the sequence to the log-space route. */
const TINY = 1e-250;

/**
 * Returns the smoothed state posteriors, the expected transition counts and the log-likelihood of T
 * observations given the initial distribution, the transition matrix and the T x K emission log
 * densities `logB` (the E-step of Baum-Welch). It uses Rabiner's scaling: emissions are taken relative
 * to their largest value at each step, e_t(j) = exp(log b_t(j) - m_t), alpha is renormalized at each
 * step by c_t, beta is divided by the same c_t, and log P = sum_t (log c_t + m_t), so nothing
 * underflows however long the sequence. If a scale factor still falls below 1e-250 (every state that
 * can be reached explains an observation almost infinitely worse than another) the whole sequence is
 * redone in log space (logForwardBackward), which is slower but cannot underflow. O(T K^2) time.
 *
 * Smoothed posteriors use the future observations: they are for fitting only, never for trading
 * decisions (the online classifier uses the forward filter).
 * @see Rabiner (1989), "A tutorial on hidden Markov models and selected applications in speech recognition", Proc. IEEE 77(2), section V.A.
 * @example const { gamma, logLikelihood } = forwardBackward(initial, transitions, logB, T);
 */
export function forwardBackward(initial: Float64Array, transitions: Float64Array, logB: Float64Array, t: number): ForwardBackwardResult {
  const k = initial.length;
  const e = new Float64Array(t * k);
  const alpha = new Float64Array(t * k);
  const scale = new Float64Array(t);
  let logLikelihood = 0;
  for (let s = 0; s < t; s++) {
    const o = s * k;
    let m = -Infinity;
    for (let j = 0; j < k; j++) if (logB[o + j]! > m) m = logB[o + j]!;
    let c = 0;
    for (let j = 0; j < k; j++) {
      let pred = 0;
      if (s === 0) pred = initial[j]!;
      else for (let i = 0; i < k; i++) pred += alpha[o - k + i]! * transitions[i * k + j]!;
      e[o + j] = Math.exp(logB[o + j]! - m);
      c += alpha[o + j] = pred * e[o + j]!;
    }
    if (!(c > TINY)) return logForwardBackward(initial, transitions, logB, t);
    for (let j = 0; j < k; j++) alpha[o + j]! /= c;
    scale[s] = c;
    logLikelihood += Math.log(c) + m;
  }

  const beta = new Float64Array(t * k);
  const gamma = new Float64Array(t * k);
  const counts = new Float64Array(k * k);
  const next = new Float64Array(k);
  beta.fill(1, (t - 1) * k);
  for (let s = t - 2; s >= 0; s--) {
    const o = s * k;
    for (let j = 0; j < k; j++) next[j] = (e[o + k + j]! * beta[o + k + j]!) / scale[s + 1]!;
    for (let i = 0; i < k; i++) {
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const w = transitions[i * k + j]! * next[j]!;
        sum += w;
        counts[i * k + j]! += alpha[o + i]! * w;
      }
      if (!(sum < Infinity)) return logForwardBackward(initial, transitions, logB, t);
      beta[o + i] = sum;
    }
  }
  for (let s = 0; s < t; s++) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += gamma[s * k + i] = alpha[s * k + i]! * beta[s * k + i]!;
    for (let i = 0; i < k; i++) gamma[s * k + i]! /= sum;
  }
  return { logLikelihood, gamma, transitionCounts: counts };
}
