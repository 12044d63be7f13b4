import { describe, expect, it } from "vitest";
import { renderSvg } from "../../src/charts/render-svg.js";
import { sizingBreakdownChart } from "../../src/charts/sizing-breakdown-chart.js";
import { PortfolioRiskManager } from "../../src/risk/portfolio-risk-manager.js";
import type { RiskExplanation } from "../../src/risk/risk-explanation.js";
import type { PortfolioRiskManagerOptions } from "../../src/risk/risk-parts.js";
import { fakeContext, fakeRiskView, riskSignal, roundTrips, type FakeRiskViewOptions } from "../fixtures/fake-risk-view.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const manager = (options: PortfolioRiskManagerOptions = {}) => {
  const m = new PortfolioRiskManager(options);
  m.attach(fakeContext({ A: 1.5, B: 2 }));
  return m;
};
const flat = (o: Partial<FakeRiskViewOptions> = {}) => fakeRiskView({ symbols: { A: { price: 50 }, B: { price: 20 }, C: { price: 10 } }, ...o });
/** Kelly 5% (W 0.5, R 2, half Kelly capped at 5%), 5% below the peak (scale 0.8125), strength 0.8, then the 3% position cap binds. */
const resized = manager({ kelly: { maxRiskFraction: 0.05 }, maxPositionRisk: 0.03, maxDailyRisk: 0.05 })
  .explain(riskSignal("A", "long", { strength: 0.8 }), flat({ trades: roundTrips(20, 200, 20, 100), peakEquity: 100_000 / 0.95 }));
/** Y tick labels (step names) and the value labels of every row, top to bottom. */
const steps = (svg: string) => texts(groupOf(svg, 'aria-label="y-axis tick label"'));
const labels = (svg: string) => [...svg.matchAll(/<g [^>]*aria-description="step labels"[^>]*>(.*?)<\/g>/g)].flatMap((m) => texts(m[1]!));

describe("sizingBreakdownChart", () => {
  const svg = renderSvg(sizingBreakdownChart(resized));

  it("draws one row per step of the explain chain, in units, with the binding cap in red (file snapshot)", async () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(steps(svg)).toEqual([
      "base risk 5%", "drawdown scale", "signal strength", "raw quantity", "cap: position risk", "cap: heat",
      "cap: daily budget", "cap: cash", "cap: max positions", "whole units", "decision",
    ]);
    expect(countTags(groupOf(svg, 'aria-description="steps"'), "rect")).toBe(6);
    expect(countTags(groupOf(svg, 'aria-description="unchanged steps"'), "line")).toBe(5);
    expect(labels(svg)).toEqual([
      "1,666.7", "\u00d70.813 \u2192 1,354.2", "\u00d70.8 \u2192 1,083.3", "1,083.3", "allows 2,000", "allows 1,666", "allows 2,000",
      "no limit", "already whole", "1,083.3 \u2192 1,000", "1,000 units, resized",
    ]);
    expect(texts(groupOf(svg, 'aria-label="color legend"'))).toEqual(["size", "lowered", "deciding rule"]);
    expect(svg).toContain(">A long at 2024-03-01 15:00 UTC: resized by the per-position-risk cap</text>");
    expect(svg).toContain(">units after each step: equity 100,000 \u00d7 3.25% = 3,250 at risk, stop 3 away (atr-proxy, at 47)</text>");
    await expect(svg).toMatchFileSnapshot("../output/sizing-breakdown-chart.svg");
  });

  it("puts each step's note, with its inputs, in the bar's tooltip", () => {
    expect(groupOf(svg, 'aria-description="steps"')).toMatch(/<title>base risk: Kelly \(kelly\): 40 trades, W 50%, R 2, f\* 0\.25, x0\.5, cap 5%/);
  });

  it("gives the same SVG for the same decision, given as the explanation or as the decision holding it", () => {
    expect(renderSvg(sizingBreakdownChart(resized))).toBe(svg);
    expect(renderSvg(sizingBreakdownChart({ explanation: resized }))).toBe(svg);
    expect(renderSvg(sizingBreakdownChart(JSON.parse(JSON.stringify(resized)) as RiskExplanation))).toBe(svg);
  });

  it("marks the cap that denied an entry and shows what each cap allows", () => {
    const view = fakeRiskView({ symbols: { A: { price: 50 }, B: { price: 20, quantity: 1000, stopPrice: 17 } } });
    const out = renderSvg(sizingBreakdownChart(manager({ maxHeat: 0.02, maxPositionRisk: 0.02 }).explain(riskSignal("A", "long"), view)));
    expect(xmlProblems(out)).toEqual([]);
    expect(out).toContain(">A long at 2024-03-01 15:00 UTC: denied (HEAT_LIMIT)</text>");
    expect(texts(groupOf(out, 'aria-label="color legend"'))).toEqual(["size", "deciding rule"]);
    expect(labels(out)).toContain("400 \u2192 0");
    expect(labels(out).at(-1)).toBe("0 units, denied: HEAT_LIMIT");
    expect(countTags(groupOf(out, 'aria-description="cap allowances"'), "line")).toBe(1);
  });

  it("sizes in % of equity at risk when the decision was denied before it had a stop", () => {
    const halted = sizingBreakdownChart(manager().explain(riskSignal("A", "long"), flat({ peakEquity: 150_000 })));
    const out = renderSvg(halted);
    expect(halted.x).toMatchObject({ label: "risk (% of equity)" });
    expect(steps(out)).toEqual(["base risk 1%", "drawdown scale", "decision"]);
    expect(labels(out)).toEqual(["1%", "\u00d70 \u2192 0%", "denied: HALTED_DRAWDOWN"]);
    const noStop = renderSvg(sizingBreakdownChart(manager().explain(riskSignal("C", "long"), flat())));
    expect(steps(noStop)).toEqual(["base risk 1%", "drawdown scale", "signal strength", "risk amount", "decision"]);
    expect(countTags(groupOf(noStop, 'aria-description="deciding step"'), "line")).toBe(1);
  });

  it("draws an exit as the units it closes", () => {
    const exit = manager().explain(riskSignal("A", "exit"), fakeRiskView({ symbols: { A: { price: 50, quantity: 30, stopPrice: 40 } } }));
    const out = renderSvg(sizingBreakdownChart(exit));
    expect(steps(out)).toEqual(["decision"]);
    expect(labels(out)).toEqual(["30 units, approved"]);
  });

  it.each([
    [null, /invalid explanation: null \(expected a RiskExplanation\)/],
    [{ symbol: "A" }, /invalid explanation: "symbol" \(expected a RiskExplanation with symbol, decision, at and caps\); pass riskManager\.explain\(signal\)/],
    [{ explanation: 3 }, /invalid explanation: 3/],
  ])("rejects what is not a risk explanation (%#)", (input, message) => {
    expect(() => sizingBreakdownChart(input as unknown as RiskExplanation)).toThrow(message);
  });

  it("rejects a bad row height", () => {
    expect(() => sizingBreakdownChart(resized, { rowHeight: 0 })).toThrow(/invalid rowHeight: 0 \(expected a positive number\)/);
  });
});
