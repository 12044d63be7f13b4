import { describe, expect, it, vi } from "vitest";
import { DataHandler } from "../../src/data/data-handler.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { EngineEvent } from "../../src/engine/events.js";
import { PortfolioRiskManager } from "../../src/risk/portfolio-risk-manager.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import { correlatedBars } from "../../src/synthetic/correlated-bars.js";

// A real engine run: an SMA cross (5/20) on three correlated daily symbols, sized by PortfolioRiskManager
// with tight limits so that heat and the daily budget deny some entries. The context is attached by hand
// as well, so the run has ATR stops whether or not the engine attaches it itself.

function run() {
  const { tables } = correlatedBars({ n: 400, seed: 3 });
  const handlers = tables.map((t) => DataHandler.fromTable(t));
  const strategy = new SmaCrossStrategy({ fast: 5, slow: 20 });
  const riskManager = new PortfolioRiskManager({ maxHeat: 0.02, maxDailyRisk: 0.015, kelly: { minTrades: 10 } });
  const evaluate = vi.spyOn(riskManager, "evaluate");
  const symbols = handlers.map((h) => h.info.symbol);
  const timeZones = Object.fromEntries(handlers.map((h) => [h.info.symbol, h.info.timeZone]));
  riskManager.attach({ symbols, timeZones, currentAtr: (s) => strategy.currentAtr(s) });
  const engine = new BacktestEngine({ handlers, strategy, riskManager });
  const events: EngineEvent[] = [];
  while (!engine.snapshot().done) events.push(...engine.step().events);
  return { riskManager, events, engineCallsEvaluate: evaluate.mock.calls.length > 0 };
}

const key = (ts: number, symbol: string) => `${ts}|${symbol}`;
const RISK_CODES = new Set(["HALTED_DRAWDOWN", "HEAT_LIMIT", "DAILY_BUDGET", "MAX_POSITIONS", "NO_STOP_DISTANCE", "STOP_WRONG_SIDE", "STOP_TOO_CLOSE", "NEGATIVE_EDGE", "ZERO_QUANTITY", "POSITION_RISK_LIMIT", "INSUFFICIENT_CASH", "NO_EQUITY", "NO_PRICE"]);

describe("PortfolioRiskManager in a BacktestEngine run", () => {
  const { riskManager, events, engineCallsEvaluate } = run();
  const decisions = riskManager.decisions();
  const byKey = new Map(decisions.map((d) => [key(d.ts, d.symbol), d]));

  it("decides every signal that reaches risk, and the engine orders exactly the decided quantity", () => {
    const entries = events.filter((e) => e.type === "order" && e.direction !== "exit");
    expect(entries.length).toBeGreaterThan(5);
    for (const order of entries) {
      if (order.type !== "order") continue;
      const d = byKey.get(key(order.ts, order.symbol));
      expect(d, `decision for order ${order.id}`).toMatchObject({ allowed: true, quantity: order.quantity, direction: order.direction });
    }
    // Exit orders from signals (stop orders, made when a bar reaches a position's stop, are no signal's).
    const exits = events.filter((e) => e.type === "order" && e.direction === "exit" && e.orderType === "market");
    for (const order of exits) expect(byKey.get(key(order.ts, order.symbol))).toMatchObject({ allowed: true, rule: "exit" });
  });

  it("turns each refusal into a denied event with its code and message, and records it", () => {
    const denials = events.filter((e) => e.type === "denied" && RISK_CODES.has(e.code) && e.orderId === undefined);
    const refused = decisions.filter((d) => !d.allowed);
    expect(refused.length).toBeGreaterThan(0);
    expect(denials.length).toBe(refused.length);
    for (const e of denials) {
      if (e.type !== "denied") continue;
      expect(byKey.get(key(e.ts, e.symbol))).toMatchObject({ allowed: false, code: e.code, message: e.message });
    }
  });

  it("keeps heat, per-position risk and the daily budget within their limits at every approved entry", () => {
    for (const d of decisions) {
      if (!d.allowed || d.direction === "exit") continue;
      expect(d.heat!.after).toBeLessThanOrEqual(d.heat!.max * (1 + 1e-12));
      expect(d.heat!.positionRisk).toBeLessThanOrEqual(d.heat!.maxPositionRisk * (1 + 1e-12));
      expect(d.daily!.usedAfter).toBeLessThanOrEqual(d.daily!.limit * (1 + 1e-12));
      expect(d.stop!.source).toBe("atr-proxy");
    }
  });

  it("logs a JSON-safe record and one table row per decision", () => {
    expect(JSON.parse(JSON.stringify(decisions))).toEqual(decisions);
    expect(riskManager.decisionTable().numRows).toBe(decisions.length);
  });

  it("puts the decision's stop on each entry order (engine with evaluate())", () => {
    expect(engineCallsEvaluate).toBe(true);
    for (const order of events) {
      if (order.type !== "order" || order.direction === "exit") continue;
      expect(order.stopPrice).toBe(byKey.get(key(order.ts, order.symbol))!.stopPrice);
    }
  });
});
