import { describe, expect, it } from "vitest";
import type { OrderEvent } from "../../src/engine/events.js";
import { OrderBook } from "../../src/engine/order-book.js";

const order = (id: number, symbol: string, side: "buy" | "sell", quantity: number): OrderEvent =>
  ({ type: "order", ts: 0, id, symbol, side, quantity, orderType: "market", direction: "long", reason: "r" });

describe("OrderBook", () => {
  it("keeps orders per symbol with their signed pending quantity, and hands them over oldest first", () => {
    const book = new OrderBook(2);
    book.add(1, order(1, "B", "buy", 5));
    book.add(0, order(2, "A", "sell", 3));
    book.add(1, order(3, "B", "sell", 2));
    expect([book.size, book.count(0), book.count(1), book.pendingQuantity(0), book.pendingQuantity(1)]).toEqual([3, 1, 2, -3, 3]);
    expect(book.all().map((o) => o.id)).toEqual([1, 2, 3]);
    expect(book.take(1).map((o) => o.id)).toEqual([1, 3]);
    expect([book.size, book.count(1), book.pendingQuantity(1)]).toEqual([1, 0, 0]);
    book.clear();
    expect(book.size).toBe(0);
  });

  it("takes each symbol's orders in turn, with later orders going to a fresh list (the arrays are reused)", () => {
    const book = new OrderBook(2);
    for (let round = 0; round < 4; round++) {
      book.add(0, order(10 * round + 1, "A", "buy", 1));
      book.add(1, order(10 * round + 2, "B", "sell", 2));
      book.add(0, order(10 * round + 3, "A", "sell", 3));
      const a = book.take(0).map((o) => o.id);
      book.add(0, order(10 * round + 4, "A", "buy", 4));
      expect(a).toEqual([10 * round + 1, 10 * round + 3]);
      expect(book.take(1).map((o) => o.id)).toEqual([10 * round + 2]);
      expect([book.size, book.count(0), book.pendingQuantity(0)]).toEqual([1, 1, 4]);
      expect(book.take(0).map((o) => o.id)).toEqual([10 * round + 4]);
      expect([book.size, book.count(0), book.count(1), book.all()]).toEqual([0, 0, 0, []]);
    }
  });
});
