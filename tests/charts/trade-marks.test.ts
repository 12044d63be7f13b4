import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { plotDocument } from "../../src/charts/plot-document.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import type { TradeFill } from "../../src/charts/select-fills.js";
import { TRADE_COLORS, tradeMarks } from "../../src/charts/trade-marks.js";
import { countTags, groupOf } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const day = (d: number) => Date.UTC(2024, 0, 2 + d, 14, 30);
const fills: TradeFill[] = [
  { ts: day(1), symbol: "A", side: "buy", price: 100, quantity: 10 },
  { ts: day(3), symbol: "A", side: "sell", price: 104, quantity: 10 },
  { ts: day(5), symbol: "A", side: "buy", price: 101, quantity: 12 },
  { ts: day(8), symbol: "A", side: "sell", price: 99.5, quantity: 12 },
  { ts: day(6), symbol: "B", side: "buy", price: 50, quantity: 1 },
];
const chart = (marks: Plot.Markish[]) => renderSvg({ x: { type: "utc" }, y: { domain: [90, 110] }, height: 200, marks });
/** Returns the translate(x, y) of each triangle in the group with `attribute`, and whether it is rotated. */
const triangles = (svg: string, attribute: string) =>
  [...groupOf(svg, attribute).matchAll(/transform="translate\(([\d.]+),([\d.]+)\)( rotate\(180\))?"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), rotated: m[3] !== undefined }));

describe("tradeMarks", () => {
  const svg = chart(tradeMarks(fills, { symbol: "A" }));

  it("draws an up triangle per buy and a down triangle per sell of the symbol", () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(countTags(groupOf(svg, 'aria-description="buy"'), "path")).toBe(2);
    expect(countTags(groupOf(svg, 'aria-description="sell"'), "path")).toBe(2);
    expect(triangles(svg, 'aria-description="buy"').every((t) => !t.rotated)).toBe(true);
    expect(triangles(svg, 'aria-description="sell"').every((t) => t.rotated)).toBe(true);
    expect(svg).toContain(`fill="${TRADE_COLORS.buy}"`);
    expect(svg).toContain(`fill="${TRADE_COLORS.sell}"`);
  });

  it("puts each triangle's tip on the fill price: buys below it, sells above", () => {
    const marks = tradeMarks(fills, { symbol: "A" });
    const y = Plot.plot({ document: plotDocument(), x: { type: "utc" }, y: { domain: [90, 110] }, height: 200, marks }).scale("y")!;
    const tip = 2 * Math.sqrt(Math.PI / (3 * Math.sqrt(3))) * 5; // center to tip of a triangle of radius 5
    const shift = (side: string) => Number(new RegExp(`<g transform="translate\\(0,([-\\d.]+)\\)"[^>]*aria-description="${side}"`).exec(svg)?.[1]);
    expect(shift("buy")).toBeCloseTo(tip, 6);
    expect(shift("sell")).toBeCloseTo(-tip, 6);
    expect(triangles(svg, 'aria-description="buy"').map((t) => t.y)).toEqual([100, 101].map((p) => expect.closeTo(y.apply(p) as number, 6)));
    expect(triangles(svg, 'aria-description="sell"').map((t) => t.y)).toEqual([104, 99.5].map((p) => expect.closeTo(y.apply(p) as number, 6)));
  });

  it("titles each triangle with side, quantity, price and UTC time", () => {
    expect(svg).toContain("<title>buy 10 @ 100, 2024-01-03 14:30 UTC</title>");
    expect(svg).toContain("<title>sell 12 @ 99.5, 2024-01-10 14:30 UTC</title>");
  });

  it("gives the same SVG for the same input", () => {
    expect(chart(tradeMarks(fills, { symbol: "A" }))).toBe(svg);
  });

  it("draws nothing, without failing, when there are no fills", () => {
    const out = chart([Plot.ruleY([100]), ...tradeMarks([], { symbol: "A" })]);
    expect(xmlProblems(out)).toEqual([]);
    expect(out).not.toContain("<title>");
  });

  it("rejects a radius that is not positive", () => {
    expect(() => tradeMarks(fills, { symbol: "A", r: 0 })).toThrow(/invalid r: 0 \(expected a positive number\)/);
  });
});
