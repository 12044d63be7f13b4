import * as arrow from "apache-arrow";
import { beforeAll, describe, expect, it } from "vitest";
import { renderSvg } from "../../src/charts/render-svg.js";
import { walkForwardChart, type WalkForwardChartInput } from "../../src/charts/walk-forward-chart.js";
import { InvalidOptionError, SchemaError } from "../../src/core/errors.js";
import type { WalkForwardResult } from "../../src/sweep/walk-forward.js";
import { spxBars, synBars, walkForwardOf } from "./sweep-fixture.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const of = (svg: string, description: string) => groupOf(svg, `aria-description="${description}"`);
const values = (t: arrow.Table, name: string) => Array.from({ length: t.numRows }, (_, i) => t.getChild(name)!.get(i) as unknown);
const DAY = 86_400_000;

/** A hand-made walk-forward of `n` windows of 100 train and 50 test days, with flat equity. */
function handMade(n: number): WalkForwardChartInput {
  const w = Array.from({ length: n }, (_, i) => i);
  const start = (i: number) => Date.UTC(2020, 0, 1) + i * 50 * DAY;
  const windows = arrow.tableFromArrays({
    symbol: w.map(() => "AAA"), window: Int32Array.from(w), trainStart: Float64Array.from(w, start), trainEnd: Float64Array.from(w, (i) => start(i) + 99 * DAY),
    testStart: Float64Array.from(w, (i) => start(i) + 100 * DAY), testEnd: Float64Array.from(w, (i) => start(i) + 149 * DAY), combo: Int32Array.from(w),
    fast: Float64Array.from(w, (i) => 5 + i), slow: Float64Array.from(w, () => 50), eligible: w.map((i) => i !== 1),
    inSample: Float64Array.from(w, () => 1), outOfSample: Float64Array.from(w, () => 0.5),
  });
  const ts = Float64Array.from({ length: 50 * n }, (_, i) => Date.UTC(2020, 0, 1) + (100 + i) * DAY);
  const equity = arrow.tableFromArrays({ symbol: Array.from(ts, () => "AAA"), ts, equity: Float64Array.from(ts, (_, i) => 100_000 + i) });
  return { windows, equity };
}

describe("walkForwardChart", () => {
  let result: WalkForwardResult;
  let svg: string;
  beforeAll(async () => {
    result = await walkForwardOf([spxBars()], { train: 1000, test: 500 });
    svg = renderSvg(walkForwardChart(result));
  });

  it("stacks the window bands, the out-of-sample equity and the metric per window (file snapshot)", async () => {
    expect(xmlProblems(svg)).toEqual([]);
    const n = result.windows.numRows;
    expect(n).toBe(9);
    expect(countTags(of(svg, "train spans"), "rect")).toBe(n);
    expect(countTags(of(svg, "test spans"), "rect")).toBe(n);
    expect(countTags(of(svg, "test window starts"), "line")).toBe(n);
    expect(countTags(of(svg, "out-of-sample equity"), "path")).toBe(1);
    expect(texts(svg)).toEqual(expect.arrayContaining([
      "windows: train then test, labelled with the chosen fast/slow", "stitched out-of-sample equity",
      "sharpe per window: in sample (open) and out of sample (filled)",
      "rolling windows of 1000 train / 500 test bars; fast/slow chosen by the highest sharpe",
      "9 windows, 2000-01-03 to 2020-04-17 (UTC)",
    ]));
    expect(svg).not.toMatch(/plot-(clip|pattern|marker)-\d/);
    await expect(svg).toMatchFileSnapshot("../output/walk-forward-chart.svg");
  });

  it("labels each window with the parameters chosen on its train span", () => {
    const expected = values(result.windows, "fast").map((f, i) => `${f}/${values(result.windows, "slow")[i]}`);
    expect(texts(of(svg, "chosen parameters"))).toEqual(expected);
  });

  it("shows the in-sample and out-of-sample metric of every window, n/a where it is undefined", () => {
    const oos = values(result.windows, "outOfSample");
    const undefinedOos = oos.filter((v) => v === null).length;
    expect(undefinedOos).toBeGreaterThan(0);
    expect(countTags(of(svg, "in sample"), "circle")).toBe(9);
    expect(countTags(of(svg, "out of sample"), "circle")).toBe(9 - undefinedOos);
    expect(countTags(of(svg, "gaps"), "line")).toBe(9 - undefinedOos);
    expect(texts(of(svg, "n/a"))).toEqual(Array(undefinedOos).fill("n/a"));
    const summary = result.summary[0]!;
    const two = (v: number) => v.toFixed(2).replace("-", "\u2212");
    expect(svg).toContain(`>mean sharpe in sample ${two(summary.meanInSample!)}, out of sample ${two(summary.meanOutOfSample!)} (gap ${two(summary.gap!)})</text>`);
    expect(svg).toContain(">n/a: sharpe undefined in that window (e.g. no trades, or a flat equity curve)</text>");
  });

  it("draws a legend of train and test colors shared by the bands and the dots", () => {
    expect(texts(groupOf(svg, 'aria-label="color legend"'))).toEqual(["train window / in sample", "test window / out of sample"]);
  });

  it("gives the same SVG for the same walk-forward", async () => {
    const again = await walkForwardOf([spxBars()], { train: 1000, test: 500 });
    expect(renderSvg(walkForwardChart(again))).toBe(svg);
  });

  it("charts the first symbol by default and another one when asked", async () => {
    const two = await walkForwardOf([spxBars(), synBars()], { train: 500, test: 250, mode: "anchored" });
    const first = renderSvg(walkForwardChart(two));
    expect(first).toContain(">Walk-forward: SPX</text>");
    const syn = renderSvg(walkForwardChart(two, { symbol: "SYN" }));
    expect(xmlProblems(syn)).toEqual([]);
    expect(syn).toContain(">Walk-forward: SYN</text>");
    expect(syn).toContain(">anchored windows of 500 train / 250 test bars; fast/slow chosen by the highest sharpe</text>");
    const synWindows = values(two.windows, "symbol").filter((s) => s === "SYN").length;
    expect(countTags(of(syn, "test spans"), "rect")).toBe(synWindows);
  });

  it("marks windows where no combination had enough trades, and reads settings from the input when given", () => {
    const out = renderSvg(walkForwardChart({ ...handMade(3), settings: { metric: "totalReturn", mode: "rolling", train: 100, test: 50 } }));
    expect(texts(of(out, "chosen parameters"))).toEqual(["5/50", "6/50*", "7/50"]);
    expect(out).toContain(">*: no combination had enough trades in the train window; the best was taken anyway</text>");
    expect(out).toContain(">mean totalReturn in sample 100%, out of sample 50% (gap 50%)</text>");
    expect(out).not.toContain("n/a");
  });

  it("thins the bands and drops their labels when there are many windows", () => {
    const options = walkForwardChart(handMade(40));
    const out = renderSvg(options);
    expect(countTags(of(out, "train spans"), "rect")).toBe(40);
    expect(out).not.toContain('aria-description="chosen parameters"');
    expect(options.height).toBeLessThan(walkForwardChart(handMade(20)).height! + 40);
  });

  it.each([
    [() => ({ ...handMade(2), windows: arrow.tableFromArrays({ symbol: ["AAA"], window: Int32Array.of(0) }) }), SchemaError, /windows: column "trainStart" is missing; pass the result of walkForward\(\)/],
    [() => ({ ...handMade(2), equity: arrow.tableFromArrays({ ts: Float64Array.of(1) }) }), SchemaError, /equity: column "symbol" is missing; pass the result of walkForward\(\)/],
    [() => null, InvalidOptionError, /^invalid result: null \(expected a walk-forward result with windows and equity tables\)/],
  ])("rejects input it cannot chart, naming the column (%#)", (input, type, message) => {
    const attempt = () => walkForwardChart(input() as unknown as WalkForwardChartInput);
    expect(attempt).toThrow(type);
    expect(attempt).toThrow(message);
  });

  it("rejects a symbol the walk-forward does not hold, listing its symbols", () => {
    expect(() => walkForwardChart(result, { symbol: "QQQ" })).toThrow(/^invalid symbol: "QQQ" \(expected one of "SPX"\); the symbols of the walk-forward/);
  });
});
