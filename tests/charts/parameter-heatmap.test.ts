import * as arrow from "apache-arrow";
import { beforeAll, describe, expect, it } from "vitest";
import { parameterHeatmap } from "../../src/charts/parameter-heatmap.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { InvalidOptionError } from "../../src/core/errors.js";
import type { SweepResult } from "../../src/sweep/sweep-result.js";
import { spxBars, sweep, synBars } from "./sweep-fixture.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

/** The texts of every text mark whose description starts with `prefix` ("values" covers light and dark cells). */
const labelsOf = (svg: string, prefix: string) =>
  [...svg.matchAll(new RegExp(`<g [^>]*aria-description="${prefix}[^"]*"[^>]*>(.*?)</g>`, "g"))].flatMap((m) => texts(m[1]!));
/** The x and y of a cell mark's rects, e.g. to find the outlined one. */
const rectsOf = (markup: string) => [...markup.matchAll(/<rect\b[^>]*>/g)].map((m) => [Number(/ x="([\d.]+)"/.exec(m[0])![1]), Number(/ y="([\d.]+)"/.exec(m[0])![1])]);
const column = (t: arrow.Table, name: string) => t.getChild(name)!.toArray() as ArrayLike<number>;
const twoDecimals = (v: number) => (Math.abs(v) < 0.005 ? "0.00" : v.toFixed(2).replace("-", "\u2212"));
/** The table with `sharpe` set to null in the given rows. */
function withNullSharpe(table: arrow.Table, rows: readonly number[]): arrow.Table {
  const sharpe = Array.from(column(table, "sharpe"), (v, i) => (rows.includes(i) ? null : v));
  return table.setChild("sharpe", arrow.vectorFromArray(sharpe, new arrow.Float64()));
}

describe("parameterHeatmap", () => {
  let result: SweepResult;
  let svg: string;
  beforeAll(async () => {
    result = await sweep([spxBars()]);
    svg = renderSvg(parameterHeatmap(result.table, { x: "fast", y: "slow" }));
  });

  it("draws one labelled cell per combination with the best one outlined (file snapshot)", async () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(countTags(groupOf(svg, 'aria-description="metric cells"'), "rect")).toBe(9);
    const sharpe = Array.from(column(result.table, "sharpe"));
    expect(labelsOf(svg, "values").sort()).toEqual(sharpe.map(twoDecimals).sort());
    expect(countTags(groupOf(svg, 'aria-description="best cell"'), "rect")).toBe(1);
    const bestRun = sharpe.indexOf(Math.max(...sharpe));
    const [fast, slow] = [column(result.table, "fast")[bestRun], column(result.table, "slow")[bestRun]];
    expect(svg).toContain(`>outlined: highest sharpe, ${twoDecimals(sharpe[bestRun]!)} at fast ${fast}, slow ${slow}</text>`);
    expect(svg).toContain(">sharpe by fast (across) and slow (up), SPX</text>");
    expect(svg).not.toMatch(/plot-(clip|pattern|marker)-\d/);
    await expect(svg).toMatchFileSnapshot("../output/parameter-heatmap.svg");
  });

  it("outlines the cell of the best value", () => {
    const cells = rectsOf(groupOf(svg, 'aria-description="metric cells"'));
    const best = rectsOf(groupOf(svg, 'aria-description="best cell"'))[0]!;
    const sharpe = Array.from(column(result.table, "sharpe"));
    // Cells are drawn from the bottom row (slow 50) up, fast ascending within a row; runs are fast-major.
    const order = [0, 3, 6, 1, 4, 7, 2, 5, 8];
    const top = order.indexOf(sharpe.indexOf(Math.max(...sharpe)));
    expect(best[0]).toBeCloseTo(cells[top]![0]! + 1, 0);
    expect(best[1]).toBeCloseTo(cells[top]![1]! + 1, 0);
  });

  it("puts numeric parameters on ordinal axes in value order, the smallest y at the bottom", () => {
    expect(texts(groupOf(svg, 'aria-label="x-axis tick label"'))).toEqual(["5", "10", "20"]);
    expect(texts(groupOf(svg, 'aria-label="y-axis tick label"'))).toEqual(["200", "100", "50"]);
  });

  it("centres a diverging scale at 0 for a signed metric and draws its legend as an SVG ramp", () => {
    const options = parameterHeatmap(result.table, { x: "fast", y: "slow" });
    const sharpe = Array.from(column(result.table, "sharpe"));
    const reach = Math.max(...sharpe.map(Math.abs));
    expect(options.color).toMatchObject({ type: "linear", scheme: "rdbu", domain: [-reach, reach], legend: true, label: "sharpe" });
    const legend = groupOf(svg, 'aria-label="color legend"');
    expect(countTags(legend, "rect")).toBe(64);
    expect(texts(legend)[0]).toBe("sharpe");
  });

  it("colors percent metrics in percent and unsigned metrics on a sequential scale", () => {
    const returns = parameterHeatmap(result.table, { x: "fast", y: "slow", fill: "totalReturn" });
    expect(returns.color).toMatchObject({ scheme: "rdbu", label: "totalReturn (%)" });
    expect(labelsOf(renderSvg(returns), "values").every((t) => /^\u2212?\d+(\.\d)?%$/.test(t))).toBe(true);
    const trades = parameterHeatmap(result.table, { x: "fast", y: "slow", fill: "trades" });
    const counts = Array.from(column(result.table, "trades"));
    expect(trades.color).toMatchObject({ scheme: "blues", domain: [Math.min(...counts), Math.max(...counts)] });
    expect(labelsOf(renderSvg(trades), "values").sort()).toEqual(counts.map(String).sort());
  });

  it("reads x and y from the sweep's grid by default and accepts the sweep result itself", () => {
    expect(renderSvg(parameterHeatmap(result.table))).toBe(svg);
    expect(renderSvg(parameterHeatmap(result, { x: "fast", y: "slow" }))).toBe(svg);
  });

  it("draws cells without the metric as grey n/a cells, explained in the caption", () => {
    const out = renderSvg(parameterHeatmap(withNullSharpe(result.table, [0, 4]), { x: "fast", y: "slow" }));
    expect(xmlProblems(out)).toEqual([]);
    expect(countTags(groupOf(out, 'aria-description="metric cells"'), "rect")).toBe(7);
    expect(countTags(groupOf(out, 'aria-description="n/a cells"'), "rect")).toBe(2);
    expect(labelsOf(out, "n/a labels")).toEqual(["n/a", "n/a"]);
    expect(out).toContain(">n/a: no run in the cell has a sharpe (e.g. no trades, or a flat equity curve)</text>");
    expect(svg).not.toContain("n/a");
  });

  it("leaves a combination the sweep did not run blank, and says so", async () => {
    const { table } = await sweep([spxBars()], { grid: { fast: [20, 50], slow: [50, 100] } });
    const out = renderSvg(parameterHeatmap(table, { x: "fast", y: "slow" }));
    expect(countTags(groupOf(out, 'aria-description="metric cells"'), "rect")).toBe(3);
    expect(out).toContain(">blank: no run with those values (e.g. a combination the sweep left out)</text>");
  });

  describe("with several runs per cell", () => {
    let table: arrow.Table;
    beforeAll(async () => {
      table = (await sweep([spxBars(), synBars()], { grid: { fast: [5, 10], slow: [50, 100], allowShort: [false, true] } })).table;
    });
    /** The sharpe of every run in the cell fast 5, slow 50 (of the symbol, when given). */
    const cellValues = (symbol?: string) => {
      const rows = Array.from({ length: table.numRows }, (_, i) => i)
        .filter((i) => column(table, "fast")[i] === 5 && column(table, "slow")[i] === 50 && (symbol === undefined || table.getChild("symbol")!.get(i) === symbol));
      return rows.map((i) => column(table, "sharpe")[i]!);
    };
    const cell = (options: Parameters<typeof parameterHeatmap>[1]) => {
      const out = renderSvg(parameterHeatmap(table, { x: "fast", y: "slow", ...options }));
      // The first cell drawn is the bottom left one: fast 5, slow 50.
      return /<title>fast 5, slow 50: sharpe ([^<]*)<\/title>/.exec(out)![1]!;
    };

    it.each([
      ["mean", (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length],
      ["median", (v: number[]) => { const s = [...v].sort((a, b) => a - b); return (s[1]! + s[2]!) / 2; }],
      ["max", (v: number[]) => Math.max(...v)],
    ] as const)("combines the runs of a cell by their %s", (aggregate, expected) => {
      const values = cellValues();
      expect(values).toHaveLength(4);
      expect(cell({ aggregate })).toBe(`${twoDecimals(expected(values))} (${aggregate} of 4 of 4 runs)`);
    });

    it("says in the subtitle what each cell combines", () => {
      const out = renderSvg(parameterHeatmap(table, { x: "fast", y: "slow" }));
      expect(out).toContain(">sharpe by fast (across) and slow (up); each cell the mean of up to 4 runs over 2 symbols and the other parameters</text>");
    });

    it("charts one symbol's runs when asked", () => {
      const values = cellValues("SYN");
      expect(cell({ symbol: "SYN" })).toBe(`${twoDecimals((values[0]! + values[1]!) / 2)} (mean of 2 of 2 runs)`);
      expect(renderSvg(parameterHeatmap(table, { x: "fast", y: "slow", symbol: "SYN" }))).toContain("and slow (up), SYN;");
    });
  });

  it("puts choice parameters in the parameter's order, whatever the grid's", async () => {
    const { table } = await sweep([spxBars()], { grid: { risk: ["fractional", "fixed"], gate: ["not-down", "none", "up"] }, fixed: { fast: 10, slow: 100 } });
    const out = renderSvg(parameterHeatmap(table, { x: "gate", y: "risk", fill: "totalReturn" }));
    expect(xmlProblems(out)).toEqual([]);
    expect(countTags(groupOf(out, 'aria-description="metric cells"'), "rect")).toBe(6);
    expect(texts(groupOf(out, 'aria-label="x-axis tick label"'))).toEqual(["none", "up", "not-down"]);
    expect(texts(groupOf(out, 'aria-label="y-axis tick label"'))).toEqual(["fractional", "fixed"]);
  });

  it("gives the same SVG for the same table", async () => {
    const again = await sweep([spxBars()]);
    expect(renderSvg(parameterHeatmap(again.table, { x: "fast", y: "slow" }))).toBe(svg);
  });

  it.each([
    [{ x: "fats", y: "slow" }, /^invalid x: "fats" \(expected a column of the table, one of: run, combo, symbol, fast, slow, totalReturn, .*highVolatilityTrades\); pass the table of a sweep result/],
    [{ x: "fast", y: "slow", fill: "sharp" }, /^invalid fill: "sharp" \(expected a column of the table, one of: run, combo, symbol, fast, slow, /],
    [{ x: "fast", y: "slow", fill: "symbol" }, /^invalid fill: "symbol" \(expected a numeric metric column, e\.g\. sharpe or totalReturn \(got Utf8\)\)/],
    [{ x: "fast", y: "fast" }, /^invalid y: "fast" \(expected a column other than x \("fast"\)\)/],
    [{ x: "fast", y: "slow", symbol: "QQQ" }, /^invalid symbol: "QQQ" \(expected one of "SPX"\)/],
    [{ x: "fast", y: "slow", aggregate: "sum" }, /^invalid aggregate: "sum" \(expected one of "mean", "median", "max"\)/],
  ])("rejects an option it cannot chart, naming it (%#)", (options, message) => {
    const attempt = () => parameterHeatmap(result.table, options as Parameters<typeof parameterHeatmap>[1]);
    expect(attempt).toThrow(InvalidOptionError);
    expect(attempt).toThrow(message);
  });

  it("rejects what is not a sweep table, and a table without grid metadata when x and y are not given", () => {
    expect(() => parameterHeatmap(null as unknown as arrow.Table)).toThrow(/^invalid table: "null" \(expected an Arrow table of sweep results\)/);
    const bare = arrow.tableFromArrays({ fast: Float64Array.of(5, 10), slow: Float64Array.of(50, 50), sharpe: Float64Array.of(0.1, 0.2) });
    expect(() => parameterHeatmap(bare)).toThrow(/^invalid x: undefined \(expected a parameter column of the table\); .*pass \{ x: "fast", y: "slow" \}/);
    expect(countTags(groupOf(renderSvg(parameterHeatmap(bare, { x: "fast", y: "slow" })), 'aria-description="metric cells"'), "rect")).toBe(2);
    const wide = arrow.tableFromArrays({ fast: Float64Array.from({ length: 61 }, (_, i) => i), slow: new Float64Array(61), sharpe: new Float64Array(61) });
    expect(() => parameterHeatmap(wide, { x: "sharpe", y: "fast" })).toThrow(/^invalid y: "fast: 61 distinct values" \(expected a parameter column with at most 60 values\); pick a parameter column, not a metric/);
  });
});
