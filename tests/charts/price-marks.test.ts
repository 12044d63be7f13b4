import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { plotDocument } from "../../src/charts/plot-document.js";
import { priceMarkLabels, priceMarks } from "../../src/charts/price-marks.js";
import { allocateBarColumns, makeBarTable } from "../../src/data/bar-table.js";

/** Bars whose close rises by 1 each day: 1, 2, ..., n. */
function risingBars(n: number) {
  const c = allocateBarColumns(n);
  for (let i = 0; i < n; i++) {
    c.tsOpen[i] = Date.UTC(2024, 0, 1 + i);
    c.tsClose[i] = Date.UTC(2024, 0, 1 + i, 21);
    c.open[i] = c.low[i] = c.close[i] = i + 1;
    c.high[i] = i + 1;
  }
  return makeBarTable(c, { symbol: "UP", timeZone: "UTC", interval: "1d" });
}

/** Returns the [x, y] points of the path of the line described by `label`. */
function linePoints(svg: string, label: string): number[][] {
  const group = new RegExp(`aria-description="${label}"[^>]*>(.*?)</g>`).exec(svg)?.[1] ?? "";
  const d = /d="([^"]+)"/.exec(group)?.[1] ?? "";
  return d.slice(1).split("L").map((p) => p.split(",").map(Number));
}

describe("priceMarks", () => {
  const bars = risingBars(10);
  const svg = (Plot.plot({
    document: plotDocument(),
    x: { type: "utc" },
    y: { domain: [0, 10] },
    marks: priceMarks(bars, { movingAverages: [3] }),
  }) as unknown as { outerHTML: string }).outerHTML;
  const close = linePoints(svg, "close");
  const sma = linePoints(svg, "SMA 3");

  it("draws the close at every bar", () => {
    expect(close).toHaveLength(10);
  });

  it("starts a moving average once its window is full and ends it at the last bar (trailing window)", () => {
    expect(sma).toHaveLength(8);
    expect(sma[0]![0]).toBeCloseTo(close[2]![0]!, 6);
    expect(sma.at(-1)![0]).toBeCloseTo(close.at(-1)![0]!, 6);
  });

  it("averages the bar and the ones before it, never later bars", () => {
    // close at bar i is i + 1; a trailing mean of 3 at bar i is i, one unit below the close
    const unit = close[0]![1]! - close[1]![1]!;
    for (let j = 0; j < sma.length; j++) expect(sma[j]![1]! - close[j + 2]![1]!).toBeCloseTo(unit, 6);
  });

  it("labels the lines for the color scale", () => {
    expect(priceMarkLabels({ movingAverages: [20, 50] })).toEqual(["close", "SMA 20", "SMA 50"]);
  });

  it("rejects a window that is not a positive integer", () => {
    expect(() => priceMarks(bars, { movingAverages: [2.5] })).toThrow(/invalid movingAverages\[0\]: 2.5/);
  });
});
