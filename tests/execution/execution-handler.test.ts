import { describe, expect, it } from "vitest";
import type { Bar } from "../../src/core/types.js";
import type { OrderEvent } from "../../src/engine/events.js";
import { ExecutionHandler } from "../../src/execution/execution-handler.js";

const bar: Bar = { symbol: "A", tsOpen: 1000, tsClose: 2000, open: 100, high: 103, low: 99, close: 102, volume: 10 };
const order = (side: "buy" | "sell", quantity: number): OrderEvent => ({
  type: "order", ts: 500, id: 7, symbol: "A", side, quantity, orderType: "market", direction: side === "buy" ? "long" : "exit", reason: "test",
});

describe("ExecutionHandler", () => {
  it("fills at the next bar's open by default, stamped with its open time", () => {
    expect(new ExecutionHandler().execute(order("buy", 10), bar, 1e6)).toEqual({
      type: "fill", ts: 1000, orderId: 7, symbol: "A", side: "buy", quantity: 10, requestedQuantity: 10, price: 100, commission: 0, slippage: 0,
    });
  });

  it("fills at the close, stamped with the close time, with fillAt close", () => {
    const fill = new ExecutionHandler({ fillAt: "close" }).execute(order("sell", 3), bar, 0);
    expect(fill).toMatchObject({ type: "fill", ts: 2000, price: 102, quantity: 3 });
  });

  it.each([
    ["buy", 100 * 1.001, 0.1 * 10],
    ["sell", 100 * 0.999, 0.1 * 10],
  ] as const)("moves a %s by 10 bps against the trader and reports the slippage in money", (side, price, slippage) => {
    const fill = new ExecutionHandler({ slippage: { bps: 10 } }).execute(order(side, 10), bar, 1e6);
    expect(fill.type).toBe("fill");
    if (fill.type !== "fill") return;
    expect(fill.price).toBeCloseTo(price, 12);
    expect(fill.slippage).toBeCloseTo(slippage, 9);
  });

  it("charges per-share plus percent-of-value commission with a minimum (hand-computed)", () => {
    const e = new ExecutionHandler({ commission: { perShare: 0.01, fraction: 0.001, minimum: 2 } });
    const big = e.execute(order("buy", 1000), bar, 1e6);
    expect(big.type === "fill" && big.commission).toBeCloseTo(1000 * 0.01 + 0.001 * 1000 * 100, 9);
    const small = e.execute(order("buy", 5), bar, 1e6);
    expect(small.type === "fill" && small.commission).toBe(2);
  });

  it("applies commission on the price after slippage", () => {
    const e = new ExecutionHandler({ commission: { fraction: 0.01 }, slippage: { bps: 100 } });
    const fill = e.execute(order("buy", 10), bar, 1e6);
    expect(fill.type === "fill" && fill.commission).toBeCloseTo(0.01 * 10 * 101, 9);
  });

  it("cuts a buy to the largest quantity the cash affords, commission included", () => {
    const e = new ExecutionHandler({ commission: { perShare: 1 } });
    const fill = e.execute(order("buy", 20), bar, 1000);
    expect(fill).toMatchObject({ type: "fill", quantity: 9, requestedQuantity: 20, commission: 9 });
    if (fill.type === "fill") expect(fill.quantity * fill.price + fill.commission).toBeLessThanOrEqual(1000);
  });

  it("fills a buy whose cost equals the cash exactly", () => {
    expect(new ExecutionHandler().execute(order("buy", 10), bar, 1000)).toMatchObject({ type: "fill", quantity: 10 });
  });

  it("denies a buy the cash cannot afford one unit of, as data with the numbers", () => {
    const denied = new ExecutionHandler().execute(order("buy", 5), bar, 50);
    expect(denied).toMatchObject({ type: "denied", code: "INSUFFICIENT_CASH", orderId: 7, symbol: "A", direction: "long", ts: 1000 });
    if (denied.type === "denied") {
      expect(denied.details).toMatchObject({ cash: 50, price: 100, requestedQuantity: 5 });
      expect(denied.message).toMatch(/cannot fill/);
    }
  });

  it("denies a sell whose commission exceeds cash plus proceeds", () => {
    const e = new ExecutionHandler({ commission: { minimum: 500 } });
    expect(e.execute(order("sell", 1), bar, 10)).toMatchObject({ type: "denied", code: "INSUFFICIENT_CASH" });
  });

  it("accepts custom commission and slippage models", () => {
    const e = new ExecutionHandler({
      commission: { name: "flat", commission: () => 3 },
      slippage: { name: "one tick", fillPrice: (side, price) => (side === "buy" ? price + 0.01 : price - 0.01) },
    });
    expect(e.execute(order("buy", 1), bar, 1e6)).toMatchObject({ price: 100.01, commission: 3 });
  });

  it("rejects unknown fill prices and negative costs", () => {
    expect(() => new ExecutionHandler({ fillAt: "vwap" as "open" })).toThrow(/invalid fillAt: "vwap"/);
    expect(() => new ExecutionHandler({ commission: { perShare: -1 } })).toThrow(/invalid perShare: -1/);
    expect(() => new ExecutionHandler({ slippage: { bps: -5 } })).toThrow(/invalid bps: -5/);
  });
});

describe("ExecutionHandler.executeAtPrice", () => {
  it.each([
    [{}, "buy", 10, 1e6],
    [{ fillAt: "close" as const }, "sell", 3, 0],
    [{ slippage: { bps: 10 }, commission: { perShare: 0.5, minimum: 1 } }, "buy", 50, 2000],
    [{ fillAt: "close" as const, commission: { fraction: 0.01 } }, "buy", 40, 100],
    [{ commission: { minimum: 5 } }, "sell", 1, 0],
  ] as const)("gives what execute gives for a bar with that price and time (%o, %s %i, cash %d)", (options, side, quantity, cash) => {
    const execution = new ExecutionHandler(options);
    const atOpen = execution.fillAt === "open";
    expect(execution.executeAtPrice(order(side, quantity), atOpen ? bar.open : bar.close, atOpen ? bar.tsOpen : bar.tsClose, cash)).toEqual(execution.execute(order(side, quantity), bar, cash));
  });
});
