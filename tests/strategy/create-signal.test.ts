import { describe, expect, it } from "vitest";
import type { MarketEvent } from "../../src/engine/events.js";
import { createSignal } from "../../src/strategy/create-signal.js";

const event: MarketEvent = { type: "market", ts: 123, symbol: "A", bar: { symbol: "A", tsOpen: 100, tsClose: 123, open: 1, high: 1, low: 1, close: 1, volume: 1 } };

describe("createSignal", () => {
  it("stamps the signal with the market event's time and symbol, strength 1", () => {
    expect(createSignal(event, "long", "why")).toEqual({ type: "signal", ts: 123, symbol: "A", direction: "long", strength: 1, reason: "why" });
  });

  it("takes a strength, a stop price and another symbol, and leaves out an absent stop", () => {
    expect(createSignal(event, "short", "r", { strength: 0.25, stopPrice: 1.2, symbol: "B" })).toEqual({ type: "signal", ts: 123, symbol: "B", direction: "short", strength: 0.25, stopPrice: 1.2, reason: "r" });
    expect("stopPrice" in createSignal(event, "exit", "r", { strength: 0.5 })).toBe(false);
  });

  it("rejects a strength outside [0, 1]", () => {
    expect(() => createSignal(event, "long", "r", { strength: 2 })).toThrow(/invalid strength: 2/);
  });
});
