import { describe, expect, it } from "vitest";
import { StopBook } from "../../src/engine/stop-book.js";

describe("StopBook", () => {
  it("sets, replaces and clears one stop per symbol, counting the symbols with a stop", () => {
    const stops = new StopBook(3);
    expect([stops.size, stops.has(1), stops.price(1), stops.side(1)]).toEqual([0, false, undefined, 0]);
    stops.set(1, 1, 95, 4);
    stops.set(1, -1, 110, 6);
    stops.set(2, 1, 40, 7);
    expect([stops.size, stops.price(1), stops.side(1), stops.orderId(1)]).toEqual([2, 110, -1, 6]);
    stops.clear(1);
    stops.clear(1);
    expect([stops.size, stops.has(1), stops.orderId(1)]).toEqual([1, false, 0]);
    stops.clearAll();
    expect(stops.size).toBe(0);
  });
});
