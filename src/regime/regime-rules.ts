import { formatNumber } from "../core/format-number.js";
import type { RuleBasedSettings } from "./rule-based-options.js";
import type { Regime } from "./regimes.js";

/** The feature values the rules of {@link applyRegimeRules} read (all defined once the classifier is warm). */
export interface RegimeRuleFeatures {
  /** Wilder's ADX, in [0, 100]. */
  adx: number;
  /** +DI and -DI, in [0, 100]. */
  plusDi: number;
  minusDi: number;
  /** The volatility measure (per bar, a fraction) and its percentile rank over the lookback, in [0, 1]. */
  volatility: number;
  volPercentile: number;
  /** Least-squares slope of log close, log return per bar. */
  slope: number;
}

/**
 * Returns the candidate regime of one bar's features by the rules, in order of precedence:
 * 1. vol percentile >= highVolPercentile: "high-volatility" (highVolExitPercentile while the adopted
 *    regime is already high-volatility);
 * 2. else the lead: the sign of +DI - -DI, or on an exact tie the sign of the slope. With ADX >=
 *    trendThreshold (trendExitThreshold while the adopted regime is already the trend of that sign), a
 *    positive lead gives "trending-up" and a negative one "trending-down", unless slopeConfirmation is
 *    on and the slope's sign differs from the lead;
 * 3. else "ranging".
 * When `why` is given, the clauses that decided are pushed onto it, with their numbers (the hot path
 * passes nothing and allocates nothing).
 * @example applyRegimeRules(features, ruleBasedSettings(), "ranging") // "trending-up"
 */
export function applyRegimeRules(f: RegimeRuleFeatures, s: RuleBasedSettings, adopted: Regime | null, why?: string[]): Regime {
  const holdingVol = adopted === "high-volatility";
  const volLimit = holdingVol ? s.highVolExitPercentile : s.highVolPercentile;
  const volNote = holdingVol && volLimit !== s.highVolPercentile ? " (exit threshold, holding high-volatility)" : "";
  if (f.volPercentile >= volLimit) {
    if (why) why.push(`vol percentile ${versus(f.volPercentile, volLimit, ">=")}${volNote}`);
    return "high-volatility";
  }
  if (why) why.push(`vol percentile ${versus(f.volPercentile, volLimit, "<")}${volNote}`);
  const diLead = f.plusDi > f.minusDi ? 1 : f.plusDi < f.minusDi ? -1 : 0;
  const slopeSign = f.slope > 0 ? 1 : f.slope < 0 ? -1 : 0;
  const lead = diLead !== 0 ? diLead : slopeSign;
  const direction: Regime = lead >= 0 ? "trending-up" : "trending-down";
  const holdingTrend = lead !== 0 && adopted === direction;
  const adxLimit = holdingTrend ? s.trendExitThreshold : s.trendThreshold;
  const adxNote = holdingTrend && adxLimit !== s.trendThreshold ? ` (exit threshold, holding ${direction})` : "";
  if (f.adx < adxLimit) {
    if (why) why.push(`ADX ${versus(f.adx, adxLimit, "<")}${adxNote} (${diText(f, diLead)})`);
    return "ranging";
  }
  if (lead === 0) {
    if (why) why.push(`ADX ${versus(f.adx, adxLimit, ">=")} but ${diText(f, diLead)} and slope 0: no direction`);
    return "ranging";
  }
  if (s.slopeConfirmation && slopeSign !== lead) {
    if (why) why.push(`ADX ${versus(f.adx, adxLimit, ">=")}${adxNote} and ${diText(f, diLead)} but slope ${formatNumber(f.slope, 3)} ${lead > 0 ? "<=" : ">="} 0 disagrees`);
    return "ranging";
  }
  if (why) {
    const tie = diLead === 0 ? `, tie broken by slope ${formatNumber(f.slope, 3)}` : "";
    why.push(`ADX ${versus(f.adx, adxLimit, ">=")}${adxNote} and ${diText(f, diLead)}${tie}`);
  }
  return direction;
}

/** Returns the DI comparison in words, e.g. "+DI 28 > -DI 12.1". */
function diText(f: RegimeRuleFeatures, diLead: number): string {
  if (diLead > 0) return `+DI ${versus(f.plusDi, f.minusDi, "> -DI")}`;
  if (diLead < 0) return `-DI ${versus(f.minusDi, f.plusDi, "> +DI")}`;
  return `+DI = -DI ${formatNumber(f.plusDi, 4)}`;
}

/** Returns "a op b" with enough digits that two different numbers never print the same. */
function versus(a: number, b: number, op: string): string {
  let digits = 4;
  while (digits < 17 && a !== b && formatNumber(a, digits) === formatNumber(b, digits)) digits++;
  return `${formatNumber(a, digits)} ${op} ${formatNumber(b, digits)}`;
}
