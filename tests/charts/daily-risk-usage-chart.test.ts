import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { dailyRiskUsageChart } from "../../src/charts/daily-risk-usage-chart.js";
import { HEAT_COLORS } from "../../src/charts/heat-gauge.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { riskTableOf, sampleRiskRows } from "./risk-table-fixture.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const table = riskTableOf(sampleRiskRows());
/** Three days of two steps each: 0.5% then 1% used, 1.7%, then 2.4% against a 2% budget. */
const small = arrow.tableFromArrays({
  day: ["2024-03-01", "2024-03-01", "2024-03-04", "2024-03-04", "2024-03-05", "2024-03-05"],
  dailyRiskUsed: Float64Array.of(0.005, 0.01, 0.017, 0.017, 0.01, 0.024),
  dailyRiskLimit: Float64Array.of(0.02, 0.02, 0.02, 0.02, 0.02, 0.02),
});
const barFills = (svg: string) => [...groupOf(svg, 'aria-description="risk used"').matchAll(/<rect [^>]*fill="([^"]+)"/g)].map((m) => m[1]);

describe("dailyRiskUsageChart", () => {
  const svg = renderSvg(dailyRiskUsageChart(table));

  it("draws one bar per trading day and a tick at its budget (file snapshot)", async () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(countTags(groupOf(svg, 'aria-description="risk used"'), "rect")).toBe(30);
    expect(countTags(groupOf(svg, 'aria-description="daily budget"'), "line")).toBe(30);
    expect(texts(groupOf(svg, 'aria-label="x-axis tick label"'))).toHaveLength(8);
    expect(texts(groupOf(svg, 'aria-label="color legend"'))).toEqual(["below 80% of budget", "80% of budget or more"]);
    expect(svg).toContain(">12 of 30 days at 80% of their budget or more; fullest 2024-01-08 (100% of its budget)</text>");
    await expect(svg).toMatchFileSnapshot("../output/daily-risk-usage-chart.svg");
  });

  it("gives the same SVG for the same table", () => {
    expect(renderSvg(dailyRiskUsageChart(riskTableOf(sampleRiskRows())))).toBe(svg);
  });

  it("takes each day's largest usage and colors days by their share of the budget", () => {
    const out = renderSvg(dailyRiskUsageChart(small));
    expect(texts(groupOf(out, 'aria-label="x-axis tick label"'))).toEqual(["2024-03-01", "2024-03-04", "2024-03-05"]);
    expect(barFills(out)).toEqual([HEAT_COLORS.ok, HEAT_COLORS.warn, HEAT_COLORS.over]);
    expect(groupOf(out, 'aria-description="risk used"')).toContain("<title>2024-03-05: 2.4% of 2%</title>");
    expect(barFills(renderSvg(dailyRiskUsageChart(small, { warnAt: 0.9 })))).toEqual([HEAT_COLORS.ok, HEAT_COLORS.ok, HEAT_COLORS.over]);
  });

  it.each([
    [arrow.tableFromArrays({ day: ["2024-03-01"], dailyRiskUsed: Float64Array.of(0.01) }), /riskTable: column "dailyRiskLimit" is missing/],
    [arrow.tableFromArrays({ day: ["1 March"], dailyRiskUsed: Float64Array.of(0.01), dailyRiskLimit: Float64Array.of(0.02) }), /invalid riskTable\.day\[0\]: "1 March" \(expected a trading day "YYYY-MM-DD"\)/],
    [arrow.tableFromArrays({ day: ["2024-03-01"], dailyRiskUsed: Float64Array.of(-1), dailyRiskLimit: Float64Array.of(0.02) }), /invalid riskTable\.dailyRiskUsed\[0\]: -1/],
    [arrow.tableFromArrays({ day: ["2024-03-01"], dailyRiskUsed: Float64Array.of(0.01), dailyRiskLimit: Float64Array.of(0) }), /invalid riskTable\.dailyRiskLimit\[0\]: 0 \(expected a number in \(0, 1\]\)/],
  ])("rejects a table it cannot chart, naming the column (%#)", (bad, message) => {
    expect(() => dailyRiskUsageChart(bad)).toThrow(message);
  });

  it("rejects a bad warnAt", () => {
    expect(() => dailyRiskUsageChart(small, { warnAt: 1.5 })).toThrow(/invalid warnAt: 1\.5 \(expected a number in \[0, 1\]\)/);
  });
});
