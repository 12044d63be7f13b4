import type { SyntheticRegime } from "../synthetic/synthetic-regimes.js";

/**
 * The market regimes regime-lab classifies into, in a fixed order (used for colors, tables and
 * confusion matrices):
 * - "trending-up": prices rise persistently (a directional market, buyers in control);
 * - "trending-down": prices fall persistently (a directional market, sellers in control);
 * - "ranging": no persistent direction, ordinary volatility (prices swing around a level);
 * - "high-volatility": returns far wider than usual, whatever the direction (stress, crashes, panics).
 * A regime is a classification of the bars up to now, not an event: classifiers never emit events.
 */
export const REGIMES = ["trending-up", "trending-down", "ranging", "high-volatility"] as const;

/** A market regime: "trending-up" | "trending-down" | "ranging" | "high-volatility". */
export type Regime = (typeof REGIMES)[number];

/** What each regime means, in one sentence (for legends, tooltips and notebooks). */
export const REGIME_DESCRIPTIONS: Readonly<Record<Regime, string>> = Object.freeze({
  "trending-up": "prices rise persistently: a directional market with buyers in control",
  "trending-down": "prices fall persistently: a directional market with sellers in control",
  ranging: "no persistent direction at ordinary volatility: prices swing around a level",
  "high-volatility": "returns far wider than usual, whatever the direction: stress, crashes, panics",
});

/** One color per regime, for shaded charts and legends (green up, red down, grey ranging, orange high volatility). */
export const REGIME_COLORS: Readonly<Record<Regime, string>> = Object.freeze({
  "trending-up": "#3ca951",
  "trending-down": "#ff725c",
  ranging: "#9c9c9c",
  "high-volatility": "#efb118",
});

/** Returns true when `x` is one of {@link REGIMES}. */
export function isRegime(x: unknown): x is Regime {
  return typeof x === "string" && (REGIMES as readonly string[]).includes(x);
}

const FROM_SYNTHETIC: Readonly<Record<SyntheticRegime, Regime>> = {
  bull: "trending-up",
  bear: "trending-down",
  sideways: "ranging",
  "high-volatility": "high-volatility",
};

/**
 * Returns the regime that a synthetic generator's label stands for: bull -> trending-up, bear ->
 * trending-down, sideways -> ranging, high-volatility -> high-volatility (for confusion matrices
 * against the true labels of `regimeSwitchingBars`).
 * @example regimeOfSyntheticLabel("bull") // "trending-up"
 */
export function regimeOfSyntheticLabel(label: SyntheticRegime): Regime {
  return FROM_SYNTHETIC[label];
}
