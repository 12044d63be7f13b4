import { describe, expect, it } from "vitest";
import { calmarRatio } from "../../src/metrics/calmar-ratio.js";

describe("calmarRatio", () => {
  it("divides the annualized return by the size of the maximum drawdown", () => {
    expect(calmarRatio(0.12, -0.3)).toBeCloseTo(0.4, 15); // 0.12 / 0.3
    expect(calmarRatio(-0.06, -0.2)).toBeCloseTo(-0.3, 15); // -0.06 / 0.2
  });

  it.each([
    ["no drawdown", 0.1, 0],
    ["no annualized return", null, -0.2],
    ["no drawdown figure", 0.1, null],
  ])("is null for %s", (_, cagr, dd) => {
    expect(calmarRatio(cagr, dd)).toBeNull();
  });
});
