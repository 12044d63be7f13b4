import { describe, expect, it } from "vitest";
import type { FillEvent } from "../../src/engine/events.js";
import { Portfolio } from "../../src/portfolio/portfolio.js";
import { riskView } from "../../src/portfolio/risk-view.js";

const fill = (side: "buy" | "sell", quantity: number, price: number, ts: number): FillEvent => ({
  type: "fill", ts, orderId: 1, symbol: "A", side, quantity, requestedQuantity: quantity, price, commission: 0, slippage: 0,
});

describe("riskView", () => {
  it("reads the portfolio like a PortfolioView, plus peak, time, closed trades and the open position's stop", () => {
    const p = new Portfolio({ initialCash: 1000, symbols: ["A", "B"] });
    let peak = 1000, now = 5;
    const view = riskView(p, { pendingQuantity: () => 0, openOrders: () => [], stopPrice: (s) => (s === 0 ? 9 : 3), peakEquity: () => peak, now: () => now });
    p.applyFill(0, fill("buy", 10, 10, 1), 10, 0);
    expect([view.quantity("A"), view.stopPrice("A"), view.stopPrice("B"), view.stopPrice("X")]).toEqual([10, 9, undefined, undefined]);
    expect(view.positions()).toEqual([expect.objectContaining({ symbol: "A", quantity: 10, stopPrice: 9 })]);
    [peak, now] = [1200, 8];
    expect([view.peakEquity, view.now]).toEqual([1200, 8]);
    p.applyFill(0, fill("sell", 10, 12, 2), 12, 1);
    expect(view.closedTrades()).toEqual([expect.objectContaining({ pnl: 20 })]);
    expect(view.stopPrice("A")).toBeUndefined();
    expect(Object.isFrozen(view)).toBe(true);
  });
});
