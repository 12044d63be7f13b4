import { REGIMES, type Regime } from "../regimes.js";
import type { GaussianHmmModel } from "./gaussian-hmm-model.js";

/** JSON-safe number: -0 becomes 0; NaN and infinities become null. */
export function jsonNumber(x: number): number | null {
  return Number.isFinite(x) ? x + 0 : null;
}

/**
 * Returns the model behind an HMM classification as flat numbers by name, for `inspect().thresholds`:
 * for each state k, `state<k>.regime` (the index of its regime in REGIMES), `state<k>.stay` (the
 * probability of staying), `state<k>.mean.<feature>` and `state<k>.variance.<feature>`.
 * @example hmmThresholds(model, ["ranging", "trending-up"], ["logReturn"])["state1.regime"]; // 0
 */
export function hmmThresholds(model: GaussianHmmModel, regimes: readonly Regime[], featureNames: readonly string[]): Record<string, number> {
  const out: Record<string, number> = { states: model.states };
  for (let k = 0; k < model.states; k++) {
    out[`state${k}.regime`] = REGIMES.indexOf(regimes[k]!);
    out[`state${k}.stay`] = model.transitions[k]![k]! + 0;
    featureNames.forEach((name, f) => {
      out[`state${k}.mean.${name}`] = model.means[k]![f]! + 0;
      out[`state${k}.variance.${name}`] = model.variances[k]![f]! + 0;
    });
  }
  return out;
}

const pct = (x: number): string => (100 * x).toFixed(3) + "%";

/**
 * Returns the rule that fired, in words: which regime's filtered probability is the largest, the
 * others, the state-to-regime mapping, and (with a minimum dwell) why the regime held.
 * @example "filtered P(high-volatility) = 0.83 is the largest (trending-up 0.10, ...); ..."
 */
export function hmmRule(
  regime: Regime, probabilities: Readonly<Record<Regime, number>>, model: GaussianHmmModel, regimes: readonly Regime[], leader: Regime, leaderBars: number, minDwell: number, mapping: string,
): string {
  const others = REGIMES.filter((r) => r !== leader).map((r) => `${r} ${probabilities[r].toFixed(2)}`).join(", ");
  const states = regimes
    .map((r, k) => `state ${k} (mean ${pct(model.means[k]![0]!)}, sd ${pct(Math.sqrt(model.variances[k]![0]!))}) -> ${r}`)
    .join("; ");
  const held = regime === leader ? "" : ` but ${regime} holds until ${leader} leads ${minDwell} bars in a row (${leaderBars} so far)`;
  return `filtered P(${leader}) = ${probabilities[leader].toFixed(2)} is the largest (${others})${held}: ${regime}. States (${mapping}): ${states}`;
}
