import { describe, expect, it } from "vitest";
import { swingMarks } from "../../src/charts/swing-marks.js";
import type { SwingPoint } from "../../src/smc/swing-detector.js";
import { detectSwings } from "../../src/smc/swing-detector.js";
import { fxBars, overlayChart } from "./smc-fixture.js";
import { countTags, groupOf } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const t = (h: number) => Date.UTC(2024, 2, 5, h);
const swings: SwingPoint[] = [
  { kind: "swing-high", ts: t(1), knownAt: t(4), index: 1, knownIndex: 4, top: 105, bottom: 105 },
  { kind: "swing-low", ts: t(2), knownAt: t(5), index: 2, knownIndex: 5, top: 98, bottom: 98 },
  { kind: "swing-high", ts: t(6), knownAt: t(9), index: 6, knownIndex: 9, top: 104, bottom: 104 },
];
const paths = (svg: string, d: string) => countTags(groupOf(svg, `aria-description="${d}"`), "path");

describe("swingMarks", () => {
  it("draws a down triangle above each swing high and an up triangle below each swing low", () => {
    const svg = overlayChart(swingMarks(swings));
    expect(xmlProblems(svg)).toEqual([]);
    expect(paths(svg, "swing-high")).toBe(2);
    expect(paths(svg, "swing-low")).toBe(1);
    expect(groupOf(svg, 'aria-description="swing-high"')).toContain("rotate(180)");
    expect(groupOf(svg, 'aria-description="swing-low"')).not.toContain("rotate(180)");
    expect(svg).not.toContain("swing-confirmation");
  });

  it("shows the confirmation lag on request: a line to the confirming bar and a circle there", () => {
    const svg = overlayChart(swingMarks(swings, { confirmations: true }));
    expect(paths(svg, "swing-confirmation")).toBe(3);
    expect(countTags(groupOf(svg, 'aria-description="swing-known"'), "circle") + paths(svg, "swing-known")).toBe(3);
    expect(svg).toContain("<title>swing high 105, bar 2024-03-05 01:00 UTC, confirmed 2024-03-05 04:00 UTC (3 bars later)</title>");
  });

  it("draws one triangle per detected swing, and only those in the window", () => {
    const table = detectSwings(fxBars, { length: 3 });
    const svg = overlayChart(swingMarks(table));
    expect(paths(svg, "swing-high") + paths(svg, "swing-low")).toBe(table.numRows);
    expect(overlayChart(swingMarks(swings, { from: t(3), to: t(8) }))).toMatch(/aria-description="swing-high"/);
    expect(paths(overlayChart(swingMarks(swings, { from: t(3), to: t(8) })), "swing-high")).toBe(1);
  });

  it("gives the same SVG for the same input", () => {
    const table = detectSwings(fxBars);
    expect(overlayChart(swingMarks(table, { confirmations: true }))).toBe(overlayChart(swingMarks(table, { confirmations: true })));
  });

  it("names what is wrong", () => {
    expect(() => swingMarks([{ ...swings[0]!, kind: "fvg-bullish" as "swing-high" }])).toThrow(/invalid swings\[0\]\.kind: "fvg-bullish"/);
    expect(() => swingMarks(swings, { r: -1 })).toThrow(/invalid r: -1/);
    expect(() => swingMarks(swings, { confirmations: "yes" as unknown as boolean })).toThrow(/invalid confirmations: "yes"/);
    expect(() => swingMarks(fxBars)).toThrow(/swings: column "kind" is missing; pass detectSwings/);
  });
});
