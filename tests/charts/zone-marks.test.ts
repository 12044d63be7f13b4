import { describe, expect, it } from "vitest";
import { zoneMarks } from "../../src/charts/zone-marks.js";
import { detectFairValueGaps } from "../../src/smc/fair-value-gap-detector.js";
import { detectOrderBlocks } from "../../src/smc/order-block-detector.js";
import type { SmcZone } from "../../src/smc/smc-structure.js";
import { fxBars, overlayChart } from "./smc-fixture.js";
import { countTags, groupOf } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const t = (h: number) => Date.UTC(2024, 2, 5, h);
const zones: SmcZone[] = [
  { kind: "fvg-bullish", ts: t(1), knownAt: t(2), index: 1, knownIndex: 2, top: 102, bottom: 100, mitigatedAt: t(6), mitigatedIndex: 6 },
  { kind: "fvg-bearish", ts: t(3), knownAt: t(4), index: 3, knownIndex: 4, top: 108, bottom: 106, mitigatedAt: null, mitigatedIndex: null },
  { kind: "order-block-bullish", ts: t(2), knownAt: t(5), index: 2, knownIndex: 5, top: 101, bottom: 99, mitigatedAt: null, mitigatedIndex: null },
];
const kinds = ["fvg-bullish", "fvg-bearish", "order-block-bullish", "order-block-bearish"];
const rects = (svg: string, kind: string) => countTags(groupOf(svg, `aria-description="${kind}"`), "rect");

describe("zoneMarks", () => {
  it("draws one box per zone of each kind, gaps filled and order blocks outlined", () => {
    const svg = overlayChart(zoneMarks(zones, { end: t(10) }));
    expect(xmlProblems(svg)).toEqual([]);
    expect(kinds.map((k) => rects(svg, k))).toEqual([1, 1, 1, 0]);
    expect(groupOf(svg, 'aria-description="fvg-bullish"')).not.toContain("stroke=");
    expect(svg).toMatch(/aria-description="order-block-bullish"[^>]*stroke="#1a9850"|stroke="#1a9850"[^>]*aria-description="order-block-bullish"/);
  });

  it("ends a box at its mitigation, or at the end while it is open, and titles it", () => {
    const svg = overlayChart(zoneMarks(zones, { end: t(10) }));
    expect(svg).toContain("<title>bullish FVG 100–102, bar 2024-03-05 01:00 UTC, known 2024-03-05 02:00 UTC, mitigated 2024-03-05 06:00 UTC</title>");
    expect(svg).toContain("mitigated not yet</title>");
  });

  it("keeps the zones that reach into the window, cut at it", () => {
    const svg = overlayChart(zoneMarks(zones, { from: t(6) + 60_000, to: t(9) }));
    expect(kinds.map((k) => rects(svg, k))).toEqual([0, 1, 1, 0]);
  });

  it("reads the detectors' tables: one box per row", () => {
    const gaps = detectFairValueGaps(fxBars), blocks = detectOrderBlocks(fxBars);
    const svg = overlayChart([...zoneMarks(gaps), ...zoneMarks(blocks)]);
    const kind = (table: typeof gaps, k: string) => table.getChild("kind")!.toArray().filter((v: string) => v === k).length;
    expect(rects(svg, "fvg-bullish") + rects(svg, "fvg-bearish")).toBe(gaps.numRows);
    expect(rects(svg, "fvg-bullish")).toBe(kind(gaps, "fvg-bullish"));
    expect(rects(svg, "order-block-bearish")).toBe(kind(blocks, "order-block-bearish"));
  });

  it("gives the same SVG for the same input", () => {
    expect(overlayChart(zoneMarks(detectFairValueGaps(fxBars)))).toBe(overlayChart(zoneMarks(detectFairValueGaps(fxBars))));
  });

  it("names a bad zone, a missing column and a bad option", () => {
    expect(() => zoneMarks([{ ...zones[0]!, kind: "swing-high" }])).toThrow(/invalid zones\[0\]\.kind: "swing-high"/);
    expect(() => zoneMarks([{ ...zones[0]!, top: Number.NaN }])).toThrow(/invalid zones\[0\]\.top: NaN \(expected a finite number\)/);
    expect(() => zoneMarks(fxBars)).toThrow(/zones: column "kind" is missing; pass detectFairValueGaps/);
    expect(() => zoneMarks(zones, { opacity: 2 })).toThrow(/invalid opacity: 2/);
    expect(() => zoneMarks(zones, { from: 2, to: 1 })).toThrow(/invalid to: 1/);
  });
});
