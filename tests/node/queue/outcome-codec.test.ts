import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeOutcome, encodeOutcome } from "../../../src/node/queue/outcome-codec.js";
import type { SweepOutcome } from "../../../src/sweep/sweep-executor.js";

const throughJson = (o: SweepOutcome): SweepOutcome => decodeOutcome(JSON.parse(JSON.stringify(encodeOutcome(o))));

describe("encodeOutcome", () => {
  it("round-trips every double through JSON bit for bit, -0, NaN and the infinities included", () => {
    fc.assert(fc.property(fc.array(fc.double()), fc.double(), fc.oneof(fc.string(), fc.boolean(), fc.constant(null)), (xs, x, other) => {
      const outcome: SweepOutcome = { row: { run: 3, x, other }, curve: { ts: Float64Array.from(xs), equity: Float64Array.from(xs, (v) => -v) } };
      const back = throughJson(outcome);
      expect(Object.is(back.row.x, x)).toBe(true);
      expect(back.row.other).toBe(other);
      expect(back.curve!.ts).toBeInstanceOf(Float64Array);
      back.curve!.ts.forEach((v, i) => expect(Object.is(v, xs[i]!)).toBe(true));
      back.curve!.equity.forEach((v, i) => expect(Object.is(v, -xs[i]!)).toBe(true));
    }));
  });

  it("leaves out the curve when the outcome has none", () => {
    expect(encodeOutcome({ row: { run: 0, symbol: "SPX", sharpe: null } })).toEqual({ row: { run: 0, symbol: "SPX", sharpe: null } });
    expect(encodeOutcome({ row: { a: -0 } })).toEqual({ row: { a: { $number: "-0" } } });
  });
});
