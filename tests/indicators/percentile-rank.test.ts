import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PercentileRank, percentileRankColumn } from "../../src/indicators/percentile-rank.js";
import { realizedVolatilityColumn } from "../../src/indicators/realized-volatility.js";
import { randomPrices, testIndicatorContract } from "./indicator-contract.js";
import { expectSameSeries, firstValueIndex, sp500Daily } from "./sp500-daily.js";

const { close } = sp500Daily();
const periods = [1, 2, 5, 20, 252, 1000];
const kinds = ["weak", "strict", "mean"] as const;

for (const kind of kinds) {
  testIndicatorContract({
    name: "PercentileRank",
    label: `PercentileRank (${kind})`,
    periods: kind === "weak" ? periods : [1, 5, 20],
    requiredInputs: (p) => p,
    create: (p) => new PercentileRank(p, { kind }),
    update: (rank, [v]) => rank.update(v!),
    column: ([values], p) => percentileRankColumn(values!, p, { kind }),
    columns: [close],
    arbitrary: randomPrices(1),
  });
}

/** Counts, for every index, the window values below and equal to the latest: O(n * period), NaN skipped. */
function reference(values: ArrayLike<number>, period: number, kind: (typeof kinds)[number]): number[] {
  const kept: number[] = [];
  const out: number[] = [];
  for (let t = 0; t < values.length; t++) {
    const v = values[t]!;
    if (Number.isNaN(v)) {
      out.push(Number.NaN);
      continue;
    }
    kept.push(v);
    if (kept.length < period) {
      out.push(Number.NaN);
      continue;
    }
    const window = kept.slice(-period);
    const below = window.filter((w) => w < v).length;
    const atMost = window.filter((w) => w <= v).length;
    out.push(kind === "weak" ? atMost / period : kind === "strict" ? below / period : (below + atMost) / (2 * period));
  }
  return out;
}

describe("PercentileRank on the S&P 500 daily data", () => {
  it.each(periods)("ranks the closes as the O(n * period) reference does, exactly, first value at index period - 1 (%i)", (period) => {
    for (const kind of kinds) {
      const ours = percentileRankColumn(close, period, { kind });
      expectSameSeries(ours, reference(close, period, kind), 0);
      expect(firstValueIndex(ours)).toBe(period - 1);
    }
  });

  it("ranks 20-day realized volatility over a year, skipping its NaN warm-up", () => {
    const vol = realizedVolatilityColumn(close, 20);
    const ours = percentileRankColumn(vol, 252);
    expectSameSeries(ours, reference(vol, 252, "weak"), 0);
    expect(firstValueIndex(ours)).toBe(20 + 251);
  });
});

describe("PercentileRank", () => {
  it("matches the reference on random data full of ties, for every kind", () => {
    const values = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 80 });
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 12 }), fc.constantFrom(...kinds), (ints, period, kind) => {
        expectSameSeries(percentileRankColumn(ints, period, { kind }), reference(ints, period, kind), 0);
      }),
      { numRuns: 500 },
    );
  });

  it("gives the window's maximum 1 and its minimum 1 / period with the weak kind", () => {
    expect(Array.from(percentileRankColumn([3, 1, 2, 5, 0], 4))).toEqual([NaN, NaN, NaN, 1, 0.25]);
    expect(Array.from(percentileRankColumn([3, 1, 2, 5, 0], 4, { kind: "strict" }))).toEqual([NaN, NaN, NaN, 0.75, 0]);
  });

  it("rejects an unknown kind", () => {
    expect(() => new PercentileRank(5, { kind: "rank" as "weak" })).toThrow(/invalid kind: "rank" \(expected one of "weak", "strict", "mean"\)/);
  });
});
