import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { heatChart } from "../../src/charts/heat-chart.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { riskTableOf, sampleRiskRows } from "./risk-table-fixture.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const table = riskTableOf(sampleRiskRows());

describe("heatChart", () => {
  const svg = renderSvg(heatChart(table));

  it("draws heat as an area and a line under a dashed max line, and dots the steps over it (file snapshot)", async () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(countTags(groupOf(svg, 'aria-description="heat area"'), "path")).toBe(1);
    expect(countTags(groupOf(svg, 'aria-description="heat"'), "path")).toBe(1);
    expect(countTags(groupOf(svg, 'aria-description="max heat"'), "path")).toBe(1);
    expect(countTags(groupOf(svg, 'aria-description="steps over the max"'), "circle")).toBe(1);
    expect(texts(groupOf(svg, 'aria-description="max heat label"'))).toEqual(["max 6%"]);
    expect(svg).toContain(">open risk if every stop is hit, in % of equity, 2024-01-02 to 2024-02-12 (UTC)</text>");
    expect(svg).toContain(">peak 7%; 1 step over the max (red dots)</text>");
    await expect(svg).toMatchFileSnapshot("../output/heat-chart.svg");
  });

  it("gives the same SVG for the same table", () => {
    expect(renderSvg(heatChart(riskTableOf(sampleRiskRows())))).toBe(svg);
  });

  it("puts time on a UTC axis and heat in percent from zero", () => {
    expect(heatChart(table)).toMatchObject({ x: { type: "utc" }, y: { label: "heat (% of equity)" } });
    expect((heatChart(table).y as { domain: number[] }).domain[0]).toBe(0);
  });

  it("leaves steps without heat as gaps", () => {
    const gaps = arrow.tableFromArrays({ ts: Float64Array.of(1, 2, 3), heat: Float64Array.of(0.01, NaN, 0.02), maxHeat: Float64Array.of(0.06, 0.06, 0.06) });
    const out = renderSvg(heatChart(gaps));
    expect(xmlProblems(out)).toEqual([]);
    expect(out).toContain(">peak 2%; 0 steps over the max</text>");
  });

  it.each([
    [arrow.tableFromArrays({ ts: Float64Array.of(1), heat: Float64Array.of(0.01) }), /riskTable: column "maxHeat" is missing; pass riskManager\.riskTable\(\)/],
    [arrow.tableFromArrays({ ts: Float64Array.of(1), heat: Float64Array.of(-0.01), maxHeat: Float64Array.of(0.06) }), /invalid riskTable\.heat\[0\]: -0\.01 \(expected a fraction of equity >= 0, or null\)/],
    [arrow.tableFromArrays({ ts: Float64Array.of(1), heat: Float64Array.of(0.01), maxHeat: Float64Array.of(6) }), /invalid riskTable\.maxHeat\[0\]: 6 \(expected a number in \(0, 1\]\)/],
    [arrow.tableFromArrays({ ts: Float64Array.of(2, 1), heat: Float64Array.of(0, 0), maxHeat: Float64Array.of(0.06, 0.06) }), /invalid riskTable\.ts\[1\]: 1 \(expected a time at or after the previous row's 2\); sort the table by ts/],
    [{} as arrow.Table, /invalid riskTable: "object" \(expected an Arrow table\)/],
  ])("rejects a table it cannot chart, naming the column (%#)", (bad, message) => {
    expect(() => heatChart(bad)).toThrow(message);
  });
});
