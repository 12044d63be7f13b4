import { describe, expect, it } from "vitest";
import type { OrderEvent } from "../../src/engine/events.js";
import { ExecutionHandler } from "../../src/execution/execution-handler.js";

const stop = (side: "buy" | "sell", quantity: number): OrderEvent => ({
  type: "order", ts: 0, id: 3, symbol: "A", side, quantity, orderType: "stop", direction: "exit", stopPrice: 95, reason: "stop",
});

describe("ExecutionHandler stop fills", () => {
  it.each([
    ["sell", 98, 99, 95.01, Number.NaN], // low above the stop: not reached
    ["sell", 98, 99, 95, 95], // low at the stop
    ["sell", 98, 99, 90, 95], // through it intrabar: at the stop
    ["sell", 95, 96, 94, 95], // opens at the stop
    ["sell", 93, 96, 92, 93], // gaps below: at the open
    ["buy", 92, 94.99, 91, Number.NaN],
    ["buy", 92, 95, 91, 95],
    ["buy", 92, 99, 91, 95],
    ["buy", 97, 99, 96, 97], // gaps above: at the open
  ] as const)("a %s stop at 95 on a bar opening at %d (high %d, low %d) trades at %d", (side, open, high, low, price) => {
    expect(new ExecutionHandler().stopMarketPrice(side, 95, open, high, low)).toBe(price);
  });

  it("fills a triggered stop with the handler's slippage and commission, cutting a cover to what cash affords", () => {
    const execution = new ExecutionHandler({ commission: { perShare: 1 }, slippage: { bps: 100 } });
    expect(execution.executeStop(stop("sell", 10), 95, 7, 0)).toMatchObject({ type: "fill", orderId: 3, side: "sell", quantity: 10, price: 95 * 0.99, commission: 10, ts: 7 });
    const cover = execution.executeStop(stop("buy", 10), 100, 7, 505);
    expect(cover).toMatchObject({ type: "fill", quantity: 4, requestedQuantity: 10, price: 101 });
  });
});
