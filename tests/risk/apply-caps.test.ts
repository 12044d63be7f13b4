import { describe, expect, it } from "vitest";
import { applyCaps, unitsWithin, type CapInputs } from "../../src/risk/apply-caps.js";

const inputs = (o: Partial<CapInputs> = {}): CapInputs => ({
  equity: 100_000, distance: 3, price: 50, rawQuantity: 1000 / 3, maxPositionRisk: 0.02, maxHeat: 0.06, otherRiskAmount: 0,
  maxDailyRisk: 0.02, dailyUsedBefore: 0, cashAvailable: 100_000, openPositions: 0, maxPositions: 10, ...o,
});

describe("unitsWithin", () => {
  it.each([
    [0.3, 0.1, 2],
    [10, 2, 5],
    [9.99, 2, 4],
    [0, 2, 0],
    [-1, 2, 0],
  ])("fits %f of room at %f a unit into %i units", (room, perUnit, units) => {
    expect(unitsWithin(room, perUnit)).toBe(units);
    expect(unitsWithin(room, perUnit) * perUnit).toBeLessThanOrEqual(Math.max(room, 0));
  });
});

describe("applyCaps", () => {
  it("keeps the raw quantity, rounded down, when no cap binds", () => {
    const r = applyCaps(inputs());
    expect(r.caps.map((c) => c.rule)).toEqual(["per-position-risk", "heat", "daily-budget", "cash", "max-positions", "whole-units"]);
    expect(r).toMatchObject({ quantity: 333, bindingCap: null, deniedBy: null });
    expect(r.caps.map((c) => c.maxQuantity)).toEqual([666, 2000, 666, 2000, null, 333]);
  });

  it.each([
    ["per-position-risk", { rawQuantity: 1000 }, 666],
    ["heat", { otherRiskAmount: 5400 }, 200],
    ["daily-budget", { dailyUsedBefore: 0.019 }, 33],
    ["cash", { cashAvailable: 5000 }, 100],
  ] as const)("binds on the %s cap", (rule, o, quantity) => {
    const r = applyCaps(inputs(o));
    expect(r).toMatchObject({ quantity, bindingCap: rule, deniedBy: null });
  });

  it.each([
    ["heat", "HEAT_LIMIT", { otherRiskAmount: 6000 }],
    ["heat", "HEAT_LIMIT", { otherRiskAmount: 7000 }],
    ["daily-budget", "DAILY_BUDGET", { dailyUsedBefore: 0.02 }],
    ["cash", "INSUFFICIENT_CASH", { cashAvailable: 49 }],
    ["max-positions", "MAX_POSITIONS", { openPositions: 10 }],
    ["whole-units", "ZERO_QUANTITY", { rawQuantity: 0.9 }],
  ] as const)("denies on the %s cap with %s", (rule, code, o) => {
    const r = applyCaps(inputs(o));
    expect(r.quantity).toBe(0);
    expect(r.deniedBy).toMatchObject({ rule, code });
  });

  it("allows one more position just below maxPositions", () => {
    expect(applyCaps(inputs({ openPositions: 9 })).quantity).toBe(333);
  });
});
