import * as Plot from "@observablehq/plot";
import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { equityCurvesChart } from "../../src/charts/equity-curves-chart.js";
import { plotDocument } from "../../src/charts/plot-document.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { smallBacktest } from "../fixtures/small-backtest.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const day = (d: number) => Date.UTC(2024, 0, 2 + d, 21);
/** Five steps of two symbols: A ends +20, B +30, the portfolio (initial cash 1000) +50. */
const hand = {
  equity: arrow.tableFromArrays({ ts: Float64Array.from([0, 1, 2, 3, 4], day), equity: Float64Array.of(1000, 1010, 990, 1030, 1050) }),
  symbolEquity: arrow.tableFromArrays({
    symbol: ["A", "B", "A", "B", "A", "B", "A", "B", "A", "B"],
    ts: Float64Array.from([0, 0, 1, 1, 2, 2, 3, 3, 4, 4], day),
    pnl: Float64Array.of(0, 0, 5, 5, -5, -5, 10, 20, 20, 30),
  }),
  summary: { initialCash: 1000 },
};

/** Returns the y domain Plot gives the chart (without rounding to nice values). */
function yDomain(options: Plot.PlotOptions): unknown[] {
  const plot = Plot.plot({ ...options, y: { ...(options.y as object), nice: false }, document: plotDocument() });
  return plot.scale("y")!.domain as unknown[];
}

describe("equityCurvesChart", () => {
  const svg = renderSvg(equityCurvesChart(hand));

  it("draws one P&L line per symbol and the portfolio's over them, named in the legend (file snapshot)", async () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(countTags(groupOf(svg, 'aria-description="P&amp;L per symbol"'), "path")).toBe(2);
    expect(countTags(groupOf(svg, 'aria-description="portfolio P&amp;L"'), "path")).toBe(1);
    expect(texts(groupOf(svg, 'aria-label="color legend"'))).toEqual(["A", "B", "portfolio"]);
    expect(svg).toContain(">P&amp;L by symbol</text>");
    expect(svg).toContain(">realized + unrealized P&amp;L per symbol and in total, 2024-01-02 to 2024-01-06 (UTC)</text>");
    await expect(svg).toMatchFileSnapshot("../output/equity-curves-chart.svg");
  });

  it("gives the same SVG for the same input", () => {
    expect(renderSvg(equityCurvesChart(hand))).toBe(svg);
  });

  it("puts time on a UTC axis and the currency in the y label", () => {
    const options = equityCurvesChart(hand, { currency: "EUR" });
    expect(options.x).toMatchObject({ type: "utc" });
    expect(options.y).toMatchObject({ label: "P&L (EUR)" });
    expect(yDomain(options)).toEqual([-10, 50]);
  });

  it("plots percent of the initial equity on request", () => {
    const options = equityCurvesChart(hand, { valueAs: "percent" });
    expect(options.y).toMatchObject({ label: "P&L (% of initial equity)" });
    expect(yDomain(options)).toEqual([-1, 5]);
  });

  it("draws only the symbols asked for, in their order, and the total only on request", () => {
    const svg = renderSvg(equityCurvesChart(hand, { symbols: ["B"], total: false }));
    expect(countTags(groupOf(svg, 'aria-description="P&amp;L per symbol"'), "path")).toBe(1);
    expect(svg).not.toContain('aria-description="portfolio P&amp;L"');
    expect(texts(groupOf(svg, 'aria-label="color legend"'))).toEqual(["B"]);
  });

  it("charts a backtest result, one line per symbol of the run", () => {
    const { result } = smallBacktest();
    const svg = renderSvg(equityCurvesChart(result));
    expect(xmlProblems(svg)).toEqual([]);
    expect(countTags(groupOf(svg, 'aria-description="P&amp;L per symbol"'), "path")).toBe(result.summary.symbols.length);
    expect(texts(groupOf(svg, 'aria-label="color legend"'))).toEqual([...result.summary.symbols, "portfolio"]);
  });

  it("rejects an unknown symbol, naming it", () => {
    expect(() => equityCurvesChart(hand, { symbols: ["ZZZ"] })).toThrow(/invalid symbols\[0\]: "ZZZ" \(expected one of "A", "B"\)/);
  });

  it("rejects a result without a pnl column", () => {
    const symbolEquity = arrow.tableFromArrays({ symbol: ["A"], ts: Float64Array.of(day(0)) });
    expect(() => equityCurvesChart({ ...hand, symbolEquity })).toThrow(/symbolEquity: column "pnl" is missing/);
  });

  it("rejects something that is not a backtest result", () => {
    expect(() => equityCurvesChart({ equity: [] as unknown as arrow.Table, symbolEquity: hand.symbolEquity })).toThrow(/invalid equity: "object" \(expected an Arrow table\)/);
    expect(() => equityCurvesChart(hand, { valueAs: "log" as "percent" })).toThrow(/invalid valueAs: "log"/);
  });
});
