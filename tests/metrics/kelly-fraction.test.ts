import { describe, expect, it } from "vitest";
import { kellyFraction } from "../../src/metrics/kelly-fraction.js";

describe("kellyFraction", () => {
  it.each([
    [0.5, 2, 0.25], // 0.5 - 0.5 / 2
    [0.4, 1.5, 0], // 0.4 - 0.6 / 1.5: no edge
    [0.3, 1, -0.4], // 0.3 - 0.7 / 1: negative edge, do not bet
    [1, 3, 1], // 1 - 0 / 3
    [0.6, 1, 0.2], // even-money coin with p = 0.6: 2p - 1
  ])("gives W = %d, R = %d → %d", (w, r, expected) => {
    expect(kellyFraction(w, r)).toBeCloseTo(expected, 15);
  });

  it.each([
    [1.2, 2, /invalid winRate: 1.2/],
    [0.5, 0, /invalid payoffRatio: 0/],
    [0.5, -1, /invalid payoffRatio: -1/],
  ])("rejects W = %d, R = %d", (w, r, message) => {
    expect(() => kellyFraction(w, r)).toThrow(message);
  });
});
