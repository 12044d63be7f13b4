import { describe, expect, it } from "vitest";
import type { SignalEvent } from "../../src/engine/events.js";
import { routeSignal } from "../../src/engine/route-signal.js";
import { Portfolio } from "../../src/portfolio/portfolio.js";
import { portfolioView } from "../../src/portfolio/portfolio-view.js";
import { FixedFractionRisk } from "../../src/risk/fixed-fraction-risk.js";
import { NullRisk } from "../../src/risk/null-risk.js";
import type { RiskManager } from "../../src/risk/risk-manager.js";

const signal = (direction: SignalEvent["direction"]): SignalEvent => ({ type: "signal", ts: 0, symbol: "A", direction, strength: 1, reason: "r" });
const view = (() => {
  const p = new Portfolio({ initialCash: 10_000, symbols: ["A"] });
  p.mark(0, 20);
  return portfolioView(p);
})();
const five = new NullRisk({ quantity: 5 });

describe("routeSignal", () => {
  it.each([
    ["long", 0, false, { kind: "order", side: "buy", quantity: 5 }],
    ["long", -3, true, { kind: "order", side: "buy", quantity: 8 }],
    ["short", 3, true, { kind: "order", side: "sell", quantity: 8 }],
    ["short", 0, true, { kind: "order", side: "sell", quantity: 5 }],
    ["exit", 3, false, { kind: "order", side: "sell", quantity: 3 }],
    ["exit", -4, true, { kind: "order", side: "buy", quantity: 4 }],
    ["exit", 0, false, { kind: "ignore" }],
  ] as const)("routes %s with %i held (allowShort %s) to %j", (direction, held, allowShort, route) => {
    expect(routeSignal(signal(direction), held, allowShort, five, view)).toEqual(route);
  });

  it.each([
    ["long", 2, true, "ALREADY_IN_POSITION"],
    ["short", -2, true, "ALREADY_IN_POSITION"],
    ["short", 0, false, "SHORTING_DISABLED"],
    ["short", 2, false, "SHORTING_DISABLED"],
  ] as const)("denies %s with %i held (allowShort %s) with %s", (direction, held, allowShort, code) => {
    expect(routeSignal(signal(direction), held, allowShort, five, view)).toMatchObject({ kind: "deny", code });
  });

  it("writes an order route into the object it is given, and makes a new one otherwise", () => {
    const into = { kind: "order" as const, side: "buy" as const, quantity: 0, stopPrice: undefined as number | undefined };
    const route = routeSignal({ ...signal("short"), stopPrice: 25 }, 3, true, five, view, into);
    expect(route).toBe(into);
    expect(into).toEqual({ kind: "order", side: "sell", quantity: 8, stopPrice: 25 });
    expect(routeSignal(signal("exit"), -4, true, five, view, into)).toBe(into);
    expect(into).toEqual({ kind: "order", side: "buy", quantity: 4, stopPrice: undefined });
    expect(routeSignal(signal("exit"), 0, false, five, view, into)).toEqual({ kind: "ignore" });
    expect(routeSignal(signal("long"), 0, false, five, view)).not.toBe(routeSignal(signal("long"), 0, false, five, view));
  });

  it("sizes with the risk manager, rounding down, and denies a size below one unit", () => {
    expect(routeSignal(signal("long"), 0, false, new FixedFractionRisk({ fraction: 0.05 }), view)).toEqual({ kind: "order", side: "buy", quantity: 25 });
    expect(routeSignal(signal("long"), 0, false, { name: "tiny", canTrade: five.canTrade, computeQuantity: () => 0.7 }, view)).toMatchObject({ kind: "deny", code: "ZERO_QUANTITY", details: { computedQuantity: 0.7 } });
  });

  it("passes a risk refusal on with its code and numbers, for exits too", () => {
    const halted: RiskManager = { name: "halted", canTrade: () => ({ allowed: false, code: "HALTED", message: "m", details: { dd: 0.3 } }), computeQuantity: () => 1 };
    expect(routeSignal(signal("exit"), 2, false, halted, view)).toEqual({ kind: "deny", code: "HALTED", message: "m", details: { dd: 0.3 } });
  });

  it("throws for a quantity that is not a finite number >= 0", () => {
    const broken: RiskManager = { name: "broken", canTrade: five.canTrade, computeQuantity: () => Number.NaN };
    expect(() => routeSignal(signal("long"), 0, false, broken, view)).toThrow(/invalid quantity from risk manager "broken": NaN/);
  });
});
