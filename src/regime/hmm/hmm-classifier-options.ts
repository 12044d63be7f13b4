import { check, invalid } from "../../core/check.js";
import { isRegime, REGIMES, type Regime } from "../regimes.js";
import type { HmmFeatureSet, HmmFeaturesOptions } from "./hmm-features.js";

/** Options of HmmClassifier (and of `HmmClassifier.fromModel`). */
export interface HmmClassifierOptions extends HmmFeaturesOptions {
  /** Hidden states K, an integer in [2, 6]. Default 4. Unused by `fromModel` (the model says). */
  readonly states?: number;
  /**
   * Observations (bars with defined features) collected before the first fit; the classifier fits on
   * them at that bar and filters from then on. Default 500 (about two years of daily bars). Unused by
   * `fromModel`, except as the rolling refit window.
   */
  readonly trainBars?: number;
  /**
   * Refit every this many bars after the first fit, on past bars only (a refit waits until the window
   * holds `trainBars` observations, which matters after `fromModel`); 0 never refits. Default 0.
   */
  readonly refitEvery?: number;
  /** What a refit uses: the last `trainBars` observations ("rolling") or all so far ("expanding"). Default "expanding". */
  readonly refitWindow?: "rolling" | "expanding";
  /** Seed of the fits (k-means++ starts). Default 1. */
  readonly seed?: number;
  /** Seeded starts per fit; the highest likelihood wins. Default 4. */
  readonly restarts?: number;
  /** Most EM iterations per start. Default 200. */
  readonly maxIterations?: number;
  /** EM stops once an iteration gains less log-likelihood than this per observation. Default 1e-7. */
  readonly tolerance?: number;
  /** Smallest state variance, as a fraction of each feature's variance in the training window. Default 1e-3. */
  readonly varianceFloor?: number;
  /**
   * Minimum dwell in bars: a new regime replaces the current one only once it has had the largest
   * filtered probability for this many consecutive bars (1 switches at once). Default 1.
   */
  readonly minDwell?: number;
  /** The regime of each state, overriding the rule of `stateRegimes` (K entries). Default: the rule. */
  readonly stateRegimes?: readonly Regime[];
}

/** HmmClassifierOptions with every default filled in and checked. */
export interface ResolvedHmmClassifierOptions {
  readonly states: number;
  readonly features: HmmFeatureSet;
  readonly volatilityWindow: number;
  readonly trainBars: number;
  readonly refitEvery: number;
  readonly refitWindow: "rolling" | "expanding";
  readonly seed: number;
  readonly restarts: number;
  readonly maxIterations: number;
  readonly tolerance: number;
  readonly varianceFloor: number;
  readonly minDwell: number;
  readonly stateRegimes: readonly Regime[] | undefined;
}

/**
 * Returns the options of an HmmClassifier with defaults filled in, after checking each (throws
 * InvalidOptionError naming the first bad one).
 * @example resolveHmmClassifierOptions({ states: 3 }).trainBars; // 500
 */
export function resolveHmmClassifierOptions(options: HmmClassifierOptions): ResolvedHmmClassifierOptions {
  const states = check.positiveInteger("states", options.states ?? 4);
  if (states < 2 || states > 6) invalid("states", states, "an integer in [2, 6]", "4 gives one state per regime");
  const trainBars = check.positiveInteger("trainBars", options.trainBars ?? 500);
  if (trainBars < 10 * states) invalid("trainBars", trainBars, `at least ${10 * states} (10 per state)`, "fewer bars cannot pin down a state's mean and variance");
  const stateRegimes = options.stateRegimes;
  if (stateRegimes !== undefined && (!Array.isArray(stateRegimes) || !stateRegimes.every(isRegime))) {
    invalid("stateRegimes", stateRegimes, `an array of regimes (${REGIMES.join(", ")}), one per state`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) invalid("seed", seed, "a safe integer such as 42");
  return {
    states,
    features: check.keyword("features", options.features ?? "return-volatility", ["return", "return-volatility"] as const),
    volatilityWindow: options.volatilityWindow ?? 10,
    trainBars,
    refitEvery: check.nonNegativeInteger("refitEvery", options.refitEvery ?? 0),
    refitWindow: check.keyword("refitWindow", options.refitWindow ?? "expanding", ["rolling", "expanding"] as const),
    seed,
    restarts: check.positiveInteger("restarts", options.restarts ?? 4),
    maxIterations: check.nonNegativeInteger("maxIterations", options.maxIterations ?? 200),
    tolerance: check.nonNegative("tolerance", options.tolerance ?? 1e-7),
    varianceFloor: check.nonNegative("varianceFloor", options.varianceFloor ?? 1e-3),
    minDwell: check.positiveInteger("minDwell", options.minDwell ?? 1),
    stateRegimes: stateRegimes === undefined ? undefined : [...stateRegimes],
  };
}
