import { describe, expect, it } from "vitest";
import { PortfolioHeatMonitor } from "../../src/risk/portfolio-heat-monitor.js";
import { fakeRiskView } from "../fixtures/fake-risk-view.js";

// Hand-computed: cash 90,000; A: 100 long at 50 stop 47 (risk 300); B: -40 short at 25 stop 27.5 (risk 100);
// C: 20 long at 100 without a stop (value 2,000). Equity = 90,000 + 5,000 - 1,000 + 2,000 = 96,000.
const view = () => fakeRiskView({
  cash: 90_000,
  symbols: { A: { price: 50, quantity: 100, stopPrice: 47 }, B: { price: 25, quantity: -40, stopPrice: 27.5 }, C: { price: 100, quantity: 20 }, D: { price: 10 } },
});

describe("PortfolioHeatMonitor", () => {
  it("sums |quantity| x |last - stop| over positions, counting a stopless position at its full value", () => {
    const heat = new PortfolioHeatMonitor().heat(view());
    expect(heat.riskAmount).toBe(300 + 100 + 2000);
    expect(heat.heat).toBeCloseTo(2400 / 96_000, 15);
    expect(heat.room).toBeCloseTo(0.06 - 2400 / 96_000, 15);
    expect(heat.positions.map((p) => [p.symbol, p.riskAmount, p.stopSource, p.stopPrice])).toEqual([
      ["A", 300, "position", 47], ["B", 100, "position", 27.5], ["C", 2000, "none", null],
    ]);
    expect(heat.positions[2]!.overLimit).toBe(true); // 2,000 / 96,000 > 2%
    expect(JSON.parse(JSON.stringify(heat))).toEqual(heat);
  });

  it("counts a stopless position at noStopRiskFraction of its value when configured", () => {
    expect(new PortfolioHeatMonitor({ noStopRiskFraction: 0.1 }).heat(view()).riskAmount).toBe(300 + 100 + 200);
  });

  it("gives the heat after replacing one symbol's position, and the room left for it", () => {
    const monitor = new PortfolioHeatMonitor();
    expect(monitor.riskAmountExcept(view(), "A")).toBe(2100);
    expect(monitor.heatAfter(view(), "A", 1000)).toBeCloseTo(3100 / 96_000, 15);
    expect(monitor.heatAfter(view(), "D", 1000)).toBeCloseTo(3400 / 96_000, 15);
    expect(monitor.room(view(), "D")).toBeCloseTo(0.06 * 96_000 - 2400, 9);
  });

  it("counts orders waiting to fill: an entry with the stop on its order, an exit as flat", () => {
    const v = fakeRiskView({ symbols: { A: { price: 50, pending: 100, pendingStopPrice: 48 }, B: { price: 20, quantity: 10, stopPrice: 19, pending: -10 }, C: { price: 10, quantity: -5, stopPrice: 11, pending: 15, pendingStopPrice: 9 } } });
    const heat = new PortfolioHeatMonitor().heat(v);
    expect(heat.positions.map((p) => [p.symbol, p.quantity, p.stopSource, p.riskAmount])).toEqual([["A", 100, "order", 200], ["C", 10, "order", 10]]);
  });

  it("reports no heat fraction when equity is not positive, and no room", () => {
    const heat = new PortfolioHeatMonitor().heat(fakeRiskView({ cash: -10_000, symbols: { A: { price: 50, quantity: 100, stopPrice: 40 } } }));
    expect(heat).toMatchObject({ equity: -5000, heat: null, room: 0 });
  });

  it.each([
    [{ maxHeat: 0 }, /invalid maxHeat/],
    [{ maxHeat: 1.5 }, /invalid maxHeat/],
    [{ maxPositionRisk: 0.1 }, /invalid maxPositionRisk: 0.1 \(expected a number in \(0, maxHeat\] = \(0, 0.06\]/],
    [{ noStopRiskFraction: 2 }, /invalid noStopRiskFraction/],
  ])("rejects options %o", (options, message) => {
    expect(() => new PortfolioHeatMonitor(options)).toThrow(message);
  });
});
