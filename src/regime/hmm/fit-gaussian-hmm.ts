import { check, invalid } from "../../core/check.js";
import { createRng } from "../../synthetic/random.js";
import { baumWelch, type BaumWelchResult } from "./baum-welch.js";
import { checkGaussianHmmModel, type GaussianHmmModel } from "./gaussian-hmm-model.js";
import { hmmArrays, hmmModel } from "./hmm-arrays.js";
import { initialGaussianHmm } from "./initial-gaussian-hmm.js";
import { observationMatrix } from "./observation-matrix.js";

/** Options of {@link fitGaussianHmm}. */
export interface FitGaussianHmmOptions {
  /** Number of hidden states K, an integer in [1, 12]. Default 4. */
  readonly states?: number;
  /** Seed of the k-means++ starts (any safe integer); restart r draws from stream r of this seed. Default 1. */
  readonly seed?: number;
  /**
   * Number of seeded k-means++ starts (>= 0; at least one start in all); the fit with the highest
   * log-likelihood wins (the earliest on a tie). Default 4.
   */
  readonly restarts?: number;
  /** Most EM iterations per start. Default 200. */
  readonly maxIterations?: number;
  /** Stop once one iteration gains less log-likelihood than this per observation. Default 1e-7. */
  readonly tolerance?: number;
  /**
   * Smallest variance of a state, as a fraction of the feature's variance over all observations (it
   * keeps a state from collapsing onto a few identical points, where the likelihood is unbounded).
   * Default 1e-3. With constant data the floor is 1e-12.
   */
  readonly varianceFloor?: number;
  /**
   * Also start EM from this model (e.g. the previous fit, when refitting on a longer window): it is the
   * first start, before the `restarts` k-means++ starts; pass `restarts: 0` to run from it alone. Default none.
   */
  readonly start?: GaussianHmmModel;
}

/**
 * Returns a Gaussian HMM (diagonal covariance) fitted by Baum-Welch to a sequence of observations,
 * as plain JSON-safe data with a `fit` summary (log-likelihood, its trace, iterations, restarts).
 * Observations are numbers (one feature) or rows of D numbers, in time order. The fit is deterministic:
 * the same observations and options give the same model. States come out sorted by the variance of
 * the first feature, lowest first (ties by its mean), so equal fits list their states alike.
 * @see Rabiner (1989), "A tutorial on hidden Markov models and selected applications in speech recognition", Proc. IEEE 77(2).
 * @example
 * const model = fitGaussianHmm(logReturns, { states: 3, seed: 7 });
 * model.fit?.converged; // true
 */
export function fitGaussianHmm(observations: ArrayLike<number> | readonly ArrayLike<number>[], options: FitGaussianHmmOptions = {}): GaussianHmmModel {
  const { x, t, d } = observationMatrix(observations);
  const start = options.start === undefined ? undefined : checkGaussianHmmModel(options.start, "start");
  const k = start?.states ?? check.positiveInteger("states", options.states ?? 4);
  if (k > 12) invalid("states", k, "an integer in [1, 12]", "more states rarely fit market data; try 2 to 6");
  if (start !== undefined && start.dimensions !== d) invalid("start.dimensions", start.dimensions, `${d}, the number of features per observation`);
  if (t < 2 * k) invalid("observations", `${t} rows`, `at least ${2 * k} (2 per state)`, "fit on a longer window or with fewer states");
  const seed = options.seed ?? 1;
  const restarts = check.nonNegativeInteger("restarts", options.restarts ?? 4);
  if (restarts === 0 && start === undefined) invalid("restarts", 0, "at least 1 without a start model");
  const settings = {
    maxIterations: check.nonNegativeInteger("maxIterations", options.maxIterations ?? 200),
    tolerance: check.nonNegative("tolerance", options.tolerance ?? 1e-7),
    varianceFloor: varianceFloors(x, t, d, check.nonNegative("varianceFloor", options.varianceFloor ?? 1e-3)),
  };

  const results: BaumWelchResult[] = [];
  if (start !== undefined) results.push(baumWelch(x, t, hmmArrays(start), settings));
  for (let r = 0; r < restarts; r++) results.push(baumWelch(x, t, initialGaussianHmm(x, t, d, k, createRng(seed, r), settings.varianceFloor), settings));
  let best = 0;
  for (let r = 1; r < results.length; r++) if (results[r]!.logLikelihood > results[best]!.logLikelihood) best = r;
  const winner = results[best]!;
  const a = winner.arrays;
  const order = Array.from({ length: k }, (_, i) => i).sort(
    (i, j) => a.variances[i * d]! - a.variances[j * d]! || a.means[i * d]! - a.means[j * d]! || i - j,
  );
  return {
    ...hmmModel(a, order),
    fit: {
      logLikelihood: winner.logLikelihood,
      trace: winner.trace,
      iterations: winner.iterations,
      converged: winner.converged,
      restart: best,
      restartLogLikelihoods: results.map((r) => r.logLikelihood),
      observations: t,
    },
  };
}

/** Returns the absolute variance floor of each feature: `fraction` of its variance (1e-12 for a constant feature). */
function varianceFloors(x: Float64Array, t: number, d: number, fraction: number): Float64Array {
  const floors = new Float64Array(d);
  for (let f = 0; f < d; f++) {
    let mean = 0;
    for (let r = 0; r < t; r++) mean += x[r * d + f]! / t;
    let v = 0;
    for (let r = 0; r < t; r++) v += (x[r * d + f]! - mean) ** 2 / t;
    floors[f] = v > 0 ? Math.max(fraction * v, 1e-300) : 1e-12;
  }
  return floors;
}
