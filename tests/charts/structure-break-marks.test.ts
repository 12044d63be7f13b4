import { describe, expect, it } from "vitest";
import { structureBreakMarks } from "../../src/charts/structure-break-marks.js";
import { detectStructureBreaks, type StructureBreak } from "../../src/smc/structure-break-detector.js";
import { fxBars, overlayChart } from "./smc-fixture.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const t = (h: number) => Date.UTC(2024, 2, 5, h);
const breaks: StructureBreak[] = [
  { kind: "bos-bullish", ts: t(1), knownAt: t(4), index: 1, knownIndex: 4, top: 105, bottom: 105 },
  { kind: "choch-bearish", ts: t(2), knownAt: t(6), index: 2, knownIndex: 6, top: 98, bottom: 98 },
  { kind: "bos-bearish", ts: t(7), knownAt: t(9), index: 7, knownIndex: 9, top: 96, bottom: 96 },
];
const KINDS = ["bos-bullish", "bos-bearish", "choch-bullish", "choch-bearish"];
const lines = (svg: string, kind: string) => countTags(groupOf(svg, `aria-description="${kind}"`), "path");

describe("structureBreakMarks", () => {
  it("draws a line per break from the swing to the breaking bar, labelled BOS or CHoCH", () => {
    const svg = overlayChart(structureBreakMarks(breaks));
    expect(xmlProblems(svg)).toEqual([]);
    expect(KINDS.map((k) => lines(svg, k))).toEqual([1, 1, 0, 1]);
    expect(texts(groupOf(svg, 'aria-description="break-labels-bullish"'))).toEqual(["BOS"]);
    expect(texts(groupOf(svg, 'aria-description="break-labels-bearish"'))).toEqual(["CHoCH", "BOS"]);
    expect(groupOf(svg, 'aria-description="choch-bearish"') + svg).toMatch(/stroke-dasharray="4,3"[^>]*aria-description="choch-bearish"/);
    expect(svg).toContain("<title>bearish CHoCH of 98: swing 2024-03-05 02:00 UTC, broken 2024-03-05 06:00 UTC</title>");
  });

  it("draws one line and one label per detected break", () => {
    const table = detectStructureBreaks(fxBars, { length: 3 });
    const svg = overlayChart(structureBreakMarks(table));
    expect(KINDS.reduce((n, k) => n + lines(svg, k), 0)).toBe(table.numRows);
    expect(texts(svg).filter((s) => s === "BOS" || s === "CHoCH")).toHaveLength(table.numRows);
    expect(overlayChart(structureBreakMarks(table))).toBe(svg);
  });

  it("keeps the breaks that reach into the window", () => {
    const svg = overlayChart(structureBreakMarks(breaks, { from: t(5), to: t(8) }));
    expect(KINDS.map((k) => lines(svg, k))).toEqual([0, 1, 0, 1]);
  });

  it("names what is wrong", () => {
    expect(() => structureBreakMarks([{ ...breaks[0]!, kind: "bos" as "bos-bullish" }])).toThrow(/invalid breaks\[0\]\.kind: "bos"/);
    expect(() => structureBreakMarks(breaks, { fontSize: 0 })).toThrow(/invalid fontSize: 0/);
    expect(() => structureBreakMarks(fxBars)).toThrow(/breaks: column "kind" is missing/);
  });
});
