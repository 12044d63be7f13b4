import { describe, expect, it } from "vitest";
import { YEAR_MS, annualizedReturn } from "../../src/metrics/annualized-return.js";

describe("annualizedReturn", () => {
  it.each([
    // (121 / 100)^(1 / 2) - 1 = 1.1 - 1
    ["100 → 121 over two years", 100, 121, 2 * YEAR_MS, 0.1],
    // (110 / 100)^(1 / 0.5) - 1 = 1.21 - 1
    ["100 → 110 over half a year", 100, 110, YEAR_MS / 2, 0.21],
    // exactly one year: the total return
    ["100 → 93 over one year", 100, 93, YEAR_MS, -0.07],
    ["100 → 0: everything lost", 100, 0, YEAR_MS, -1],
  ])("compounds %s to %d a year", (_, start, end, elapsed, expected) => {
    expect(annualizedReturn(start, end, elapsed)).toBeCloseTo(expected, 12);
  });

  it("uses 365.25-day years of calendar time", () => {
    expect(YEAR_MS).toBe(365.25 * 86_400_000);
  });

  it.each([
    ["start equity 0", 0, 100, YEAR_MS],
    ["negative start equity", -5, 100, YEAR_MS],
    ["negative end equity", 100, -5, YEAR_MS],
    ["no elapsed time", 100, 110, 0],
  ])("is null for %s", (_, start, end, elapsed) => {
    expect(annualizedReturn(start, end, elapsed)).toBeNull();
  });
});
