import * as Plot from "@observablehq/plot";
import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { drawdownChart } from "../../src/charts/drawdown-chart.js";
import { plotDocument } from "../../src/charts/plot-document.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { maxDrawdown } from "../../src/metrics/max-drawdown.js";
import { smallBacktest } from "../fixtures/small-backtest.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const day = (d: number) => Date.UTC(2024, 0, 2 + d, 21);
const curve = (...equity: number[]) => arrow.tableFromArrays({ ts: Float64Array.from(equity.keys(), day), equity: Float64Array.from(equity) });
/** Peak 120 on day 1, trough 90 on day 2 (-25 %), a new high on day 3, then -10 %. */
const equity = curve(100, 120, 90, 130, 117);

/** Returns the [x, y] points of the path in the group with `attribute`. */
function points(svg: string, attribute: string): number[][] {
  const d = /d="M([^"]+)"/.exec(groupOf(svg, attribute))?.[1] ?? "";
  return d.split(/[LZ]/).filter(Boolean).map((p) => p.split(",").map(Number));
}

describe("drawdownChart", () => {
  const svg = renderSvg(drawdownChart(equity));

  it("draws the drawdown as one area under zero and marks the deepest one (file snapshot)", async () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(countTags(groupOf(svg, 'aria-label="area"'), "path")).toBe(1);
    expect(countTags(groupOf(svg, 'aria-label="dot"'), "circle")).toBe(1);
    expect(texts(groupOf(svg, 'aria-label="text"'))).toEqual(["max drawdown \u221225.00%\npeak 2024-01-03, trough 2024-01-04"]);
    expect(svg).toContain(">equity below its running peak, in %, 2024-01-02 to 2024-01-06 (UTC); max \u221225.00%</text>");
    await expect(svg).toMatchFileSnapshot("../output/drawdown-chart.svg");
  });

  it("measures each step's fall from the running peak, in percent", () => {
    const options = drawdownChart(equity);
    const plot = Plot.plot({ ...options, document: plotDocument() });
    const y = plot.scale("y")!;
    const line = points(renderSvg(options), 'aria-label="line"');
    const values = line.map(([, py]) => y.invert!(py!) as number);
    [0, 0, -25, 0, -10].forEach((v, i) => expect(values[i]).toBeCloseTo(v, 3));
    expect(y.domain).toEqual([-30, 0]);
  });

  it("gives the same SVG for the same input, whether given the result or its equity table", () => {
    expect(renderSvg(drawdownChart({ equity }))).toBe(svg);
  });

  it("marks the same drawdown as the maxDrawdown metric of a backtest", () => {
    const { result } = smallBacktest();
    const out = renderSvg(drawdownChart(result));
    expect(xmlProblems(out)).toEqual([]);
    const ts = result.equity.getChild("ts")!.toArray() as Float64Array;
    const spell = maxDrawdown(ts, result.equity.getChild("equity")!.toArray() as Float64Array)!;
    expect(texts(groupOf(out, 'aria-label="text"'))[0]).toContain(`${(spell.depth * 100).toFixed(2).replace("-", "\u2212")}%`);
    expect(texts(groupOf(out, 'aria-label="text"'))[0]).toContain(`trough ${spell.troughAt.slice(0, 10)}`);
  });

  it("says so when the equity never falls, and leaves the annotation out on request", () => {
    const rising = drawdownChart(curve(100, 101, 102));
    expect(rising.subtitle).toMatch(/; no drawdown$/);
    expect(renderSvg(rising)).not.toContain('aria-label="text"');
    expect(renderSvg(drawdownChart(equity, { annotate: false }))).not.toContain('aria-label="text"');
  });

  it("puts time on a UTC axis and percent on y", () => {
    expect(drawdownChart(equity)).toMatchObject({ x: { type: "utc" }, y: { label: "drawdown (%)" } });
  });

  it("rejects an equity curve that does not start positive", () => {
    expect(() => drawdownChart(curve(0, 1))).toThrow(/invalid equity\[0\]: "0" \(expected a positive equity\)/);
  });

  it("rejects a table without an equity column, and a non-table", () => {
    expect(() => drawdownChart(arrow.tableFromArrays({ ts: Float64Array.of(1) }))).toThrow(/equity: column "equity" is missing/);
    expect(() => drawdownChart(42 as unknown as arrow.Table)).toThrow(/invalid input: 42/);
  });
});
