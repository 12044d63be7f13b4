import { describe, expect, it } from "vitest";
import { stopDistance } from "../../src/risk/stop-distance.js";

describe("stopDistance", () => {
  it("uses the signal's stop when given (source strategy)", () => {
    expect(stopDistance("A", "long", 100, 95, 3, 2)).toEqual({ ok: true, source: "strategy", distance: 5, stopPrice: 95, atr: null, stopMult: null });
    expect(stopDistance("A", "short", 100, 104, undefined, 2)).toMatchObject({ ok: true, source: "strategy", distance: 4, stopPrice: 104 });
  });

  it("falls back to atr x stopMult from the reference price (source atr-proxy)", () => {
    expect(stopDistance("A", "long", 100, undefined, 1.5, 2)).toEqual({ ok: true, source: "atr-proxy", distance: 3, stopPrice: 97, atr: 1.5, stopMult: 2 });
    expect(stopDistance("A", "short", 100, undefined, 1.5, 3)).toMatchObject({ distance: 4.5, stopPrice: 104.5 });
  });

  it.each([
    ["long", 100],
    ["long", 101],
    ["long", -5],
    ["short", 100],
    ["short", 99],
    ["long", Number.NaN],
  ] as const)("denies a %s stop at %f with STOP_WRONG_SIDE (price 100)", (direction, stop) => {
    const r = stopDistance("A", direction, 100, stop, 2, 2);
    expect(r).toMatchObject({ ok: false, code: "STOP_WRONG_SIDE", message: expect.stringMatching(new RegExp(`${direction} signal for A denied: its stop`)) });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it.each([undefined, 0, Number.NaN])("denies with NO_STOP_DISTANCE when the ATR is %s and the signal has no stop", (atr) => {
    const r = stopDistance("A", "long", 100, undefined, atr, 2);
    expect(r).toMatchObject({ ok: false, code: "NO_STOP_DISTANCE", details: { symbol: "A", price: 100, stopMult: 2 } });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
