import type { Regime } from "../regimes.js";
import type { GaussianHmmModel } from "./gaussian-hmm-model.js";

/**
 * Returns the named regime of each hidden state by a fixed, documented rule on the first feature (the
 * log return): the state with the highest return variance is "high-volatility"; the others are ranked
 * by mean return, the highest "trending-up", the lowest "trending-down", any in between "ranging".
 * Ties go to the lower state number. So K = 1 gives ["ranging"]; K = 2 gives "high-volatility" and
 * "ranging" (a calm state has no direction to call); K = 3 gives "high-volatility", "trending-up" and
 * "trending-down" (no "ranging" state); K = 4 gives one of each; K >= 5 adds "ranging" states.
 * @example stateRegimes(model); // ["ranging", "trending-up", "trending-down", "high-volatility"]
 */
export function stateRegimes(model: Pick<GaussianHmmModel, "states" | "means" | "variances">): Regime[] {
  const k = model.states;
  if (k === 1) return ["ranging"];
  let volatile = 0;
  for (let s = 1; s < k; s++) if (model.variances[s]![0]! > model.variances[volatile]![0]!) volatile = s;
  const rest = Array.from({ length: k }, (_, s) => s).filter((s) => s !== volatile);
  rest.sort((i, j) => model.means[j]![0]! - model.means[i]![0]! || i - j);
  const out: Regime[] = new Array(k).fill("ranging");
  out[volatile] = "high-volatility";
  if (rest.length >= 2) {
    out[rest[0]!] = "trending-up";
    out[rest[rest.length - 1]!] = "trending-down";
  }
  return out;
}
