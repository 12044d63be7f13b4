import { describe, expect, it } from "vitest";
import type { FillEvent } from "../../src/engine/events.js";
import { Portfolio } from "../../src/portfolio/portfolio.js";

const fill = (side: "buy" | "sell", quantity: number, price: number, commission = 0, ts = 0): FillEvent => ({
  type: "fill", ts, orderId: 1, symbol: "A", side, quantity, requestedQuantity: quantity, price, commission, slippage: 0,
});

/** Equity as cash + sum of quantity x last price, summed afresh. */
const freshEquity = (p: Portfolio) => p.cash + p.symbols.reduce((sum, _s, i) => sum + (p.quantity[i] === 0 ? 0 : p.quantity[i]! * p.lastPrice[i]!), 0);

describe("Portfolio", () => {
  it("accounts a long round trip with commissions, MAE and MFE (hand-computed)", () => {
    const p = new Portfolio({ initialCash: 10_000, symbols: ["A"] });
    p.mark(0, 100);
    p.applyFill(0, fill("buy", 10, 101, 1, 1000), 101, 1);
    expect(p.cash).toBe(8989);
    expect(p.marketValue).toBe(1010);
    expect(p.equity).toBe(9999);
    expect(p.realizedPnl[0]).toBe(-1);
    p.mark(0, 105);
    expect(p.equity).toBe(10_039);
    expect(p.unrealizedPnl(0)).toBe(40);
    p.observeRange(0, 107, 99);
    p.applyFill(0, fill("sell", 10, 104, 1, 4000), 104, 4);
    expect(p.cash).toBe(10_028);
    expect(p.quantity[0]).toBe(0);
    expect(p.equity).toBe(10_028);
    expect(p.realizedPnl[0]).toBe(28);
    expect(p.roundTrips).toEqual([{
      symbol: "A", side: "long", quantity: 10, entryTs: 1000, exitTs: 4000, entryPrice: 101, exitPrice: 104,
      pnl: 28, returnFraction: 28 / 1010, commission: 2, barsHeld: 3, mae: 2, mfe: 6,
    }]);
  });

  it("accounts a short, a partial cover and a reversal into a long (hand-computed)", () => {
    const p = new Portfolio({ initialCash: 10_000, symbols: ["A"] });
    p.applyFill(0, fill("sell", 10, 50, 0, 0), 50, 0);
    expect([p.cash, p.quantity[0], p.marketValue, p.grossExposure, p.equity]).toEqual([10_500, -10, -500, 500, 10_000]);
    p.mark(0, 45);
    expect(p.equity).toBe(10_050);
    expect(p.unrealizedPnl(0)).toBe(50);
    p.observeRange(0, 46, 44);
    p.applyFill(0, fill("buy", 4, 45, 2, 2), 45, 2);
    expect(p.cash).toBe(10_318);
    expect(p.quantity[0]).toBe(-6);
    expect(p.roundTrips[0]).toMatchObject({ side: "short", quantity: 4, entryPrice: 50, exitPrice: 45, pnl: 18, commission: 2, returnFraction: 0.09, mae: 0, mfe: 6, barsHeld: 2 });
    p.applyFill(0, fill("buy", 10, 48, 5, 3), 48, 3);
    expect(p.roundTrips[1]).toMatchObject({ side: "short", quantity: 6, entryPrice: 50, exitPrice: 48, pnl: 9, commission: 3, mae: 0, mfe: 6, barsHeld: 3 });
    expect([p.quantity[0], p.averagePrice[0], p.cash, p.marketValue]).toEqual([4, 48, 9833, 192]);
    expect(p.realizedPnl[0]).toBe(25);
    expect(p.equity).toBe(10_000 + 25);
    p.applyFill(0, fill("sell", 4, 49, 1, 5), 49, 5);
    expect(p.roundTrips[2]).toMatchObject({ side: "long", quantity: 4, entryPrice: 48, exitPrice: 49, pnl: 1, commission: 3, entryTs: 3, exitTs: 5, barsHeld: 2 });
    expect(p.equity).toBe(10_000 + 18 + 9 + 1);
  });

  it("averages the entry price when adding to a position and splits the entry commission on partial closes", () => {
    const p = new Portfolio({ initialCash: 100_000, symbols: ["A"] });
    p.applyFill(0, fill("buy", 10, 100, 4), 100, 0);
    p.applyFill(0, fill("buy", 30, 104, 4), 104, 1);
    expect(p.averagePrice[0]).toBe(103);
    p.applyFill(0, fill("sell", 20, 110, 2), 110, 2);
    expect(p.roundTrips[0]).toMatchObject({ quantity: 20, entryPrice: 103, pnl: 20 * 7 - 4 - 2, commission: 6 });
    p.applyFill(0, fill("sell", 20, 100, 2), 100, 3);
    expect(p.roundTrips[1]).toMatchObject({ quantity: 20, pnl: -60 - 4 - 2, commission: 6 });
    expect(p.equity).toBe(100_000 + 134 - 66);
  });

  it("marks in O(1) and keeps equity equal to cash plus marked positions over many symbols", () => {
    const p = new Portfolio({ initialCash: 1_000_000, symbols: ["A", "B", "C"] });
    [100, 50, 20].forEach((price, s) => p.mark(s, price));
    p.applyFill(0, { ...fill("buy", 100, 100), symbol: "A" }, 100, 0);
    p.applyFill(1, { ...fill("sell", 300, 50), symbol: "B" }, 50, 0);
    for (let i = 0; i < 1000; i++) {
      p.mark(i % 3, 10 + ((i * 7919) % 97) + 0.01 * i);
      expect(p.equity).toBeCloseTo(freshEquity(p), 6);
    }
    expect(p.grossExposure).toBeCloseTo(Math.abs(p.quantity[0]! * p.lastPrice[0]!) + Math.abs(p.quantity[1]! * p.lastPrice[1]!), 6);
  });

  it("records the equity curve per step and each symbol's curve per bar", () => {
    const p = new Portfolio({ initialCash: 1000, symbols: ["A", "B"] });
    p.curves.recordStep(1, 1000, 0, 0);
    p.curves.recordSymbol(1, 1, 0, 20, 0);
    p.curves.recordStep(2, 900, 110, 110);
    const equity = p.curves.equityTable();
    expect(equity.schema.fields.map((f) => f.name)).toEqual(["ts", "equity", "cash", "marketValue", "grossExposure"]);
    expect(Array.from(equity.getChild("equity")!.toArray() as Float64Array)).toEqual([1000, 1010]);
    const symbols = p.curves.symbolTable(p.symbols);
    expect(symbols.toArray().map((r) => r.toJSON())).toEqual([{ symbol: "B", ts: 1, position: 0, close: 20, pnl: 0 }]);
  });

  it("rejects a non-positive initial cash", () => {
    expect(() => new Portfolio({ initialCash: 0, symbols: ["A"] })).toThrow(/invalid initialCash: 0/);
  });
});
