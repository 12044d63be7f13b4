import { describe, expect, it } from "vitest";
import type { SignalEvent } from "../../src/engine/events.js";
import { Portfolio } from "../../src/portfolio/portfolio.js";
import { portfolioView } from "../../src/portfolio/portfolio-view.js";
import { FixedFractionRisk } from "../../src/risk/fixed-fraction-risk.js";

const signal = (direction: SignalEvent["direction"], strength = 1, symbol = "A"): SignalEvent => ({ type: "signal", ts: 0, symbol, direction, strength, reason: "test" });

describe("FixedFractionRisk", () => {
  const view = () => {
    const p = new Portfolio({ initialCash: 100_000, symbols: ["A", "B"] });
    p.mark(0, 33);
    return portfolioView(p);
  };

  it("sizes an entry at 10% of equity by default, rounded down to whole units", () => {
    expect(new FixedFractionRisk().computeQuantity(signal("long"), view())).toBe(Math.floor(10_000 / 33));
  });

  it("scales the size by the signal's strength and the fraction", () => {
    expect(new FixedFractionRisk({ fraction: 0.5 }).computeQuantity(signal("short", 0.5), view())).toBe(Math.floor(25_000 / 33));
  });

  it("allows exits always and entries when there is a price and positive equity", () => {
    const risk = new FixedFractionRisk();
    expect(risk.canTrade(signal("exit", 1, "B"), view())).toMatchObject({ allowed: true, code: "OK" });
    expect(risk.canTrade(signal("long"), view()).allowed).toBe(true);
    expect(risk.canTrade(signal("long", 1, "B"), view())).toMatchObject({ allowed: false, code: "NO_PRICE", details: { symbol: "B" } });
  });

  it.each([0, -0.1, 1.5, Number.NaN])("rejects fraction %f", (fraction) => {
    expect(() => new FixedFractionRisk({ fraction })).toThrow(/invalid fraction/);
  });
});
