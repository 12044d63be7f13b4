import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { formatNumber } from "../core/format-number.js";
import { percentLabel } from "./percent-label.js";
import { RISK_TABLE_HINT, riskColumns } from "./risk-columns.js";
import { utcDateRange } from "./utc-date-range.js";

/** The columns of a risk timeline that {@link drawdownScaleChart} reads. */
export const DRAWDOWN_SCALE_COLUMNS = ["ts", "drawdown", "scale"] as const;

/** Options of {@link drawdownScaleChart}. */
export interface DrawdownScaleChartOptions {
  /** Chart title. Default "Drawdown and position scale". */
  readonly title?: string;
  /** Chart subtitle. Default: what is drawn and the dates covered (UTC); the deepest drawdown, lowest scale and halted steps go in the caption. */
  readonly subtitle?: string;
  /** Color of the drawdown area. Default "#d73027". */
  readonly fill?: string;
  /** Color of the scale line. Default "#4269d0". */
  readonly stroke?: string;
  /** Width of the plot, in px. Default 640. */
  readonly width?: number;
  /** Height of the plot (both panels), in px. Default 360. */
  readonly height?: number;
}

/** The two panels share one y scale in [0, 1]: drawdown on top, scale below, a gap between. */
const DD_BOTTOM = 0.56;
const SCALE_TOP = 0.44;

/** Returns a round step (1, 2 or 5 times a power of ten) near `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const e = raw / power;
  return (e >= Math.sqrt(50) ? 10 : e >= Math.sqrt(10) ? 5 : e >= Math.sqrt(2) ? 2 : 1) * power;
}

/** Returns the multiples of a round step within [lo, hi], about `count` of them. */
function niceTicks(lo: number, hi: number, count: number): number[] {
  const step = niceStep((hi - lo) / count);
  const ticks: number[] = [];
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)) + 0);
  return ticks;
}

/** Returns the runs of consecutive halted steps (scale 0), each from its first step to the next step after it. */
function haltedRuns(ts: Float64Array, scale: Float64Array): { x1: number; x2: number }[] {
  const runs: { x1: number; x2: number }[] = [];
  for (let i = 0; i < ts.length; i++) {
    if (scale[i] !== 0) continue;
    const start = i;
    while (i + 1 < ts.length && scale[i + 1] === 0) i++;
    runs.push({ x1: ts[start]!, x2: ts[Math.min(i + 1, ts.length - 1)]! });
  }
  return runs;
}

/**
 * Returns Plot options of drawdown and the drawdown scale factor over time, as two stacked panels of one
 * chart on one UTC time axis: on top, the drawdown from the equity peak as a red area in % (0 at a new
 * high, −25 a quarter below it); below, the scale factor new risk is multiplied by (1 = full size, 0 =
 * halted) as a step line, with halted steps shaded. Plot has no second y axis and facets share the y
 * scale, so both panels are drawn on one hidden y scale in [0, 1] with an axis of their own each (drawdown
 * on the left, scale on the right); the result renders as one SVG. The table's `drawdown` may count down
 * (fractions <= 0) or up (fractions >= 0, as in RiskExplanation), but not both. Reads the columns ts
 * (epoch ms UTC), drawdown and scale of `PortfolioRiskManager.riskTable()`.
 * @example renderSvg(drawdownScaleChart(riskManager.riskTable()))
 */
export function drawdownScaleChart(riskTable: arrow.Table, options: DrawdownScaleChartOptions = {}): Plot.PlotOptions {
  const { ts, drawdown, scale } = riskColumns(riskTable, "riskTable", DRAWDOWN_SCALE_COLUMNS);
  const fill = check.nonEmptyString("fill", options.fill ?? "#d73027");
  const stroke = check.nonEmptyString("stroke", options.stroke ?? "#4269d0");
  const width = check.positiveInteger("width", options.width ?? 640);
  const height = check.positiveInteger("height", options.height ?? 360);
  let positive = -1, negative = -1, deepest = 0, lowest = Infinity, topScale = 1, halted = 0;
  for (let i = 0; i < ts.length; i++) {
    const d = drawdown[i]!, s = scale[i]!;
    if (!Number.isNaN(d) && !Number.isFinite(d)) invalid(`riskTable.drawdown[${i}]`, d, "a finite fraction, or null", RISK_TABLE_HINT);
    if (!Number.isNaN(s) && !(Number.isFinite(s) && s >= 0)) invalid(`riskTable.scale[${i}]`, s, "a scale factor >= 0, or null", RISK_TABLE_HINT);
    if (d > 0 && positive < 0) positive = i;
    if (d < 0 && negative < 0) negative = i;
    deepest = Math.max(deepest, Math.abs(d) || 0);
    if (s < lowest) lowest = s;
    if (s > topScale) topScale = s;
    if (s === 0) halted++;
  }
  if (positive >= 0 && negative >= 0) {
    const i = Math.max(positive, negative);
    invalid(`riskTable.drawdown[${i}]`, drawdown[i], `a fraction of the same sign as riskTable.drawdown[${Math.min(positive, negative)}] = ${drawdown[Math.min(positive, negative)]}`, "drawdown must count either down (<= 0) or up (>= 0) from the peak");
  }
  const span = Math.max(1, deepest * 110);
  const ddFloor = -Math.ceil(span / niceStep(span / 4)) * niceStep(span / 4);
  const ddY = (percent: number) => DD_BOTTOM + ((1 - DD_BOTTOM) * (percent - ddFloor)) / -ddFloor;
  const scaleY = (s: number) => (SCALE_TOP * s) / topScale;
  const labels = new Map<number, string>();
  const ddTicks = niceTicks(ddFloor, 0, 4).map((v) => (labels.set(ddY(v), `${formatNumber(v, 6)}%`.replace("-", "\u2212")), ddY(v)));
  const scaleTicks = niceTicks(0, topScale, 4).map((v) => (labels.set(scaleY(v), formatNumber(v, 6)), scaleY(v)));
  const tickFormat = (y: number) => labels.get(y) ?? "";

  const steps = Array.from(ts.keys());
  const x = (i: number) => ts[i];
  const dd = (i: number) => ddY(-Math.abs(drawdown[i]!) * 100);
  const sc = (i: number) => scaleY(scale[i]!);
  const dates = ts.length > 0 ? utcDateRange(ts[0]!, ts[ts.length - 1]!) : undefined;
  const low = Number.isFinite(lowest) ? `; lowest scale ${formatNumber(lowest, 3)}` : "";
  const panelLabel = { frameAnchor: "left", lineAnchor: "bottom", dy: -6, fontSize: 11, fontWeight: "bold", fill: "currentColor" } as const;
  return {
    title: options.title ?? "Drawdown and position scale",
    subtitle: options.subtitle ?? `drawdown from the equity peak and the scale on new risk${dates ? `, ${dates}` : ""}`,
    caption: `max drawdown ${percentLabel(-deepest)}${low}${halted > 0 ? `; halted (shaded) ${halted} ${halted === 1 ? "step" : "steps"}` : ""}`,
    width,
    height,
    marginTop: 22,
    marginLeft: 50,
    marginRight: 44,
    x: { type: "utc", label: null },
    y: { domain: [0, 1], axis: null },
    marks: [
      Plot.gridY({ ticks: [...ddTicks, ...scaleTicks] }),
      Plot.axisY({ ticks: ddTicks, tickFormat, anchor: "left", label: null, ariaDescription: "drawdown axis" }),
      Plot.axisY({ ticks: scaleTicks, tickFormat, anchor: "right", label: null, ariaDescription: "scale axis" }),
      Plot.areaY(steps, { x, y1: ddY(0), y2: dd, fill, fillOpacity: 0.3, curve: "step-after", ariaDescription: "drawdown area" }),
      Plot.lineY(steps, { x, y: dd, stroke: fill, strokeWidth: 1, curve: "step-after", ariaDescription: "drawdown" }),
      Plot.rect(haltedRuns(ts, scale), { x1: "x1", x2: "x2", y1: 0, y2: SCALE_TOP, fill, fillOpacity: 0.12, ariaDescription: "halted" }),
      Plot.lineY(steps, { x, y: sc, stroke, strokeWidth: 1.5, curve: "step-after", ariaDescription: "scale" }),
      Plot.ruleY([ddY(0), 0], { stroke: "currentColor", strokeOpacity: 0.5 }),
      Plot.text([1], { ...panelLabel, y: 1, text: () => "drawdown from peak (%)", ariaDescription: "panel label" }),
      Plot.text([SCALE_TOP], { ...panelLabel, y: SCALE_TOP, text: () => "scale factor on new risk (1 = full size, 0 = halted)", ariaDescription: "panel label" }),
    ],
  };
}
