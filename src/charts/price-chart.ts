import type * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check } from "../core/check.js";
import { SchemaError } from "../core/errors.js";
import { BAR_METADATA } from "../data/bar-schema.js";
import { priceMarkLabels, priceMarks } from "./price-marks.js";

/** Options of {@link priceChart}. */
export interface PriceChartOptions {
  /** Chart title. Default: the symbol from the table's metadata, if any. */
  readonly title?: string;
  /** Chart subtitle. Default: "close, <interval> bars, <first date> to <last date> (UTC)". */
  readonly subtitle?: string;
  /** Scale of the price axis: "linear" or "log" (equal distances for equal returns). Default "linear". */
  readonly yScale?: "linear" | "log";
  /** Window lengths, in bars, of simple moving averages drawn over the close (trailing windows). Default none. */
  readonly movingAverages?: readonly number[];
  /** Width of the plot, in px. Default 640. */
  readonly width?: number;
  /** Height of the plot, in px. Default 320. */
  readonly height?: number;
}

/** Line colors: the close, then each moving average. */
const COLORS = ["#4269d0", "#efb118", "#ff725c", "#3ca951", "#a463f2", "#9c6b4e"];

function requireColumns(table: arrow.Table): void {
  for (const column of ["tsClose", "close"]) {
    if (table?.getChild?.(column) == null) {
      throw new SchemaError([{ code: "MISSING_COLUMN", source: "table", row: 0, column, message: `table: column "${column}" is missing; pass a bar table from makeBarTable() or a loader` }]);
    }
  }
}

/** Returns "close, 1d bars, 2024-01-02 to 2024-06-28 (UTC)", or undefined for an empty table. */
function defaultSubtitle(table: arrow.Table): string | undefined {
  if (table.numRows === 0) return undefined;
  const ts = table.getChild("tsClose")!;
  const first = Number(ts.get(0));
  const last = Number(ts.get(table.numRows - 1));
  if (!Number.isFinite(first) || !Number.isFinite(last)) return undefined;
  const interval = table.schema.metadata.get(BAR_METADATA.interval);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `close, ${interval ? `${interval} bars` : `${table.numRows} bars`}, ${day(first)} to ${day(last)} (UTC)`;
}

/**
 * Returns Plot options of a price chart of a bar table, ready for `renderSvg` or `Plot.plot`: the
 * close over time on a UTC time axis, optionally on a log price axis, with trailing moving averages
 * and a color legend when there are any.
 * @example renderSvg(priceChart(bars, { yScale: "log", movingAverages: [50] }))
 */
export function priceChart(table: arrow.Table, options: PriceChartOptions = {}): Plot.PlotOptions {
  requireColumns(table);
  const yScale = check.keyword("yScale", options.yScale ?? "linear", ["linear", "log"] as const);
  const width = check.positiveInteger("width", options.width ?? 640);
  const height = check.positiveInteger("height", options.height ?? 320);
  const movingAverages = options.movingAverages ?? [];
  const labels = priceMarkLabels({ movingAverages });
  return {
    title: options.title ?? table.schema.metadata.get(BAR_METADATA.symbol),
    subtitle: options.subtitle ?? defaultSubtitle(table),
    width,
    height,
    marginLeft: 50,
    x: { type: "utc", label: null },
    y: { type: yScale, grid: true, label: yScale === "log" ? "close (log scale)" : "close", nice: yScale === "linear" },
    color: { type: "ordinal", domain: labels, range: COLORS, legend: movingAverages.length > 0 },
    marks: priceMarks(table, { movingAverages }),
  };
}
