import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { drawdownScaleChart } from "../../src/charts/drawdown-scale-chart.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { riskTableOf, sampleRiskRows } from "./risk-table-fixture.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const table = riskTableOf(sampleRiskRows());
const day = (d: number) => Date.UTC(2024, 0, 2 + d, 21);
/** Five steps: 0, 10%, 35% (halted), 35% (halted), 0 below the peak. */
const hand = (sign: 1 | -1) => arrow.tableFromArrays({
  ts: Float64Array.from([0, 1, 2, 3, 4], day),
  drawdown: Float64Array.from([0, 0.1, 0.35, 0.35, 0], (d) => sign * d),
  scale: Float64Array.of(1, 0.625, 0, 0, 1),
});

describe("drawdownScaleChart", () => {
  const svg = renderSvg(drawdownScaleChart(table));

  it("stacks a drawdown panel over a scale panel in one SVG, each with its axis (file snapshot)", async () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.match(/<svg\b/g)).toHaveLength(2);
    expect(countTags(groupOf(svg, 'aria-description="drawdown area"'), "path")).toBe(1);
    expect(countTags(groupOf(svg, 'aria-description="scale"'), "path")).toBe(1);
    expect(texts(groupOf(svg, 'aria-description="drawdown axis" aria-label="y-axis tick label"'))).toEqual(["\u221225%", "\u221220%", "\u221215%", "\u221210%", "\u22125%", "0%"]);
    expect(texts(groupOf(svg, 'aria-description="scale axis" aria-label="y-axis tick label"'))).toEqual(["0", "0.2", "0.4", "0.6", "0.8", "1"]);
    expect(svg).toContain(">drawdown from peak (%)</text>");
    expect(svg).toContain(">max drawdown \u221221.53%; lowest scale 0.25</text>");
    await expect(svg).toMatchFileSnapshot("../output/drawdown-scale-chart.svg");
  });

  it("gives the same SVG for the same table", () => {
    expect(renderSvg(drawdownScaleChart(riskTableOf(sampleRiskRows())))).toBe(svg);
  });

  it("reads drawdown counted down or up from the peak the same way, and shades halted steps", () => {
    const up = renderSvg(drawdownScaleChart(hand(1)));
    expect(renderSvg(drawdownScaleChart(hand(-1)))).toBe(up);
    expect(countTags(groupOf(up, 'aria-description="halted"'), "rect")).toBe(1);
    expect(up).toContain(">max drawdown \u221235%; lowest scale 0; halted (shaded) 2 steps</text>");
    expect(texts(groupOf(up, 'aria-description="drawdown axis" aria-label="y-axis tick label"'))).toEqual(["\u221240%", "\u221230%", "\u221220%", "\u221210%", "0%"]);
  });

  it.each([
    [arrow.tableFromArrays({ ts: Float64Array.of(1), drawdown: Float64Array.of(0) }), /riskTable: column "scale" is missing; pass riskManager\.riskTable\(\)/],
    [arrow.tableFromArrays({ ts: Float64Array.of(1, 2), drawdown: Float64Array.of(-0.1, 0.1), scale: Float64Array.of(1, 1) }), /invalid riskTable\.drawdown\[1\]: 0\.1 \(expected a fraction of the same sign as riskTable\.drawdown\[0\] = -0\.1\); drawdown must count either down/],
    [arrow.tableFromArrays({ ts: Float64Array.of(1), drawdown: Float64Array.of(0), scale: Float64Array.of(-1) }), /invalid riskTable\.scale\[0\]: -1 \(expected a scale factor >= 0, or null\)/],
    [arrow.tableFromArrays({ ts: Float64Array.of(NaN), drawdown: Float64Array.of(0), scale: Float64Array.of(1) }), /invalid riskTable\.ts\[0\]: NaN \(expected a finite time, epoch ms UTC\)/],
  ])("rejects a table it cannot chart, naming the column (%#)", (bad, message) => {
    expect(() => drawdownScaleChart(bad)).toThrow(message);
  });
});
