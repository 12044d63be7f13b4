import * as Plot from "@observablehq/plot";
import { check } from "../core/check.js";
import { regimeRuns, type RegimeTimeline } from "../regime/regime-runs.js";
import { REGIME_COLORS, REGIMES } from "../regime/regimes.js";

/** Options of {@link regimeMarks}. */
export interface RegimeMarksOptions {
  /** Opacity of the bands, in [0, 1]. Default 0.4. */
  readonly opacity?: number;
}

/** The color scale of regime charts: every regime in REGIMES order with its REGIME_COLORS color. */
export function regimeColorScale(legend = true): Plot.ScaleOptions {
  return { type: "ordinal", domain: [...REGIMES], range: REGIMES.map((r) => REGIME_COLORS[r]), legend };
}

/**
 * Returns Plot marks that shade the background by regime: one band per run of bars in the same regime
 * (see regimeRuns), from its first bar's close to the next run's first close, over the full height of
 * the plot, filled through the color scale (use `regimeColorScale()`). Warm-up bars are not shaded.
 * Put them before the price line so the line is drawn on top.
 * @example Plot.plot({ x: { type: "utc" }, color: regimeColorScale(), marks: [...regimeMarks(classifier.history()), Plot.lineY(bars, { x: "tsClose", y: "close" })] })
 */
export function regimeMarks(timeline: RegimeTimeline, options: RegimeMarksOptions = {}): Plot.Markish[] {
  const opacity = check.fraction("opacity", options.opacity ?? 0.4);
  const runs = regimeRuns(timeline).filter((r) => r.end > r.start);
  return [Plot.rectX(runs, { x1: "start", x2: "end", fill: "regime", fillOpacity: opacity, ariaDescription: "regime bands" })];
}
