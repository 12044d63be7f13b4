import { describe, expect, it } from "vitest";
import { levelTakenAt } from "../../src/charts/level-taken-at.js";
import { liquidityMarks } from "../../src/charts/liquidity-marks.js";
import { detectEqualLevels, type EqualLevel } from "../../src/smc/equal-level-detector.js";
import { detectSweeps, type Sweep } from "../../src/smc/sweep-detector.js";
import { fxBars, overlayChart } from "./smc-fixture.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const t = (h: number) => Date.UTC(2024, 2, 5, h);
const levels: EqualLevel[] = [
  { kind: "equal-highs", ts: t(4), knownAt: t(5), index: 4, knownIndex: 5, top: 105, bottom: 104.9, level: 105, firstTs: t(1), firstIndex: 1 },
  { kind: "equal-lows", ts: t(6), knownAt: t(7), index: 6, knownIndex: 7, top: 95.1, bottom: 95, level: 95, firstTs: t(2), firstIndex: 2 },
];
const sweeps: Sweep[] = [
  { kind: "sweep-high", ts: t(9), knownAt: t(9), index: 9, knownIndex: 9, top: 105.4, bottom: 105, level: 105, sweptKind: "equal-highs", sweptTs: t(4), sweptIndex: 4 },
];
const group = (svg: string, d: string) => groupOf(svg, `aria-description="${d}"`);

describe("liquidityMarks", () => {
  it("draws each equal level from its first to its second swing, extended until a sweep takes it", () => {
    const svg = overlayChart(liquidityMarks(levels, sweeps, { end: t(12) }));
    expect(xmlProblems(svg)).toEqual([]);
    expect(countTags(group(svg, "equal-levels"), "path")).toBe(2);
    expect(countTags(group(svg, "equal-level-extensions"), "path")).toBe(2);
    expect(texts(group(svg, "equal-level-labels"))).toEqual(["EQH", "EQL"]);
    expect(svg).toContain("<title>equal highs 105: swings 2024-03-05 01:00 UTC and 2024-03-05 04:00 UTC, taken 2024-03-05 09:00 UTC</title>");
    expect(svg).toContain("taken not yet</title>");
  });

  it("marks each sweep on the wick beyond the level, labelled above highs and below lows", () => {
    const svg = overlayChart(liquidityMarks(levels, sweeps));
    expect(countTags(group(svg, "sweeps"), "path")).toBe(1);
    expect(texts(group(svg, "sweep-labels-high"))).toEqual(["sweep"]);
    expect(group(svg, "sweep-labels-low")).toBe("");
  });

  it("ends levels at the first bar that trades beyond them when given the bars", () => {
    const pairs = detectEqualLevels(fxBars, { swingLength: 3 });
    const found = detectSweeps(fxBars, { swingLength: 3 });
    expect(pairs.numRows).toBeGreaterThan(0);
    const rows = pairs.toArray().map((r) => r.toJSON() as unknown as EqualLevel);
    const taken = levelTakenAt(rows, [], fxBars);
    const high = fxBars.getChild("high")!.toArray() as Float64Array;
    const low = fxBars.getChild("low")!.toArray() as Float64Array;
    const close = fxBars.getChild("tsClose")!.toArray() as Float64Array;
    rows.forEach((l, i) => {
      if (taken[i] === undefined) return;
      const k = close.indexOf(taken[i]!);
      expect(k).toBeGreaterThan(l.knownIndex);
      expect(l.kind === "equal-highs" ? high[k]! > l.level : low[k]! < l.level).toBe(true);
    });
    const svg = overlayChart(liquidityMarks(pairs, found, { bars: fxBars }));
    expect(countTags(group(svg, "equal-levels"), "path")).toBe(pairs.numRows);
    expect(countTags(group(svg, "sweeps"), "path")).toBe(found.numRows);
    expect(overlayChart(liquidityMarks(pairs, found, { bars: fxBars }))).toBe(svg);
  });

  it("draws no labels with fontSize 0", () => {
    expect(texts(overlayChart(liquidityMarks(levels, sweeps, { fontSize: 0 })))).not.toContain("sweep");
  });

  it("names what is wrong", () => {
    expect(() => liquidityMarks([{ ...levels[0]!, level: Number.NaN }], [])).toThrow(/invalid levels\[0\]\.level: NaN/);
    expect(() => liquidityMarks(levels, [{ ...sweeps[0]!, kind: "x" as "sweep-high" }])).toThrow(/invalid sweeps\[0\]\.kind: "x"/);
    expect(() => liquidityMarks(fxBars, [])).toThrow(/levels: column "kind" is missing; pass detectEqualLevels/);
    expect(() => liquidityMarks(levels, sweeps, { color: "" })).toThrow(/invalid color: ""/);
  });
});
