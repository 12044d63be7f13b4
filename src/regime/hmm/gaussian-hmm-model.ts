import { invalid } from "../../core/check.js";

/**
 * How a Gaussian HMM was fitted (Baum-Welch diagnostics), as plain JSON-safe data.
 */
export interface GaussianHmmFitSummary {
  /** Log-likelihood of the training observations under the returned parameters (natural log). */
  readonly logLikelihood: number;
  /** The log-likelihood before each M-step and of the returned parameters: non-decreasing up to rounding. */
  readonly trace: readonly number[];
  /** Number of EM iterations (M-steps) run by the winning restart. */
  readonly iterations: number;
  /** True when the gain per observation fell below the tolerance before the iteration limit. */
  readonly converged: boolean;
  /** Which start won, 0-based, in the order of `restartLogLikelihoods`. */
  readonly restart: number;
  /** Final log-likelihood of every start: the given start model first (if any), then each k-means++ restart. */
  readonly restartLogLikelihoods: readonly number[];
  /** Number of training observations. */
  readonly observations: number;
}

/**
 * A Gaussian hidden Markov model with diagonal covariance, as plain JSON-safe data (arrays of numbers,
 * no typed arrays or class instances): `states` hidden states, each emitting a vector of `dimensions`
 * independent normal features. Row i of `transitions` is P(next state | state i).
 */
export interface GaussianHmmModel {
  /** Number of hidden states K. */
  readonly states: number;
  /** Number of features per observation D. */
  readonly dimensions: number;
  /** P(first state), K numbers summing to 1. */
  readonly initial: readonly number[];
  /** K x K row-stochastic matrix: transitions[i][j] = P(state j at t+1 | state i at t). */
  readonly transitions: readonly (readonly number[])[];
  /** K x D per-state means. */
  readonly means: readonly (readonly number[])[];
  /** K x D per-state variances (diagonal covariance), all positive. */
  readonly variances: readonly (readonly number[])[];
  /** Present when the model came from `fitGaussianHmm`. */
  readonly fit?: GaussianHmmFitSummary;
}

const TOLERANCE = 1e-6;

function probabilityRow(name: string, row: unknown, k: number): void {
  if (!Array.isArray(row) || row.length !== k) invalid(name, row, `${k} probabilities`);
  let sum = 0;
  for (const p of row) {
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) invalid(name, row, "probabilities in [0, 1]");
    sum += p;
  }
  if (Math.abs(sum - 1) > TOLERANCE) invalid(name, row, `probabilities that sum to 1, got ${sum}`, "normalize the row");
}

function matrix(name: string, m: unknown, k: number, d: number, positive: boolean): void {
  if (!Array.isArray(m) || m.length !== k) invalid(name, m, `${k} rows of ${d} numbers`);
  m.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== d) invalid(`${name}[${i}]`, row, `${d} numbers`);
    for (const x of row) {
      if (typeof x !== "number" || !Number.isFinite(x) || (positive && !(x > 0))) invalid(`${name}[${i}]`, row, positive ? "positive finite numbers" : "finite numbers");
    }
  });
}

/**
 * Returns the model unchanged after checking its shape and domain: K >= 1 states, D >= 1 features,
 * probability rows summing to 1 (within 1e-6), finite means and positive variances. Throws
 * InvalidOptionError naming the first bad field.
 * @example const model = checkGaussianHmmModel(JSON.parse(text));
 */
export function checkGaussianHmmModel(model: unknown, name = "model"): GaussianHmmModel {
  if (typeof model !== "object" || model === null) invalid(name, model, "a GaussianHmmModel object", "fit one with fitGaussianHmm");
  const m = model as GaussianHmmModel;
  if (!Number.isInteger(m.states) || m.states < 1) invalid(`${name}.states`, m.states, "a positive integer");
  if (!Number.isInteger(m.dimensions) || m.dimensions < 1) invalid(`${name}.dimensions`, m.dimensions, "a positive integer");
  const k = m.states;
  probabilityRow(`${name}.initial`, m.initial, k);
  if (!Array.isArray(m.transitions) || m.transitions.length !== k) invalid(`${name}.transitions`, m.transitions, `a ${k}x${k} matrix`);
  m.transitions.forEach((row, i) => probabilityRow(`${name}.transitions[${i}]`, row, k));
  matrix(`${name}.means`, m.means, k, m.dimensions, false);
  matrix(`${name}.variances`, m.variances, k, m.dimensions, true);
  return m;
}
