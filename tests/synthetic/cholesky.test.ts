import { describe, expect, it } from "vitest";
import { choleskyOfCorrelation } from "../../src/synthetic/cholesky.js";

describe("choleskyOfCorrelation", () => {
  it("returns a lower-triangular factor whose product with its transpose is the matrix", () => {
    const c = [[1, 0.6, -0.2], [0.6, 1, 0.3], [-0.2, 0.3, 1]];
    const l = choleskyOfCorrelation("correlation", c);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        if (j > i) expect(l[i]![j]).toBe(0);
        const v = l[i]!.reduce((a, x, p) => a + x * l[j]![p]!, 0);
        expect(v).toBeCloseTo(c[i]![j]!, 12);
      }
    }
    expect(choleskyOfCorrelation("c", [[1, 0.5], [0.5, 1]])[1]![1]).toBeCloseTo(Math.sqrt(0.75), 15);
  });

  it.each([
    ["not an array", 5, /invalid correlation: 5 \(expected a 3x3 correlation matrix/],
    ["the wrong size", [[1, 0], [0, 1]], /invalid correlation: .*3 symbols/],
    ["a ragged row", [[1, 0, 0], [0, 1], [0, 0, 1]], /invalid correlation\[1\].*square/],
    ["an entry outside [-1, 1]", [[1, 0, 0], [0, 1, 1.5], [0, 1.5, 1]], /invalid correlation\[1\]\[2\]: 1\.5/],
    ["a diagonal that is not 1", [[1, 0, 0], [0, 0.9, 0], [0, 0, 1]], /invalid correlation\[1\]\[1\]: 0\.9 \(expected 1/],
    ["an asymmetric matrix", [[1, 0.2, 0], [0.3, 1, 0], [0, 0, 1]], /invalid correlation\[1\]\[0\].*symmetric/],
    ["a matrix that is not positive definite", [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]], /invalid correlation: .*positive definite/],
    ["a singular matrix", [[1, 1, 0], [1, 1, 0], [0, 0, 1]], /positive definite/],
    ["a NaN entry", [[1, Number.NaN, 0], [Number.NaN, 1, 0], [0, 0, 1]], /invalid correlation\[0\]\[1\]/],
  ])("rejects %s", (_what, matrix, message) => {
    expect(() => choleskyOfCorrelation("correlation", matrix, 3)).toThrow(message);
  });
});
