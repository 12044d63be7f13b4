import { legendLabel } from "./legend-label.js";
import { rampLegend, type ContinuousColorScale } from "./ramp-legend.js";
import { swatchLegend, type Swatch, type SvgBlock } from "./swatch-legend.js";

/** Options of {@link colorLegend}. */
export interface ColorLegendOptions {
  /** Width available for the legend, in px. Required. */
  readonly width: number;
  /** Font size of the labels, in px. Default 11. */
  readonly fontSize?: number;
  /** Draw continuous scales as a color ramp ("ramp") or not at all ("none"). Default "ramp". */
  readonly continuous?: "ramp" | "none";
  /** A title drawn above a color ramp, e.g. the color option's `label`. Default none. */
  readonly label?: string;
}

const ORDINAL = new Set(["ordinal", "categorical", "point", "band"]);

/** Returns the swatches of a threshold scale (also quantize and quantile): "< t0", "t0–t1", …, "≥ tn". */
function thresholdSwatches(scale: ContinuousColorScale): Swatch[] {
  const t = (scale.domain ?? []).map(legendLabel);
  const range = ((scale as { range?: readonly unknown[] }).range ?? []).map(String);
  return range.slice(0, t.length + 1).map((color, i) => ({
    color,
    label: i === 0 ? `< ${t[0]}` : i === t.length ? `≥ ${t[i - 1]}` : `${t[i - 1]}–${t[i]}`,
  }));
}

/**
 * Returns an SVG color legend for a scale as exposed by `plot.scale("color")`: swatches for ordinal
 * and categorical scales (color read through the scale itself), labelled swatches for threshold,
 * quantize and quantile scales, a color ramp for continuous scales (or nothing when `continuous` is
 * "none"), and nothing for identity scales.
 * @example colorLegend(plot.scale("color"), { width: 640 })
 */
export function colorLegend(scale: ContinuousColorScale | undefined, options: ColorLegendOptions): SvgBlock | undefined {
  if (scale === undefined || scale.type === "identity") return undefined;
  const fontSize = options.fontSize ?? 11;
  if (scale.type !== undefined && ORDINAL.has(scale.type)) {
    const swatches = (scale.domain ?? []).map((value) => ({ color: String(scale.apply(value)), label: legendLabel(value) }));
    return swatchLegend(swatches, { width: options.width, fontSize });
  }
  if (scale.type === "threshold") return swatchLegend(thresholdSwatches(scale), { width: options.width, fontSize });
  if (options.continuous === "none") return undefined;
  return rampLegend(scale, { width: Math.min(240, options.width), fontSize, label: options.label });
}
