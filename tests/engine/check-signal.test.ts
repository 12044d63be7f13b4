import { describe, expect, it } from "vitest";
import { checkSignal } from "../../src/engine/check-signal.js";
import type { SignalEvent } from "../../src/engine/events.js";

const index = new Map([["A", 0], ["B", 1]]);
const good: SignalEvent = { type: "signal", ts: 100, symbol: "B", direction: "long", strength: 1, reason: "r" };
const check = (signal: unknown, clock = 100) => checkSignal(signal as SignalEvent, index, ["A", "B"], clock, "s");

describe("checkSignal", () => {
  it("returns the symbol index of a well-formed signal", () => {
    expect(check(good)).toBe(1);
    expect(check({ ...good, ts: 50 })).toBe(1);
  });

  it.each([
    [{ ...good, type: "order" }, /invalid signal from strategy "s"/],
    [{ ...good, symbol: "C" }, /invalid signal.symbol from strategy "s": "C" \(expected one of "A", "B"\)/],
    [{ ...good, direction: "buy" }, /invalid signal.direction/],
    [{ ...good, strength: 1.5 }, /invalid signal.strength/],
    [{ ...good, ts: 101 }, /after the engine's clock/],
    [null, /invalid signal/],
  ])("rejects %j", (signal, message) => {
    expect(() => check(signal)).toThrow(message);
  });
});
