import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { OrderEvent } from "../../src/engine/events.js";
import { PortfolioHeatMonitor } from "../../src/risk/portfolio-heat-monitor.js";
import type { PortfolioRiskManager } from "../../src/risk/portfolio-risk-manager.js";
import { calendarScenario, portfolioRisk, scenarioOptions } from "../fixtures/calendar-scenario.js";

// Issue 5's invariants through the real engine: PortfolioRiskManager on random multi-symbol bars (gaps
// included, fills at the open or the close, shorts, costs). Heat is measured from the last price to the
// stop, so it also moves with prices between fills; what a fill can be held to is that it never takes
// heat or its own position's risk over the limits when it opens new units (maxFillQuantity cuts it).

// Narrower ATR stops than the fixture's, so that more of them are hit within a scenario's few bars.
const tightStops = portfolioRisk.map((r) => (r.kind === "portfolio" ? { ...r, atr: r.atr / 4 } : r));

describe("PortfolioRiskManager in the engine (properties)", () => {
  it("keeps heat and the new position's risk within their limits after every entry fill, orders only what risk approved, in whole units", () => {
    let entryFills = 0, cutFills = 0, stopFills = 0, denials = 0, riskCutRuns = 0;
    fc.assert(
      fc.property(calendarScenario({ risk: tightStops, initialCash: fc.integer({ min: 20_000, max: 200_000 }) }), (s) => {
        const options = scenarioOptions(s);
        const risk = options.riskManager as PortfolioRiskManager;
        const limits = risk.parts.heat;
        const monitor = new PortfolioHeatMonitor({ maxHeat: limits.maxHeat, maxPositionRisk: limits.maxPositionRisk, noStopRiskFraction: limits.noStopRiskFraction });
        const engine = new BacktestEngine(options);
        const orders = new Map<number, OrderEvent>();
        engine.stepUntil((event, e) => {
          if (event.type === "order") {
            orders.set(event.id, event);
            expect(Number.isInteger(event.quantity) && event.quantity > 0).toBe(true);
          }
          if (event.type === "denied" && event.orderId === undefined) denials++;
          if (event.type !== "fill") return false;
          expect(Number.isInteger(event.quantity) && event.quantity >= 0).toBe(true);
          const order = orders.get(event.orderId)!;
          if (order.orderType === "stop") stopFills++;
          if (event.quantity < event.requestedQuantity) cutFills++;
          const view = e.portfolioView;
          const q = view.quantity(event.symbol);
          if (order.direction === "exit" || q === 0 || (q > 0) !== (order.side === "buy")) return false;
          entryFills++;
          const heat = monitor.heat(view);
          expect(heat.heat!).toBeLessThanOrEqual(limits.maxHeat * (1 + 1e-12));
          const position = heat.positions.find((p) => p.symbol === event.symbol)!;
          expect(position.risk!).toBeLessThanOrEqual(limits.maxPositionRisk * (1 + 1e-12));
          return false;
        });
        if (engine.snapshot().warnings.some((w) => w.startsWith("RISK_LIMIT_AT_FILL"))) riskCutRuns++;
        // No order without an approval: per (time, symbol, direction), entry orders never outnumber approved decisions.
        const approved = new Map<string, number>();
        for (const d of risk.decisions()) if (d.allowed && d.direction !== "exit") approved.set(`${d.ts} ${d.symbol} ${d.direction}`, (approved.get(`${d.ts} ${d.symbol} ${d.direction}`) ?? 0) + 1);
        const ordered = new Map<string, number>();
        for (const o of orders.values()) if (o.direction !== "exit") ordered.set(`${o.ts} ${o.symbol} ${o.direction}`, (ordered.get(`${o.ts} ${o.symbol} ${o.direction}`) ?? 0) + 1);
        for (const [key, n] of ordered) expect(n).toBeLessThanOrEqual(approved.get(key) ?? 0);
        // Each approved entry order carries the decided stop.
        for (const o of orders.values()) if (o.orderType === "market" && o.direction !== "exit") expect(o.stopPrice).toBeGreaterThan(0);
      }),
      { numRuns: 250 },
    );
    expect(entryFills).toBeGreaterThan(100);
    expect(stopFills).toBeGreaterThan(5);
    expect(riskCutRuns).toBeGreaterThan(5);
    expect(denials).toBeGreaterThan(20);
    expect(cutFills).toBeGreaterThan(10);
  });
});
