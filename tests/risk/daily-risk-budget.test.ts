import { describe, expect, it } from "vitest";
import { DailyRiskBudget } from "../../src/risk/daily-risk-budget.js";

describe("DailyRiskBudget", () => {
  it("takes the trading day in the symbol's zone: 03:00 UTC on March 1 is still February 29 in New York", () => {
    const budget = new DailyRiskBudget();
    const t = Date.UTC(2024, 2, 1, 3);
    expect(budget.dayOf(t, "America/New_York")).toBe("2024-02-29");
    expect(budget.dayOf(t, "Europe/London")).toBe("2024-03-01");
    expect(budget.dayOf(t, "Asia/Tokyo")).toBe("2024-03-01");
  });

  it("adds approved risk within a day, starts a new day from zero, and keeps zones apart", () => {
    const budget = new DailyRiskBudget({ maxDailyRisk: 0.02 });
    budget.record("America/New_York", "2024-02-29", 0.01);
    budget.record("America/New_York", "2024-02-29", 0.005);
    budget.record("Europe/London", "2024-03-01", 0.02);
    expect(budget.used("America/New_York", "2024-02-29")).toBe(0.015);
    expect(budget.remaining("America/New_York", "2024-02-29")).toBeCloseTo(0.005, 15);
    expect(budget.remaining("Europe/London", "2024-03-01")).toBe(0);
    budget.record("America/New_York", "2024-03-01", 0.002);
    expect(budget.used("America/New_York", "2024-03-01")).toBe(0.002);
    expect(budget.used("America/New_York", "2024-02-29")).toBe(0);
    budget.reset();
    expect(budget.used("Europe/London", "2024-03-01")).toBe(0);
  });

  it.each([0, -0.01, 1.5, Number.NaN])("rejects maxDailyRisk %f", (maxDailyRisk) => {
    expect(() => new DailyRiskBudget({ maxDailyRisk })).toThrow(/invalid maxDailyRisk/);
  });
});
