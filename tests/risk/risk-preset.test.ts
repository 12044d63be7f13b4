import { describe, expect, it } from "vitest";
import { FixedFractionRisk } from "../../src/risk/fixed-fraction-risk.js";
import { FixedFractionalRisk } from "../../src/risk/fixed-fractional-risk.js";
import { PortfolioRiskManager } from "../../src/risk/portfolio-risk-manager.js";
import { riskPreset } from "../../src/risk/risk-preset.js";
import { fakeContext, fakeRiskView, riskSignal, roundTrips } from "../fixtures/fake-risk-view.js";

describe("riskPreset", () => {
  it("builds fixed (10% of equity in value), fractional (1% at risk) and kelly (the full manager)", () => {
    expect(riskPreset("fixed")).toBeInstanceOf(FixedFractionRisk);
    expect((riskPreset("fixed", { fraction: 0.2 }) as FixedFractionRisk).fraction).toBe(0.2);
    const fractional = riskPreset("fractional", { riskFraction: 0.005, kelly: { fraction: 1 } });
    expect(fractional).toBeInstanceOf(FixedFractionalRisk);
    expect((fractional as FixedFractionalRisk).parts).toMatchObject({ sizing: "fixed-fractional", riskFraction: 0.005, kelly: null, drawdown: null });
    const kelly = riskPreset("kelly", { maxHeat: 0.05 }) as PortfolioRiskManager;
    expect(kelly.parts.sizing).toBe("kelly");
    expect(kelly.parts.heat.maxHeat).toBe(0.05);
    expect(kelly.parts.drawdown).toEqual({ floor: 0.25, floorAt: 0.2, haltAt: 0.3 });
  });

  it("rejects an unknown preset", () => {
    expect(() => riskPreset("martingale" as "kelly")).toThrow(/invalid risk: "martingale" \(expected one of "fixed", "fractional", "kelly"\)/);
  });
});

describe("FixedFractionalRisk", () => {
  it("risks a fixed 1% whatever the trade history, without drawdown scaling", () => {
    const m = new FixedFractionalRisk();
    m.attach(fakeContext({ A: 1.5 }));
    const view = fakeRiskView({ peakEquity: 125_000, trades: roundTrips(40, 500, 10, 100), symbols: { A: { price: 50 } } });
    const d = m.evaluate(riskSignal("A", "long"), view);
    expect(d).toMatchObject({ allowed: true, quantity: 333, explanation: { base: { method: "fixed-fractional", riskFraction: 0.01, kelly: null }, drawdown: { enabled: false, drawdown: 0.2, scale: 1 } } });
    expect(m.name).toBe("fixed-fractional 1% at risk, no drawdown scaling, heat 6%");
  });

  it("scales by drawdown when asked to", () => {
    const m = new FixedFractionalRisk({ drawdown: {} });
    m.attach(fakeContext({ A: 1.5 }));
    const d = m.evaluate(riskSignal("A", "long"), fakeRiskView({ peakEquity: 125_000, symbols: { A: { price: 50 } } }));
    expect(d.explanation.drawdown).toMatchObject({ enabled: true, scale: 0.25 });
  });
});
