import * as Plot from "@observablehq/plot";
import { check, invalid } from "../core/check.js";
import type { KillZoneInterval } from "../sessions/kill-zone-windows.js";
import { killZoneColors } from "./smc-colors.js";
import { utcMinute } from "./utc-minute.js";

/** Options of {@link killZoneMarks}. */
export interface KillZoneMarksOptions {
  /** Shade only what lies in [from, to], cut at the bounds; epoch ms UTC. Default: no bound. */
  readonly from?: number;
  /** See `from`. Default: no bound. */
  readonly to?: number;
  /** Fill opacity of the bands, in [0, 1]. Default 0.35. */
  readonly opacity?: number;
}

const HINT = "pass killZoneWindows({ from, to }) or an array of { name, tsStart, tsEnd }";

/**
 * Returns Plot marks that shade kill zones: one band per occurrence, from its start to its end, over the
 * full height of the plot, filled by the zone's name through the color scale (use
 * `killZoneColorScale(names)` for the pale default colors and a swatch legend). Put them first, so
 * prices are drawn on top. The mark is described "kill-zones".
 * @example Plot.plot({ x: { type: "utc" }, color: killZoneColorScale(), marks: [...killZoneMarks(killZoneWindows({ from: "2024-03-04", to: "2024-03-06" })), ...priceMarks(bars)] })
 */
export function killZoneMarks(windows: readonly KillZoneInterval[], options: KillZoneMarksOptions = {}): Plot.Markish[] {
  if (!Array.isArray(windows)) invalid("windows", windows, "an array of kill-zone intervals", HINT);
  const from = options.from === undefined ? -Infinity : check.finite("from", options.from);
  const to = options.to === undefined ? Infinity : check.finite("to", options.to);
  const opacity = check.fraction("opacity", options.opacity ?? 0.35);
  const bands = windows.flatMap((k, i) => {
    if (k == null || typeof k.name !== "string") invalid(`windows[${i}].name`, k?.name, "a string", HINT);
    check.finite(`windows[${i}].tsStart`, k.tsStart);
    check.finite(`windows[${i}].tsEnd`, k.tsEnd);
    if (k.tsEnd <= from || k.tsStart >= to) return [];
    const title = `${k.name} (${k.date ?? ""}): ${utcMinute(k.tsStart)} to ${utcMinute(k.tsEnd)}`;
    return [{ name: k.name, x1: Math.max(k.tsStart, from), x2: Math.min(k.tsEnd, to), title }];
  });
  return [Plot.rectX(bands, { x1: "x1", x2: "x2", fill: "name", fillOpacity: opacity, title: "title", ariaDescription: "kill-zones" })];
}

/**
 * Returns an ordinal color scale for kill-zone bands: each name with its pale fill (see killZoneColors),
 * in the given order, with a swatch legend.
 * @example killZoneColorScale(["asian", "london-open", "new-york-open", "london-close"])
 */
export function killZoneColorScale(names: readonly string[] = ["asian", "london-open", "new-york-open", "london-close"], legend = true): Plot.ScaleOptions {
  return { type: "ordinal", domain: [...names], range: killZoneColors(names), legend };
}
