import { describe, expect, it } from "vitest";
import { InvalidOptionError, NotEnoughDataError } from "../../src/core/errors.js";
import { checkPeriod, notEnoughData } from "../../src/indicators/streaming-indicator.js";

describe("checkPeriod", () => {
  it.each([[1, 1], [2, 2], [252, 2]])("accepts %i when the minimum is %i", (period, min) => {
    expect(checkPeriod("SMA", period, min)).toBe(period);
  });

  it("rejects a period below the minimum with a hint naming the indicator", () => {
    expect(() => checkPeriod("ATR", 0, 1)).toThrow(InvalidOptionError);
    expect(() => checkPeriod("ATR", 0, 1)).toThrow('invalid period: 0 (expected a positive integer); ATR takes its look-back in bars, e.g. new ATR(20)');
    expect(() => checkPeriod("RealizedVolatility", 1, 2)).toThrow("invalid period: 1 (expected an integer >= 2)");
  });
});

describe("notEnoughData", () => {
  it("names the indicator, its period and the inputs seen and needed", () => {
    const error = notEnoughData("ADX", 14, 3, 27);
    expect(error).toBeInstanceOf(NotEnoughDataError);
    expect(error.message).toBe("not enough data for ADX(14): it has seen 3 input(s) and needs 27; check isStable first, or use getResult(), which returns undefined during warm-up");
    expect(error.details).toEqual({ indicator: "ADX", period: 14, seen: 3, required: 27 });
  });
});
