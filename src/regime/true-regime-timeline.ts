import type * as arrow from "apache-arrow";
import { invalid } from "../core/check.js";
import type { SyntheticRegime } from "../synthetic/synthetic-regimes.js";
import { regimeOfSyntheticLabel, type Regime } from "./regimes.js";

/**
 * Returns the true regime of every bar of `regimeSwitchingBars` as a timeline (`{ ts, regime }` rows,
 * ts = the bar's tsClose), with the generator's labels mapped onto the named regimes (bull ->
 * trending-up, bear -> trending-down, sideways -> ranging, high-volatility -> high-volatility): for
 * timelines, confusion matrices and per-regime metrics against the truth.
 * @example regimeTimelineChart({ truth: trueRegimeTimeline(labels), rules: rules.history() })
 */
export function trueRegimeTimeline(labels: arrow.Table): { ts: number; regime: Regime }[] {
  const ts = labels?.getChild?.("tsClose"), regime = labels?.getChild?.("regime");
  if (ts == null || regime == null) invalid("labels", "a table without tsClose and regime", "the labels table of regimeSwitchingBars()");
  return Array.from({ length: labels.numRows }, (_, i) => ({ ts: Number(ts.get(i)), regime: regimeOfSyntheticLabel(regime.get(i) as SyntheticRegime) }));
}
