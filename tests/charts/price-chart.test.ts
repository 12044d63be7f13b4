import { describe, expect, it } from "vitest";
import * as arrow from "apache-arrow";
import { priceChart } from "../../src/charts/price-chart.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import type { TradeFill } from "../../src/charts/select-fills.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";
import { smallBacktest } from "../fixtures/small-backtest.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
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

  it("marks the fills of the table's symbol within its dates, named in the legend (file snapshot)", async () => {
    const at = (d: number) => Date.UTC(2024, 0, 2 + d, 14, 30);
    const fills: TradeFill[] = [
      { ts: at(10), symbol: "SPX", side: "buy", price: 101, quantity: 5 },
      { ts: at(40), symbol: "SPX", side: "sell", price: 104, quantity: 5 },
      { ts: at(60), symbol: "SPX", side: "buy", price: 98, quantity: 5 },
      { ts: at(61), symbol: "NDX", side: "sell", price: 300, quantity: 1 },
      { ts: at(400), symbol: "SPX", side: "sell", price: 99, quantity: 5 },
    ];
    const options = priceChart(bars, { fills, movingAverages: [10] });
    const svg = renderSvg(options);
    expect(xmlProblems(svg)).toEqual([]);
    expect(countTags(groupOf(svg, 'aria-description="buy"'), "path")).toBe(2);
    expect(countTags(groupOf(svg, 'aria-description="sell"'), "path")).toBe(1);
    expect(texts(groupOf(svg, 'aria-label="color legend"'))).toEqual(["close", "SMA 10", "buy", "sell"]);
    expect(options.subtitle).toBe("close, 1d bars, 2024-01-02 to 2024-04-30 (UTC); 2 buys, 1 sell");
    expect(renderSvg(priceChart(bars, { fills, movingAverages: [10] }))).toBe(svg);
    await expect(svg).toMatchFileSnapshot("../output/price-chart-fills.svg");
  });

  it("marks a symbol's fills from a backtest journal", () => {
    const { tables, result } = smallBacktest();
    const svg = renderSvg(priceChart(tables[1]!, { fills: result.journal }));
    const fills = result.tradeList.filter((t) => t.symbol === "BBB");
    expect(fills.length).toBeGreaterThan(0);
    expect(countTags(groupOf(svg, 'aria-description="buy"'), "path")).toBe(fills.length + result.openPositions.filter((p) => p.symbol === "BBB").length);
    expect(countTags(groupOf(svg, 'aria-description="sell"'), "path")).toBe(fills.length);
  });

  it("rejects a table without close times", () => {
    const t = arrow.tableFromArrays({ close: Float64Array.from([1, 2]) });
    expect(() => priceChart(t)).toThrow(/column "tsClose" is missing/);
  });

  it("rejects an unknown y scale", () => {
    expect(() => priceChart(bars, { yScale: "sqrt" as "log" })).toThrow(/invalid yScale: "sqrt"/);
  });
});
