import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correlationMatrix } from "../../src/metrics/correlation-matrix.js";

describe("correlationMatrix", () => {
  it("gives ±1 for exactly linear series and 1 on the diagonal", () => {
    const m = correlationMatrix([
      { symbol: "A", returns: [1, 2, 3, 4] },
      { symbol: "B", returns: Float64Array.of(2, 4, 6, 8) },
      { symbol: "C", returns: [4, 3, 2, 1] },
    ]);
    expect(m.symbols).toEqual(["A", "B", "C"]);
    expect(m.matrix.map((row) => row.map((r) => (r === null ? null : Math.round(r * 1e12) / 1e12)))).toEqual([
      [1, 1, -1],
      [1, 1, -1],
      [-1, -1, 1],
    ]);
    expect(m.overlap).toEqual([[4, 4, 4], [4, 4, 4], [4, 4, 4]]);
  });

  it("uses the periods where both series have a value (pairwise complete)", () => {
    // common indices 0, 1, 4: x = 1, 2, 5 and y = 2, 1, 4; means 8/3 and 7/3;
    // Σdxdy = (5 + 8 + 35) / 9 = 48/9, Σdx² = 78/9, Σdy² = 42/9 → r = 48 / sqrt(78 × 42) = 0.8386278
    const m = correlationMatrix([
      { symbol: "X", returns: [1, 2, NaN, 4, 5] },
      { symbol: "Y", returns: [2, 1, 3, NaN, 4] },
    ]);
    expect(m.matrix[0]![1]).toBeCloseTo(48 / Math.sqrt(78 * 42), 12);
    expect(m.matrix[1]![0]).toBe(m.matrix[0]![1]);
    expect(m.overlap).toEqual([[4, 3], [3, 4]]);
  });

  it.each([
    ["a constant series", [{ symbol: "X", returns: [1, 2, 3] }, { symbol: "K", returns: [0.5, 0.5, 0.5] }], [[1, null], [null, null]]],
    ["an overlap of one period", [{ symbol: "X", returns: [1, NaN, 3] }, { symbol: "Y", returns: [NaN, 2, 3] }], [[1, null], [null, 1]]],
  ])("gives null for %s", (_, series, expected) => {
    expect(correlationMatrix(series).matrix).toEqual(expected);
  });

  it("gives null below minOverlap", () => {
    const series = [{ symbol: "X", returns: [1, 2, 4] }, { symbol: "Y", returns: [1, 3, 2] }];
    expect(correlationMatrix(series, { minOverlap: 4 }).matrix).toEqual([[null, null], [null, null]]);
  });

  it("gives an empty matrix for no series", () => {
    expect(correlationMatrix([])).toEqual({ symbols: [], matrix: [], overlap: [] });
  });

  it.each([
    ["lengths that differ", [{ symbol: "X", returns: [1, 2] }, { symbol: "Y", returns: [1] }], /invalid series\[1\].returns: "length 1" \(expected 2 periods like series\[0\]\); align/],
    ["a repeated symbol", [{ symbol: "X", returns: [1] }, { symbol: "X", returns: [2] }], /invalid series\[1\].symbol: "X" \(expected each symbol once\)/],
  ])("rejects %s", (_, series, message) => {
    expect(() => correlationMatrix(series)).toThrow(message);
  });

  it("is symmetric, within [-1, 1], and survives a JSON round trip", () => {
    const value = fc.oneof(fc.double({ min: -0.1, max: 0.1, noNaN: true }), fc.constant(NaN));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 30 }), fc.infiniteStream(value), (k, n, stream) => {
        const series = Array.from({ length: k }, (_, i) => ({ symbol: `S${i}`, returns: Float64Array.from({ length: n }, () => stream.next().value) }));
        const m = correlationMatrix(series);
        for (let i = 0; i < k; i++) {
          for (let j = 0; j < k; j++) {
            expect(m.matrix[i]![j]).toBe(m.matrix[j]![i]);
            const r = m.matrix[i]![j];
            if (r !== null) expect(Math.abs(r)).toBeLessThanOrEqual(1);
          }
        }
        expect(JSON.parse(JSON.stringify(m))).toEqual(m);
      }),
    );
  });
});
