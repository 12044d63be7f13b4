import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check } from "../core/check.js";
import { BAR_METADATA } from "../data/bar-schema.js";
import { barStep, candleMarks } from "./candle-marks.js";
import { chartWindow } from "./chart-window.js";
import { numberColumn } from "./number-column.js";
import { requireColumns } from "./require-columns.js";
import { smcOverlayMarks, type SmcOverlays } from "./smc-overlay-marks.js";
import { isTimeZone, localDate } from "../core/time.js";

const dateRange = (first: string, last: string, zone: string) => `${first === last ? first : `${first} to ${last}`} (${zone === "UTC" ? "UTC" : `${zone} dates`})`;

export type { SmcOverlays } from "./smc-overlay-marks.js";

/** Options of {@link smcChart}. */
export interface SmcChartOptions {
  /** First bar time shown: epoch ms UTC or a date text ("2024-03-05", "2024-03-05 09:30") read in the table's time zone. Default: the first bar. */
  readonly from?: number | string;
  /** Last bar time shown, like `from`; a bare date includes that whole day. Default: the last bar. */
  readonly to?: number | string;
  /** Draw candlesticks (true) or the close line (false). Default: candles when at most 400 bars are shown. */
  readonly candles?: boolean;
  /** Chart title. Default: "<symbol> with Smart Money Concepts". */
  readonly title?: string;
  /** Chart subtitle. Default: "<interval> candles (or close), <first date> to <last date> (<zone> dates); times UTC", dates in the table's time zone. */
  readonly subtitle?: string;
  /** Caption under the chart. Default: one line per overlay saying what its shapes mean. */
  readonly caption?: string;
  /** Width of the plot, in px. Default 900. */
  readonly width?: number;
  /** Height of the plot, in px. Default 420. */
  readonly height?: number;
}

/**
 * Returns Plot options of a price chart with Smart Money Concepts overlays, ready for `renderSvg` or
 * `Plot.plot`: candlesticks or the close over [from, to] on a UTC axis, with the overlays `overlays`
 * names, each computed by its detector over the whole table (so structures from before `from` that
 * still matter are drawn, cut at the window): kill-zone bands and zone boxes behind the prices,
 * structure lines, liquidity and swings on top. The price axis fits the bars shown; overlays beyond it
 * are clipped. A swatch legend names the colors and a caption the shapes.
 * @example renderSvg(smcChart(bars, { fvg: true, swings: true, killZones: true }, { from: "2024-03-05", to: "2024-03-07" }))
 */
export function smcChart(table: arrow.Table, overlays: SmcOverlays = {}, options: SmcChartOptions = {}): Plot.PlotOptions {
  requireColumns(table, "table", ["tsOpen", "tsClose", "open", "high", "low", "close"], "pass a bar table from makeBarTable() or a loader");
  const width = check.positiveInteger("width", options.width ?? 900);
  const height = check.positiveInteger("height", options.height ?? 420);
  const w = chartWindow(table, options.from, options.to);
  const shown = table.slice(w.start, w.end);
  const candles = options.candles ?? shown.numRows <= 400;
  if (typeof candles !== "boolean") check.keyword("candles", candles, ["true", "false"]);
  const tsOpen = numberColumn(shown, "tsOpen"), tsClose = numberColumn(shown, "tsClose");
  const durations = Float64Array.from(tsClose, (t, i) => t - tsOpen[i]!).sort();
  const timeOffset = candles && durations.length > 0 ? -durations[durations.length >> 1]! / 2 : 0;
  const n = shown.numRows;
  const half = candles ? barStep(tsOpen, tsClose) / 2 : 0;
  const at = (i: number) => (candles ? (tsOpen[i]! + tsClose[i]!) / 2 : tsClose[i]!);
  const from = n > 0 ? at(0) - half : Number.NaN;
  const to = n > 0 ? at(n - 1) + half : Number.NaN;
  const parts = smcOverlayMarks(table, overlays, { from: Number.isFinite(from) ? from : -Infinity, to: Number.isFinite(to) ? to : Infinity, timeOffset });
  const low = numberColumn(shown, "low"), high = numberColumn(shown, "high");
  const yMin = low.reduce((m, v) => Math.min(m, v), Infinity), yMax = high.reduce((m, v) => Math.max(m, v), -Infinity);
  const pad = (yMax - yMin) * 0.02 || Math.abs(yMax) * 0.01 || 1;
  const symbol = table.schema.metadata.get(BAR_METADATA.symbol);
  const interval = table.schema.metadata.get(BAR_METADATA.interval);
  const meta = table.schema.metadata.get(BAR_METADATA.timeZone);
  const zone = meta !== undefined && isTimeZone(meta) ? meta : "UTC";
  const range = n === 0 ? undefined : dateRange(localDate(w.first, zone), localDate(Number(shown.getChild("tsOpen")!.get(n - 1)), zone), zone);
  const what = candles ? `${interval ? `${interval} ` : ""}candles` : `close${interval ? `, ${interval} bars` : ""}`;
  const prices = candles
    ? candleMarks(shown)
    : [Plot.lineY(shown, { x: "tsClose", y: "close", stroke: "#1f2937", strokeWidth: 1.2, ariaDescription: "close" })];
  return {
    title: options.title ?? `${symbol ?? "price"} with Smart Money Concepts`,
    subtitle: options.subtitle ?? `${what}${range === undefined ? "" : `, ${range}`}; times UTC`,
    caption: options.caption ?? (parts.caption.length > 0 ? parts.caption.join("\n") : undefined),
    width,
    height,
    marginLeft: 56,
    marginRight: 28,
    x: { type: "utc", label: null, domain: Number.isFinite(from) && Number.isFinite(to) ? [new Date(from), new Date(to)] : undefined },
    y: { label: "price", grid: true, domain: Number.isFinite(yMin) ? [yMin - pad, yMax + pad] : undefined, insetTop: 14, insetBottom: 14 },
    color: { type: "ordinal", domain: parts.legend.map((e) => e.label), range: parts.legend.map((e) => e.color), legend: parts.legend.length > 0 },
    marks: [...parts.background, ...prices, ...parts.foreground],
  };
}
