import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check } from "../core/check.js";

/** Options of {@link priceMarks}. */
export interface PriceMarksOptions {
  /** Window lengths, in bars, of simple moving averages of the close drawn over it. Default none. */
  readonly movingAverages?: readonly number[];
  /** Stroke width of the close line, in px. Default 1.5. */
  readonly strokeWidth?: number;
}

/**
 * Returns the color-scale labels of the lines {@link priceMarks} draws, in order: "close", then
 * "SMA <k>" per moving average.
 * @example priceMarkLabels({ movingAverages: [20] }) // ["close", "SMA 20"]
 */
export function priceMarkLabels(options: PriceMarksOptions = {}): string[] {
  return ["close", ...(options.movingAverages ?? []).map((k) => `SMA ${k}`)];
}

/** A channel giving every row the same value, so a line takes its color from the color scale. */
function constant(label: string): Plot.ChannelValueSpec {
  return { transform: (data: unknown) => new Array<string>(rowCount(data)).fill(label) } as unknown as Plot.ChannelValueSpec;
}

function rowCount(data: unknown): number {
  const d = data as { numRows?: number; length?: number };
  return d.numRows ?? d.length ?? 0;
}

/**
 * Returns Plot marks of a bar table's close over time: a line of `close` against `tsClose` (epoch ms
 * UTC, so use a `utc` x scale), then one simple moving average line per window. A moving average at a
 * bar uses that bar and the `k - 1` before it (`anchor: "end"`) and starts once `k` bars exist, so it
 * never draws the future into the past. Lines are colored by label ("close", "SMA 20") through the
 * color scale. The table is read column by column, without copying rows.
 * @example Plot.plot({ x: { type: "utc" }, marks: priceMarks(bars, { movingAverages: [20] }) })
 */
export function priceMarks(table: arrow.Table, options: PriceMarksOptions = {}): Plot.Markish[] {
  const windows = (options.movingAverages ?? []).map((k, i) => check.positiveInteger(`movingAverages[${i}]`, k));
  const strokeWidth = check.positive("strokeWidth", options.strokeWidth ?? 1.5);
  const [closeLabel, ...averageLabels] = priceMarkLabels({ movingAverages: windows });
  const channels = { x: "tsClose", y: "close" };
  const marks: Plot.Markish[] = [
    Plot.lineY(table, { ...channels, stroke: constant(closeLabel!), strokeWidth, ariaDescription: closeLabel }),
  ];
  for (const [i, k] of windows.entries()) {
    const label = averageLabels[i]!;
    marks.push(
      Plot.lineY(table, Plot.windowY({ k, anchor: "end", reduce: "mean", strict: true }, {
        ...channels, stroke: constant(label), strokeWidth: 1, ariaDescription: label,
      })),
    );
  }
  return marks;
}
