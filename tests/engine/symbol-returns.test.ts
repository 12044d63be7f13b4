import { describe, expect, it } from "vitest";
import { symbolReturns } from "../../src/engine/symbol-returns.js";

const DAY = 86_400_000;
const f = (xs: number[]) => new Float64Array(xs);

describe("symbolReturns", () => {
  it("aligns daily closes from different zones on the UTC day, with NaN where a symbol has no bar", () => {
    const times = [f([0.9 * DAY, 1.9 * DAY, 2.9 * DAY]), f([0.3 * DAY, 2.3 * DAY])];
    const closes = [f([100, 110, 99]), f([50, 55])];
    const [a, b] = symbolReturns(["A", "B"], times, closes, [3, 2], "day");
    expect(Array.from(a!.returns)).toEqual([NaN, 0.10000000000000009, 99 / 110 - 1]);
    expect(Array.from(b!.returns)).toEqual([NaN, NaN, 0.10000000000000009]);
  });

  it("aligns on distinct close times with step alignment, using the last close of a day for day alignment", () => {
    const times = [f([1000, 2000, 3000])];
    const closes = [f([10, 20, 15])];
    expect(Array.from(symbolReturns(["A"], times, closes, [3], "step")[0]!.returns)).toEqual([NaN, 1, -0.25]);
    expect(Array.from(symbolReturns(["A"], times, closes, [3], "day")[0]!.returns)).toEqual([NaN]);
  });

  it("uses only the first counts[s] bars of each symbol", () => {
    const out = symbolReturns(["A"], [f([1, 2, 3])], [f([10, 11, 12])], [2], "step");
    expect(Array.from(out[0]!.returns)).toEqual([NaN, 0.10000000000000009]);
  });
});
