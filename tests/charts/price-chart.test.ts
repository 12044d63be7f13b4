import { describe, expect, it } from "vitest";
import * as arrow from "apache-arrow";
import { priceChart } from "../../src/charts/price-chart.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";
import { xmlProblems } from "./xml-check.js";

const bars = randomWalkBars(120, "SPX");

describe("priceChart", () => {
  it("renders the close with moving averages and a legend as one SVG (file snapshot)", async () => {
    const svg = renderSvg(priceChart(bars, { movingAverages: [10, 30] }));
    expect(xmlProblems(svg)).toEqual([]);
    for (const label of ["SPX", "close", "SMA 10", "SMA 30"]) expect(svg).toContain(`>${label}</text>`);
    await expect(svg).toMatchFileSnapshot("../output/price-chart.svg");
  });

  it("renders a log price axis (file snapshot)", async () => {
    const options = priceChart(bars, { yScale: "log" });
    expect(options.y).toMatchObject({ type: "log" });
    await expect(renderSvg(options)).toMatchFileSnapshot("../output/price-chart-log.svg");
  });

  it("puts time on a UTC axis and titles the chart from the table metadata", () => {
    const options = priceChart(bars);
    expect(options.x).toMatchObject({ type: "utc" });
    expect(options.title).toBe("SPX");
    expect(options.subtitle).toBe("close, 1d bars, 2024-01-02 to 2024-04-30 (UTC)");
    expect(options.color).toMatchObject({ legend: false });
  });

  it("labels days in UTC whatever the machine's time zone", () => {
    const svg = renderSvg(priceChart(bars));
    expect(svg).toContain(">Feb</tspan>");
    expect(svg).toContain(">2024</tspan>");
  });

  it("rejects a table without close times", () => {
    const t = arrow.tableFromArrays({ close: Float64Array.from([1, 2]) });
    expect(() => priceChart(t)).toThrow(/column "tsClose" is missing/);
  });

  it("rejects an unknown y scale", () => {
    expect(() => priceChart(bars, { yScale: "sqrt" as "log" })).toThrow(/invalid yScale: "sqrt"/);
  });
});
