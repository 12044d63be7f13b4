import { describe, expect, it, vi } from "vitest";
import { DataHandler } from "../../src/data/data-handler.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { EngineEvent, MarketEvent, SignalEvent } from "../../src/engine/events.js";
import type { PortfolioView } from "../../src/portfolio/portfolio-view.js";
import { PortfolioRiskManager } from "../../src/risk/portfolio-risk-manager.js";
import type { RiskContext, RiskView } from "../../src/risk/risk-context.js";
import { ALLOWED, type RiskDecision, type RiskManager } from "../../src/risk/risk-manager.js";
import { createSignal } from "../../src/strategy/create-signal.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import type { Strategy } from "../../src/strategy/strategy.js";
import { correlatedBars } from "../../src/synthetic/correlated-bars.js";
import { handHandler, type HandBar } from "../fixtures/hand-bars.js";
import { scriptedStrategy } from "../fixtures/scripted-strategy.js";

// How the engine wires a risk manager in: attach, the RiskView, the evaluate path, cuts at the fill and
// the per-step observation.

const tableRows = (t: { toArray(): { toJSON(): unknown }[] }) => t.toArray().map((r) => r.toJSON());
const BARS: HandBar[] = [[0, 100, 101, 99, 100], [1, 100, 106, 99, 105], [2, 105, 111, 104, 110], [3, 110, 111, 96, 97], [4, 97, 99, 96, 98], [5, 98, 99, 97, 98]];

/** A risk manager that allows everything, sizes 10 units and records what it was shown. */
function recorder(): RiskManager & { contexts: RiskContext[]; seen: Record<string, unknown>[] } {
  const contexts: RiskContext[] = [], seen: Record<string, unknown>[] = [];
  return {
    name: "recorder", contexts, seen,
    attach: (c) => contexts.push(c),
    canTrade(signal: SignalEvent, view: PortfolioView) {
      const v = view as RiskView;
      seen.push({ ts: signal.ts, now: v.now, peak: v.peakEquity, trades: v.closedTrades().length, stop: v.stopPrice(signal.symbol), equity: v.equity });
      return ALLOWED;
    },
    computeQuantity: () => 10,
  };
}

describe("the engine's risk wiring", () => {
  it("attaches the risk manager to the run's symbols, time zones and the strategy's ATR before the first bar and after reset()", () => {
    const risk = recorder();
    const strategy = Object.assign(scriptedStrategy({}), { currentAtr: (s: string) => (s === "A" ? 1.5 : undefined) });
    const engine = new BacktestEngine({ handlers: [handHandler("A", BARS), handHandler("B", BARS)], strategy, riskManager: risk });
    expect(risk.contexts).toHaveLength(1);
    const context = risk.contexts[0]!;
    expect(context.symbols).toEqual(["A", "B"]);
    expect(context.timeZones).toEqual({ A: "America/New_York", B: "America/New_York" });
    expect([context.currentAtr("A"), context.currentAtr("B")]).toEqual([1.5, undefined]);
    engine.run();
    engine.reset();
    expect(risk.contexts).toHaveLength(2);
  });

  it("shows risk a RiskView: the step's time, the peak of equity at earlier step ends, the closed trades and the position's stop", () => {
    const risk = recorder();
    const script = { 0: { direction: "long" as const, options: { stopPrice: 90 } }, 2: "exit" as const, 3: { direction: "long" as const, options: { stopPrice: 95 } }, 4: "exit" as const };
    const engine = new BacktestEngine({ handlers: [handHandler("A", BARS)], strategy: scriptedStrategy({ A: script }), riskManager: risk });
    const result = engine.run();
    const equity = Array.from(result.equity.getChild("equity")!.toArray() as Float64Array);
    const ts = Array.from(result.equity.getChild("ts")!.toArray() as Float64Array);
    expect(risk.seen.map((x) => x.now)).toEqual(risk.seen.map((x) => x.ts));
    for (const x of risk.seen) {
      const k = ts.indexOf(x.ts as number);
      expect(x.peak).toBe(Math.max(100_000, ...equity.slice(0, k)));
    }
    expect(risk.seen.map((x) => x.trades)).toEqual([0, 0, 1, 1]);
    expect(risk.seen.map((x) => x.stop)).toEqual([undefined, 90, undefined, 95]);
    expect(engine.portfolioView.peakEquity).toBe(Math.max(100_000, ...equity));
  });

  it("decides entries with evaluate() when the risk manager has it: a refusal is a denial with its code, an approval an order of its quantity and stop", () => {
    const decide = (signal: SignalEvent): RiskDecision => signal.symbol === "B"
      ? { allowed: false, code: "TOO_RISKY", message: "no B", details: { limit: 1 }, quantity: 0, stopPrice: undefined }
      : { allowed: true, code: "OK", message: "ok", details: {}, quantity: 7.9, stopPrice: signal.strength === 1 ? 91 : undefined };
    const risk = { name: "evaluating", canTrade: vi.fn(() => ALLOWED), computeQuantity: vi.fn(() => 100), evaluate: vi.fn(decide) };
    const strategy = scriptedStrategy({
      A: { 0: { direction: "long", options: { stopPrice: 80 } }, 1: "exit", 2: { direction: "long", options: { stopPrice: 80, strength: 0.5 } } },
      B: { 0: "long" },
    });
    const engine = new BacktestEngine({ handlers: [handHandler("A", BARS), handHandler("B", BARS)], strategy, riskManager: risk });
    const events = engine.stepUntil({ steps: 3 }).events;
    const decisions = events.filter((e) => e.type === "order" || (e.type === "denied" && e.orderId === undefined));
    expect(decisions).toEqual([
      expect.objectContaining({ type: "order", symbol: "A", quantity: 7, stopPrice: 91, direction: "long" }),
      expect.objectContaining({ type: "denied", symbol: "B", code: "TOO_RISKY", message: "no B", details: { limit: 1 } }),
      expect.objectContaining({ type: "order", symbol: "A", quantity: 7, direction: "exit" }),
      expect.objectContaining({ type: "order", symbol: "A", quantity: 7, stopPrice: 80, direction: "long" }),
    ]);
    expect(risk.evaluate).toHaveBeenCalledTimes(3);
    expect(risk.canTrade).toHaveBeenCalledTimes(1); // the exit
    expect(risk.computeQuantity).not.toHaveBeenCalled();
  });

  it("gives the same run through evaluate() as through canTrade/computeQuantity for a manager implementing both (stops from the strategy)", () => {
    const { tables } = correlatedBars({ n: 300, seed: 11 });
    const stopping = (): Strategy => {
      const inner = new SmaCrossStrategy({ fast: 5, slow: 20 });
      return {
        name: "sma with stops", reset: () => inner.reset(), currentAtr: (s) => inner.currentAtr(s),
        calculateSignals(event: MarketEvent) {
          const out = inner.calculateSignals(event);
          if (out === undefined || Array.isArray(out)) return out;
          const signal = out as SignalEvent;
          return signal.direction === "long" ? createSignal(event, "long", signal.reason, { stopPrice: event.bar.close * 0.97 }) : signal;
        },
      };
    };
    const options = { maxHeat: 0.03, maxDailyRisk: 0.015, kelly: { minTrades: 5 } };
    const direct = new PortfolioRiskManager(options);
    const twin = new PortfolioRiskManager(options);
    const viaCanTrade: RiskManager = {
      name: "without evaluate", canTrade: (s, v) => twin.canTrade(s, v), computeQuantity: (s, v) => twin.computeQuantity(s, v),
      attach: (c) => twin.attach(c), reset: () => twin.reset(), maxFillQuantity: (o, f, m, v) => twin.maxFillQuantity(o, f, m, v),
    };
    const run = (riskManager: RiskManager) => new BacktestEngine({ handlers: tables.map((t) => DataHandler.fromTable(t)), strategy: stopping(), riskManager }).run();
    const a = run(direct), b = run(viaCanTrade);
    expect(tableRows(a.journal)).toEqual(tableRows(b.journal));
    expect(a.tradeList).toEqual(b.tradeList);
    expect(a.tradeList.some((t) => t.exitReason === "stop")).toBe(true);
    expect(direct.decisions()).toEqual(twin.decisions());
  });

  it("cuts an entry fill to what maxFillQuantity allows after a gap, and denies it with RISK_LIMIT_AT_FILL when that is nothing", () => {
    const risk = () => new PortfolioRiskManager({ sizing: "fixed-fractional", riskFraction: 0.02, maxHeat: 0.02, maxDailyRisk: 0.05 });
    const long = { 0: { direction: "long" as const, options: { stopPrice: 95 } } };
    const gap = (open: number): HandBar[] => [[0, 100, 101, 99, 100], [1, open, open + 1, open - 1, open]];
    const cut = new BacktestEngine({ handlers: [handHandler("A", gap(110))], strategy: scriptedStrategy({ A: long }), riskManager: risk() }).run();
    // Decided at 100 with the stop 5 away: 2% of 100,000 = 2,000 / 5 = 400 units; filled at 110, 15 away: 2,000 / 15 -> 133.
    const fill = cut.journal.toArray().find((r) => r.type === "fill")!;
    expect([fill.quantity, fill.requestedQuantity]).toEqual([133, 400]);
    expect(cut.summary.warnings).toEqual([expect.stringMatching(/^RISK_LIMIT_AT_FILL/)]);
    const denied = new BacktestEngine({ handlers: [handHandler("A", gap(5000))], strategy: scriptedStrategy({ A: long }), riskManager: risk() }).run();
    expect(denied.journal.toArray().filter((r) => r.type === "denied").map((r) => [r.code, r.orderId])).toEqual([["RISK_LIMIT_AT_FILL", 1]]);
    expect(denied.openPositions).toEqual([]);
  });

  it("calls observe at the end of every step, and PortfolioRiskManager records its risk table from it", () => {
    const { tables } = correlatedBars({ n: 200, seed: 5 });
    const strategy = new SmaCrossStrategy({ fast: 5, slow: 20 });
    const riskManager = new PortfolioRiskManager({ maxHeat: 0.03, maxDailyRisk: 0.01 });
    const observe = vi.spyOn(riskManager, "observe");
    const engine = new BacktestEngine({ handlers: tables.map((t) => DataHandler.fromTable(t)), strategy, riskManager });
    const events: EngineEvent[] = [];
    while (!engine.done) events.push(...engine.step().events);
    const result = engine.results();
    const table = riskManager.riskTable();
    expect(observe).toHaveBeenCalledTimes(result.summary.steps);
    expect(table.schema.fields.map((f) => f.name)).toEqual(["ts", "equity", "peakEquity", "drawdown", "scale", "heat", "maxHeat", "dailyRiskUsed", "dailyRiskLimit", "zone", "day"]);
    const rows = tableRows(table) as Record<string, number | string>[];
    const equity = tableRows(result.equity) as { ts: number; equity: number }[];
    expect(rows.map((r) => [r.ts, r.equity])).toEqual(equity.map((r) => [r.ts, r.equity]));
    let peak = 100_000;
    for (const r of rows) {
      peak = Math.max(peak, r.equity as number);
      expect(r.peakEquity).toBe(peak);
      expect(r.drawdown).toBe((peak - (r.equity as number)) / peak);
      expect(r).toMatchObject({ maxHeat: 0.03, dailyRiskLimit: 0.01, zone: "America/New_York" });
      expect(r.dailyRiskUsed as number).toBeLessThanOrEqual(0.01 * (1 + 1e-12));
      expect(r.day).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
    expect(rows.some((r) => (r.heat as number) > 0)).toBe(true);
    expect(rows.some((r) => (r.dailyRiskUsed as number) > 0)).toBe(true);
    riskManager.reset();
    expect(riskManager.riskTable().numRows).toBe(0);
  });
});
