import { describe, expect, it } from "vitest";
import { Portfolio } from "../../src/portfolio/portfolio.js";
import { portfolioView } from "../../src/portfolio/portfolio-view.js";

describe("portfolioView", () => {
  const setup = () => {
    const p = new Portfolio({ initialCash: 10_000, symbols: ["A", "B"] });
    p.mark(0, 100);
    p.applyFill(0, { type: "fill", ts: Date.UTC(2024, 0, 2), orderId: 1, symbol: "A", side: "buy", quantity: 5, requestedQuantity: 5, price: 100, commission: 1, slippage: 0 }, 100, 0);
    p.mark(0, 110);
    return p;
  };

  it("reads cash, equity and positions without exposing a way to change them", () => {
    const p = setup();
    const view = portfolioView(p);
    expect([view.cash, view.equity, view.marketValue, view.grossExposure, view.initialCash]).toEqual([9499, 10_049, 550, 550, 10_000]);
    expect(view.quantity("A")).toBe(5);
    expect(view.averagePrice("A")).toBe(100);
    expect(view.lastPrice("A")).toBe(110);
    expect(view.lastPrice("B")).toBeUndefined();
    expect(view.quantity("ZZZ")).toBe(0);
    expect(view.position("B")).toBeUndefined();
    expect(view.positions()).toEqual([{
      symbol: "A", quantity: 5, averagePrice: 100, lastPrice: 110, marketValue: 550, unrealizedPnl: 50, realizedPnl: -1, openedAt: "2024-01-02T00:00:00.000Z",
    }]);
    expect(Object.isFrozen(view)).toBe(true);
    expect(() => { (view as { cash: number }).cash = 1; }).toThrow();
    expect(JSON.parse(JSON.stringify(view.positions()))).toEqual(view.positions());
  });

  it("follows the portfolio as it changes", () => {
    const p = setup();
    const view = portfolioView(p);
    p.mark(0, 120);
    expect(view.equity).toBe(9499 + 600);
  });

  it("reports pending orders from the source it is given", () => {
    const order = { type: "order" as const, ts: 0, id: 3, symbol: "B", side: "sell" as const, quantity: 2, orderType: "market" as const, direction: "exit" as const, reason: "r" };
    const view = portfolioView(setup(), { pendingQuantity: (s) => (s === 1 ? -2 : 0), openOrders: () => [order] });
    expect(view.pendingQuantity("B")).toBe(-2);
    expect(view.pendingQuantity("A")).toBe(0);
    expect(view.openOrders()).toEqual([order]);
  });
});
