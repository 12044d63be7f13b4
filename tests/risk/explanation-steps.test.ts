import { describe, expect, it } from "vitest";
import { explanationSteps } from "../../src/risk/explanation-steps.js";
import { PortfolioRiskManager } from "../../src/risk/portfolio-risk-manager.js";
import { fakeContext, fakeRiskView, riskSignal } from "../fixtures/fake-risk-view.js";

describe("explanationSteps", () => {
  const m = new PortfolioRiskManager();
  m.attach(fakeContext({ A: 1.5 }));

  it("lists the sizing chain top to bottom with the quantity after each step", () => {
    const rows = explanationSteps(m.explain(riskSignal("A", "long"), fakeRiskView({ symbols: { A: { price: 50 } } })));
    expect(rows.map((r) => r.step)).toEqual([
      "base risk", "drawdown scale", "signal strength", "risk amount", "stop distance", "raw quantity",
      "per-position-risk", "heat", "daily-budget", "cash", "max-positions", "whole-units", "decision",
    ]);
    expect(rows.at(-1)).toMatchObject({ value: 333, quantity: 333, note: expect.stringMatching(/^approved \(OK, rule sizing\)/) });
    expect(rows.find((r) => r.step === "stop distance")).toMatchObject({ value: 3, note: "atr-proxy: stop 47 from price 50 (ATR 1.5 x 2)" });
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it("stops at the step that denied", () => {
    const rows = explanationSteps(m.explain(riskSignal("A", "long"), fakeRiskView({ peakEquity: 200_000, symbols: { A: { price: 50 } } })));
    expect(rows.map((r) => r.step)).toEqual(["base risk", "drawdown scale", "decision"]);
    expect(rows[2]!.note).toMatch(/denied \(HALTED_DRAWDOWN, rule drawdown\)/);
  });
});
