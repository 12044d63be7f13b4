import { describe, expect, it } from "vitest";
import { percentLabel } from "../../src/charts/percent-label.js";

describe("percentLabel", () => {
  it.each([
    [0.0312, 2, "3.12%"],
    [0.03125, 1, "3.1%"],
    [0.06, 2, "6%"],
    [-0.25, 2, "\u221225%"],
    [-0.00001, 2, "0%"],
    [0.5249, 0, "52%"],
    [Number.NaN, 2, "NaN"],
  ])("writes %s with %s decimals as %s", (value, digits, text) => {
    expect(percentLabel(value, digits)).toBe(text);
  });
});
