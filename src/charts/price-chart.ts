import type * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check } from "../core/check.js";
import { BAR_METADATA } from "../data/bar-schema.js";
import { priceMarkLabels, priceMarks } from "./price-marks.js";
import { requireColumns } from "./require-columns.js";
import { selectFills, type TradeFill } from "./select-fills.js";
import { TRADE_COLORS, tradeMarks } from "./trade-marks.js";

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
  /**
   * Fills to mark on the price: a backtest journal (its fill rows) or an array of fills. Only the
   * fills of the table's symbol within its time span are drawn, as green up triangles (buys) and red
   * down triangles (sells), named in the legend; the price axis leaves room for a triangle at either end. Default none.
   */
  readonly fills?: arrow.Table | readonly TradeFill[];
  /** Width of the plot, in px. Default 640. */
  readonly width?: number;
  /** Height of the plot, in px. Default 320. */
  readonly height?: number;
}

/** Line colors: the close, then each moving average. */
const COLORS = ["#4269d0", "#efb118", "#ff725c", "#3ca951", "#a463f2", "#9c6b4e"];

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

/** Returns the span of the bars, from the first open (or close) to the last close, epoch ms UTC. */
function timeSpan(table: arrow.Table): { from?: number; to?: number } {
  if (table.numRows === 0) return {};
  const first = Number((table.getChild("tsOpen") ?? table.getChild("tsClose")!).get(0));
  const last = Number(table.getChild("tsClose")!.get(table.numRows - 1));
  return Number.isFinite(first) && Number.isFinite(last) ? { from: first, to: last } : {};
}

/**
 * Returns Plot options of a price chart of a bar table, ready for `renderSvg` or `Plot.plot`: the
 * close over time on a UTC time axis, optionally on a log price axis, with trailing moving averages
 * and buy/sell markers of fills, and a color legend when there are any.
 * @example renderSvg(priceChart(bars, { yScale: "log", movingAverages: [50] }))
 */
export function priceChart(table: arrow.Table, options: PriceChartOptions = {}): Plot.PlotOptions {
  requireColumns(table, "table", ["tsClose", "close"], "pass a bar table from makeBarTable() or a loader");
  const yScale = check.keyword("yScale", options.yScale ?? "linear", ["linear", "log"] as const);
  const width = check.positiveInteger("width", options.width ?? 640);
  const height = check.positiveInteger("height", options.height ?? 320);
  const movingAverages = options.movingAverages ?? [];
  const labels = priceMarkLabels({ movingAverages });
  const range = labels.map((_, i) => COLORS[i % COLORS.length]!);
  const marks = priceMarks(table, { movingAverages });
  const symbol = table.schema.metadata.get(BAR_METADATA.symbol);
  let subtitle = options.subtitle ?? defaultSubtitle(table);
  if (options.fills !== undefined) {
    const fills = selectFills(options.fills, { symbol, ...timeSpan(table) });
    marks.push(...tradeMarks(fills));
    labels.push("buy", "sell");
    range.push(TRADE_COLORS.buy, TRADE_COLORS.sell);
    const buys = fills.filter((f) => f.side === "buy").length;
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    if (options.subtitle === undefined && subtitle !== undefined) subtitle += `; ${count(buys, "buy")}, ${count(fills.length - buys, "sell")}`;
  }
  return {
    title: options.title ?? symbol,
    subtitle,
    width,
    height,
    marginLeft: 50,
    x: { type: "utc", label: null },
    y: {
      type: yScale, grid: true, label: yScale === "log" ? "close (log scale)" : "close", nice: yScale === "linear",
      ...(options.fills !== undefined ? { insetTop: 16, insetBottom: 16 } : {}),
    },
    color: { type: "ordinal", domain: labels, range, legend: labels.length > 1 },
    marks,
  };
}
