import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { isPercentMetric, metricLabel } from "./metric-label.js";
import { parameterCells, type CellAggregate, type ParameterCell } from "./parameter-cells.js";

/** Options of {@link parameterHeatmap}. */
export interface ParameterHeatmapOptions {
  /** Parameter column across (x). Default: the sweep's first grid parameter (from the table's metadata). */
  readonly x?: string;
  /** Parameter column up (y), smallest value at the bottom. Default: the sweep's second grid parameter. */
  readonly y?: string;
  /** Metric column that colors and labels the cells. Default "sharpe". */
  readonly fill?: string;
  /** Chart only this symbol's runs. Default: every symbol, aggregated per cell. */
  readonly symbol?: string;
  /** How runs sharing a cell (other parameters, several symbols) are combined: "mean", "median" or "max" of their defined values. Default "mean". */
  readonly aggregate?: CellAggregate;
  /** Which cell is outlined as the best: the highest value ("max"), the lowest ("min") or none. Default "min" for annualizedVolatility, else "max". */
  readonly best?: "max" | "min" | "none";
  /** Color scheme (a Plot scheme name). Default "rdbu" centred at 0 (red below, blue above) for signed metrics such as sharpe and returns, "blues" for the others. */
  readonly scheme?: Plot.ColorScheme;
  /** Chart title. Default "Parameter sweep: <fill>". */
  readonly title?: string;
  /** Chart subtitle. Default: the parameters on each axis, the symbols and how cells were aggregated. */
  readonly subtitle?: string;
  /** Side of one square cell, in px. Default 48. */
  readonly cellSize?: number;
  /** Smallest width of the chart, in px, so the legend fits beside a small grid. Default 320. */
  readonly minWidth?: number;
}

/** Metrics whose sign means something (a loss below 0), drawn on a scale centred at 0 whatever their values. */
const SIGNED = /(Return|Sharpe|Drawdown)$|^(sharpe|sortino|calmar|expectancy|sqn|inSample|outOfSample)$/;
const GREY = "#d0d0d0";
const HINT = "pass the table of a sweep result (result.table)";
const textWidth = (text: string | undefined, fontSize: number) => (text === undefined ? 0 : Math.ceil(text.length * fontSize * 0.6) + 16);

/** Returns the sweep's grid parameters named in the table's metadata (empty without it). */
function planAxes(table: arrow.Table): string[] {
  try {
    const plan = JSON.parse(table.schema.metadata.get("regime-lab.sweep.plan") ?? "{}") as { axes?: { name?: unknown }[] };
    return (plan.axes ?? []).map((a) => a.name).filter((n): n is string => typeof n === "string");
  } catch {
    return [];
  }
}

function tableOf(source: arrow.Table | { readonly table: arrow.Table }): arrow.Table {
  const candidate = source != null && typeof source === "object" && "table" in source && !("getChild" in source) ? source.table : source;
  if (candidate == null || typeof (candidate as { getChild?: unknown }).getChild !== "function") {
    invalid("table", candidate === null ? "null" : typeof candidate, "an Arrow table of sweep results", HINT);
  }
  return candidate as arrow.Table;
}

/** Returns "fast 10, slow 200". */
const where = (x: string, y: string, c: ParameterCell) => `${x} ${c.x}, ${y} ${c.y}`;

/**
 * Returns Plot options of a parameter heatmap: two parameter columns of a sweep result (numbers in value
 * order, choices in the parameter's order) against a metric, one square cell per combination that ran,
 * labelled with its value. Runs sharing a cell (the other parameters, several symbols) are combined by
 * `aggregate`. Signed metrics (sharpe, returns) use a diverging scale centred at 0, others a sequential
 * one; the legend is a color ramp. Cells whose runs have no value of the metric are grey and labelled
 * "n/a"; the best cell is outlined. Both are explained in the caption. A column that is not in the table
 * throws InvalidOptionError listing the table's columns.
 * @example renderSvg(parameterHeatmap(result.table, { x: "fast", y: "slow", fill: "sharpe" }))
 */
export function parameterHeatmap(source: arrow.Table | { readonly table: arrow.Table }, options: ParameterHeatmapOptions = {}): Plot.PlotOptions {
  const table = tableOf(source);
  const axes = planAxes(table);
  const x = options.x ?? axes[0], y = options.y ?? axes.find((a) => a !== x);
  if (x === undefined || y === undefined) {
    invalid(x === undefined ? "x" : "y", undefined, "a parameter column of the table", "the table names no sweep grid parameters; pass { x: \"fast\", y: \"slow\" }");
  }
  const fill = options.fill ?? "sharpe";
  const aggregate = check.keyword("aggregate", options.aggregate ?? "mean", ["mean", "median", "max"] as const);
  const best = check.keyword("best", options.best ?? (fill === "annualizedVolatility" ? "min" : "max"), ["max", "min", "none"] as const);
  const cellSize = check.positive("cellSize", options.cellSize ?? 48);
  const minWidth = check.positiveInteger("minWidth", options.minWidth ?? 320);
  if (options.symbol !== undefined) check.nonEmptyString("symbol", options.symbol);
  const grid = parameterCells(table, { x, y, fill, symbol: options.symbol, aggregate });

  const defined = grid.cells.filter((c) => c.value !== null);
  const missing = grid.cells.filter((c) => c.value === null);
  // Percent metrics are colored in percent so that the legend reads like the cell labels.
  const unit = isPercentMetric(fill) ? 100 : 1;
  const shown = defined.map((c) => ({ ...c, shade: c.value! * unit }));
  const values = shown.map((c) => c.shade);
  const lo = Math.min(...values), hi = Math.max(...values);
  const signed = SIGNED.test(fill) || lo < 0;
  const reach = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  const domain = values.length === 0 ? (signed ? [-1, 1] : [0, 1]) : signed ? [-reach, reach] : lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  const scheme = check.nonEmptyString("scheme", options.scheme ?? (signed ? "rdbu" : "blues")) as Plot.ColorScheme;
  const strength = (v: number) => (signed ? Math.abs(v) / reach : (v - domain[0]!) / (domain[1]! - domain[0]!));
  const dark = (c: { shade: number }) => strength(c.shade) >= 0.6;
  const top = best === "none" || defined.length === 0 ? undefined
    : defined.reduce((b, c) => ((best === "max" ? c.value! > b.value! : c.value! < b.value!) ? c : b));

  const perCell = Math.max(...grid.cells.map((c) => c.runs));
  const folded = grid.symbols.length > 1 ? (perCell > grid.symbols.length ? `${grid.symbols.length} symbols and the other parameters` : `${grid.symbols.length} symbols`) : "the other parameters";
  const scope = grid.symbols.length === 1 ? `, ${grid.symbols[0]}` : "";
  const title = options.title ?? `Parameter sweep: ${fill}`;
  const subtitle = options.subtitle ?? `${fill} by ${x} (across) and ${y} (up)${scope}${perCell > 1 ? `; each cell the ${aggregate} of up to ${perCell} runs over ${folded}` : ""}`;
  const notes: string[] = [];
  if (top !== undefined) notes.push(`outlined: ${best === "max" ? "highest" : "lowest"} ${fill}, ${metricLabel(fill, top.value)} at ${where(x, y, top)}`);
  if (missing.length > 0) notes.push(`n/a: no run in the cell has a ${fill} (e.g. no trades, or a flat equity curve)`);
  if (grid.undefinedRuns > 0 && perCell > 1) notes.push(`${grid.undefinedRuns} of ${grid.runs} runs have no ${fill}; cells combine the others`);
  if (grid.cells.length < grid.xDomain.length * grid.yDomain.length) notes.push(`blank: no run with those values (e.g. a combination the sweep left out)`);
  const caption = notes.length > 0 ? notes.join("\n") : undefined;

  const fontSize = Math.min(12, Math.max(8, cellSize / 4.5));
  const marginLeft = Math.max(48, 30 + 7 * Math.max(0, ...grid.yDomain.map((v) => v.length)));
  const marginTop = 10, marginBottom = 42;
  const gridWidth = grid.xDomain.length * cellSize, gridHeight = grid.yDomain.length * cellSize;
  const width = Math.max(minWidth, Math.ceil(marginLeft + gridWidth + 10), textWidth(title, 16), textWidth(subtitle, 12), ...notes.map((n) => textWidth(n, 11)));
  const text = { x: "x", y: "y", text: (c: ParameterCell) => metricLabel(fill, c.value), fontSize } as const;
  const tip = (c: ParameterCell) => `${where(x, y, c)}: ${fill} ${metricLabel(fill, c.value)}${c.runs > 1 ? ` (${aggregate} of ${c.defined} of ${c.runs} runs)` : ""}`;
  return {
    title,
    subtitle,
    caption,
    width,
    height: marginTop + gridHeight + marginBottom,
    marginLeft,
    marginTop,
    marginBottom,
    marginRight: width - marginLeft - gridWidth,
    x: { type: "band", domain: grid.xDomain, label: x, labelAnchor: "center", tickSize: 0, padding: 0 },
    y: { type: "band", domain: [...grid.yDomain].reverse(), label: y, labelAnchor: "center", tickSize: 0, padding: 0 },
    color: { type: "linear", scheme, domain, clamp: true, legend: true, label: unit === 100 ? `${fill} (%)` : fill },
    marks: [
      Plot.cell(shown, { x: "x", y: "y", fill: "shade", inset: 0.5, title: tip, ariaDescription: "metric cells" }),
      Plot.cell(missing, { x: "x", y: "y", fill: GREY, inset: 0.5, title: tip, ariaDescription: "n/a cells" }),
      Plot.text(shown.filter((c) => !dark(c)), { ...text, fill: "black", ariaDescription: "values" }),
      Plot.text(shown.filter(dark), { ...text, fill: "white", ariaDescription: "values on dark cells" }),
      Plot.text(missing, { ...text, fill: "#555", ariaDescription: "n/a labels" }),
      // A black frame with a white one inside it shows on light and dark cells alike.
      Plot.cell(top === undefined ? [] : [top], { x: "x", y: "y", fill: "none", stroke: "black", strokeWidth: 3, inset: 1.5, ariaDescription: "best cell" }),
      Plot.cell(top === undefined ? [] : [top], { x: "x", y: "y", fill: "none", stroke: "white", strokeWidth: 1.5, inset: 3.75, ariaDescription: "best cell inner frame" }),
    ],
  };
}
