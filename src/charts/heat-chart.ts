import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { HEAT_COLORS } from "./heat-gauge.js";
import { percentLabel } from "./percent-label.js";
import { RISK_TABLE_HINT, riskColumns } from "./risk-columns.js";
import { utcDateRange } from "./utc-date-range.js";

/** The columns of a risk timeline that {@link heatChart} reads. */
export const HEAT_CHART_COLUMNS = ["ts", "heat", "maxHeat"] as const;

/** Options of {@link heatChart}. */
export interface HeatChartOptions {
  /** Chart title. Default "Portfolio heat over time". */
  readonly title?: string;
  /** Chart subtitle. Default: what is drawn and the dates covered (UTC); the peak heat and the steps over the maximum go in the caption. */
  readonly subtitle?: string;
  /** Line and area color of the heat. Default "#4269d0". */
  readonly stroke?: string;
  /** Width of the plot, in px. Default 640. */
  readonly width?: number;
  /** Height of the plot, in px. Default 240. */
  readonly height?: number;
}

/**
 * Returns Plot options of portfolio heat over time: the open risk of all positions (a risk timeline's
 * `heat`, a fraction of equity, drawn in %) as an area and a line per step, the maximum (`maxHeat`) as a
 * dashed red step line, and the part of the heat above it filled red (heat can pass the maximum when
 * prices move away from stops, or when the maximum is lowered). Steps with no heat (null) are gaps. Reads
 * the columns ts (epoch ms UTC), heat and maxHeat of `PortfolioRiskManager.riskTable()`.
 * @example renderSvg(heatChart(riskManager.riskTable()))
 */
export function heatChart(riskTable: arrow.Table, options: HeatChartOptions = {}): Plot.PlotOptions {
  const { ts, heat, maxHeat } = riskColumns(riskTable, "riskTable", HEAT_CHART_COLUMNS);
  const stroke = check.nonEmptyString("stroke", options.stroke ?? "#4269d0");
  const width = check.positiveInteger("width", options.width ?? 640);
  const height = check.positiveInteger("height", options.height ?? 240);
  let peak = 0;
  let over = 0;
  for (let i = 0; i < ts.length; i++) {
    const h = heat[i]!, m = maxHeat[i]!;
    if (!Number.isNaN(h) && !(Number.isFinite(h) && h >= 0)) invalid(`riskTable.heat[${i}]`, h, "a fraction of equity >= 0, or null", RISK_TABLE_HINT);
    if (!(m > 0 && m <= 1)) invalid(`riskTable.maxHeat[${i}]`, m, "a number in (0, 1]", RISK_TABLE_HINT);
    if (h > peak) peak = h;
    if (h > m) over++;
  }
  const steps = Array.from(ts.keys());
  const x = (i: number) => ts[i];
  const y = (i: number) => heat[i]! * 100;
  const max = (i: number) => maxHeat[i]! * 100;
  const limits = [...new Set(maxHeat)];
  const dates = ts.length > 0 ? utcDateRange(ts[0]!, ts[ts.length - 1]!) : undefined;
  const last = steps.length - 1;
  return {
    title: options.title ?? "Portfolio heat over time",
    subtitle: options.subtitle ?? `open risk if every stop is hit, in % of equity${dates ? `, ${dates}` : ""}`,
    caption: `peak ${percentLabel(peak)}; ${over} ${over === 1 ? "step" : "steps"} over the max${over > 0 ? " (red dots)" : ""}`,
    width,
    height,
    marginLeft: 44,
    marginRight: 70,
    x: { type: "utc", label: null },
    y: { domain: [0, Math.max(peak, ...limits.filter((m) => !Number.isNaN(m))) * 100 * 1.1 || 1], nice: true, grid: true, label: "heat (% of equity)", tickFormat: (d: number) => `${d}%` },
    marks: [
      Plot.areaY(steps, { x, y1: 0, y2: y, fill: stroke, fillOpacity: 0.15, curve: "step-after", ariaDescription: "heat area" }),
      Plot.areaY(steps, { x, y1: max, y2: (i: number) => Math.max(heat[i]!, maxHeat[i]!) * 100, fill: HEAT_COLORS.over, fillOpacity: 0.6, curve: "step-after", ariaDescription: "heat over the max" }),
      Plot.lineY(steps, { x, y, stroke, strokeWidth: 1.25, curve: "step-after", ariaDescription: "heat" }),
      Plot.lineY(steps, { x, y: max, stroke: HEAT_COLORS.over, strokeWidth: 1.5, strokeDasharray: "5,3", curve: "step-after", ariaDescription: "max heat" }),
      Plot.dot(steps.filter((i) => heat[i]! > maxHeat[i]!), { x, y, r: 2.5, fill: HEAT_COLORS.over, ariaDescription: "steps over the max" }),
      Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
      ...(last < 0 ? [] : [Plot.text([last], {
        x, y: max, text: (i: number) => `max ${percentLabel(maxHeat[i]!)}`, textAnchor: "start", dx: 6, fill: HEAT_COLORS.over, fontSize: 11, ariaDescription: "max heat label",
      })]),
    ],
  };
}
