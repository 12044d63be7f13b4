import type { ForwardBackwardResult } from "./forward-backward.js";

/**
 * Returns the same as forwardBackward (smoothed state posteriors, expected transition counts,
 * log-likelihood) by a slower route that cannot underflow: every sum of probabilities is a log-sum-exp
 * with its own largest term factored out, log alpha_t(j) = log sum_i exp(log alpha_t-1(i) + log A_ij) +
 * log b_t(j), log beta_t(i) = log sum_j exp(log A_ij + log b_t+1(j) + log beta_t+1(j)), and
 * xi_t(i, j) = exp(log alpha_t(i) + log A_ij + log b_t+1(j) + log beta_t+1(j) - log P). Only an exactly
 * impossible state (zero probability) has log -Infinity. O(T K^2) exponentials, so about K times slower
 * than the scaled route; forwardBackward falls back to it when scaling would underflow.
 *
 * Smoothed posteriors use the future observations: they are for fitting only, never for trading
 * decisions (the online classifier uses the forward filter).
 * @see Rabiner (1989), "A tutorial on hidden Markov models and selected applications in speech recognition", Proc. IEEE 77(2), section V.A.
 * @example const { gamma, logLikelihood } = logForwardBackward(initial, transitions, logB, T);
 */
export function logForwardBackward(initial: Float64Array, transitions: Float64Array, logB: Float64Array, t: number): ForwardBackwardResult {
  const k = initial.length;
  const logA = transitions.map(Math.log);
  const la = new Float64Array(t * k);
  const lb = new Float64Array(t * k);
  const terms = new Float64Array(k);
  for (let j = 0; j < k; j++) la[j] = Math.log(initial[j]!) + logB[j]!;
  for (let s = 1; s < t; s++) {
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < k; i++) terms[i] = la[(s - 1) * k + i]! + logA[i * k + j]!;
      la[s * k + j] = logSumExp(terms, k) + logB[s * k + j]!;
    }
  }
  for (let j = 0; j < k; j++) terms[j] = la[(t - 1) * k + j]!;
  const logLikelihood = logSumExp(terms, k);
  for (let s = t - 2; s >= 0; s--) {
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) terms[j] = logA[i * k + j]! + logB[(s + 1) * k + j]! + lb[(s + 1) * k + j]!;
      lb[s * k + i] = logSumExp(terms, k);
    }
  }
  const gamma = new Float64Array(t * k);
  for (let s = 0; s < t; s++) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += gamma[s * k + i] = Math.exp(la[s * k + i]! + lb[s * k + i]! - logLikelihood);
    for (let i = 0; i < k; i++) gamma[s * k + i]! /= sum;
  }
  // Each step's xi is normalized to sum 1 (as it must): log alpha and log beta carry rounding of the
  // order of |log P| x 1e-16, which would otherwise add up over a long sequence.
  const counts = new Float64Array(k * k);
  const xi = new Float64Array(k * k);
  for (let s = 0; s + 1 < t; s++) {
    let sum = 0;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        sum += xi[i * k + j] = Math.exp(la[s * k + i]! + logA[i * k + j]! + logB[(s + 1) * k + j]! + lb[(s + 1) * k + j]! - logLikelihood);
      }
    }
    for (let i = 0; i < k * k; i++) counts[i]! += xi[i]! / sum;
  }
  return { logLikelihood, gamma, transitionCounts: counts };
}

/** Returns log sum_i exp(terms[i]) over the first `k` terms, -Infinity when every term is. */
function logSumExp(terms: Float64Array, k: number): number {
  let m = -Infinity;
  for (let i = 0; i < k; i++) if (terms[i]! > m) m = terms[i]!;
  if (m === -Infinity) return m;
  let sum = 0;
  for (let i = 0; i < k; i++) sum += Math.exp(terms[i]! - m);
  return m + Math.log(sum);
}
