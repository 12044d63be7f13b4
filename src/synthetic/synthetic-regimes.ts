/**
 * The market regimes of the synthetic generators, in the fixed order used by transition matrices:
 * row and column 0 is "bull", 1 "bear", 2 "sideways", 3 "high-volatility".
 */
export const SYNTHETIC_REGIMES = ["bull", "bear", "sideways", "high-volatility"] as const;

/** A market regime of the synthetic generators: "bull" | "bear" | "sideways" | "high-volatility". */
export type SyntheticRegime = (typeof SYNTHETIC_REGIMES)[number];

/** How prices move in one regime, per daily bar; all numbers are fractions, not percents. */
export interface RegimeDynamics {
  /** Expected log return per bar (0.0008 = +0.08 % a day). */
  readonly drift: number;
  /** Standard deviation of the log return per bar (0.008 = 0.8 % a day). */
  readonly volatility: number;
  /**
   * Share of the distance between the log price and its anchor pulled back each bar (0 = none). The
   * anchor resets to the price when the regime starts and then follows it as an exponential average
   * with rate `anchorRate`, so a mean-reverting regime ranges around a slowly moving level.
   */
  readonly meanReversion: number;
  /** Rate at which the anchor follows the log price each bar, in [0, 1] (0 = fixed anchor). */
  readonly anchorRate: number;
}

/**
 * The default dynamics of each regime, daily: bull +0.08 %/day at 0.8 % volatility; bear -0.10 %/day at
 * 1.4 %; sideways no drift, 0.6 % volatility and a 10 %/day pull toward its anchor (half-life about
 * 7 days, so the price ranges about ±1.5 % around a level that moves at 2 %/day); high-volatility no
 * drift at 3 %.
 */
export const DEFAULT_REGIME_DYNAMICS: Readonly<Record<SyntheticRegime, RegimeDynamics>> = Object.freeze({
  bull: Object.freeze({ drift: 0.0008, volatility: 0.008, meanReversion: 0, anchorRate: 0 }),
  bear: Object.freeze({ drift: -0.001, volatility: 0.014, meanReversion: 0, anchorRate: 0 }),
  sideways: Object.freeze({ drift: 0, volatility: 0.006, meanReversion: 0.1, anchorRate: 0.02 }),
  "high-volatility": Object.freeze({ drift: 0, volatility: 0.03, meanReversion: 0, anchorRate: 0 }),
});

/**
 * The default regime transition matrix, one row per current regime in {@link SYNTHETIC_REGIMES} order,
 * each row the probabilities of the next bar's regime (rows sum to 1). It is sticky: a regime lasts
 * 1 / (1 - p_stay) bars on average, i.e. bull ~67, bear 50, sideways 50, high-volatility 40 bars.
 * Bull tends to give way to sideways, bear and high-volatility feed each other, and sideways breaks
 * out upward more often than downward.
 */
export const DEFAULT_REGIME_TRANSITIONS: readonly (readonly number[])[] = Object.freeze([
  // to: bull, bear,  sideways, high-volatility
  Object.freeze([0.985, 0.003, 0.008, 0.004]), // from bull
  Object.freeze([0.004, 0.98, 0.008, 0.008]), // from bear
  Object.freeze([0.01, 0.006, 0.98, 0.004]), // from sideways
  Object.freeze([0.005, 0.01, 0.01, 0.975]), // from high-volatility
]);
