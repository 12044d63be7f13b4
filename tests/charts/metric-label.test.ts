import { describe, expect, it } from "vitest";
import { isPercentMetric, metricLabel } from "../../src/charts/metric-label.js";

describe("metricLabel", () => {
  it.each([
    ["totalReturn", 0.1234, "12.3%"],
    ["maxDrawdown", -0.25, "\u221225%"],
    ["trendingUpShare", 0.5, "50%"],
    ["winRate", 0.6, "60%"],
    ["sharpe", 0.4736, "0.47"],
    ["sharpe", -1.234, "\u22121.23"],
    ["sharpe", -0.001, "0.00"],
    ["trades", 32.5, "32.5"],
    ["rangingTrades", 7, "7"],
    ["finalEquity", 104294.4, "104,294"],
    ["sharpe", null, "n/a"],
    ["sharpe", NaN, "n/a"],
    ["profitFactor", Infinity, "\u221e"],
  ])("writes %s %s as %s", (metric, value, label) => {
    expect(metricLabel(metric, value)).toBe(label);
  });

  it("tells percent metrics from others", () => {
    expect(["totalReturn", "annualizedVolatility", "maxDrawdown", "timeInMarket", "outOfSampleReturn"].every(isPercentMetric)).toBe(true);
    expect(["sharpe", "trades", "profitFactor", "finalEquity", "trendingUpSharpe"].some(isPercentMetric)).toBe(false);
  });
});
