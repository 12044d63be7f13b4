import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidOptionError, NotEnoughDataError } from "../../src/core/errors.js";
import type { StreamingIndicator } from "../../src/indicators/streaming-indicator.js";

/** One indicator under the shared contract: how to make it, feed it one row of inputs, and compute its column. */
export interface IndicatorContract<I extends StreamingIndicator> {
  readonly name: string;
  /** What the suite is called when one indicator runs it more than once, e.g. "EMA with seed 'first'". */
  readonly label?: string;
  readonly periods: readonly number[];
  /** The invalid periods the constructor must reject. */
  readonly invalidPeriods?: readonly unknown[];
  requiredInputs(period: number): number;
  create(period: number): I;
  /** Feeds one row (one value per input column) and returns what `update` returned. */
  update(indicator: I, row: readonly number[]): number | undefined;
  column(columns: readonly Float64Array[], period: number): Float64Array;
  /** Real input columns (e.g. [close] or [high, low, close]). */
  readonly columns: readonly Float64Array[];
  /** Random input columns, all of one length. */
  readonly arbitrary: fc.Arbitrary<Float64Array[]>;
}

/** Returns random positive price columns: [close] for arity 1, [high, low, close] for arity 3. */
export function randomPrices(arity: 1 | 3, maxLength = 120): fc.Arbitrary<Float64Array[]> {
  const bar = fc.record({
    close: fc.double({ min: 1, max: 1000, noNaN: true }),
    up: fc.double({ min: 0, max: 50, noNaN: true }),
    down: fc.double({ min: 0, max: 0.9, noNaN: true }),
  });
  return fc.array(bar, { maxLength }).map((bars) => {
    const close = Float64Array.from(bars, (b) => b.close);
    if (arity === 1) return [close];
    return [Float64Array.from(bars, (b) => b.close + b.up), Float64Array.from(bars, (b) => b.close * (1 - b.down)), close];
  });
}

const rowAt = (columns: readonly Float64Array[], i: number): number[] => columns.map((c) => c[i]!);
const sliceAll = (columns: readonly Float64Array[], end: number) => columns.map((c) => c.slice(0, end));

/** Asserts two columns are identical, NaN for NaN, reporting the first index that differs. */
function expectIdentical(actual: Float64Array, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) if (!Object.is(actual[i], expected[i])) expect({ i, value: actual[i] }).toEqual({ i, value: expected[i] });
}

/** Runs the contract every streaming indicator of regime-lab keeps (after trading-signals' testIndicatorContract). */
export function testIndicatorContract<I extends StreamingIndicator>(c: IndicatorContract<I>): void {
  describe(`${c.label ?? c.name} contract`, () => {
    it.each(c.periods)(`reports undefined during warm-up and its first value at index requiredInputs - 1 (period %i)`, (period) => {
      const indicator = c.create(period);
      const required = c.requiredInputs(period);
      expect(indicator.requiredInputs).toBe(required);
      expect(indicator.period).toBe(period);
      for (let i = 0; i < required - 1; i++) {
        expect(c.update(indicator, rowAt(c.columns, i))).toBeUndefined();
        expect(indicator.getResult()).toBeUndefined();
        expect(indicator.isStable).toBe(false);
        expect(indicator.warm).toBe(false);
        expect(indicator.seenInputs).toBe(i + 1);
      }
      const first = c.update(indicator, rowAt(c.columns, required - 1));
      expect(first).toEqual(expect.any(Number));
      expect(indicator.isStable).toBe(true);
      expect(indicator.warm).toBe(true);
      expect(indicator.getResult()).toBe(first);
      expect(indicator.getResultOrThrow()).toBe(first);
    });

    it("throws NotEnoughDataError naming the indicator, its period and the inputs seen and needed", () => {
      const period = c.periods[c.periods.length - 1]!;
      const indicator = c.create(period);
      const required = c.requiredInputs(period);
      expect(() => indicator.getResultOrThrow()).toThrow(NotEnoughDataError);
      c.update(indicator, rowAt(c.columns, 0));
      const expected = new RegExp(`not enough data for ${c.name}\\(${period}\\): it has seen 1 input\\(s\\) and needs ${required}`);
      expect(() => indicator.getResultOrThrow()).toThrow(expected);
      try {
        indicator.getResultOrThrow();
      } catch (error) {
        expect((error as NotEnoughDataError).code).toBe("NOT_ENOUGH_DATA");
        expect((error as NotEnoughDataError).details).toEqual({ indicator: c.name, period, seen: 1, required });
      }
    });

    it.each(c.periods)("equals its column function at every index of the real data (period %i)", (period) => {
      const indicator = c.create(period);
      const streamed = Float64Array.from({ length: c.columns[0]!.length }, (_, i) => c.update(indicator, rowAt(c.columns, i)) ?? Number.NaN);
      expectIdentical(c.column(c.columns, period), streamed);
    });

    it("never changes a value when later inputs are appended (no look-ahead), on real data", () => {
      const period = c.periods[0]!;
      const full = c.column(c.columns, period);
      for (const end of [0, 1, period, 2 * period + 3, 1000]) expectIdentical(c.column(sliceAll(c.columns, end), period), full.subarray(0, end));
    });

    it("never changes a value when later inputs are appended (no look-ahead), on random data", () => {
      fc.assert(
        fc.property(c.arbitrary, fc.nat(), fc.constantFrom(...c.periods.filter((p) => p <= 20)), (columns, cut, period) => {
          const full = c.column(columns, period);
          const end = columns[0]!.length === 0 ? 0 : cut % (columns[0]!.length + 1);
          expectIdentical(c.column(sliceAll(columns, end), period), full.subarray(0, end));
        }),
        { numRuns: 200 },
      );
    });

    it("skips NaN inputs: NaN out at their index, the other values as without them", () => {
      fc.assert(
        fc.property(c.arbitrary, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.constantFrom(...c.periods.filter((p) => p <= 20)), (columns, holes, period) => {
          const n = columns[0]!.length;
          const at = new Set(holes.map((h) => h % (n + 1)));
          const gappy = columns.map((col, k) => {
            const out: number[] = [];
            for (let i = 0; i <= n; i++) {
              if (at.has(i)) out.push(k === 0 ? Number.NaN : 1);
              if (i < n) out.push(col[i]!);
            }
            return Float64Array.from(out);
          });
          const withGaps = c.column(gappy, period);
          const without = c.column(columns, period);
          const kept: number[] = [];
          gappy[0]!.forEach((v, i) => (Number.isNaN(v) ? expect(withGaps[i]).toBeNaN() : kept.push(withGaps[i]!)));
          expectIdentical(Float64Array.from(kept), without);
        }),
        { numRuns: 100 },
      );
    });

    it.each((c.invalidPeriods ?? [0, -1, 2.5, Number.NaN, "14", undefined]).map((p) => [p]))("rejects the period %s with InvalidOptionError", (period) => {
      expect(() => c.create(period as number)).toThrow(InvalidOptionError);
      expect(() => c.create(period as number)).toThrow(/^invalid period: .* \(expected (a positive integer|an integer >= \d)\)/);
      expect(() => c.column(c.columns, period as number)).toThrow(/invalid period/);
    });
  });
}
