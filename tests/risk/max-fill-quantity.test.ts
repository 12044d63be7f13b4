import { describe, expect, it } from "vitest";
import type { FillEvent, OrderEvent } from "../../src/engine/events.js";
import { maxFillQuantity } from "../../src/risk/max-fill-quantity.js";
import { PortfolioHeatMonitor } from "../../src/risk/portfolio-heat-monitor.js";
import { fakeRiskView } from "../fixtures/fake-risk-view.js";

const order = (side: "buy" | "sell", quantity: number, stopPrice?: number): OrderEvent => ({
  type: "order", ts: 0, id: 1, symbol: "A", side, quantity, orderType: "market", direction: side === "buy" ? "long" : "short", reason: "t", ...(stopPrice === undefined ? {} : { stopPrice }),
});
const fill = (quantity: number, costs = 0): FillEvent => ({ type: "fill", ts: 0, orderId: 1, symbol: "A", side: "buy", quantity, requestedQuantity: quantity, price: 0, commission: costs, slippage: 0 });
const heat = new PortfolioHeatMonitor({ maxHeat: 0.06, maxPositionRisk: 0.02 });

describe("maxFillQuantity", () => {
  it("allows what keeps the new position within its risk limit at the fill price (hand-computed)", () => {
    const view = fakeRiskView({ cash: 100_000, symbols: { A: { price: 100 } } });
    // 2% of 100,000 = 2,000; at 110 the stop 95 is 15 away: 133 units.
    expect(maxFillQuantity(order("buy", 400, 95), fill(400), 110, view, heat)).toBe(133);
    expect(maxFillQuantity(order("buy", 100, 95), fill(100), 110, view, heat)).toBe(100);
    // Costs lower the equity after the fill: 2% of 99,000 = 1,980 / 15 = 132.
    expect(maxFillQuantity(order("buy", 400, 95), fill(400, 1000), 110, view, heat)).toBe(132);
  });

  it("leaves the heat of the other positions room only up to the portfolio maximum", () => {
    // B risks 50 x (100 - 20) = 4,000 of equity 105,000 at most 6% = 6,300: room 2,300 but the position cap 2,100 binds.
    const view = fakeRiskView({ cash: 100_000, symbols: { A: { price: 100 }, B: { price: 100, quantity: 50, stopPrice: 20 } } });
    expect(maxFillQuantity(order("buy", 1000, 95), fill(1000), 100, view, heat)).toBe(420);
    const hot = fakeRiskView({ cash: 100_000, symbols: { A: { price: 100 }, B: { price: 100, quantity: 70, stopPrice: 20 } } });
    // 5,600 of 107,000 x 6% = 6,420: room 820 / 5 = 164.
    expect(maxFillQuantity(order("buy", 1000, 95), fill(1000), 100, hot, heat)).toBe(164);
  });

  it("always allows the part of a reversal that closes the position held", () => {
    const view = fakeRiskView({ cash: 100_000, symbols: { A: { price: 100, quantity: -30 } } });
    // Equity 100,000 - 30 x 100 = 97,000: 2% = 1,940 / 5 = 388 new units.
    expect(maxFillQuantity(order("buy", 30 + 1000, 95), fill(1030), 100, view, heat)).toBe(30 + 388);
    const broke = fakeRiskView({ cash: -50_000, symbols: { A: { price: 100, quantity: 30 } } });
    expect(maxFillQuantity(order("sell", 40, 105), fill(40), 100, broke, heat)).toBe(30);
  });
});
