import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { renderSvg } from "../../src/charts/render-svg.js";
import { smcChart } from "../../src/charts/smc-chart.js";
import { killZoneWindows } from "../../src/sessions/kill-zone-windows.js";
import { detectEqualLevels } from "../../src/smc/equal-level-detector.js";
import { detectFairValueGaps } from "../../src/smc/fair-value-gap-detector.js";
import { detectOrderBlocks } from "../../src/smc/order-block-detector.js";
import { detectStructureBreaks } from "../../src/smc/structure-break-detector.js";
import { detectSweeps } from "../../src/smc/sweep-detector.js";
import { detectSwings } from "../../src/smc/swing-detector.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";
import { fxBars } from "./smc-fixture.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const ALL = { fvg: true, orderBlocks: true, swings: true, breaks: true, liquidity: true, killZones: true } as const;
const window = { from: "2024-03-05", to: "2024-03-07" };
const options = smcChart(fxBars, ALL, window);
const svg = renderSvg(options);
const [from, to] = (options.x as { domain: Date[] }).domain.map(Number) as [number, number];
const offset = -7.5 * 60_000; // marks sit at the middle of 15-minute candles
const rows = (table: arrow.Table) => table.toArray().map((r) => r.toJSON() as Record<string, number | string | null>);
const overlaps = (x1: number, x2: number) => x2 + offset >= from && x1 + offset <= to;
const count = (d: string, tag = "path") => countTags(groupOf(svg, `aria-description="${d}"`), tag);

describe("smcChart", () => {
  it("renders candles with every overlay as one well-formed SVG, with a legend and a caption", () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(options.title).toBe("EURUSD with Smart Money Concepts");
    expect(options.subtitle).toBe("15m candles, 2024-03-05 to 2024-03-07 (America/New_York dates); times UTC");
    expect(texts(groupOf(svg, 'aria-label="color legend"'))).toEqual(["bullish", "bearish", "asian", "london-open", "new-york-open", "london-close", "liquidity", "swings"]);
    expect(texts(svg)).toContain("lines: BOS (solid), CHoCH (dashed)");
    expect(count("wicks", "line")).toBe(3 * 96);
  });

  it("draws one box per fair value gap and order block reaching into the window", () => {
    for (const table of [detectFairValueGaps(fxBars), detectOrderBlocks(fxBars)]) {
      for (const kind of new Set(rows(table).map((z) => z.kind as string))) {
        const expected = rows(table).filter((z) => z.kind === kind && overlaps(z.ts as number, (z.mitigatedAt as number | null) ?? Infinity)).length;
        expect(count(kind, "rect"), kind).toBe(expected);
      }
    }
  });

  it("draws one triangle per swing, one line and label per break, and one mark per equal level and sweep in the window", () => {
    const swings = rows(detectSwings(fxBars)).filter((s) => overlaps(s.ts as number, s.ts as number));
    expect(count("swing-high") + count("swing-low")).toBe(swings.length);
    const breaks = rows(detectStructureBreaks(fxBars)).filter((b) => overlaps(b.ts as number, b.knownAt as number));
    expect(["bos-bullish", "bos-bearish", "choch-bullish", "choch-bearish"].reduce((n, k) => n + count(k), 0)).toBe(breaks.length);
    expect(texts(svg).filter((s) => s === "BOS" || s === "CHoCH")).toHaveLength(breaks.length);
    const pairs = rows(detectEqualLevels(fxBars)).filter((l) => overlaps(l.firstTs as number, l.ts as number));
    expect(count("equal-levels")).toBe(pairs.length);
    const sweeps = rows(detectSweeps(fxBars)).filter((s) => overlaps(s.ts as number, s.ts as number));
    expect(count("sweeps")).toBe(sweeps.length);
    expect(sweeps.length + pairs.length + breaks.length + swings.length).toBeGreaterThan(20);
  });

  it("shades the kill zones that overlap the window", () => {
    const zones = killZoneWindows({ from: "2024-03-04", to: "2024-03-08" }).filter((k) => k.tsEnd > from && k.tsStart < to);
    expect(count("kill-zones", "rect")).toBe(zones.length);
  });

  it("renders the same SVG for the same input", () => {
    expect(renderSvg(smcChart(fxBars, ALL, window))).toBe(svg);
  });

  it("draws the close line instead of candles on request, and no legend without overlays", () => {
    const plain = smcChart(fxBars, {}, { ...window, candles: false });
    const out = renderSvg(plain);
    expect(countTags(groupOf(out, 'aria-description="close"'), "path")).toBe(1);
    expect(out).not.toContain("wicks");
    expect(plain.color).toMatchObject({ legend: false });
    expect(plain.caption).toBeUndefined();
  });

  it("charts daily bars, defaulting to a line past 400 bars", () => {
    const daily = randomWalkBars(500, "SPX");
    expect(renderSvg(smcChart(daily, { swings: true, breaks: true }))).toContain('aria-description="close"');
    expect(renderSvg(smcChart(daily, { fvg: true }, { from: "2024-03-01", to: "2024-05-31" }))).toContain('aria-description="wicks"');
  });

  it("names what is wrong", () => {
    expect(() => smcChart(fxBars, { fvgs: true } as never)).toThrow(/invalid overlays\.fvgs: true \(expected one of the overlays fvg, orderBlocks/);
    expect(() => smcChart(fxBars, { fvg: 1 } as never)).toThrow(/invalid overlays\.fvg: 1/);
    expect(() => smcChart(fxBars, { swings: { length: 0 } })).toThrow(/invalid length: 0/);
    expect(() => smcChart(randomWalkBars(50, "SPX"), { killZones: true })).toThrow(/invalid overlays\.killZones: true \(expected false for 1d bars\); kill zones are intraday/);
    expect(() => smcChart(fxBars, {}, { from: "yesterday" })).toThrow(/invalid from: "yesterday"/);
    expect(() => smcChart(arrow.tableFromArrays({ tsClose: [1] }))).toThrow(/table: column "tsOpen" is missing/);
  });
});
