import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount, formatNumber } from "../../src/core/format-number.js";

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [42, "42"],
    [1234567, "1234567"],
    [4512.2500001, "4512.25"],
    [0.1 + 0.2, "0.3"],
    [-1.23456789, "-1.2345679"],
    [1e-7 / 3, "3.3333333e-8"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
  ])("writes %s as %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it("rounds to the requested significant digits", () => {
    expect(formatNumber(3.14159, 3)).toBe("3.14");
  });

  it("reads back within its rounding for any finite number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const y = Number(formatNumber(x));
        expect(Math.abs(y - x)).toBeLessThanOrEqual(Math.abs(x) * 1e-7);
      }),
    );
  });
});

describe("formatCount", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [5104, "5,104"],
    [-1234567, "-1,234,567"],
  ])("writes %s as %s", (value, text) => {
    expect(formatCount(value)).toBe(text);
  });

  it("groups digits as the en-US locale does, whatever the machine's locale", () => {
    const enUs = new Intl.NumberFormat("en-US");
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(formatCount(n)).toBe(enUs.format(n === 0 ? 0 : n)); // Intl writes -0 as "-0"
      }),
    );
  });
});
