import { describe, expect, it } from "vitest";
import { correlationHeatmap } from "../../src/charts/correlation-heatmap.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import type { CorrelationMatrix } from "../../src/metrics/correlation-matrix.js";
import { smallBacktest } from "../fixtures/small-backtest.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const full = (k: number, n: number) => Array.from({ length: k }, () => new Array<number>(k).fill(n));
const three: CorrelationMatrix = {
  symbols: ["SPY", "TLT", "GLD"],
  matrix: [[1, -0.4213, 0.1], [-0.4213, 1, -0.001], [0.1, -0.001, 1]],
  overlap: full(3, 250),
};
/** CASH never moves, so its correlations are undefined (null, or NaN as some callers write it). */
const withCash: CorrelationMatrix = {
  symbols: ["SPY", "TLT", "CASH"],
  matrix: [[1, 0.3, null], [0.3, 1, NaN], [null, NaN, null]],
  overlap: full(3, 120),
};
/** Cell labels in drawing order: light cells, dark cells, then the undefined ones. */
const cellLabels = (svg: string) => [...svg.matchAll(/<g [^>]*aria-label="text"[^>]*>(.*?)<\/g>/g)].flatMap((m) => texts(m[1]!));

describe("correlationHeatmap", () => {
  const svg = renderSvg(correlationHeatmap(three));

  it("draws one cell per pair, labelled with two decimals (file snapshot)", async () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(countTags(groupOf(svg, 'aria-label="cell"'), "rect")).toBe(9);
    expect(cellLabels(svg).sort()).toEqual(["0.00", "0.00", "0.10", "0.10", "1.00", "1.00", "1.00", "\u22120.42", "\u22120.42"]);
    expect(svg).toContain(">Pearson r of close-to-close returns, 250 periods</text>");
    await expect(svg).toMatchFileSnapshot("../output/correlation-heatmap.svg");
  });

  it("puts the symbols in matrix order on both axes", () => {
    expect(texts(groupOf(svg, 'aria-label="x-axis tick label"'))).toEqual(["SPY", "TLT", "GLD"]);
    expect(texts(groupOf(svg, 'aria-label="y-axis tick label"'))).toEqual(["SPY", "TLT", "GLD"]);
  });

  it("fixes the diverging color scale to [-1, 1] and draws its legend as an SVG ramp from -1 to 1", () => {
    const narrow = correlationHeatmap({ symbols: ["A", "B"], matrix: [[1, 0.5], [0.5, 1]], overlap: full(2, 9) });
    expect(narrow.color).toMatchObject({ domain: [-1, 1], scheme: "rdbu", legend: true });
    const legend = groupOf(renderSvg(narrow), 'aria-label="color legend"');
    expect(countTags(legend, "rect")).toBe(64);
    expect(texts(legend)).toEqual(["correlation", "-1", "-0.5", "0", "0.5", "1"]);
  });

  it("shows undefined correlations as grey cells labelled n/a, with a note", () => {
    const out = renderSvg(correlationHeatmap(withCash));
    expect(xmlProblems(out)).toEqual([]);
    const cells = [...out.matchAll(/<g [^>]*aria-label="cell"[^>]*>(.*?)<\/g>/g)].map((m) => countTags(m[1]!, "rect"));
    expect(cells).toEqual([4, 5]);
    expect(cellLabels(out).filter((t) => t === "n/a")).toHaveLength(5);
    expect(out).toContain(">n/a: undefined (too few common periods, or a constant series)</text>");
    expect(renderSvg(correlationHeatmap(three))).not.toContain("n/a");
  });

  it("gives the same SVG for the same input", () => {
    expect(renderSvg(correlationHeatmap(three))).toBe(svg);
  });

  it("charts the correlation of a backtest result", () => {
    const { result } = smallBacktest();
    const out = renderSvg(correlationHeatmap(result.correlation));
    expect(xmlProblems(out)).toEqual([]);
    expect(cellLabels(out)).toHaveLength(9);
  });

  it("keeps cells square and widens the chart to fit its title", () => {
    const options = correlationHeatmap(three, { cellSize: 40 });
    expect(options.height! - options.marginTop! - options.marginBottom!).toBe(120);
    expect(options.width! - options.marginLeft! - options.marginRight!).toBe(120);
    expect(options.width).toBeGreaterThanOrEqual(Math.ceil("Pearson r of close-to-close returns, 250 periods".length * 12 * 0.6));
  });

  it.each([
    [{ ...three, matrix: [[1, 1.5, 0], [1.5, 1, 0], [0, 0, 1]] }, /invalid matrix\.matrix\[0\]\[1\]: 1.5 \(expected a number in \[-1, 1\]/],
    [{ ...three, matrix: [[1, 0], [0, 1], [0, 0]] }, /invalid matrix\.matrix\[0\]: "2 values" \(expected 3 values, one per symbol\)/],
    [{ ...three, matrix: [[1, 0, 0]] }, /invalid matrix\.matrix: "1 rows" \(expected 3 rows/],
    [{ ...three, symbols: ["A", "A", "B"] }, /invalid matrix\.symbols: \["A","A","B"\] \(expected each symbol once\)/],
    [null, /invalid matrix: null \(expected a CorrelationMatrix/],
  ])("rejects a malformed matrix (%#)", (matrix, message) => {
    expect(() => correlationHeatmap(matrix as CorrelationMatrix)).toThrow(message);
  });
});
