import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unitsWithin } from "../../src/risk/apply-caps.js";
import { scaleAt } from "../../src/risk/drawdown-scale-factor.js";
import { PortfolioHeatMonitor } from "../../src/risk/portfolio-heat-monitor.js";
import { PortfolioRiskManager } from "../../src/risk/portfolio-risk-manager.js";
import type { RiskView } from "../../src/risk/risk-context.js";
import type { RiskExplanation } from "../../src/risk/risk-explanation.js";
import type { PortfolioRiskManagerOptions } from "../../src/risk/risk-parts.js";
import { fakeContext, fakeRiskView, riskSignal, roundTrips, type FakeHolding } from "../fixtures/fake-risk-view.js";

// Issue 5 invariants on random portfolios (positions long and short, with and without stops, orders
// waiting to fill), random limits, trade histories and signals: whole non-negative quantities, no size
// without permission, the per-position and heat caps hold for every approved entry, and every decision
// can be recomputed from its own record.

const SYMBOLS = ["A", "B", "C", "D"];
const price = fc.double({ min: 1, max: 500, noNaN: true });
const holding: fc.Arbitrary<FakeHolding> = fc.record({
  price,
  quantity: fc.oneof(fc.constant(0), fc.integer({ min: -60, max: 60 })),
  stopOffset: fc.option(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { nil: undefined }),
  pending: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -60, max: 60 }) }),
  pendingStopOffset: fc.option(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { nil: undefined }),
}).map((h) => ({
  price: h.price, quantity: h.quantity, pending: h.pending,
  stopPrice: h.stopOffset === undefined ? undefined : h.price * (1 - h.stopOffset),
  pendingStopPrice: h.pendingStopOffset === undefined ? undefined : h.price * (1 - h.pendingStopOffset),
}));

const scenario = fc.record({
  holdings: fc.tuple(holding, holding, holding, holding),
  cash: fc.oneof({ weight: 9, arbitrary: fc.double({ min: 20_000, max: 500_000, noNaN: true }) }, { weight: 1, arbitrary: fc.double({ min: -5_000, max: 20_000, noNaN: true }) }),
  peakExtra: fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 0.2, noNaN: true }) }, { weight: 1, arbitrary: fc.double({ min: 0, max: 0.8, noNaN: true }) }),
  trades: fc.tuple(fc.nat(40), fc.double({ min: 1, max: 500, noNaN: true }), fc.nat(40), fc.double({ min: 1, max: 500, noNaN: true })),
  atr: fc.tuple(fc.option(fc.double({ min: 0.01, max: 20, noNaN: true }), { nil: undefined }), fc.option(fc.double({ min: 0.01, max: 20, noNaN: true }), { nil: undefined })),
  options: fc.record({
    sizing: fc.constantFrom("kelly" as const, "fixed-fractional" as const),
    riskFraction: fc.double({ min: 0.001, max: 0.02, noNaN: true }),
    kelly: fc.record({ minTrades: fc.integer({ min: 1, max: 40 }), onNonPositiveEdge: fc.constantFrom("floor" as const, "deny" as const) }),
    maxHeat: fc.double({ min: 0.003, max: 0.1, noNaN: true }),
    positionShare: fc.double({ min: 0.05, max: 1, noNaN: true }),
    maxDailyRisk: fc.double({ min: 0.001, max: 0.1, noNaN: true }),
    maxPositions: fc.integer({ min: 1, max: 8 }),
    stopMult: fc.double({ min: 0.5, max: 4, noNaN: true }),
    noStopRiskFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  signal: fc.record({
    symbol: fc.constantFrom(...SYMBOLS),
    direction: fc.constantFrom("long" as const, "short" as const, "exit" as const),
    strength: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    stopOffset: fc.option(fc.oneof({ weight: 6, arbitrary: fc.double({ min: 0.001, max: 0.3, noNaN: true }) }, { weight: 1, arbitrary: fc.double({ min: -0.2, max: 0.001, noNaN: true }) }), { nil: undefined }),
  }),
  priorSignals: fc.nat(3),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario) {
  const symbols: Record<string, FakeHolding> = {};
  SYMBOLS.forEach((k, i) => (symbols[k] = s.holdings[i]!));
  const base = fakeRiskView({ cash: s.cash, symbols });
  const view = fakeRiskView({ cash: s.cash, symbols, peakEquity: Math.max(base.equity, 0) * (1 + s.peakExtra), trades: roundTrips(s.trades[0], s.trades[1], s.trades[2], s.trades[3]) });
  const { positionShare, ...rest } = s.options;
  const options: PortfolioRiskManagerOptions = { ...rest, maxPositionRisk: s.options.maxHeat * positionShare, kelly: { ...rest.kelly, maxRiskFraction: 0.02 } };
  const m = new PortfolioRiskManager(options);
  m.attach(fakeContext({ A: s.atr[0]!, B: s.atr[1]!, C: 1, D: 2 }, { A: "America/New_York", B: "Europe/London", C: "Asia/Tokyo", D: "America/New_York" }));
  const sig = s.signal;
  const p = symbols[sig.symbol]!.price!;
  const stopPrice = sig.stopOffset === undefined ? undefined : sig.direction === "long" ? p * (1 - sig.stopOffset) : p * (1 + sig.stopOffset);
  return { view, m, signal: riskSignal(sig.symbol, sig.direction, { strength: sig.strength, stopPrice }), heat: new PortfolioHeatMonitor({ maxHeat: options.maxHeat, maxPositionRisk: options.maxPositionRisk, noStopRiskFraction: options.noStopRiskFraction }) };
}

/** Spends some of the daily budget first, with other signals on the same view. */
function warmUp(m: PortfolioRiskManager, view: RiskView, n: number): void {
  for (let i = 0; i < n; i++) m.evaluate(riskSignal(SYMBOLS[i]!, "long", { strength: 0.5 }), view);
}

/** Recomputes a decision's quantity from the numbers in its record alone. */
function replay(e: RiskExplanation): number {
  if (e.rawQuantity === null) return 0;
  const k = e.base!.kelly;
  const base = k === null ? e.base!.riskFraction
    : k.method === "base" ? k.baseRiskFraction : k.method === "floor" ? k.floor : k.method === "deny" ? 0 : Math.min(k.cap, Math.max(k.floor, k.fraction * k.rawKelly!));
  expect(base).toBe(e.base!.riskFraction);
  const d = e.drawdown!;
  expect(d.drawdown).toBe(d.peakEquity > 0 ? (d.peakEquity - d.equity) / d.peakEquity : 0);
  const scale = d.enabled ? scaleAt(d.drawdown, { floor: d.floor!, floorAt: d.floorAt!, haltAt: d.haltAt! }) : 1;
  expect(scale).toBe(d.scale);
  const riskFraction = base * scale * e.strength;
  const riskAmount = e.equity * riskFraction;
  const raw = riskAmount / e.stop!.distance;
  expect([riskFraction, riskAmount, raw]).toEqual([e.riskFraction, e.riskAmount, e.rawQuantity]);
  const sign = e.direction === "long" ? 1 : -1;
  expect(e.stop!.source === "strategy" ? e.signalStopPrice : e.price! - sign * e.stop!.distance).toBe(e.stop!.stopPrice);
  let q = raw;
  for (const c of e.caps) {
    let max: number | null;
    if (c.rule === "per-position-risk") max = unitsWithin(c.limit! * e.equity, e.stop!.distance);
    else if (c.rule === "heat") max = unitsWithin(Math.max(0, c.limit! * e.equity - e.heat!.otherRiskAmount), e.stop!.distance);
    else if (c.rule === "daily-budget") max = unitsWithin(Math.max(0, (c.limit! - c.usedBefore!) * e.equity), e.stop!.distance);
    else if (c.rule === "cash") max = unitsWithin(Math.max(0, c.limit!), e.price!);
    else if (c.rule === "max-positions") max = c.usedBefore! >= c.limit! ? 0 : null;
    else max = Math.floor(q);
    expect(max).toBe(c.maxQuantity);
    expect(c.quantityBefore).toBe(q);
    q = max === null ? q : Math.min(q, max);
    expect(c.quantityAfter).toBe(q);
  }
  return q;
}

describe("PortfolioRiskManager invariants (properties)", () => {
  it("sizes whole units >= 0, nothing without permission, within the per-position and heat caps, reproducibly and JSON-safely", () => {
    let approved = 0, denied = 0;
    const codes: Record<string, number> = {};
    fc.assert(fc.property(scenario, (s) => {
      const { view, m, signal, heat } = build(s);
      warmUp(m, view, s.priorSignals);
      const check = m.canTrade(signal, view);
      const quantity = m.computeQuantity(signal, view);
      const d = m.evaluate(signal, view);
      const e = m.explain(signal);
      expect(Number.isInteger(d.quantity) && d.quantity >= 0).toBe(true);
      expect(Number.isInteger(quantity) && quantity >= 0).toBe(true);
      expect(check.allowed).toBe(d.allowed);
      expect(JSON.parse(JSON.stringify(e))).toEqual(e);
      for (const key of [d.code, e.bindingCap ?? ""]) codes[key] = (codes[key] ?? 0) + 1;
      if (!check.allowed) {
        denied++;
        expect([quantity, d.quantity, e.quantity]).toEqual([0, 0, 0]);
        expect(d.code).toMatch(/^[A-Z_]+$/);
        expect(d.stopPrice).toBeUndefined();
        return;
      }
      if (signal.direction === "exit") return;
      approved++;
      expect(quantity).toBe(d.quantity);
      expect(d.quantity).toBeGreaterThanOrEqual(1);
      const distance = e.stop!.distance;
      const risk = d.quantity * distance;
      expect(risk).toBeLessThanOrEqual(m.parts.heat.maxPositionRisk * view.equity);
      expect(heat.heatAfter(view, signal.symbol, risk)!).toBeLessThanOrEqual(m.parts.heat.maxHeat * (1 + 1e-12));
      expect(e.daily!.usedAfter).toBeLessThanOrEqual(e.daily!.limit * (1 + 1e-12));
      expect(d.quantity * view.lastPrice(signal.symbol)!).toBeLessThanOrEqual(view.cash);
      expect(replay(e)).toBe(d.quantity);
    }), { numRuns: 600 });
    expect(approved).toBeGreaterThan(50);
    expect(denied).toBeGreaterThan(50);
    // Each cap decided some cases, so the invariants above were tested where they bite.
    for (const key of ["heat", "HEAT_LIMIT", "per-position-risk", "daily-budget", "DAILY_BUDGET", "cash", "MAX_POSITIONS", "ZERO_QUANTITY", "STOP_WRONG_SIDE", "NEGATIVE_EDGE", "HALTED_DRAWDOWN"]) {
      expect(codes[key] ?? 0, key).toBeGreaterThan(0);
    }
  });

  it("reproduces every denial's sizing chain from its record too", () => {
    fc.assert(fc.property(scenario, (s) => {
      const { view, m, signal } = build(s);
      const e = m.explain(signal, view);
      if (e.direction !== "exit" && e.rawQuantity !== null) expect(replay(e)).toBe(e.quantity);
    }), { numRuns: 300 });
  });
});
