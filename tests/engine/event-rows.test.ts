import { describe, expect, it } from "vitest";
import type { Bar } from "../../src/core/types.js";
import { eventRows } from "../../src/engine/event-rows.js";

const T = Date.UTC(2024, 0, 2, 21);
const bar: Bar = { symbol: "SPX", tsOpen: T - 23_400_000, tsClose: T, open: 100, high: 102.5, low: 99.25, close: 101.125, volume: 10 };

describe("eventRows", () => {
  it("describes each kind of event in words, in order", () => {
    const rows = eventRows([
      { type: "market", ts: T, symbol: "SPX", bar },
      { type: "signal", ts: T, symbol: "SPX", direction: "long", strength: 0.5, stopPrice: 95, reason: "fast SMA crossed above slow" },
      { type: "order", ts: T, id: 3, symbol: "SPX", side: "buy", quantity: 62, orderType: "market", direction: "long", reason: "x" },
      { type: "fill", ts: T + 1, orderId: 3, symbol: "SPX", side: "buy", quantity: 60, requestedQuantity: 62, price: 101.5, commission: 0.6, slippage: 0 },
      { type: "denied", ts: T, symbol: "SPX", direction: "short", code: "SHORTING_DISABLED", message: "shorting is off", details: {} },
    ]);
    expect(rows.map((r) => r.type)).toEqual(["market", "signal", "order", "fill", "denied"]);
    expect(rows[0]).toEqual({ time: "2024-01-02T21:00:00.000Z", type: "market", symbol: "SPX", detail: "bar closed at 101.125 (open 100, high 102.5, low 99.25)" });
    expect(rows[1]!.detail).toBe("long x0.5, stop 95: fast SMA crossed above slow");
    expect(rows[2]!.detail).toBe("#3 buy 62 at market (long), for the next bar");
    expect(rows[3]!.detail).toBe("#3 bought 60 of 62 at 101.5, commission 0.6");
    expect(rows[3]!.time).toBe("2024-01-02T21:00:00.001Z");
    expect(rows[4]!.detail).toBe("SHORTING_DISABLED: shorting is off");
  });
});
