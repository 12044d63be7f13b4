import { describe, expect, it } from "vitest";
import * as arrow from "apache-arrow";
import { barStep, candleMarks } from "../../src/charts/candle-marks.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";
import { fxBars } from "./smc-fixture.js";
import { countTags, groupOf } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

describe("candleMarks", () => {
  const bars = fxBars.slice(0, 60);
  const svg = renderSvg({ x: { type: "utc" }, marks: candleMarks(bars) });

  it("draws a wick per bar and a hollow or filled body by direction", () => {
    expect(xmlProblems(svg)).toEqual([]);
    const close = bars.getChild("close")!.toArray() as Float64Array, open = bars.getChild("open")!.toArray() as Float64Array;
    const rising = close.filter((c, i) => c >= open[i]!).length;
    expect(countTags(groupOf(svg, 'aria-description="wicks"'), "line")).toBe(60);
    expect(countTags(groupOf(svg, 'aria-description="rising"'), "rect")).toBe(rising);
    expect(countTags(groupOf(svg, 'aria-description="falling"'), "rect")).toBe(60 - rising);
    expect(renderSvg({ x: { type: "utc" }, marks: candleMarks(bars) })).toBe(svg);
  });

  it("takes the usual step between bars as the candle spacing, also for daily bars of a shorter session", () => {
    const daily = randomWalkBars(10, "SPX");
    const open = daily.getChild("tsOpen")!.toArray() as Float64Array, close = daily.getChild("tsClose")!.toArray() as Float64Array;
    expect(barStep(open, close)).toBe(86_400_000);
    expect(barStep(open.subarray(0, 1), close.subarray(0, 1))).toBe(close[0]! - open[0]!);
  });

  it("names a missing column and a bad body width", () => {
    expect(() => candleMarks(arrow.tableFromArrays({ tsClose: [1] }))).toThrow(/table: column "tsOpen" is missing/);
    expect(() => candleMarks(bars, { bodyWidth: 2 })).toThrow(/invalid bodyWidth: 2/);
  });
});
