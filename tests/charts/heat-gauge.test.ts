import { describe, expect, it } from "vitest";
import { HEAT_COLORS, heatGauge } from "../../src/charts/heat-gauge.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { PortfolioHeatMonitor } from "../../src/risk/portfolio-heat-monitor.js";
import { fakeRiskView } from "../fixtures/fake-risk-view.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

/** 3.1% of equity at risk in four positions, against a 6% maximum. */
const heat = { heat: 0.031, maxHeat: 0.06, positions: [{ symbol: "SPY", risk: 0.012 }, { symbol: "TLT", risk: 0.009 }, { symbol: "GLD", risk: 0.008 }, { symbol: "X", risk: 0.002 }] };
/** Returns the fill of the group with `aria-description="<description>"`. */
const fillOf = (svg: string, description: string) => new RegExp(`<g fill="([^"]+)" aria-description="${description}"`).exec(svg)?.[1];

describe("heatGauge", () => {
  const svg = renderSvg(heatGauge(heat));

  it("stacks the heat by position over the three zones and marks the maximum (file snapshot)", async () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(countTags(groupOf(svg, 'aria-description="heat zones"'), "rect")).toBe(3);
    expect(countTags(groupOf(svg, 'aria-description="heat by position"'), "rect")).toBe(4);
    expect(texts(groupOf(svg, 'aria-description="position labels"'))).toEqual(["SPY 1.2%", "TLT 0.9%", "GLD 0.8%"]);
    expect(countTags(groupOf(svg, 'aria-description="max heat"'), "line")).toBe(1);
    expect(texts(groupOf(svg, 'aria-description="max heat label"'))).toEqual(["max 6%"]);
    expect(texts(groupOf(svg, 'aria-description="heat label"'))).toEqual(["3.1% (52% of max)"]);
    expect(svg).toContain(">open risk if every stop is hit, in % of equity: 3.1% of a 6% max</text>");
    await expect(svg).toMatchFileSnapshot("../output/heat-gauge.svg");
  });

  it("gives the same SVG for the same input", () => {
    expect(renderSvg(heatGauge(heat))).toBe(svg);
  });

  it.each([
    [0.03, HEAT_COLORS.ok],
    [0.0479, HEAT_COLORS.ok],
    [0.048, HEAT_COLORS.warn],
    [0.0599, HEAT_COLORS.warn],
    [0.06, HEAT_COLORS.over],
    [0.09, HEAT_COLORS.over],
  ])("colors a heat of %s against a 6%% max %s", (h, color) => {
    const out = renderSvg(heatGauge(h, 0.06));
    expect(countTags(groupOf(out, 'aria-description="heat"'), "rect")).toBe(1);
    expect(fillOf(out, "heat")).toBe(color);
  });

  it("runs the axis to 1.25 x the maximum, or to the heat beyond it", () => {
    expect(heatGauge(0.03, 0.06).x).toMatchObject({ domain: [0, 7.5] });
    expect(heatGauge(0.09, 0.06).x).toMatchObject({ domain: [0, 9] });
    expect(texts(groupOf(renderSvg(heatGauge(0.09, 0.06)), 'aria-description="heat label"'))).toEqual(["9% (150% of max)"]);
  });

  it("charts a PortfolioHeatMonitor's heat, position by position", () => {
    const view = fakeRiskView({ symbols: { A: { price: 50, quantity: 300, stopPrice: 47 }, B: { price: 20, quantity: 500, stopPrice: 18 } } });
    const measured = new PortfolioHeatMonitor().heat(view); // equity 125,000: A risks 900, B 1,000
    const out = renderSvg(heatGauge(measured));
    expect(xmlProblems(out)).toEqual([]);
    expect(countTags(groupOf(out, 'aria-description="heat by position"'), "rect")).toBe(2);
    expect(texts(groupOf(out, 'aria-description="position labels"'))).toEqual(["A 0.7%", "B 0.8%"]);
    expect(countTags(groupOf(renderSvg(heatGauge(measured, { breakdown: false })), 'aria-description="heat"'), "rect")).toBe(1);
  });

  it.each([
    [() => heatGauge({ heat: null, maxHeat: 0.06 }), /invalid heat\.heat: null \(expected a fraction of equity >= 0\); heat is undefined while equity is not positive/],
    [() => heatGauge(-0.01, 0.06), /invalid heat: -0\.01 \(expected a fraction of equity >= 0\)/],
    [() => heatGauge(0.03, 6), /invalid maxHeat: 6 \(expected a number in \(0, 1\]\)/],
    [() => heatGauge(0.03, undefined as unknown as number), /invalid maxHeat: undefined/],
    [() => heatGauge({ ...heat, heat: 0.05 }), /invalid heat\.positions: "risks summing to 0\.031" \(expected risks summing to the heat 0\.05\)/],
    [() => heatGauge({ ...heat, positions: [{ symbol: "A", risk: Number.NaN }] }), /invalid heat\.positions\[0\]\.risk: NaN/],
    [() => heatGauge(0.03, 0.06, { warnAt: 0 }), /invalid warnAt: 0 \(expected a number in \(0, 1\]\)/],
    [() => heatGauge("3%" as unknown as number, 0.06), /invalid heat: "3%"/],
  ])("rejects bad input, naming the argument (%#)", (make, message) => {
    expect(make).toThrow(message);
  });
});
