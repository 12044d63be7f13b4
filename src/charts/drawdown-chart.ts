import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { maxDrawdown } from "../metrics/max-drawdown.js";
import { numberColumn } from "./number-column.js";
import { requireColumns } from "./require-columns.js";
import { utcDateRange } from "./utc-date-range.js";

/** Options of {@link drawdownChart}. */
export interface DrawdownChartOptions {
  /** Chart title. Default "Drawdown". */
  readonly title?: string;
  /** Chart subtitle. Default: what is drawn, the dates covered (UTC) and the maximum drawdown. */
  readonly subtitle?: string;
  /** Mark the deepest drawdown with a dot at its trough and a label giving its depth, peak and trough dates. Default true. */
  readonly annotate?: boolean;
  /** Fill of the area under water (and its outline). Default "#d73027". */
  readonly fill?: string;
  /** Width of the plot, in px. Default 640. */
  readonly width?: number;
  /** Height of the plot, in px. Default 240. */
  readonly height?: number;
}

const HINT = "pass result.equity of a backtest, or the result itself";
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Percent with two decimals and a true minus sign, as on Plot's axes. */
const percent = (value: number) => `${value.toFixed(2)}%`.replace("-", "\u2212");

/**
 * Returns Plot options of an underwater chart: at each step, how far the equity stands below its
 * running peak, in percent (0 at a new high, -25 when a quarter of the peak is lost), drawn as an area
 * below zero on a UTC time axis. The deepest drawdown (the same one `maxDrawdown` reports) is marked at
 * its trough. Takes a backtest result or its `equity` table (columns ts, epoch ms UTC, and equity).
 * @example renderSvg(drawdownChart(engine.run()))
 */
export function drawdownChart(input: arrow.Table | { readonly equity: arrow.Table }, options: DrawdownChartOptions = {}): Plot.PlotOptions {
  if (input == null || typeof input !== "object") invalid("input", input, "an equity table or a backtest result", HINT);
  const isTable = typeof (input as { getChild?: unknown }).getChild === "function";
  const table = requireColumns(isTable ? (input as arrow.Table) : (input as { equity: arrow.Table }).equity, "equity", ["ts", "equity"], HINT);
  const annotate = options.annotate ?? true;
  const fill = check.nonEmptyString("fill", options.fill ?? "#d73027");
  const width = check.positiveInteger("width", options.width ?? 640);
  const height = check.positiveInteger("height", options.height ?? 240);

  const ts = numberColumn(table, "ts");
  const equity = numberColumn(table, "equity");
  if (equity.length > 0 && !(equity[0]! > 0)) {
    invalid("equity[0]", String(equity[0]), "a positive equity", "a drawdown is measured from a positive peak");
  }
  const spell = maxDrawdown(ts, equity);
  const drawdown = new Float64Array(equity.length);
  let peak = -Infinity;
  for (let i = 0; i < equity.length; i++) {
    peak = Math.max(peak, equity[i]!);
    drawdown[i] = (equity[i]! / peak - 1) * 100;
  }
  const steps = Array.from(ts.keys());
  const x = (i: number) => ts[i];
  const y = (i: number) => drawdown[i];
  const marks: Plot.Markish[] = [
    Plot.areaY(steps, { x, y1: 0, y2: y, fill, fillOpacity: 0.3 }),
    Plot.lineY(steps, { x, y, stroke: fill, strokeWidth: 1 }),
    Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
  ];
  const depth = spell === null ? 0 : spell.depth * 100;
  if (annotate && spell !== null) {
    const span = `peak ${day(ts[spell.peakIndex]!)}, trough ${day(ts[spell.troughIndex]!)}`;
    const trough = { ts: ts[spell.troughIndex]!, depth, text: `max drawdown ${percent(depth)}\n${span}` };
    const right = ts.length > 1 && trough.ts - ts[0]! > (ts[ts.length - 1]! - ts[0]!) / 2;
    marks.push(
      Plot.dot([trough], { x: "ts", y: "depth", r: 3.5, fill: "currentColor" }),
      Plot.text([trough], {
        x: "ts", y: "depth", text: "text", textAnchor: right ? "end" : "start", dx: right ? -8 : 8, lineAnchor: "middle",
        fill: "currentColor", stroke: "white", strokeWidth: 3, paintOrder: "stroke", fontSize: 11,
      }),
    );
  }
  const dates = ts.length > 0 ? utcDateRange(ts[0]!, ts[ts.length - 1]!) : undefined;
  const worst = spell === null ? "no drawdown" : `max ${percent(depth)}`;
  return {
    title: options.title ?? "Drawdown",
    subtitle: options.subtitle ?? `equity below its running peak, in %${dates ? `, ${dates}` : ""}; ${worst}`,
    width,
    height,
    marginLeft: 50,
    x: { type: "utc", label: null },
    y: { domain: [Math.min(-1, depth * 1.15), 0], nice: true, grid: true, label: "drawdown (%)" },
    marks,
  };
}
