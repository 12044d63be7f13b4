import { describe, expect, it } from "vitest";
import { ExecutionHandler } from "../../src/execution/execution-handler.js";
import type { PositionSnapshot } from "../../src/portfolio/portfolio-view.js";
import { liquidationCost } from "../../src/sweep/liquidation-cost.js";

const position = (symbol: string, quantity: number, lastPrice: number): PositionSnapshot =>
  ({ symbol, quantity, averagePrice: 90, lastPrice, marketValue: quantity * lastPrice, unrealizedPnl: 0, realizedPnl: 0 }) as PositionSnapshot;

describe("liquidationCost", () => {
  it("is the commission and slippage of closing each position at its last price (hand-computed)", () => {
    const execution = new ExecutionHandler({ commission: { fraction: 0.001 }, slippage: { bps: 5 } });
    // long 10 at 100: sell at 99.95 (5 bps below), slippage 10 x 0.05 = 0.5, commission 0.1 % of 999.5 = 0.9995
    expect(liquidationCost(execution, [position("A", 10, 100)], 0, 1e6)).toBeCloseTo(0.5 + 0.9995, 10);
    // short 4 at 50: buy at 50.025, slippage 4 x 0.025 = 0.1, commission 0.1 % of 200.1 = 0.2001
    expect(liquidationCost(execution, [position("B", -4, 50)], 0, 1e6)).toBeCloseTo(0.1 + 0.2001, 10);
    expect(liquidationCost(execution, [position("A", 10, 100), position("B", -4, 50)], 0, 1e6)).toBeCloseTo(1.4995 + 0.3001, 10);
  });

  it("is 0 without positions or without costs", () => {
    expect(liquidationCost(new ExecutionHandler({ commission: { fraction: 0.001 } }), [], 0, 1e6)).toBe(0);
    expect(liquidationCost(new ExecutionHandler(), [position("A", 10, 100)], 0, 1e6)).toBe(0);
  });
});
