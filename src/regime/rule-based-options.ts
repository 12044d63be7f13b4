import { check, invalid } from "../core/check.js";

/** Options of {@link RuleBasedClassifier}; every field is optional and shown with its default. */
export interface RuleBasedClassifierOptions {
  /** Wilder period of ADX, +DI and -DI, in bars. Default 14. */
  readonly adxPeriod?: number;
  /** ADX at or above which a market with a clear +DI/-DI lead counts as trending (entry). Default 25. */
  readonly trendThreshold?: number;
  /**
   * ADX at or above which an adopted trend is kept in the same direction (exit threshold, <=
   * trendThreshold): the hysteresis band of the trend rule. Default 20.
   */
  readonly trendExitThreshold?: number;
  /**
   * The volatility measure: `"realized"`, the standard deviation of the last `volWindow` daily log
   * returns (not annualized); `"atr"`, Wilder's ATR(volWindow) divided by the close. Default "realized".
   */
  readonly volMeasure?: "realized" | "atr";
  /** Bars in the volatility window. Default 20. */
  readonly volWindow?: number;
  /** Volatility values over which the percentile rank is taken (252: a year of daily bars). Default 252. */
  readonly volLookback?: number;
  /** Volatility percentile (0-1) at or above which the market is high-volatility (entry). Default 0.9. */
  readonly highVolPercentile?: number;
  /**
   * Volatility percentile at or above which an adopted high-volatility regime is kept (exit threshold,
   * <= highVolPercentile). Default 0.8.
   */
  readonly highVolExitPercentile?: number;
  /** Bars in the least-squares slope of log close (the trend slope feature). Default 20. */
  readonly slopeWindow?: number;
  /**
   * When true, a trend also needs the slope's sign to agree with the +DI/-DI lead (otherwise ranging).
   * Whatever this says, an exact +DI = -DI tie above the trend threshold is broken by the slope's sign.
   * Default false.
   */
  readonly slopeConfirmation?: boolean;
  /**
   * Consecutive bars a new candidate regime must hold before it is adopted (1: adopt at once). The
   * first regime after warm-up is adopted at once. Default 3.
   */
  readonly minDwell?: number;
}

/** The options of a RuleBasedClassifier with every default filled in and checked. */
export type RuleBasedSettings = Required<RuleBasedClassifierOptions>;

/** The defaults of {@link RuleBasedClassifierOptions}. */
export const RULE_BASED_DEFAULTS: RuleBasedSettings = Object.freeze({
  adxPeriod: 14,
  trendThreshold: 25,
  trendExitThreshold: 20,
  volMeasure: "realized",
  volWindow: 20,
  volLookback: 252,
  highVolPercentile: 0.9,
  highVolExitPercentile: 0.8,
  slopeWindow: 20,
  slopeConfirmation: false,
  minDwell: 3,
});

function inRange(name: string, value: unknown, lo: number, hi: number, hint: string): number {
  if (typeof value !== "number" || !(value >= lo && value <= hi)) invalid(name, value, `a number in [${lo}, ${hi}]`, hint);
  return value;
}

/**
 * Returns the options with their defaults, checked once: periods are positive integers (volWindow and
 * slopeWindow at least 2), thresholds lie in range and each exit threshold is at most its entry one.
 * @example ruleBasedSettings({ trendThreshold: 30 }).trendExitThreshold // 20
 */
export function ruleBasedSettings(options: RuleBasedClassifierOptions = {}): RuleBasedSettings {
  const o = { ...RULE_BASED_DEFAULTS, ...options };
  const atLeast2 = (name: string, value: unknown) => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 2) invalid(name, value, "an integer >= 2", "a window of bars, e.g. 20");
    return value;
  };
  const trendThreshold = inRange("trendThreshold", o.trendThreshold, 0, 100, "ADX lies in [0, 100]; 25 is the usual trend level");
  const trendExitThreshold = inRange("trendExitThreshold", o.trendExitThreshold, 0, trendThreshold, `the exit must not exceed trendThreshold (${trendThreshold}); equal values turn the hysteresis off`);
  const highVolPercentile = inRange("highVolPercentile", o.highVolPercentile, 0, 1, "pass a fraction, e.g. 0.9 for the 90th percentile");
  const highVolExitPercentile = inRange("highVolExitPercentile", o.highVolExitPercentile, 0, highVolPercentile, `the exit must not exceed highVolPercentile (${highVolPercentile}); equal values turn the hysteresis off`);
  if (typeof o.slopeConfirmation !== "boolean") invalid("slopeConfirmation", o.slopeConfirmation, "true or false");
  return Object.freeze({
    adxPeriod: check.positiveInteger("adxPeriod", o.adxPeriod),
    trendThreshold,
    trendExitThreshold,
    volMeasure: check.keyword("volMeasure", o.volMeasure, ["realized", "atr"] as const),
    volWindow: atLeast2("volWindow", o.volWindow),
    volLookback: check.positiveInteger("volLookback", o.volLookback),
    highVolPercentile,
    highVolExitPercentile,
    slopeWindow: atLeast2("slopeWindow", o.slopeWindow),
    slopeConfirmation: o.slopeConfirmation,
    minDwell: check.positiveInteger("minDwell", o.minDwell),
  });
}

/** Returns how many bars the classifier needs before its first regime: the longest of its features' warm-ups. */
export function ruleBasedWarmUpBars(s: RuleBasedSettings): number {
  const adx = Math.max(2 * s.adxPeriod - 1, 2);
  const volatility = s.volMeasure === "realized" ? s.volWindow + 1 : s.volWindow;
  return Math.max(adx, volatility + s.volLookback - 1, s.slopeWindow);
}
