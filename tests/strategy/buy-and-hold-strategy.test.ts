import { describe, expect, it } from "vitest";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import { FixedFractionRisk } from "../../src/risk/fixed-fraction-risk.js";
import { BuyAndHoldStrategy } from "../../src/strategy/buy-and-hold-strategy.js";
import { flatBars, handHandler } from "../fixtures/hand-bars.js";

describe("BuyAndHoldStrategy", () => {
  it("goes long once per symbol after its first bar and holds to the end", () => {
    const engine = new BacktestEngine({
      handlers: [handHandler("A", flatBars([10, 12, 15])), handHandler("B", flatBars([20, 10], 1))],
      strategy: new BuyAndHoldStrategy(), riskManager: new FixedFractionRisk({ fraction: 0.5 }), initialCash: 1000,
    });
    const result = engine.run();
    const signals = result.journal.toArray().filter((r) => r.type === "signal").map((r) => r.symbol);
    expect(signals).toEqual(["A", "B"]);
    expect(result.openPositions.map((p) => [p.symbol, p.quantity])).toEqual([["A", 50], ["B", 25]]);
    expect(engine.strategy.inspect?.("A")).toEqual({ symbol: "A", entered: true });
  });
});
