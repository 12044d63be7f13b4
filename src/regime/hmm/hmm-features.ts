import { check, invalid } from "../../core/check.js";
import { RealizedVolatility } from "../../indicators/realized-volatility.js";

/** Which features the HMM sees per bar: the log return alone, or with the log of a short realized volatility. */
export type HmmFeatureSet = "return" | "return-volatility";

/** Options of {@link HmmFeatures} and {@link hmmObservations}. */
export interface HmmFeaturesOptions {
  /**
   * The features per bar. Default "return-volatility": [log return, log realized volatility over the
   * last `volatilityWindow` returns]. "return": [log return] only.
   */
  readonly features?: HmmFeatureSet;
  /** Returns in the realized volatility (sample standard deviation), an integer >= 2. Default 10. */
  readonly volatilityWindow?: number;
}

/** Smallest volatility whose log is taken (a flat window would give log 0 = -Infinity). */
const MIN_VOLATILITY = 1e-12;

/**
 * Turns closes into the HMM's observation vector, streaming: `update(close)` returns true once the
 * features are defined, and `values` then holds them: the log return ln(close / previous close) and,
 * with "return-volatility", ln(max(realized volatility, 1e-12)) over the last `volatilityWindow` log
 * returns (this bar's included). The log makes the volatility roughly normal, as the Gaussian emissions
 * assume. Defined from the 2nd close ("return") or the (window + 1)th close; O(1) per bar.
 * @example
 * const features = new HmmFeatures({ features: "return-volatility", volatilityWindow: 10 });
 * if (features.update(bar.close)) filter.update(features.values);
 */
export class HmmFeatures {
  /** The feature names, in order: "logReturn", then "logVolatility" when used. */
  readonly names: readonly string[];
  /** The feature values after the last update (NaN until defined). */
  readonly values: Float64Array;
  /** Closes needed before the features are defined. */
  readonly warmUpBars: number;
  private readonly window: number;
  private volatility: RealizedVolatility | undefined;
  private previous = NaN;

  constructor(options: HmmFeaturesOptions = {}) {
    const set = check.keyword("features", options.features ?? "return-volatility", ["return", "return-volatility"] as const);
    const window = options.volatilityWindow ?? 10;
    if (!Number.isInteger(window) || window < 2) invalid("volatilityWindow", window, "an integer >= 2", "the volatility is a sample standard deviation of that many returns");
    this.window = window;
    this.volatility = set === "return" ? undefined : new RealizedVolatility(window);
    this.names = set === "return" ? ["logReturn"] : ["logReturn", "logVolatility"];
    this.values = new Float64Array(this.names.length).fill(NaN);
    this.warmUpBars = set === "return" ? 2 : window + 1;
  }

  /** Takes the next close (positive) and returns true when the features of this bar are defined. */
  update(close: number): boolean {
    if (!(close > 0)) invalid("close", close, "a positive price", "log returns need positive prices; validate bars first");
    const previous = this.previous;
    this.previous = close;
    this.values[0] = Math.log(close / previous);
    if (this.volatility === undefined) return previous === previous;
    const v = this.volatility.update(close);
    this.values[1] = v === undefined ? NaN : Math.log(Math.max(v, MIN_VOLATILITY));
    return v !== undefined;
  }

  /** Forgets every close. */
  reset(): void {
    this.previous = NaN;
    this.values.fill(NaN);
    if (this.volatility !== undefined) this.volatility = new RealizedVolatility(this.window);
  }
}

/**
 * Returns the HMM observations of a close series (one row per bar whose features are defined, i.e. from
 * bar `firstIndex` on) and the feature names, ready for `fitGaussianHmm`.
 * @example
 * const { observations } = hmmObservations(barColumns(table).close);
 * const model = fitGaussianHmm(observations, { states: 4 });
 */
export function hmmObservations(closes: ArrayLike<number>, options: HmmFeaturesOptions = {}): { observations: number[][]; firstIndex: number; names: readonly string[] } {
  const features = new HmmFeatures(options);
  const observations: number[][] = [];
  for (let i = 0; i < closes.length; i++) if (features.update(closes[i]!)) observations.push(Array.from(features.values));
  return { observations, firstIndex: features.warmUpBars - 1, names: features.names };
}
