import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check } from "../core/check.js";
import { BAR_METADATA } from "../data/bar-schema.js";
import type { RegimeTimeline } from "../regime/regime-runs.js";
import { regimeColorScale, regimeMarks } from "./regime-marks.js";
import { requireColumns } from "./require-columns.js";
import { utcDateRange } from "./utc-date-range.js";

/** Options of {@link regimePriceChart}. */
export interface RegimePriceChartOptions {
  /** Chart title. Default: "<symbol> by regime". */
  readonly title?: string;
  /** Chart subtitle. Default: "close over regime bands, <first date> to <last date> (UTC)". */
  readonly subtitle?: string;
  /** Scale of the price axis. Default "linear". */
  readonly yScale?: "linear" | "log";
  /** Opacity of the regime bands. Default 0.4. */
  readonly opacity?: number;
  /** Width of the plot, in px. Default 640. */
  readonly width?: number;
  /** Height of the plot, in px. Default 320. */
  readonly height?: number;
}

/**
 * Returns Plot options of a regime-shaded price chart: colored background bands, one per run of bars
 * in the same regime (see regimeMarks), under the close line, with a legend of the four regimes. The
 * timeline is a classifier's `history()` (or `{ ts, regime }` rows) for the same symbol.
 * @example show(regimePriceChart(spx, classifier.history(), { yScale: "log" }))
 */
export function regimePriceChart(bars: arrow.Table, timeline: RegimeTimeline, options: RegimePriceChartOptions = {}): Plot.PlotOptions {
  requireColumns(bars, "bars", ["tsClose", "close"], "pass a bar table from loadBars() or makeBarTable()");
  const yScale = check.keyword("yScale", options.yScale ?? "linear", ["linear", "log"] as const);
  const width = check.positiveInteger("width", options.width ?? 640);
  const height = check.positiveInteger("height", options.height ?? 320);
  const symbol = bars.schema.metadata.get(BAR_METADATA.symbol);
  const ts = bars.getChild("tsClose")!;
  const range = bars.numRows === 0 ? undefined : utcDateRange(Number(ts.get(0)), Number(ts.get(bars.numRows - 1)));
  return {
    title: options.title ?? `${symbol ?? "close"} by regime`,
    subtitle: options.subtitle ?? `close over regime bands${range === undefined ? "" : `, ${range}`}`,
    width,
    height,
    marginLeft: 50,
    x: { type: "utc", label: null },
    y: { type: yScale, grid: true, label: yScale === "log" ? "close (log scale)" : "close", nice: yScale === "linear" },
    color: regimeColorScale(),
    marks: [
      ...regimeMarks(timeline, { opacity: options.opacity }),
      Plot.lineY(bars, { x: "tsClose", y: "close", stroke: "#1f2937", strokeWidth: 1.2, ariaDescription: "close" }),
    ],
  };
}
