import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check } from "../core/check.js";
import { barColumns } from "../data/bar-table.js";
import { requireColumns } from "./require-columns.js";

/** Options of {@link candleMarks}. */
export interface CandleMarksOptions {
  /** Outline, wick and falling-body color. Default "#374151" (dark gray). */
  readonly color?: string;
  /** Fill of rising bodies (close at or above open). Default "white" (hollow candles). */
  readonly upFill?: string;
  /** Width of a body as a fraction of the usual time between bars (the median step of tsClose). Default 0.7. */
  readonly bodyWidth?: number;
}

/**
 * Returns Plot marks of candlesticks for every bar of a table: a wick from low to high at the middle of
 * the bar's time span (tsOpen to tsClose, epoch ms UTC), and a body from open to close centered there,
 * `bodyWidth` of the usual step between bars wide (so daily bars of a 6.5-hour session still fill their
 * day), hollow when the close is at or above the open, filled when below. Black and white, so colored
 * overlays stand out. Marks are described "wicks", "rising" and "falling". Use a `utc` x scale.
 * @example Plot.plot({ x: { type: "utc" }, marks: candleMarks(bars.slice(-60)) })
 */
export function candleMarks(table: arrow.Table, options: CandleMarksOptions = {}): Plot.Markish[] {
  requireColumns(table, "table", ["tsOpen", "tsClose", "open", "high", "low", "close"], "pass a bar table from makeBarTable() or a loader");
  const color = check.nonEmptyString("color", options.color ?? "#374151");
  const upFill = check.nonEmptyString("upFill", options.upFill ?? "white");
  const bodyWidth = check.fraction("bodyWidth", options.bodyWidth ?? 0.7);
  const { tsOpen, tsClose, open, high, low, close } = barColumns(table);
  const half = (bodyWidth * barStep(tsOpen, tsClose)) / 2;
  const mid = (i: number) => (tsOpen[i]! + tsClose[i]!) / 2;
  const rising: number[] = [], falling: number[] = [];
  for (let i = 0; i < tsClose.length; i++) (close[i]! >= open[i]! ? rising : falling).push(i);
  const all = [...rising, ...falling].sort((a, b) => a - b);
  const body = {
    x1: (i: number) => mid(i) - half, x2: (i: number) => mid(i) + half, y1: (i: number) => open[i]!, y2: (i: number) => close[i]!,
    stroke: color, strokeWidth: 0.8,
  };
  return [
    Plot.ruleX(all, { x: mid, y1: (i: number) => low[i]!, y2: (i: number) => high[i]!, stroke: color, strokeWidth: 0.8, ariaDescription: "wicks" }),
    Plot.rect(rising, { ...body, fill: upFill, ariaDescription: "rising" }),
    Plot.rect(falling, { ...body, fill: color, ariaDescription: "falling" }),
  ];
}

/**
 * Returns the usual time between bars, epoch ms: the median step between consecutive closes, or the
 * first bar's length when there is one bar.
 * @example barStep(bars.getChild("tsOpen").toArray(), bars.getChild("tsClose").toArray())
 */
export function barStep(tsOpen: Float64Array, tsClose: Float64Array): number {
  if (tsClose.length < 2) return tsClose.length === 1 ? tsClose[0]! - tsOpen[0]! : 0;
  const steps = Float64Array.from({ length: tsClose.length - 1 }, (_, i) => tsClose[i + 1]! - tsClose[i]!).sort();
  return steps[steps.length >> 1]!;
}
