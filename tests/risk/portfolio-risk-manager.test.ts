import { describe, expect, it } from "vitest";
import { Portfolio } from "../../src/portfolio/portfolio.js";
import { portfolioView } from "../../src/portfolio/portfolio-view.js";
import { PortfolioRiskManager } from "../../src/risk/portfolio-risk-manager.js";
import type { PortfolioRiskManagerOptions } from "../../src/risk/risk-parts.js";
import { fakeContext, fakeRiskView, NOW, riskSignal, roundTrips, type FakeRiskViewOptions } from "../fixtures/fake-risk-view.js";

const manager = (options: PortfolioRiskManagerOptions = {}, atr: Record<string, number> = { A: 1.5, B: 2 }) => {
  const m = new PortfolioRiskManager(options);
  m.attach(fakeContext(atr));
  return m;
};
const flat = (o: Partial<FakeRiskViewOptions> = {}) => fakeRiskView({ symbols: { A: { price: 50 }, B: { price: 20 }, C: { price: 10 } }, ...o });
const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("PortfolioRiskManager", () => {
  it("sizes an entry so that 1% of equity is lost at an ATR stop: 1,000 / (2 x 1.5) = 333 units, stop 47", () => {
    const m = manager();
    const d = m.evaluate(riskSignal("A", "long"), flat());
    expect(d).toMatchObject({ allowed: true, code: "OK", quantity: 333, stopPrice: 47 });
    const e = manager().explain(riskSignal("A", "long"), flat());
    expect(e).toMatchObject({
      decision: "approved", rule: "sizing", quantity: 333, stopPrice: 47, price: 50, equity: 100_000,
      base: { method: "kelly", riskFraction: 0.01, kelly: { method: "base", trades: 0, trusted: false } },
      drawdown: { drawdown: 0, scale: 1 }, riskFraction: 0.01, riskAmount: 1000,
      stop: { source: "atr-proxy", distance: 3, stopPrice: 47, atr: 1.5, stopMult: 2 },
      heat: { before: 0, after: 999 / 100_000, max: 0.06, positionRiskAmount: 999 },
      daily: { zone: "America/New_York", day: "2024-03-01", usedBefore: 0, usedAfter: 999 / 100_000, limit: 0.02 },
      bindingCap: null,
    });
    expect(e.rawQuantity).toBeCloseTo(1000 / 3, 12);
  });

  it("uses the strategy's stop and scales by the signal's strength", () => {
    const d = manager().evaluate(riskSignal("A", "short", { stopPrice: 54, strength: 0.5 }), flat());
    expect(d).toMatchObject({ allowed: true, quantity: 125, stopPrice: 54 });
    expect(d.explanation).toMatchObject({ stop: { source: "strategy", distance: 4 }, riskAmount: 500 });
  });

  it("scales risk down in a drawdown: 10% below the peak gives 0.625 x 1%", () => {
    const d = manager().evaluate(riskSignal("A", "long"), flat({ peakEquity: 100_000 / 0.9 }));
    expect(d.explanation).toMatchObject({ drawdown: { scale: 0.625 } });
    expect(d.quantity).toBe(Math.floor((100_000 * 0.00625) / 3));
  });

  it("sizes with Kelly after 30 trades: W 0.5, R 2 is half Kelly 12.5%, capped at 2% and by the per-position cap", () => {
    const d = manager().evaluate(riskSignal("A", "long"), flat({ trades: roundTrips(20, 200, 20, 100) }));
    expect(d.explanation).toMatchObject({ base: { riskFraction: 0.02, kelly: { method: "kelly", rawKelly: 0.25 } } });
    expect(d.quantity).toBe(666);
    const big = manager({ kelly: { maxRiskFraction: 0.05 }, maxPositionRisk: 0.03, maxDailyRisk: 0.05 }).evaluate(riskSignal("A", "long"), flat({ trades: roundTrips(20, 200, 20, 100) }));
    expect(big).toMatchObject({ quantity: 1000, explanation: { decision: "resized", bindingCap: "per-position-risk", rule: "per-position-risk" } });
  });

  it.each([
    ["HALTED_DRAWDOWN", "drawdown", {}, flat({ peakEquity: 150_000 }), riskSignal("A", "long")],
    ["NO_STOP_DISTANCE", "stop", {}, flat(), riskSignal("C", "long")],
    ["STOP_WRONG_SIDE", "stop", {}, flat(), riskSignal("A", "long", { stopPrice: 51 })],
    ["NEGATIVE_EDGE", "base-risk", { kelly: { onNonPositiveEdge: "deny" } }, flat({ trades: roundTrips(10, 100, 30, 100) }), riskSignal("A", "long")],
    ["ZERO_QUANTITY", "whole-units", {}, flat(), riskSignal("A", "long", { strength: 0.001 })],
    ["HEAT_LIMIT", "heat", { maxHeat: 0.02, maxPositionRisk: 0.02 }, fakeRiskView({ symbols: { A: { price: 50 }, B: { price: 20, quantity: 1000, stopPrice: 17 } } }), riskSignal("A", "long")],
    ["MAX_POSITIONS", "max-positions", { maxPositions: 1 }, fakeRiskView({ symbols: { A: { price: 50 }, B: { price: 20, quantity: 10, stopPrice: 19 } } }), riskSignal("A", "long")],
    ["INSUFFICIENT_CASH", "cash", {}, fakeRiskView({ cash: 10, symbols: { A: { price: 50 }, B: { price: 20, quantity: 5000, stopPrice: 19.9 } } }), riskSignal("A", "long")],
    ["NO_PRICE", "price", {}, fakeRiskView({ symbols: { A: {} } }), riskSignal("A", "long")],
    ["NO_EQUITY", "equity", {}, fakeRiskView({ cash: -1, symbols: { A: { price: 50 } } }), riskSignal("A", "long")],
  ] as const)("denies with %s (rule %s), with the numbers and a JSON-safe record", (code, rule, options, view, signal) => {
    const m = manager(options as PortfolioRiskManagerOptions, { A: 1.5, B: 2 });
    const d = m.evaluate(signal, view);
    expect(d).toMatchObject({ allowed: false, code, quantity: 0, stopPrice: undefined });
    expect(d.message).toMatch(new RegExp(`^long signal for ${signal.symbol} denied: `));
    expect(m.explain(signal)).toMatchObject({ decision: "denied", rule, code });
    expect(m.canTrade(signal, view).allowed).toBe(false);
    expect(m.computeQuantity(signal, view)).toBe(0);
    expect(roundTrip(m.explain(signal))).toEqual(m.explain(signal));
    expect(Object.keys(d.details).length).toBeGreaterThan(0);
  });

  it("always allows exits, even when new risk is halted, and says so", () => {
    const m = manager();
    const view = fakeRiskView({ peakEquity: 1e6, symbols: { A: { price: 50, quantity: 30, stopPrice: 40 } } });
    expect(m.canTrade(riskSignal("A", "exit"), view)).toMatchObject({ allowed: true, code: "OK", message: expect.stringMatching(/exits are always allowed/) });
    expect(m.decisions()[0]).toMatchObject({ direction: "exit", quantity: 30, rule: "exit", decision: "approved" });
  });

  it("spends the daily budget of the symbol's zone: two 1% entries a day, the third waits for the next New York day", () => {
    const m = manager({}, { A: 1.5, B: 2, C: 1 });
    const at = (ts: number, symbol: string) => m.evaluate(riskSignal(symbol, "long", { ts }), flat({ now: ts }));
    expect(at(NOW, "A").allowed).toBe(true);
    expect(at(NOW, "B").allowed).toBe(true);
    const third = at(NOW, "C");
    expect(third).toMatchObject({ allowed: false, code: "DAILY_BUDGET" });
    expect(third.explanation).toMatchObject({ daily: { usedBefore: (999 + 1000) / 100_000 } });
    expect(at(Date.UTC(2024, 2, 2, 4), "C").allowed).toBe(false); // 23:00 on March 1 in New York
    expect(at(Date.UTC(2024, 2, 2, 6), "C").allowed).toBe(true); // 01:00 on March 2
  });

  it("is one code path: canTrade, computeQuantity and evaluate read one recorded decision, which explain returns", () => {
    const m = manager();
    const signal = riskSignal("A", "long");
    const check = m.canTrade(signal, flat());
    const quantity = m.computeQuantity(signal, flat({ cash: 1 })); // a changed view does not change a decided signal
    const decision = m.evaluate(signal, flat());
    expect(check).toBe(decision);
    expect(quantity).toBe(decision.quantity);
    expect(m.explain(signal)).toBe(decision.explanation);
    expect(m.decisions()).toHaveLength(1);
  });

  it("evaluates fresh without recording when explain gets a view, and refuses an undecided signal without one", () => {
    const m = manager();
    const signal = riskSignal("A", "long");
    expect(() => m.explain(signal)).toThrow(/invalid signal: long A .*pass a view to evaluate it fresh/);
    expect(m.explain(signal, flat()).quantity).toBe(333);
    expect(m.explain(signal, flat()).quantity).toBe(333);
    expect(m.decisions()).toHaveLength(0);
    expect(m.explain(signal, flat()).daily).toMatchObject({ usedBefore: 0 });
  });

  it("treats a reversal as a new position: its own risk leaves the heat and cash buys back the short first", () => {
    const m = manager();
    const view = fakeRiskView({ cash: 100_000, peakEquity: 5000, symbols: { A: { price: 50, quantity: -1900, stopPrice: 53 } } });
    const d = m.evaluate(riskSignal("A", "long"), view);
    expect(d.explanation).toMatchObject({ held: -1900, heat: { before: 5700 / 5000, otherRiskAmount: 0 } });
    // Equity 5,000: 1% is 50, 16 units at distance 3; the cash left after buying back 1,900 at 50 is 5,000 (100 units).
    expect(d).toMatchObject({ allowed: true, quantity: 16 });
    expect(d.explanation.caps.find((c) => c.rule === "cash")).toMatchObject({ limit: 5000, maxQuantity: 100 });
  });

  it("logs every decision as a JSON-safe record and an Arrow table, and forgets them on reset", () => {
    const m = manager();
    m.evaluate(riskSignal("A", "long"), flat());
    m.evaluate(riskSignal("C", "long"), flat());
    m.canTrade(riskSignal("B", "exit"), flat());
    const table = m.decisionTable();
    expect(table.numRows).toBe(3);
    expect(table.getChild("code")!.toArray()).toEqual(["OK", "NO_STOP_DISTANCE", "OK"]);
    expect(table.getChild("allowed")!.toArray()).toEqual([true, false, true]);
    expect(table.getChild("quantity")!.toArray()).toEqual(new Float64Array([333, 0, 0]));
    expect(table.getChild("stopSource")!.toArray()).toEqual(["atr-proxy", null, null]);
    expect(table.getChild("heatAfter")!.get(2)).toBeNull();
    expect(roundTrip(m.decisions())).toEqual(m.decisions());
    m.reset();
    expect(m.decisions()).toEqual([]);
    expect(m.evaluate(riskSignal("A", "long"), flat()).explanation).toMatchObject({ daily: { usedBefore: 0 } });
  });

  it("works with a plain PortfolioView (no stops, no trades; the peak is the highest equity seen)", () => {
    const p = new Portfolio({ initialCash: 100_000, symbols: ["A"] });
    p.mark(0, 50);
    const m = manager();
    const d = m.evaluate(riskSignal("A", "long"), portfolioView(p));
    expect(d).toMatchObject({ allowed: true, quantity: 333, stopPrice: 47 });
    expect(d.explanation).toMatchObject({ drawdown: { peakEquity: 100_000 } });
  });

  it("names its configuration", () => {
    expect(new PortfolioRiskManager().name).toBe("Kelly x0.5 (base 1%, cap 2%), drawdown halt 30%, heat 6%");
  });

  it.each([
    [{ sizing: "martingale" }, /invalid sizing/],
    [{ riskFraction: 0 }, /invalid riskFraction/],
    [{ riskFraction: 0.05 }, /invalid riskFraction: 0.05 .*kelly.maxRiskFraction/],
    [{ maxPositions: 0 }, /invalid maxPositions/],
    [{ stopMult: -1 }, /invalid stopMult/],
    [{ drawdown: { haltAt: 0.1 } }, /invalid haltAt/],
    [{ maxDailyRisk: 2 }, /invalid maxDailyRisk/],
  ])("rejects options %o", (options, message) => {
    expect(() => new PortfolioRiskManager(options as PortfolioRiskManagerOptions)).toThrow(message);
  });
});
